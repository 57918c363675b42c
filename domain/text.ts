/** The UI languages. Dutch is the default everywhere; English is the second language. */
export const languages = ['nl', 'en'] as const;
export type Lang = (typeof languages)[number];

/** A piece of UI text in every UI language; the catalogue never holds a string of one language only. */
export interface Text {
  nl: string;
  en: string;
}

/** Fills `{name}` slots; unknown slots stay visible so a missing value is noticed rather than hidden. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in values ? String(values[name]) : slot,
  );
}

/** One line of plain text of at most `limit` characters: control characters (newlines, escapes) become spaces, so what another party sent stays one line in a message and a log. */
export function oneLine(text: string, limit: number): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, limit);
}
