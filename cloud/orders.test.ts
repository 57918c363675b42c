import { describe, expect, it } from 'vitest';
import { salesReportSchema } from '../domain/sales/salesReport';
import { eq } from 'drizzle-orm';
import { newShop } from './accounts';
import { salesOrders } from './db/schema';
import { newChannelKey, revokeChannelKeys } from './orders/channelKeys';
import { pair, useFileCloud, workstation } from './test/harness';

/** Orders from sales channels and the sales report, over real HTTP against the embedded cloud. */
type Line = { quantity: number; unitPriceInclVatCents: number; vatRate: string };
const order = (orderId: string, placedAt: string, lines: Line[]) => ({ orderId, placedAt, currency: 'EUR', lines });

/**
 * Around the end of summer time (Sunday 25 October 2026, 03:00 CEST becomes 02:00 CET), with the
 * totals worked out by hand per line: excl = round(incl / (1 + rate)).
 */
const webshopOrders = [
  order('W1-1', '2026-10-24T21:59:59Z', [{ quantity: 2, unitPriceInclVatCents: 1250, vatRate: '0.21' }]), // 24th 23:59:59 CEST · 2500 / 2066
  order('W1-2', '2026-10-24T22:00:00Z', [{ quantity: 1, unitPriceInclVatCents: 999, vatRate: '0.09' }, { quantity: 1, unitPriceInclVatCents: 500, vatRate: '0.21' }]), // 25th 00:00 CEST · 1499 / 917+413
  order('W1-3', '2026-10-25T00:30:00Z', [{ quantity: 1, unitPriceInclVatCents: 10_000, vatRate: 'exempt' }, { quantity: 1, unitPriceInclVatCents: -1000, vatRate: '0.21' }]), // 02:30 CEST · 9000 / 10000−826
  order('W1-4', '2026-10-25T01:30:00Z', [{ quantity: 3, unitPriceInclVatCents: 333, vatRate: '0.21' }]), // 02:30 CET, the hour that happens twice · 999 / 826
];
const tillOrders = [
  order('S4-1', '2026-10-25T22:59:00Z', [{ quantity: 1, unitPriceInclVatCents: 121, vatRate: '0.21' }]), // 25th 23:59 CET · 121 / 100
  order('S4-2', '2026-10-25T00:15:00+02:00', [{ quantity: 1, unitPriceInclVatCents: 2420, vatRate: '0.21' }]), // 25th 00:15 CEST · 2420 / 2000
  order('S4-3', '2026-10-25T23:00:00Z', [{ quantity: 1, unitPriceInclVatCents: 5000, vatRate: '0' }]), // 26th 00:00 CET · 5000 / 5000
];

