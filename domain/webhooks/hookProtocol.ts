import { z } from 'zod';

/** One attempt to reach a webshop, as the cloud's delivery log keeps it (cloud/webhooks/deliveryLog.ts). */
export const hookDeliverySchema = z.object({
  action: z.enum(['init', 'disconnect']),
  attempt: z.number().int().positive(),
  at: z.string(),
  responseCode: z.number().int().nullable(),
  outcome: z.enum(['accepted', 'tokenRefused', 'failed', 'noAnswer', 'unreachable', 'blocked']),
  detail: z.string().nullable(),
});
export type HookDelivery = z.infer<typeof hookDeliverySchema>;

/** The cloud's answer to `POST /v1/webhooks/:id/connect` and `…/disconnect`. */
export const hookOutcomeSchema = z.object({
  status: z.enum(['connected', 'unauthorized', 'error', 'disconnected']),
  responseCode: z.number().int().nullable(),
  deliveredAt: z.string(),
  problem: z.string().nullable(),
  attempts: z.array(hookDeliverySchema.omit({ action: true })),
});
export type HookOutcome = z.infer<typeof hookOutcomeSchema>;

export const hookDeliveriesSchema = z.object({ deliveries: z.array(hookDeliverySchema) });
