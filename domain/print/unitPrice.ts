import { divideRounded, formatEuro, type Cents } from '../money';

/**
 * The price per unit that the Besluit prijsaanduiding producten asks for goods sold by weight,
 * volume or length: "€ 12,45 per kg". Content is kept in thousandths of the base unit (grams,
 * millilitres, millimetres) so the arithmetic stays in integers.
 */
export const contentUnits = ['g', 'kg', 'ml', 'cl', 'l', 'cm', 'm', 'st'] as const;
export type ContentUnit = (typeof contentUnits)[number];

const base: Readonly<Record<Exclude<ContentUnit, 'st'>, { per: 'kg' | 'l' | 'm'; thousandths: number }>> = {
  g: { per: 'kg', thousandths: 1 },
  kg: { per: 'kg', thousandths: 1000 },
  ml: { per: 'l', thousandths: 1 },
  cl: { per: 'l', thousandths: 10 },
  l: { per: 'l', thousandths: 1000 },
  cm: { per: 'm', thousandths: 10 },
  m: { per: 'm', thousandths: 1000 },
};

/** `0,75` or `750` → thousandths as an integer (0,75 → 750); null when it is not a positive number. */
export function parseQuantity(text: string): number | null {
  const match = /^(\d+)(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  return value > 0 ? value : null;
}

export interface UnitPrice {
  cents: Cents;
  per: 'kg' | 'l' | 'm';
  text: string;
}

/**
 * The unit price, or null when the rules do not ask for one: goods sold per piece, or in a
 * standard quantity (exactly 1 kg, 1 l or 1 m), where the price already is the unit price.
 */
export function unitPriceFor(priceInclVat: Cents, content: string, unit: ContentUnit): UnitPrice | null {
  if (unit === 'st') return null;
  const amount = parseQuantity(content);
  if (amount === null) return null;
  const { per, thousandths } = base[unit];
  const inBaseThousandths = amount * thousandths;
  if (inBaseThousandths === 1_000_000) return null;
  const cents = divideRounded(priceInclVat * 1_000_000, inBaseThousandths);
  return { cents, per, text: `${formatEuro(cents)} per ${per}` };
}
