import { beforeAll, describe, expect, it } from 'vitest';
import { newChannelKey } from './orders/channelKeys';
import { useFileCloud, type Workstation } from './test/harness';

/**
 * What a sales channel's connector and a workstation are told when the cloud refuses an order or a
 * report: the words an operator reads in a connector's log or a manager on the report screen.
 */
const cloud = useFileCloud();
let station: Workstation;
let shopId: string;
beforeAll(async () => {
  station = await cloud.station();
  shopId = station.paired.shopId;
});

const order = { orderId: 'W1-77', placedAt: '2026-10-24T10:00:00Z', currency: 'EUR', lines: [{ quantity: 1, unitPriceInclVatCents: 1210, vatRate: '0.21' }] };
const post = (authorization: string, body: unknown = order) =>
  fetch(`${cloud.url}/v1/orders`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('posting an order', () => {
  it('without a well-formed channel key is 401, saying how the key is sent', async () => {
    const key = await newChannelKey(cloud.database.db, shopId, 'W1');
    for (const authorization of [`Bearer ${key}x`, `xBearer ${key}`, `Bearer ${key.slice(0, -1)}`, key]) {
      const refused = await post(authorization);
      expect(refused.status).toBe(401);
      expect(await errorOf(refused)).toEqual({ code: 'unauthorized', message: 'No valid sales channel key: send Authorization: Bearer sck_… as made by channel-key.' });
    }
    expect((await post(`Bearer ${key}`)).status).toBe(201);
  });

  it('under an id already used with other content is 409, naming the order', async () => {
    const key = await newChannelKey(cloud.database.db, shopId, 'W2');
    expect((await post(`Bearer ${key}`, { ...order, orderId: 'W2-1' })).status).toBe(201);
    const refused = await post(`Bearer ${key}`, { ...order, orderId: 'W2-1', currency: 'EUR', lines: [{ quantity: 2, unitPriceInclVatCents: 1210, vatRate: '0.21' }] });
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toEqual({ code: 'order_conflict', message: 'Order W2-1 was received before with other content; an order id is used once.' });
  });
});

describe('a channel key', () => {
  it('is made only for an order number prefix of 1 to 6 capital letters or digits', async () => {
    for (const prefix of ['', 'w1', 'W-1', 'ABCDEFG', 'x W1', 'W1 x']) {
      await expect(newChannelKey(cloud.database.db, shopId, prefix)).rejects.toThrow('The channel is its order number prefix: 1 to 6 capital letters or digits, e.g. W1.');
    }
    const key = await newChannelKey(cloud.database.db, shopId, 'ABC123');
    expect(key).toMatch(/^sck_[A-Za-z0-9_-]{43}$/);
    expect(await (await post(`Bearer ${key}`, { ...order, orderId: 'ABC123-1' })).json()).toEqual({ orderId: 'ABC123-1', channel: 'ABC123', status: 'accepted' });
  });
});

describe('the sales report', () => {
  const ask = (from: string, to: string) => station.call('GET', `/v1/reports/sales?from=${from}&to=${to}`);

  it('covers a whole leap year, one day, and says why a period is refused', async () => {
    expect((await ask('2024-01-01', '2024-12-31')).status).toBe(200);
    expect((await ask('2026-10-24', '2026-10-24')).status).toBe(200);
    const tooLong = await ask('2024-01-01', '2025-01-01');
    expect(tooLong.status).toBe(400);
    expect(await errorOf(tooLong)).toEqual({ code: 'invalid_request', message: 'to: a report covers at most 366 days.' });
    const backwards = await ask('2026-10-24', '2026-10-23');
    expect(backwards.status).toBe(400);
    expect(await errorOf(backwards)).toEqual({ code: 'invalid_request', message: 'to: the period ends before it starts.' });
  });
});
