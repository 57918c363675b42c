/**
 * What Pay.nl itself said about a refusal (its problem `detail`, e.g. "Service SL-3333-4444 not
 * found."), carried from the cloud to the workstation at the end of the cloud's error message.
 * The desktop's cloud client passes an error on as code and message only, so the words ride in
 * the message after this one marker, and both sides read and write it through this file.
 */
const marker = ' Pay.nl says: ';

/** The longest provider text passed on: enough for Pay.nl's one-sentence details, never a whole page. */
export const providerSaidLimit = 200;

/** One line of plain text: control characters (newlines, escapes) become spaces, so a log line stays one line. */
export function plainProviderText(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, providerSaidLimit);
}

/** The cloud's message with what the provider said appended, when it said anything. */
export function withProviderSaid(message: string, said: string | null): string {
  return said ? `${message}${marker}"${said}"` : message;
}

/** What the provider said, read back from the cloud's message; null when it said nothing. */
export function providerSaidIn(message: string): string | null {
  const at = message.lastIndexOf(marker);
  if (at < 0) return null;
  const quoted = message.slice(at + marker.length);
  const said = plainProviderText(quoted.startsWith('"') && quoted.endsWith('"') ? quoted.slice(1, -1) : quoted);
  return said || null;
}
