import { describe, expect, it, vi } from 'vitest';
import { syncLimits } from '../domain/sync/protocol';
import { newShop } from './accounts';
import { pair, useFileCloud } from './test/harness';

/**
 * What any caller (a workstation, a connector, a load balancer, someone probing) is told for a
 * request the cloud cannot take as sent: always `{error: {code, message}}`, never a stack trace.
 */
const cloud = useFileCloud();

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe('the cloud', () => {
  it('tells a load balancer it is up, without naming any shop', async () => {
    const health = await fetch(`${cloud.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('answers an address it does not serve with 404 "No such endpoint."', async () => {
    for (const [method, route] of [['GET', '/v1/shops'], ['POST', '/v1/device'], ['GET', '/']] as const) {
      const missing = await fetch(`${cloud.url}${route}`, { method });
      expect(missing.status).toBe(404);
      expect(await errorOf(missing)).toEqual({ code: 'not_found', message: 'No such endpoint.' });
    }
  });

  it('refuses a body that is not JSON (400), not sent as JSON (415) or too large to read (413), each with its code', async () => {
    const station = await cloud.station();
    const send = (body: string, contentType: string) => fetch(`${cloud.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${station.paired.token}`, 'content-type': contentType }, body });
    const unreadable = await send('{"mutations": [', 'application/json');
    expect(unreadable.status).toBe(400);
    expect(await errorOf(unreadable)).toMatchObject({ code: 'bad_request', message: expect.any(String) });
    const asText = await send('<mutations/>', 'application/xml');
    expect(asText.status).toBe(415);
    expect((await errorOf(asText)).code).toBe('unsupported_media_type');
    const tooLarge = await send(JSON.stringify({ mutations: [], padding: 'x'.repeat(syncLimits.bodyBytes) }), 'application/json');
    expect(tooLarge.status).toBe(413);
    expect((await errorOf(tooLarge)).code).toBe('too_large');
    expect((await station.pull('0')).kind).toBe('changes');
  });

  it('answers a failure it did not foresee with 500 "nothing was changed", logs it for the operator, and indeed changes nothing', async () => {
    // PostgreSQL stores no NUL character in text, which the pairing request's rules let through.
    const shop = await newShop(cloud.database.db, 'Fietsenwinkel De Spaak');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const failed = await fetch(`${cloud.url}/v1/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: shop.code, deviceName: 'Kassa\u00001' }) });
      expect(failed.status).toBe(500);
      expect(await errorOf(failed)).toEqual({ code: 'internal', message: 'Something went wrong in the cloud; nothing was changed.' });
      expect(log).toHaveBeenCalledWith('cloud: request failed', expect.any(Error));
    } finally {
      log.mockRestore();
    }
    // The pairing code was not spent.
    expect(await pair(cloud.url, shop.code, 'Kassa 1')).toMatchObject({ shopId: shop.id });
  });
});
