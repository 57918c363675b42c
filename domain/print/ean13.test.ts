import { describe, expect, it } from 'vitest';
import { checkEan13, ean13CheckDigit } from './ean13';

describe('EAN-13 barcode of a product', () => {
  it('computes the GS1 check digit, including a sum that ends in 0', () => {
    expect(ean13CheckDigit('871234567890')).toBe(6);
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13CheckDigit('000000000000')).toBe(0);
    expect(ean13CheckDigit('100000000009')).toBe(2);
  });

  it('accepts a barcode with spaces as printed under the bars', () => {
    expect(checkEan13('8 712345 678906')).toEqual({ ok: true, value: '8712345678906' });
  });

  it('refuses a mistyped digit as a wrong check digit and anything else as the wrong format', () => {
    expect(checkEan13('8712345678907')).toEqual({ ok: false, reason: 'ean.checkDigit' });
    expect(checkEan13('8712345678960')).toEqual({ ok: false, reason: 'ean.checkDigit' });
    expect(checkEan13('871234567890')).toEqual({ ok: false, reason: 'ean.format' });
    expect(checkEan13('x8712345678906')).toEqual({ ok: false, reason: 'ean.format' });
    expect(checkEan13('8712345678906x')).toEqual({ ok: false, reason: 'ean.format' });
  });
});
