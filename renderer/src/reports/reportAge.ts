/** "3 minuten geleden" / "3 minutes ago": how old a cached answer is, in the unit a person would use. */
export function reportAge(iso: string, now: Date, language: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { numeric: 'auto' });
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [['second', 60], ['minute', 60], ['hour', 24], ['day', 365]];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return format.format(unit === 'second' ? Math.min(value, 0) : value, unit);
    value = Math.trunc(value / size);
  }
  return format.format(value, 'year');
}
