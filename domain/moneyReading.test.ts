import { describe, expect, it } from 'vitest';
import { divideRounded, parseEuro, readEuro } from './money';

describe('amounts typed at the till', () => {
  it('reads the Dutch whole-euro notations with a dash after the comma', () => {
    expect(parseEuro('€ 12,-')).toBe(1200);
    expect(parseEuro('12,--')).toBe(1200);
    expect(parseEuro('12,—')).toBe(1200);
    expect(parseEuro('eur 12,–')).toBe(1200);
    expect(parseEuro('-12,-')).toBe(-1200);
    expect(parseEuro('12,---')).toBeNull();
  });

  it('refuses an amount with words before or after it instead of reading the digits out of it', () => {
    expect(readEuro('ca. 12')).toEqual({ ok: false, reason: 'money.invalid' });
    expect(readEuro('12 stuks')).toEqual({ ok: false, reason: 'money.invalid' });
    expect(readEuro('x12,50')).toEqual({ ok: false, reason: 'money.invalid' });
    expect(readEuro('12,50x')).toEqual({ ok: false, reason: 'money.invalid' });
    expect(readEuro('')).toEqual({ ok: false, reason: 'money.invalid' });
  });

  it('reads thousands and decimals the way the last mark says', () => {
    expect(parseEuro('1.234,56')).toBe(123456);
    expect(parseEuro('1,234.56')).toBe(123456);
    expect(parseEuro('-1.234,5')).toBe(-123450);
    expect(parseEuro('12.345.678')).toBe(1234567800);
    expect(parseEuro('1.234.567,8')).toBe(123456780);
    expect(parseEuro('12,5')).toBe(1250);
    expect(parseEuro('12.5')).toBe(1250);
    // Badly grouped thousands are not an amount.
    expect(parseEuro('12.34,56')).toBeNull();
    expect(parseEuro('1234.567,00')).toBeNull();
    expect(parseEuro('1.23.456')).toBeNull();
    expect(parseEuro('1,234,567')).toBeNull();
    expect(parseEuro('0.512')).toBeNull();
    expect(parseEuro('1,234')).toBeNull();
    expect(parseEuro('1,2345')).toBeNull();
  });

  it('refuses rather than asks when only one reading is even possible', () => {
    const invalid = { ok: false, reason: 'money.invalid' };
    expect(readEuro('0.512')).toEqual(invalid);
    expect(readEuro('1,234')).toEqual(invalid);
    expect(readEuro('01,230')).toEqual(invalid);
    expect(readEuro('1.2340')).toEqual(invalid);
    expect(readEuro('1,2340')).toEqual(invalid);
  });

  it('asks which of the two readings was meant, naming both', () => {
    expect(readEuro('0.500')).toEqual({ ok: false, reason: 'money.ambiguous', small: 50, large: 50000 });
    expect(readEuro('2,750')).toEqual({ ok: false, reason: 'money.ambiguous', small: 275, large: 275000 });
  });
});

describe('rounding a division to whole cents', () => {
  it('keeps the sign of the result whichever side is negative', () => {
    expect(divideRounded(5, -2)).toBe(-3);
    expect(divideRounded(-5, -2)).toBe(3);
    expect(divideRounded(-7, 2)).toBe(-4);
    expect(divideRounded(0, 7)).toBe(0);
  });

  it('rounds below half down and exactly half away from zero', () => {
    expect(divideRounded(1, 3)).toBe(0);
    expect(divideRounded(2, 3)).toBe(1);
    expect(divideRounded(1, 2)).toBe(1);
    expect(divideRounded(14, 4)).toBe(4);
    expect(divideRounded(13, 4)).toBe(3);
  });
});
