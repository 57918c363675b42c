import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type pg from 'pg';
import type { DeviceInfo, ErrorBody } from '../domain/sync/protocol';
import { syncLimits } from '../domain/sync/protocol';
import { authenticate } from './accounts';
import type { CloudDb, CloudTx } from './db/connect';
import { isTemporaryDatabaseError, TemporaryError } from './errors';
import { HttpError } from './httpError';
import { registerBlobRoutes } from './routes/blobs';
import { registerDeviceRoutes } from './routes/devices';
import { registerOrderRoutes } from './routes/orders';
import { registerPaymentProviderRoutes, type PaymentProviderConfig } from './routes/paymentProvider';
import { registerSyncRoutes } from './routes/sync';
import { registerStorekeeperPaymentsRoutes } from './routes/storekeeperPayments';
import { registerWebhookRoutes } from './routes/webhooks';
import type { SkPaymentsOptions } from './providers/storekeeperPayments/skPaymentsAdapter';
import { defaultHookOptions } from './providers/webshop/webshopHook';
import type { WebhookSettings } from './webhooks/connector';

export interface CloudOptions {
  db: CloudDb;
  /** The same connections as `db`, for the few statements sent as plain queries (see pull.ts). */
  pool: pg.Pool;
  now?: () => Date;
  /** Requests one instance works on at once before answering 429; more only queue for the database. */
  maxInFlight?: number;
  /** How webshops are reached (timeouts, retries, the operator's private-range allowance); defaults suit production. */
  webhooks?: Partial<WebhookSettings>;
  /** Where StoreKeeper Payments' API is; the public one unless set. */
  storekeeperPayments?: Partial<SkPaymentsOptions>;
  /** Where the provider adapters find their providers' APIs; the public ones unless set. */
  paymentProvider?: PaymentProviderConfig;
}

/** What every route gets: the database, the clock, and a way to run work as the calling device. */
export interface CloudContext {
  db: CloudDb;
  pool: pg.Pool;
  now: () => Date;
  /** Runs `work` in one transaction as the device of the request's bearer token, or answers 401. */
  asDevice<T>(request: FastifyRequest, work: (tx: CloudTx, device: DeviceInfo) => Promise<T>): Promise<T>;
  /** Parses with zod, or answers 400 naming what is wrong. */
  parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S>;
}

function sendError(reply: FastifyReply, status: number, code: string, message: string, detail?: string) {
  const body: ErrorBody = { error: { code, message, detail } };
  return reply.status(status).send(body);
}

/**
 * The cloud over HTTP. It keeps nothing between requests: every request is one transaction on
 * the shared database, so any number of instances can serve one PostgreSQL behind a balancer.
 */
export function createCloudServer(options: CloudOptions): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: syncLimits.bodyBytes, forceCloseConnections: true });
  const now = options.now ?? (() => new Date());
  const maxInFlight = options.maxInFlight ?? 64;
  const working = new WeakSet<FastifyRequest>();
  let inFlight = 0;

  app.addHook('onRequest', async (request, reply) => {
    if (inFlight >= maxInFlight) {
      reply.header('Retry-After', '1');
      return sendError(reply, 429, 'busy', 'The cloud is busy; try again shortly.');
    }
    inFlight += 1;
    working.add(request);
  });
  app.addHook('onResponse', async (request) => {
    if (working.delete(request)) inFlight -= 1;
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error.status, error.code, error.message, error.detail);
    if (error instanceof TemporaryError || isTemporaryDatabaseError(error)) {
      reply.header('Retry-After', '2');
      return error instanceof TemporaryError
        ? sendError(reply, error.status, error.code, error.message)
        : sendError(reply, 503, 'unavailable', 'The cloud database is briefly unavailable; try again shortly.');
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own refusals: unreadable JSON (400), a body over the limit (413), a wrong content type (415).
      const code = status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
      return sendError(reply, status, code, (error as Error).message);
    }
    console.error('cloud: request failed', error);
    return sendError(reply, 500, 'internal', 'Something went wrong in the cloud; nothing was changed.');
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'not_found', 'No such endpoint.'));

  const context: CloudContext = {
    db: options.db,
    pool: options.pool,
    now,
    asDevice(request, work) {
      return options.db.transaction(async (tx) => {
        const device = await authenticate(tx, request.headers.authorization);
        if (!device) throw new HttpError(401, 'unauthorized', 'No valid device token: pair this workstation again.');
        return work(tx, device);
      });
    },
    parse(schema, input) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // Stryker disable next-line OptionalChaining: a failed zod parse always has a first issue; the chaining only satisfies the index type
        throw new HttpError(400, 'invalid_request', `${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`);
      }
      return parsed.data;
    },
  };

  // For a load balancer's health check; says nothing about any shop.
  app.get('/health', async () => ({ ok: true }));
  registerDeviceRoutes(app, context);
  registerSyncRoutes(app, context);
  registerBlobRoutes(app, context);
  registerWebhookRoutes(app, context, { ...defaultHookOptions, allowPrivateTargets: false, publicUrl: null, ...options.webhooks });
  registerPaymentProviderRoutes(app, context, options.paymentProvider);
  registerStorekeeperPaymentsRoutes(app, context, options.storekeeperPayments);
  registerOrderRoutes(app, context);
  return app;
}
