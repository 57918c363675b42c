import { askProvider, endpoint, isRecord, judge, type AdapterOptions, type ConnectionOutcome } from './providerRequest';

/** MyParcel's public API root (developer.myparcel.nl, API reference). */
export const myParcelApi = 'https://api.myparcel.nl';

/**
 * MyParcel's documented header: `Authorization: basic <base64 of the API key>` (API reference,
 * 5. Authentication). The key alone is encoded, with no user name or colon.
 */
export function myParcelAuthorization(apiKey: string): string {
  return `basic ${Buffer.from(apiKey, 'utf8').toString('base64')}`;
}

/**
 * Checks the key by asking for at most one shipment: the cheapest call that needs a valid key and
 * changes nothing. MyParcel answers `{ data: { shipments: [...] } }`; it names no account there.
 */
export async function testMyParcelKey(apiKey: string, options: AdapterOptions): Promise<ConnectionOutcome> {
  const reply = await askProvider(endpoint(options.baseUrl, 'shipments?size=1'), myParcelAuthorization(apiKey), options.timeoutMs);
  return judge(reply, (body) => (isRecord(body) && isRecord(body.data) && Array.isArray(body.data.shipments) ? { account: null } : null));
}
