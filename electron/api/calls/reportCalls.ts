import { z } from 'zod';
import { success } from '../../../domain/result';
import { reportDay } from '../../../domain/sales/salesReport';
import { call } from '../define';

export const reportCalls = {
  /** Verkoopkanaal-instellingen › Rapportage: orders and revenue per channel and day, from the cloud. */
  'reports.sales': call({
    input: z.object({ firstDay: reportDay, lastDay: reportDay }).strict(),
    permission: 'channels.view',
    run: ({ firstDay, lastDay }, { services, lang }) => services.salesReport.fetch(firstDay, lastDay, lang),
  }),
  /** The last report fetched here, for offline viewing with its age. */
  'reports.cachedSales': call({
    input: z.object({}).strict(),
    permission: 'channels.view',
    run: (_input, { services }) => success(services.salesReport.cached()),
  }),
};
