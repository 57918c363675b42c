import { z } from 'zod';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success, type Result } from '../../../domain/result';
import { daysInPeriod, maxReportDays, salesReportSchema } from '../../../domain/sales/salesReport';
import type { Lang } from '../../../domain/text';
import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secretStore';
import { readCache, writeCache } from '../store/localCache';
import { deviceClient } from '../sync/deviceClient';

export interface SalesReportDeps {
  store: LocalStore;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
}

const cachedSchema = z.object({ report: salesReportSchema, fetchedAt: z.string() });
export type CachedSalesReport = z.infer<typeof cachedSchema>;
const cacheKey = 'salesReport';

/**
 * Verkoopkanaal-instellingen › Rapportage: the report is computed in the cloud, where the orders
 * are; the last one fetched is kept on this workstation, so it can be read offline with its age.
 */
export function createSalesReportService({ store, secrets, clock, logger, fetch: fetchImpl }: SalesReportDeps) {
  return {
    async fetch(from: string, to: string, lang: Lang): Promise<Result<CachedSalesReport>> {
      const days = daysInPeriod(from, to);
      if (days < 1 || days > maxReportDays) {
        const reason = days < 1 ? 'report.periodReversed' : 'report.periodTooLong';
        const message = describeReason(reason, lang, { label: lang === 'nl' ? 'Tot en met' : 'Up to and including', max: maxReportDays });
        return failure({ code: 'invalid', message, fields: [{ field: 'lastDay', reason, message }] });
      }
      const client = await deviceClient({ store, secrets, fetch: fetchImpl }, 30_000);
      if (!client.ok) {
        if (client.error.code !== 'not_paired') return client;
        return failure({ code: 'cloud_not_connected', message: describeReason('cloud_not_connected', lang, { action: lang === 'nl' ? 'het verkooprapport ophalen' : 'fetching the sales report' }) });
      }
      const answer = await client.value.get(`/v1/reports/sales?from=${from}&to=${to}`, salesReportSchema);
      if (!answer.ok) {
        logger.warn('reports.salesFailed', { kind: answer.failure.kind });
        const message =
          answer.failure.kind === 'unauthorized'
            ? lang === 'nl' ? 'De cloud kent deze werkplek niet meer: koppel hem opnieuw in Systeeminformatie.' : 'The cloud no longer knows this workstation: pair it again in System information.'
            : lang === 'nl' ? `Geen verbinding met de cloud (${answer.failure.message}); het rapport kon niet worden opgehaald.` : `No connection to the cloud (${answer.failure.message}); the report could not be fetched.`;
        return failure({ code: answer.failure.kind === 'temporary' ? 'offline' : 'cloud_refused', message });
      }
      const cached: CachedSalesReport = { report: answer.value, fetchedAt: clock.now().toISOString() };
      writeCache(store.sqlite, cacheKey, cached, clock.now());
      return success(cached);
    },

    /** The last report fetched on this workstation, or null; a cache another version wrote in another shape counts as none. */
    cached(): CachedSalesReport | null {
      const parsed = cachedSchema.safeParse(readCache(store.sqlite, cacheKey)?.data);
      return parsed.success ? parsed.data : null;
    },
  };
}

export type SalesReportService = ReturnType<typeof createSalesReportService>;