describe('orders from sales channels and the sales report', () => {
  const cloud = useFileCloud();

  const post = (key: string, body: unknown) =>
    fetch(`${cloud.url}/v1/orders`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function shopWithChannels() {
    const shop = await newShop(cloud.database.db, `Winkel ${Math.random()}`);
    const station = workstation(cloud.url, await pair(cloud.url, shop.code));
    const keys = { W1: await newChannelKey(cloud.database.db, shop.id, 'W1'), S4: await newChannelKey(cloud.database.db, shop.id, 'S4') };
    const report = async (from: string, to: string) => {
      const response = await station.call('GET', `/v1/reports/sales?from=${from}&to=${to}`);
      expect(response.status).toBe(200);
      return salesReportSchema.parse(await response.json());
    };
    return { shop, station, keys, report };
  }

  it('totals per channel and Amsterdam day equal the hand-computed fixture across the end of summer time', async () => {
    const { keys, report } = await shopWithChannels();
    for (const body of webshopOrders) expect((await post(keys.W1, body)).status).toBe(201);
    for (const body of tillOrders) expect((await post(keys.S4, body)).status).toBe(201);
    const answer = await report('2026-10-24', '2026-10-26');
    expect(answer.timeZone).toBe('Europe/Amsterdam');
    expect(answer.channels).toEqual([
      {
        channel: 'S4', orders: 3, inclCents: 7541, exclCents: 7100,
        days: [{ day: '2026-10-25', orders: 2, inclCents: 2541, exclCents: 2100 }, { day: '2026-10-26', orders: 1, inclCents: 5000, exclCents: 5000 }],
      },
      {
        channel: 'W1', orders: 4, inclCents: 13_998, exclCents: 13_396,
        days: [{ day: '2026-10-24', orders: 1, inclCents: 2500, exclCents: 2066 }, { day: '2026-10-25', orders: 3, inclCents: 11_498, exclCents: 11_330 }],
      },
    ]);
    const oneDay = await report('2026-10-25', '2026-10-25');
    expect(oneDay.channels.map((channel) => [channel.channel, channel.orders, channel.inclCents])).toEqual([['S4', 2, 2541], ['W1', 3, 11_498]]);
  });

  it('counts an order posted twice once, and refuses another order under an id already used', async () => {
    const { keys, report } = await shopWithChannels();
    const first = await post(keys.W1, webshopOrders[0]);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ orderId: 'W1-1', channel: 'W1', status: 'accepted' });
    const again = await post(keys.W1, webshopOrders[0]);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ orderId: 'W1-1', channel: 'W1', status: 'duplicate' });
    const changed = await post(keys.W1, { ...webshopOrders[0], lines: [{ quantity: 3, unitPriceInclVatCents: 1250, vatRate: '0.21' }] });
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as { error: { code: string } }).error.code).toBe('order_conflict');
    // The same id from another channel is another order.
    expect((await post(keys.S4, webshopOrders[0])).status).toBe(201);
    const answer = await report('2026-10-24', '2026-10-24');
    expect(answer.channels.map((channel) => [channel.channel, channel.orders, channel.inclCents])).toEqual([['S4', 1, 2500], ['W1', 1, 2500]]);
  });

  it('refuses an order without a valid channel key, with a revoked key, or that is malformed, naming the field', async () => {
    const { shop, keys, report } = await shopWithChannels();
    expect((await post('sck_not-a-real-key-at-all-but-long-enough-0000000', webshopOrders[0])).status).toBe(401);
    expect((await fetch(`${cloud.url}/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(webshopOrders[0]) })).status).toBe(401);
    const float = await post(keys.W1, order('W1-9', '2026-10-24T10:00:00Z', [{ quantity: 1, unitPriceInclVatCents: 12.5, vatRate: '0.21' }]));
    expect(float.status).toBe(400);
    expect(((await float.json()) as { error: { message: string } }).error.message).toContain('lines.0.unitPriceInclVatCents');
    // 1000 lines of 100,000 × € 999.999,99 summed past 2^53 cents; now each line and the order stop at € 1 miljard.
    const huge = await post(keys.W1, order('W1-10', '2026-10-24T10:00:00Z', Array(1000).fill({ quantity: 100_000, unitPriceInclVatCents: 99_999_999, vatRate: '0.21' })));
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { error: { message: string } }).error.message).toMatch(/^lines\.0: line total .* beyond 100000000000 cents/);
    expect(await revokeChannelKeys(cloud.database.db, shop.id, 'W1')).toBe(1);
    expect((await post(keys.W1, webshopOrders[0])).status).toBe(401);
    expect((await report('2026-10-01', '2026-10-31')).channels).toEqual([]);
  });

  it('refuses a report whose totals a number cannot hold exactly, instead of answering rounded totals', async () => {
    const { shop, station, report } = await shopWithChannels();
    // 90,000 orders of € 1 miljard in one day would do it; two rows written straight into the table stand in for them.
    const row = (orderId: string) => ({ shopId: shop.id, channel: 'W1', orderId, placedAt: '2026-10-24T10:00:00Z', day: '2026-10-24', totalInclCents: 5e15, totalExclCents: 4e15, bodyHash: orderId });
    await cloud.database.db.insert(salesOrders).values([row('W1-A'), row('W1-B')]);
    const tooLarge = await station.call('GET', '/v1/reports/sales?from=2026-10-01&to=2026-10-31');
    expect(tooLarge.status).toBe(422);
    expect(await tooLarge.json()).toEqual({ error: { code: 'report_too_large', message: expect.stringContaining('shorter period') } });
    await cloud.database.db.delete(salesOrders).where(eq(salesOrders.orderId, 'W1-B'));
    expect((await report('2026-10-01', '2026-10-31')).channels).toMatchObject([{ channel: 'W1', orders: 1, inclCents: 5e15, exclCents: 4e15 }]);
  });

  it('answers the report only to a paired workstation, for a sane period', async () => {
    const { station } = await shopWithChannels();
    expect((await fetch(`${cloud.url}/v1/reports/sales?from=2026-10-01&to=2026-10-31`)).status).toBe(401);
    expect((await station.call('GET', '/v1/reports/sales?from=2026-10-31&to=2026-10-01')).status).toBe(400);
    expect((await station.call('GET', '/v1/reports/sales?from=2025-01-01&to=2026-12-31')).status).toBe(400);
    expect((await station.call('GET', '/v1/reports/sales?from=gisteren&to=2026-10-01')).status).toBe(400);
  });
});
