import type { Lang } from './text';

/**
 * How old something is, in the user's words: "3 uur geleden", "2 days ago". Whole units,
 * rounded down, so an overview fetched 59 minutes ago never reads "1 uur geleden".
 */
export function relativeAge(thenIso: string, nowMs: number, lang: Lang): string {
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(thenIso)) / 1000));
  const format = new Intl.RelativeTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { numeric: 'auto' });
  if (seconds < 60) return format.format(0, 'second');
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return format.format(-Math.floor(seconds / 3600), 'hour');
  return format.format(-Math.floor(seconds / 86_400), 'day');
}
