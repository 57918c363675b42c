import { describe, expect, it } from 'vitest';
import { orderTotals, salesOrderSchema, shopDay } from './salesOrder';
import { daysInPeriod, sumCents } from './salesReport';

describe('a sales order', () => {
  it('takes the VAT out per line, rounded half away from zero, for discounts too', () => {
    expect(orderTotals({ lines: [{ quantity: 2, unitPriceInclVatCents: 1250, vatRate: '0.21' }] })).toEqual({ inclCents: 2500, exclCents: 2066 });
    // 999 / 1,09 = 916,51 and 500 / 1,21 = 413,22: rounded per line, not over the sum (1.330 vs 1.329,73).
    expect(orderTotals({ lines: [{ quantity: 1, unitPriceInclVatCents: 999, vatRate: '0.09' }, { quantity: 1, unitPriceInclVatCents: 500, vatRate: '0.21' }] })).toEqual({ inclCents: 1499, exclCents: 1330 });
    expect(orderTotals({ lines: [{ quantity: 1, unitPriceInclVatCents: 10_000, vatRate: 'exempt' }, { quantity: 1, unitPriceInclVatCents: -1000, vatRate: '0.21' }] })).toEqual({ inclCents: 9000, exclCents: 9174 });
    expect(orderTotals({ lines: [{ quantity: 1, unitPriceInclVatCents: 5000, vatRate: '0' }] })).toEqual({ inclCents: 5000, exclCents: 5000 });
  });

  it('falls on the shop day in Amsterdam, in winter time and summer time and across both switches', () => {
    expect(shopDay('2026-03-28T22:59:59Z')).toBe('2026-03-28'); // 23:59:59 CET
    expect(shopDay('2026-03-28T23:30:00Z')).toBe('2026-03-29'); // 00:30 CET, the night the clocks go forward
    expect(shopDay('2026-03-29T21:59:59Z')).toBe('2026-03-29'); // 23:59:59 CEST
    expect(shopDay('2026-03-29T22:00:00Z')).toBe('2026-03-30'); // 00:00 CEST: a day of 23 hours ended
    expect(shopDay('2026-10-24T22:00:00Z')).toBe('2026-10-25'); // 00:00 CEST
    expect(shopDay('2026-10-25T22:59:00Z')).toBe('2026-10-25'); // 23:59 CET: a day of 25 hours
    expect(shopDay('2026-10-25T23:00:00Z')).toBe('2026-10-26');
    expect(shopDay('2026-10-25T00:15:00+02:00')).toBe('2026-10-25');
  });

  it('refuses what no sales channel should send: floats for money, no lines, another currency, an offset-less time', () => {
    const good = { orderId: 'W1-1001', placedAt: '2026-10-25T10:00:00+01:00', currency: 'EUR', lines: [{ quantity: 1, unitPriceInclVatCents: 1250, vatRate: '0.21' }] };
    expect(salesOrderSchema.safeParse(good).success).toBe(true);
    expect(salesOrderSchema.safeParse({ ...good, lines: [{ quantity: 1, unitPriceInclVatCents: 12.5, vatRate: '0.21' }] }).success).toBe(false);
    expect(salesOrderSchema.safeParse({ ...good, lines: [] }).success).toBe(false);
    expect(salesOrderSchema.safeParse({ ...good, currency: 'USD' }).success).toBe(false);
    expect(salesOrderSchema.safeParse({ ...good, placedAt: '2026-10-25T10:00:00' }).success).toBe(false);
    expect(salesOrderSchema.safeParse({ ...good, lines: [{ quantity: 1, unitPriceInclVatCents: 100, vatRate: '0.19' }] }).success).toBe(false);
    expect(salesOrderSchema.safeParse({ ...good, extra: 1 }).success).toBe(false);
  });

  it('keeps every line and order total within € 1 miljard either way, so no sum of them is ever rounded', () => {
    const good = { orderId: 'W1-1002', placedAt: '2026-10-25T10:00:00+01:00', currency: 'EUR' };
    const line = { quantity: 100_000, unitPriceInclVatCents: 99_999_999, vatRate: '0.21' };
    // The reviewer's order: 1000 such lines came to 9,999,999,900,000,000 cents, past 2^53.
    const huge = salesOrderSchema.safeParse({ ...good, lines: Array(1000).fill(line) });
    expect(huge.success).toBe(false);
    expect(huge.error?.issues[0]).toMatchObject({ path: ['lines', 0], message: expect.stringContaining('line total') });
    const atLimit = { quantity: 1000, unitPriceInclVatCents: 100_000_000, vatRate: '0.21' };
    expect(salesOrderSchema.safeParse({ ...good, lines: [atLimit, { ...atLimit, unitPriceInclVatCents: -100_000_000 }] }).success).toBe(true);
    const orderTooLarge = salesOrderSchema.safeParse({ ...good, lines: [atLimit, { ...atLimit, quantity: 1 }] });
    expect(orderTooLarge.error?.issues).toEqual([expect.objectContaining({ path: ['lines'], message: expect.stringContaining('order total') })]);
    expect(salesOrderSchema.safeParse({ ...good, lines: [{ ...atLimit, quantity: 1001 }] }).success).toBe(false);
  });

  it('adds report totals exactly, from database strings too, and refuses a total past 2^53 rather than round it', () => {
    expect(sumCents(['9007199254740990', 1, null, 0n])).toBe(9_007_199_254_740_991);
    expect(sumCents([-5, '-3'])).toBe(-8);
    expect(() => sumCents(['9007199254740991', 1])).toThrow(RangeError);
    expect(() => sumCents(['-9007199254740992'])).toThrow(RangeError);
  });

  it('counts the days of a period with both ends included', () => {
    expect(daysInPeriod('2026-10-24', '2026-10-26')).toBe(3);
    expect(daysInPeriod('2026-03-01', '2026-03-31')).toBe(31);
    expect(daysInPeriod('2026-03-02', '2026-03-01')).toBe(0);
  });
});
