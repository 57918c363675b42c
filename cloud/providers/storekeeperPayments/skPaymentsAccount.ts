import { eq } from 'drizzle-orm';
import type { CloudDb, Queryable } from '../../db/connect';
import { storekeeperPaymentsAccounts } from '../../db/schema';

export const merchantIdPattern = /^M-\d{4}-\d{4}$/;

export async function setSkPaymentsAccount(db: CloudDb, shopId: string, merchantId: string, apiKey: string): Promise<void> {
  if (!merchantIdPattern.test(merchantId)) throw new Error('A StoreKeeper Payments merchant id looks like M-1234-5678.');
  if (!/^[A-Za-z0-9_-]{16,200}$/.test(apiKey)) throw new Error('The StoreKeeper Payments API key is 16 to 200 letters, digits, - or _.');
  const row = { shopId, merchantId, apiKey, updatedAt: new Date() };
  await db.insert(storekeeperPaymentsAccounts).values(row).onConflictDoUpdate({ target: storekeeperPaymentsAccounts.shopId, set: row });
}

export async function readSkPaymentsAccount(db: Queryable, shopId: string): Promise<{ merchantId: string; apiKey: string } | null> {
  const [row] = await db.select().from(storekeeperPaymentsAccounts).where(eq(storekeeperPaymentsAccounts.shopId, shopId));
  return row ? { merchantId: row.merchantId, apiKey: row.apiKey } : null;
}
