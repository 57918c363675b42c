import { divideRounded, type Cents } from './money';
import type { Text } from './text';

/**
 * The Dutch VAT rates. Rates are kept as exact fractions (DOMAIN: `0.21`), computed with as
 * basis points (2100 = 21,00 %) so every calculation stays in integers. "Vrijgesteld" (exempt)
 * is not the same as 0 %: no VAT is charged and none appears on the invoice's VAT lines.
 */
export interface VatRate {
  id: VatRateId;
  fraction: string | null;
  basisPoints: number;
  label: Text;
}

export const vatRateIds = ['high', 'low', 'zero', 'exempt'] as const;
export type VatRateId = (typeof vatRateIds)[number];

export const vatRates: Readonly<Record<VatRateId, VatRate>> = {
  high: { id: 'high', fraction: '0.21', basisPoints: 2100, label: { nl: '21 % (hoog)', en: '21% (standard)' } },
  low: { id: 'low', fraction: '0.09', basisPoints: 900, label: { nl: '9 % (laag)', en: '9% (reduced)' } },
  zero: { id: 'zero', fraction: '0', basisPoints: 0, label: { nl: '0 %', en: '0%' } },
  exempt: { id: 'exempt', fraction: null, basisPoints: 0, label: { nl: 'Vrijgesteld', en: 'Exempt' } },
};

/** ppu from ppu_wt: `round(ppu_wt / (1 + rate))`, e.g. € 5,00 incl. 21 % is € 4,13 excl. */
export function excludingVat(includingVat: Cents, rate: VatRateId): Cents {
  const bp = vatRates[rate].basisPoints;
  return divideRounded(includingVat * 10_000, 10_000 + bp);
}

/** ppu_wt from ppu: `round(ppu · (1 + rate))`. */
export function includingVat(excluding: Cents, rate: VatRateId): Cents {
  const bp = vatRates[rate].basisPoints;
  return divideRounded(excluding * (10_000 + bp), 10_000);
}

/** The VAT inside an amount incl. VAT; defined as the difference so that excl + VAT = incl exactly. */
export function vatIncluded(includingVatAmount: Cents, rate: VatRateId): Cents {
  return includingVatAmount - excludingVat(includingVatAmount, rate);
}

/** The rates as choices for a select field. */
export const vatRateOptions = vatRateIds.map((id) => ({ value: id, label: vatRates[id].label }));
