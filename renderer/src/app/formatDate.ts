/** `28 november 2026 om 10:15` in Dutch, `28 November 2026 at 10:15` in English. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}
