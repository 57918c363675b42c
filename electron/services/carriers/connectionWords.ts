import type { Lang } from '../../../domain/text';
import type { ConnectionOutcome } from './providerRequest';

export type ProviderId = 'myparcel' | 'veloyd';

export const providerNames: Readonly<Record<ProviderId, string>> = { myparcel: 'MyParcel', veloyd: 'MSG / Veloyd' };

/** The provider's answer as the shop owner reads it: what happened and what to do, never a stack. */
export function describeOutcome(result: ConnectionOutcome, provider: ProviderId, lang: Lang, context: { host: string; seconds: number }): string {
  const name = providerNames[provider];
  const nl = lang === 'nl';
  switch (result.outcome) {
    case 'accepted':
      if (result.account)
        return nl ? `Verbinding gelukt: ${name} heeft de API-sleutel geaccepteerd voor account „${result.account}”.` : `Connected: ${name} accepted the API key for account “${result.account}”.`;
      return nl ? `Verbinding gelukt: ${name} heeft de API-sleutel geaccepteerd.` : `Connected: ${name} accepted the API key.`;
    case 'refused':
      return nl
        ? `${name} weigert de API-sleutel (HTTP ${result.status}). Kopieer de sleutel opnieuw uit uw account bij ${name} en sla hem op.`
        : `${name} refused the API key (HTTP ${result.status}). Copy the key again from your ${name} account and save it.`;
    case 'unreachable':
      return nl
        ? `${name} is niet bereikbaar (${context.host}). Controleer de internetverbinding en probeer het later opnieuw.`
        : `${name} cannot be reached (${context.host}). Check the internet connection and try again later.`;
    case 'timedOut':
      return nl
        ? `${name} gaf binnen ${context.seconds} seconden geen antwoord. Probeer het later opnieuw.`
        : `${name} did not answer within ${context.seconds} seconds. Try again later.`;
    case 'unexpected':
      return nl
        ? `${name} gaf een onverwacht antwoord (HTTP ${result.status}). Probeer het later opnieuw; blijft dit zo, neem dan contact op met ${name}.`
        : `${name} gave an unexpected answer (HTTP ${result.status}). Try again later; if it persists, contact ${name}.`;
  }
}
