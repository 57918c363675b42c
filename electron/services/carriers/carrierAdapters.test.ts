import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, startCarrierPeer, type CarrierPeer } from '../../../test/carrierPeer';
import { testMyParcelKey } from './myParcel';
import { testVeloydKey } from './veloyd';

const peers: CarrierPeer[] = [];
afterEach(async () => {
  for (const peer of peers.splice(0)) await peer.stop();
});
async function peer(provider: 'myparcel' | 'veloyd', key: string) {
  const started = await startCarrierPeer(provider, key);
  peers.push(started);
  return started;
}

const myParcelKey = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0';
const veloydKey = 'vly_live_5f0e8c1d2b3a4f5e';
const quick = { timeoutMs: 2_000 };

describe('MyParcel against a stand-in on 127.0.0.1', () => {
  it('sends the key as `basic <base64 of the key>` and reads a good answer as accepted', async () => {
    const myParcel = await peer('myparcel', myParcelKey);
    expect(await testMyParcelKey(myParcelKey, { baseUrl: myParcel.url, ...quick })).toEqual({ outcome: 'accepted', status: 200, account: null });
    expect(myParcel.requests).toEqual([{ method: 'GET', path: '/shipments?size=1', authorization: `basic ${Buffer.from(myParcelKey).toString('base64')}` }]);
  });

  it('reads 401 for a wrong key as refused', async () => {
    const myParcel = await peer('myparcel', myParcelKey);
    expect(await testMyParcelKey('not-the-shops-key', { baseUrl: myParcel.url, ...quick })).toEqual({ outcome: 'refused', status: 401 });
  });

  it('keeps a base URL with a path (a proxy) and joins the endpoint under it', async () => {
    const myParcel = await peer('myparcel', myParcelKey);
    await testMyParcelKey(myParcelKey, { baseUrl: `${myParcel.url}/myparcel`, ...quick });
    expect(myParcel.requests[0]?.path).toBe('/myparcel/shipments?size=1');
  });

  it('reports a 500 and a 200 that is no MyParcel answer (a Wi-Fi login page) as unexpected, with the status', async () => {
    const myParcel = await peer('myparcel', myParcelKey);
    myParcel.behave('serverError');
    expect(await testMyParcelKey(myParcelKey, { baseUrl: myParcel.url, ...quick })).toEqual({ outcome: 'unexpected', status: 500 });
    myParcel.behave('notJson');
    expect(await testMyParcelKey(myParcelKey, { baseUrl: myParcel.url, ...quick })).toEqual({ outcome: 'unexpected', status: 200 });
  });

  it('reports a provider that refuses the connection as unreachable', async () => {
    expect(await testMyParcelKey(myParcelKey, { baseUrl: await closedPort(), ...quick })).toEqual({ outcome: 'unreachable' });
  });

  it('gives up on a provider that does not answer within the timeout', async () => {
    const myParcel = await peer('myparcel', myParcelKey);
    myParcel.behave('slow');
    expect(await testMyParcelKey(myParcelKey, { baseUrl: myParcel.url, timeoutMs: 300 })).toEqual({ outcome: 'timedOut' });
    expect(myParcel.requests).toHaveLength(1);
  });
});

describe('Veloyd against a stand-in on 127.0.0.1', () => {
  it('sends `Apikey <key>` unencoded and names the account from a good answer', async () => {
    const veloyd = await peer('veloyd', veloydKey);
    expect(await testVeloydKey(veloydKey, { baseUrl: veloyd.url, ...quick })).toEqual({ outcome: 'accepted', status: 200, account: 'Fietsenwinkel De Spaak' });
    expect(veloyd.requests).toEqual([{ method: 'GET', path: '/account', authorization: `Apikey ${veloydKey}` }]);
  });

  it('reads 401 for a wrong key as refused, a closed port as unreachable and a silent peer as timed out', async () => {
    const veloyd = await peer('veloyd', veloydKey);
    expect(await testVeloydKey('vly_live_wrong', { baseUrl: veloyd.url, ...quick })).toEqual({ outcome: 'refused', status: 401 });
    expect(await testVeloydKey(veloydKey, { baseUrl: await closedPort(), ...quick })).toEqual({ outcome: 'unreachable' });
    veloyd.behave('slow');
    expect(await testVeloydKey(veloydKey, { baseUrl: veloyd.url, timeoutMs: 300 })).toEqual({ outcome: 'timedOut' });
  });
});
