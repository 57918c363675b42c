import type { LocalStore } from '../../../db/open';
import { failure, success, type Result } from '../../../domain/result';
import type { SecretStore } from '../secrets/secretStore';
import { createCloudClient, type CloudClient } from './cloudClient';
import { deviceTokenPurpose } from './syncEngine';
import { readSyncState } from './syncStateKeys';

/**
 * A cloud client as this paired workstation, for the screens that ask the cloud directly (the
 * payment provider sync, the sales report). `not_paired` when there is no cloud or no token.
 */
export async function deviceClient(deps: { store: LocalStore; secrets: SecretStore; fetch?: typeof fetch }, timeoutMs: number): Promise<Result<CloudClient>> {
  const baseUrl = readSyncState(deps.store.orm, 'cloudUrl');
  if (baseUrl === null) return failure({ code: 'not_paired', message: 'not paired' });
  const token = await deps.secrets.reveal(deviceTokenPurpose(deps.store));
  if (!token.ok) return token;
  if (token.value === null) return failure({ code: 'not_paired', message: 'no device token' });
  return success(createCloudClient({ baseUrl, token: token.value, fetch: deps.fetch, timeoutMs }));
}
