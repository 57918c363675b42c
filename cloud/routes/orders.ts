import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { salesOrderSchema } from '../../domain/sales/salesOrder';
import { daysInPeriod, maxReportDays, reportDay, type SalesReport } from '../../domain/sales/salesReport';
import { HttpError } from '../httpError';
import { channelOfKey } from '../orders/channelKeys';
import { receiveOrder, salesReport } from '../orders/orderStore';
import type { CloudContext } from '../server';

const periodSchema = z.object({ from: reportDay, to: reportDay });

/**
 * Orders in from the sales channels, and the sales report out to the workstations.
 * `POST /v1/orders` takes one order from a channel (authenticated by its channel key, see
 * channelKeys.ts): 201 the first time, 200 for the same order again, 409 for another order
 * under an id already used. `GET /v1/reports/sales?from=&to=` is for paired workstations.
 */
export function registerOrderRoutes(app: FastifyInstance, cloud: CloudContext) {
  app.post('/v1/orders', async (request, reply) => {
    const order = cloud.parse(salesOrderSchema, request.body);
    const outcome = await cloud.db.transaction(async (tx) => {
      const channel = await channelOfKey(tx, request.headers.authorization);
      if (!channel) throw new HttpError(401, 'unauthorized', 'No valid sales channel key: send Authorization: Bearer sck_… as made by channel-key.');
      return { receipt: await receiveOrder(tx, channel.shopId, channel.channel, order), channel: channel.channel };
    });
    if (outcome.receipt === 'conflict') throw new HttpError(409, 'order_conflict', `Order ${order.orderId} was received before with other content; an order id is used once.`);
    return reply.status(outcome.receipt === 'accepted' ? 201 : 200).send({ orderId: order.orderId, channel: outcome.channel, status: outcome.receipt });
  });

  app.get('/v1/reports/sales', async (request): Promise<SalesReport> => {
    const { from, to } = cloud.parse(periodSchema, request.query);
    const days = daysInPeriod(from, to);
    if (days < 1) throw new HttpError(400, 'invalid_request', 'to: the period ends before it starts.');
    if (days > maxReportDays) throw new HttpError(400, 'invalid_request', `to: a report covers at most ${maxReportDays} days.`);
    return cloud.asDevice(request, (tx, device) => salesReport(tx, device.shopId, from, to, cloud.now()));
  });
}
