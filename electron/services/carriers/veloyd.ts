import { askProvider, endpoint, isRecord, judge, type AdapterOptions, type ConnectionOutcome } from './providerRequest';

/**
 * Veloyd's live API and its test environment (DOMAIN.md › Carriers: a test environment exists).
 * Veloyd publishes its API reference to customers only: these roots and the `account` path below
 * are the assumptions of this adapter; the header format is the documented part.
 */
export const veloydApi = 'https://api.veloyd.nl';
export const veloydTestApi = 'https://api-test.veloyd.nl';

/** Veloyd's header: `Authorization: Apikey <key>`, the key as issued, not encoded. */
export function veloydAuthorization(apiKey: string): string {
  return `Apikey ${apiKey}`;
}

/** Checks the key by reading the account it belongs to; Veloyd names the account there. */
export async function testVeloydKey(apiKey: string, options: AdapterOptions): Promise<ConnectionOutcome> {
  const reply = await askProvider(endpoint(options.baseUrl, 'account'), veloydAuthorization(apiKey), options.timeoutMs);
  return judge(reply, (body) => {
    if (!isRecord(body)) return null;
    const name = typeof body.name === 'string' && body.name.trim() !== '' ? body.name.trim().slice(0, 200) : null;
    return { account: name };
  });
}
