import { describe, expect, it } from 'vitest';
import { divideRounded, formatEuro, parseEuro, readEuro } from './money';
import { excludingVat, includingVat, vatIncluded } from './vat';

describe('money', () => {
  it('reads amounts the way Dutch and English users type them', () => {
    expect(parseEuro('12,50')).toBe(1250);
    expect(parseEuro('€ 1.234,56')).toBe(123_456);
    expect(parseEuro('1.234')).toBe(123_400);
    expect(parseEuro('12.5')).toBe(1250);
    expect(parseEuro('1,234.56')).toBe(123_456);
    expect(parseEuro('7')).toBe(700);
    expect(parseEuro('-3,10')).toBe(-310);
  });
  it('reads 12,- as twelve euros, the common Dutch notation (issue 11 item 18)', () => {
    expect(parseEuro('12,-')).toBe(1200);
    expect(parseEuro('€ 12,-')).toBe(1200);
    expect(parseEuro('1.250,--')).toBe(125_000);
    expect(parseEuro('12,-5')).toBeNull();
  });
  it('never guesses a thousandfold: 0.500 and 1,500 are refused with both readings (issue 11 item 18)', () => {
    expect(readEuro('0.500')).toEqual({ ok: false, reason: 'money.ambiguous', small: 50, large: 50_000 });
    expect(readEuro('1,500')).toEqual({ ok: false, reason: 'money.ambiguous', small: 150, large: 150_000 });
    expect(parseEuro('0.500')).toBeNull();
    expect(parseEuro('1.500')).toBe(150_000);
    expect(parseEuro('1.000.000')).toBe(100_000_000);
    expect(parseEuro('1.23,45')).toBeNull();
  });
  it('refuses what is not an amount or has more than 2 decimals', () => {
    for (const text of ['', 'abc', '12,345,6', '1,005', '12,5,0', '1.2.3,4,5']) expect(parseEuro(text)).toBeNull();
  });
  it('shows amounts as € 1.234,56', () => {
    expect(formatEuro(123_456).replace(/\s/g, ' ')).toBe('€ 1.234,56');
    expect(formatEuro(5).replace(/\s/g, ' ')).toBe('€ 0,05');
  });
  it('rounds half away from zero on whole cents', () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(4, 3)).toBe(1);
    expect(divideRounded(7, 7)).toBe(1);
  });
});

describe('VAT', () => {
  it('derives the price excl. VAT as DOMAIN.md says: € 5,00 incl. 21 % is € 4,13 excl.', () => {
    expect(excludingVat(500, 'high')).toBe(413);
    expect(excludingVat(109, 'low')).toBe(100);
    expect(excludingVat(1000, 'zero')).toBe(1000);
    expect(excludingVat(1000, 'exempt')).toBe(1000);
  });
  it('adds VAT and keeps excl. + VAT equal to incl. to the cent', () => {
    expect(includingVat(413, 'high')).toBe(500);
    for (let cents = 0; cents < 5000; cents += 7) {
      for (const rate of ['high', 'low', 'zero', 'exempt'] as const) {
        expect(excludingVat(cents, rate) + vatIncluded(cents, rate)).toBe(cents);
      }
    }
  });
});
