import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sha256Hex, syncLimits } from '../../domain/sync/protocol';
import { authenticate } from '../accounts';
import { blobs } from '../db/schema';
import { HttpError } from '../httpError';
import type { CloudContext } from '../server';

const params = z.object({ hash: sha256Hex });

/** Attachments by their sha-256: uploaded once per shop, never changed, so they may be cached forever. */
export function registerBlobRoutes(app: FastifyInstance, cloud: CloudContext) {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: syncLimits.blobBytes }, (_request, body, done) => done(null, body));

  // The device token is checked before the body is read: a caller without one must not make the
  // cloud receive and hash up to syncLimits.blobBytes. The insert checks it again in its transaction.
  const deviceFirst = async (request: FastifyRequest) => {
    if (!(await authenticate(cloud.db, request.headers.authorization))) throw new HttpError(401, 'unauthorized', 'No valid device token: pair this workstation again.');
  };

  app.put('/v1/blobs/:hash', { bodyLimit: syncLimits.blobBytes, onRequest: deviceFirst }, async (request, reply) => {
    const { hash } = cloud.parse(params, request.params);
    if (!Buffer.isBuffer(request.body)) throw new HttpError(415, 'unsupported_media_type', 'Send the file as application/octet-stream.');
    const bytes = request.body;
    if (createHash('sha256').update(bytes).digest('hex') !== hash) {
      throw new HttpError(400, 'hash_mismatch', 'The file does not match its sha-256; it was damaged on the way. Send it again.');
    }
    const stored = await cloud.asDevice(request, async (tx, device) =>
      tx.insert(blobs).values({ shopId: device.shopId, hash, size: bytes.length, bytes }).onConflictDoNothing().returning({ hash: blobs.hash }),
    );
    return reply.status(stored.length > 0 ? 201 : 200).send({ hash, size: bytes.length });
  });

  app.get('/v1/blobs/:hash', { exposeHeadRoute: false }, async (request, reply) => {
    const { hash } = cloud.parse(params, request.params);
    const [blob] = await cloud.asDevice(request, (tx, device) =>
      tx.select({ bytes: blobs.bytes }).from(blobs).where(and(eq(blobs.shopId, device.shopId), eq(blobs.hash, hash))),
    );
    if (!blob) throw new HttpError(404, 'unknown_blob', 'The cloud has no file with this hash for this shop.');
    // Stryker disable next-line StringLiteral: fastify sends a Buffer as application/octet-stream by itself; the header says so for the reader
    return reply.header('Content-Type', 'application/octet-stream').header('Cache-Control', 'private, max-age=31536000, immutable').send(blob.bytes);
  });

  app.head('/v1/blobs/:hash', async (request, reply) => {
    const { hash } = cloud.parse(params, request.params);
    const [blob] = await cloud.asDevice(request, (tx, device) =>
      tx.select({ size: blobs.size }).from(blobs).where(and(eq(blobs.shopId, device.shopId), eq(blobs.hash, hash))),
    );
    return reply.status(blob ? 200 : 404).header('Content-Length', String(blob?.size ?? 0)).send();
  });
}
