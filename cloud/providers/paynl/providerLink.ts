import { eq } from 'drizzle-orm';
import { payNlServiceId, payNlTokenCode } from '../../../domain/payments/providerOptions';
import type { CloudDb, Queryable } from '../../db/connect';
import { paymentProviderLinks } from '../../db/schema';

export interface ProviderLink {
  provider: 'paynl';
  tokenCode: string;
  apiToken: string;
  services: { serviceId: string; channel: string | null }[];
}

/**
 * `SL-1234-5678=W1` ties a Pay.nl service to the sales channel with order number prefix W1;
 * a bare `SL-1234-5678` is read but offered on no channel. Throws with the reason in words.
 */
export function parseServiceArgument(argument: string): { serviceId: string; channel: string | null } {
  const [serviceId = '', channel] = argument.split('=');
  if (!payNlServiceId.test(serviceId)) throw new Error(`"${argument}": a Pay.nl service id looks like SL-1234-5678.`);
  if (channel !== undefined && !/^[A-Z0-9]{1,6}$/i.test(channel)) throw new Error(`"${argument}": after = comes the sales channel's order number prefix (1 to 6 letters or digits, e.g. W1).`);
  return { serviceId, channel: channel === undefined ? null : channel.toUpperCase() };
}

export async function setProviderLink(db: CloudDb, shopId: string, link: ProviderLink): Promise<void> {
  if (!payNlTokenCode.test(link.tokenCode)) throw new Error('The Pay.nl token code looks like AT-1234-5678.');
  if (!/^[A-Za-z0-9]{16,128}$/.test(link.apiToken)) throw new Error('The Pay.nl API token is 16 to 128 letters and digits (Pay.nl shows 40 hexadecimal characters).');
  if (link.services.length === 0) throw new Error('Name at least one Pay.nl service (--service SL-1234-5678=W1).');
  const row = { shopId, provider: link.provider, tokenCode: link.tokenCode, apiToken: link.apiToken, services: link.services, updatedAt: new Date() };
  await db.insert(paymentProviderLinks).values(row).onConflictDoUpdate({ target: paymentProviderLinks.shopId, set: row });
}

export async function readProviderLink(db: Queryable, shopId: string): Promise<ProviderLink | null> {
  const [row] = await db.select().from(paymentProviderLinks).where(eq(paymentProviderLinks.shopId, shopId));
  return row ? { provider: 'paynl', tokenCode: row.tokenCode, apiToken: row.apiToken, services: row.services } : null;
}
