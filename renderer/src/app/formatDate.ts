/** `28 november 2026 om 10:15` in Dutch, `28 November 2026 at 10:15` in English. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * A calendar day (`2026-10-24`, a day in Europe/Amsterdam as the cloud counts it) the way the
 * shop reads it: `za 24-10-2026` in Dutch, `Sat 24/10/2026` in English. Read as noon UTC so no
 * time zone can move it to the day before or after.
 */
export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const locale = language === 'en' ? 'en-GB' : 'nl-NL';
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(date);
  const [year, month, dayOfMonth] = day.split('-');
  return `${weekday} ${dayOfMonth}${language === 'en' ? '/' : '-'}${month}${language === 'en' ? '/' : '-'}${year}`;
}
