import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pairRequestSchema, type DeviceInfo, type PairResponse } from '../../domain/sync/protocol';
import { listDevices, pairDevice, revokeDevice } from '../accounts';
import { HttpError } from '../httpError';
import type { CloudContext } from '../server';

/** Pairing a workstation, telling it who it is, and revoking devices (its own or a lost one). */
export function registerDeviceRoutes(app: FastifyInstance, cloud: CloudContext) {
  app.post('/v1/pair', async (request): Promise<PairResponse> => {
    const { code, deviceName } = cloud.parse(pairRequestSchema, request.body);
    const paired = await pairDevice(cloud.db, code, deviceName, cloud.now());
    if (!paired) throw new HttpError(403, 'pairing_code_invalid', 'This pairing code is unknown, already used or expired. Ask for a new one.');
    return paired;
  });

  app.get('/v1/device', async (request): Promise<DeviceInfo> => cloud.asDevice(request, async (_tx, device) => device));

  /** Unpairing: the workstation gives up its own token. */
  app.delete('/v1/device', async (request, reply) => {
    await cloud.asDevice(request, (tx, device) => revokeDevice(tx, device.shopId, device.deviceId, cloud.now()));
    return reply.status(204).send();
  });

  app.get('/v1/devices', async (request) =>
    cloud.asDevice(request, async (tx, device) => ({ devices: await listDevices(tx, device.shopId) })),
  );

  /** A stolen or replaced workstation is cut off from any other workstation of the same shop. */
  app.post('/v1/devices/:deviceId/revoke', async (request, reply) => {
    const { deviceId } = cloud.parse(z.object({ deviceId: z.string().min(1).max(200) }), request.params);
    const revoked = await cloud.asDevice(request, (tx, device) => revokeDevice(tx, device.shopId, deviceId, cloud.now()));
    if (!revoked) throw new HttpError(404, 'unknown_device', 'This shop has no such paired device.');
    return reply.status(204).send();
  });
}
