import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listDeliveries } from '../webhooks/deliveryLog';
import { deliverAndRecord, type HookOutcome, type WebhookSettings } from '../webhooks/connector';
import type { CloudContext } from '../server';

const hookParams = z.object({ hookId: z.string().uuid() });
const hookBody = z.object({
  /** The webshop's token, from the workstation's keychain; used for this delivery and not stored. */
  token: z.string().min(8).max(512),
  privateTargetsAllowed: z.boolean().default(false),
});

/** Verbinden and Ontkoppelen for a webshop connection, and its delivery log. */
export function registerWebhookRoutes(app: FastifyInstance, cloud: CloudContext, settings: WebhookSettings) {
  const deliver = (action: 'init' | 'disconnect') => async (request: FastifyRequest): Promise<HookOutcome> => {
    const { hookId } = cloud.parse(hookParams, request.params);
    const { token, privateTargetsAllowed } = cloud.parse(hookBody, request.body);
    const device = await cloud.asDevice(request, async (_tx, found) => found);
    return deliverAndRecord(cloud.db, settings, cloud.now, {
      device,
      hookId,
      token,
      action,
      privateAllowedByShop: privateTargetsAllowed,
    });
  };
  app.post('/v1/webhooks/:hookId/connect', deliver('init'));
  app.post('/v1/webhooks/:hookId/disconnect', deliver('disconnect'));
  app.get('/v1/webhooks/:hookId/deliveries', async (request) => {
    const { hookId } = cloud.parse(hookParams, request.params);
    return cloud.asDevice(request, async (tx, device) => ({ deliveries: await listDeliveries(tx, device.shopId, hookId) }));
  });
}
