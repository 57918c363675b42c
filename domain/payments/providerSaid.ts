/**
 * What a payment provider itself said about a refusal (Pay.nl's problem `detail`, e.g. "Service
 * SL-3333-4444 not found."), made fit to show a manager and to log. The cloud cleans the
 * provider's words with it before they leave as an error's `detail`, and the workstation cleans
 * whatever arrives in that field again (domain/sync/protocol.ts), trusting neither side's input.
 */

import { oneLine } from '../text';

/** The longest provider text passed on: enough for Pay.nl's one-sentence details, never a whole page. */
export const providerSaidLimit = 200;

/** The provider's words as one plain line of at most `providerSaidLimit` characters. */
export function plainProviderText(text: string): string {
  return oneLine(text, providerSaidLimit);
}
