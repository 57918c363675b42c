import { findField } from '../../domain/settings/catalogue';
import type { CollectionDef, GroupDef } from '../../domain/settings/types';
import { sha256Hex, type Mutation, type PushOutcome } from '../../domain/sync/protocol';
import { credentialsCollection } from '../../domain/sync/credentials';
import { settingsCollection, validateMutation } from '../../domain/sync/validateMutation';
import type pg from 'pg';
import { TemporaryError } from '../errors';
import { HttpError } from '../httpError';
import { decide, type CloudRecord } from './decide';
import { beginAsDevice, loadForPush, missingBlobs, saveAndCommit, type LockedDevice } from './pushStore';

const key = (collection: string, recordId: string) => `${collection}\u0000${recordId}`;

/** The attachments a change points at: image and PDF fields hold the sha-256 of their file. */
function namedBlobs(owner: GroupDef | CollectionDef, changes: Record<string, unknown>): string[] {
  const hashes: string[] = [];
  for (const [field, value] of Object.entries(changes)) {
    const kind = findField(owner, field)?.kind;
    if (kind !== 'image' && kind !== 'pdf') continue;
    const parsed = sha256Hex.safeParse(value !== null && typeof value === 'object' && 'hash' in value ? value.hash : value);
    if (parsed.success) hashes.push(parsed.data);
  }
  return hashes;
}

/**
 * Applies one push as the device of `tokenHash`, in one transaction of three round trips however
 * many mutations it carries (see pushStore). The shop row is locked first: pushes to one shop take
 * turns, so no update is lost, and revisions commit in the order they were handed out.
 */
export async function pushAsDevice(pool: pg.Pool, tokenHash: string, mutations: readonly Mutation[], now: Date): Promise<PushOutcome[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const device = await beginAsDevice(client, tokenHash);
    if (!device) throw new HttpError(401, 'unauthorized', 'No valid device token: pair this workstation again.');
    const { outcomes, save } = await decideBatch(client, device, mutations, now);
    await saveAndCommit(client, save);
    return outcomes;
  } catch (error) {
    await client.query('ROLLBACK').catch((failure: Error) => (broken = failure));
    throw error;
  } finally {
    // A connection that could not even roll back is closed rather than handed to the next request.
    client.release(broken);
  }
}

async function decideBatch(client: pg.PoolClient, device: LockedDevice, mutations: readonly Mutation[], now: Date) {
  const { shopId, deviceId } = device;
  let seq = device.seq;
  const { earlier, records } = await loadForPush(
    client,
    shopId,
    mutations.map((mutation) => mutation.mutationId),
    mutations.map(({ collection, recordId }) => ({ collection, recordId })),
  );
  const state = new Map(records.map((record) => [key(record.collection, record.recordId), record]));

  const at = now.toISOString();
  const outcomes: PushOutcome[] = [];
  const newAnswers = new Map<string, PushOutcome>();
  const changed = new Map<string, CloudRecord>();
  const blobsNeeded = new Set<string>();
  for (const mutation of mutations) {
    const previous = earlier.get(mutation.mutationId) ?? newAnswers.get(mutation.mutationId);
    if (previous) {
      outcomes.push(previous);
      continue;
    }
    const recordKey = key(mutation.collection, mutation.recordId);
    const record = state.get(recordKey) ?? null;
    const checked = validateMutation(mutation, record && !record.deleted ? record.data : {});
    let outcome: PushOutcome;
    if (!checked.ok) {
      outcome = { mutationId: mutation.mutationId, status: 'rejected', reason: checked.rejection };
    } else {
      for (const hash of namedBlobs(checked.owner, checked.changes)) blobsNeeded.add(hash);
      const itemLabel = 'itemLabel' in checked.owner ? checked.owner.itemLabel : checked.owner.label;
      const decision = decide({
        mutation,
        changes: checked.changes,
        record,
        isSettings: mutation.collection === settingsCollection,
        laterChangeWins: mutation.collection === credentialsCollection,
        itemLabel,
        now: at,
        nextRev: () => (seq += 1),
      });
      outcome = decision.outcome;
      if (decision.changed) {
        state.set(recordKey, decision.changed);
        changed.set(recordKey, decision.changed);
      }
    }
    newAnswers.set(mutation.mutationId, outcome);
    outcomes.push(outcome);
  }

  if (blobsNeeded.size > 0) {
    const missing = await missingBlobs(client, shopId, [...blobsNeeded]);
    // Temporary, not a rejection: the desktop holds the file and uploads it before retrying, and
    // nothing of this push is kept, so the retry gets a fresh answer.
    if (missing.length > 0) throw new TemporaryError('blob_missing', `Upload these attachments before the changes that name them: ${missing.join(', ')}`);
  }
  const save = newAnswers.size > 0 ? { shopId, deviceId, seq, records: [...changed.values()], answers: newAnswers, at } : null;
  return { outcomes, save };
}
