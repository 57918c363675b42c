import type { FastifyInstance } from 'fastify';
import type { StorekeeperPaymentsSnapshot } from '../../domain/storekeeperPayments';
import { HttpError } from '../httpError';
import { readSkPaymentsAccount } from '../providers/storekeeperPayments/skPaymentsAccount';
import { readMerchantOverview, storekeeperPaymentsApi, type SkPaymentsOptions } from '../providers/storekeeperPayments/skPaymentsAdapter';
import type { CloudContext } from '../server';

/** What the shop's workstations may ask about StoreKeeper Payments: a read of the account, never a change. */
export function registerStorekeeperPaymentsRoutes(app: FastifyInstance, cloud: CloudContext, config: Partial<SkPaymentsOptions> = {}) {
  const options: SkPaymentsOptions = { baseUrl: config.baseUrl ?? storekeeperPaymentsApi, timeoutMs: config.timeoutMs ?? 15_000 };

  app.get('/v1/storekeeper-payments', async (request): Promise<StorekeeperPaymentsSnapshot> => {
    const account = await cloud.asDevice(request, (tx, device) => readSkPaymentsAccount(tx, device.shopId));
    if (!account) throw new HttpError(404, 'not_linked', 'This shop has no StoreKeeper Payments account linked in the cloud.');
    // No transaction is held while the provider answers.
    const answer = await readMerchantOverview(account.merchantId, account.apiKey, options);
    if (answer.ok) return { fetchedAt: cloud.now().toISOString(), ...answer.overview };
    // Stryker disable next-line ConditionalExpression,StringLiteral: only timedOut and unreachable answers lack a status, and their messages do not show it
    const status = answer.status === null ? '' : ` (HTTP ${answer.status})`;
    switch (answer.reason) {
      case 'refused':
        throw new HttpError(502, 'provider_refused', `StoreKeeper Payments refuses the cloud's API key${status}.`);
      case 'unknownMerchant':
        throw new HttpError(502, 'provider_unknown_merchant', `StoreKeeper Payments does not know merchant ${account.merchantId}.`);
      case 'timedOut':
        throw new HttpError(504, 'provider_timeout', 'StoreKeeper Payments did not answer in time.');
      case 'unreachable':
        throw new HttpError(502, 'provider_unreachable', 'StoreKeeper Payments cannot be reached.');
      case 'unexpected':
        throw new HttpError(502, 'provider_unexpected', `StoreKeeper Payments gave an answer the cloud does not understand${status}.`);
    }
  });
}
