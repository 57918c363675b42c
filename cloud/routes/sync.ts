import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { catalogueVersion } from '../../domain/settings/catalogue';
import { pushRequestSchema, syncLimits, type PullResponse, type PushResponse } from '../../domain/sync/protocol';
import { TemporaryError } from '../errors';
import { pullChanges } from '../pull';
import { pushAsDevice } from '../push/pushBatch';
import { tokenHashOf } from '../accounts';
import { HttpError } from '../httpError';
import type { CloudContext } from '../server';

const pullQuerySchema = z.object({
  after: z.string().min(1).max(64).default('0'),
  limit: z.coerce.number().int().min(1).max(syncLimits.changesPerPull).default(syncLimits.changesPerPull),
});

export function registerSyncRoutes(app: FastifyInstance, cloud: CloudContext) {
  app.post('/v1/push', async (request): Promise<PushResponse> => {
    const { mutations } = cloud.parse(pushRequestSchema, request.body);
    const newest = Math.max(...mutations.map((mutation) => mutation.catalogueVersion));
    // A workstation newer than this cloud validated with rules the cloud does not know yet: wait
    // for the cloud's upgrade rather than refuse the change for good.
    if (newest > catalogueVersion) {
      throw new TemporaryError('catalogue_newer', `These changes use catalogue version ${newest}; this cloud knows up to ${catalogueVersion}. It will accept them once it is updated.`);
    }
    const tokenHash = tokenHashOf(request.headers.authorization);
    // Stryker disable next-line ConditionalExpression: pushAsDevice answers the same 401 for a hash no device has; the guard only spares the database a connection
    if (!tokenHash) throw new HttpError(401, 'unauthorized', 'No valid device token: pair this workstation again.');
    const results = await pushAsDevice(cloud.pool, tokenHash, mutations, cloud.now());
    return { results };
  });

  app.get('/v1/pull', async (request): Promise<PullResponse> => {
    const { after, limit } = cloud.parse(pullQuerySchema, request.query);
    return pullChanges(cloud.pool, request.headers.authorization, after, limit);
  });
}
