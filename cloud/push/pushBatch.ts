import { sql } from 'drizzle-orm';
import { findField } from '../../domain/settings/catalogue';
import type { CollectionDef, GroupDef } from '../../domain/settings/types';
import { sha256Hex, type Mutation, type PushOutcome } from '../../domain/sync/protocol';
import { settingsCollection, validateMutation } from '../../domain/sync/validateMutation';
import type { CloudTx } from '../db/connect';
import type { FieldStamp } from '../db/schema';
import { TemporaryError } from '../errors';
import { decide, type CloudRecord } from './decide';

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

type RecordRow = {
  collection: string;
  record_id: string;
  data: Record<string, unknown>;
  fields: Record<string, FieldStamp>;
  deleted: boolean;
  seq: string | number;
  updated_by: string;
  updated_at: string;
};

/**
 * Applies one push for one shop inside the caller's transaction, in a fixed number of statements
 * however many mutations it carries. The shop row is locked first: pushes to one shop take turns,
 * so no update is lost, and revisions commit in the order they were handed out.
 */
export async function pushBatch(tx: CloudTx, shopId: string, deviceId: string, mutations: readonly Mutation[], now: Date): Promise<PushOutcome[]> {
  const locked = await tx.execute<{ seq: string }>(sql`SELECT seq FROM shops WHERE id = ${shopId} FOR UPDATE`);
  let seq = Number(locked.rows[0]?.seq ?? 0);
  const startSeq = seq;

  const ids = mutations.map((mutation) => mutation.mutationId);
  const answered = await tx.execute<{ mutation_id: string; outcome: PushOutcome }>(
    sql`SELECT mutation_id, outcome FROM mutations WHERE shop_id = ${shopId} AND mutation_id = ANY(${sql.param(ids)}::text[])`,
  );
  const earlier = new Map(answered.rows.map((row) => [row.mutation_id, row.outcome]));

  const fresh = mutations.filter((mutation) => !earlier.has(mutation.mutationId));
  const loaded = await tx.execute<RecordRow>(sql`
    SELECT r.collection, r.record_id, r.data, r.fields, r.deleted, r.seq, r.updated_by, to_json(r.updated_at) #>> '{}' AS updated_at
    FROM records r JOIN unnest(${sql.param(fresh.map((m) => m.collection))}::text[], ${sql.param(fresh.map((m) => m.recordId))}::text[]) AS k(collection, record_id)
      ON r.collection = k.collection AND r.record_id = k.record_id
    WHERE r.shop_id = ${shopId}`);
  const state = new Map<string, CloudRecord>();
  for (const row of loaded.rows) {
    state.set(key(row.collection, row.record_id), {
      collection: row.collection,
      recordId: row.record_id,
      data: row.data,
      fields: row.fields,
      deleted: row.deleted,
      seq: Number(row.seq),
      updatedBy: row.updated_by,
      updatedAt: new Date(row.updated_at).toISOString(),
    });
  }

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
    const hashes = [...blobsNeeded];
    const present = await tx.execute<{ hash: string }>(sql`SELECT hash FROM blobs WHERE shop_id = ${shopId} AND hash = ANY(${sql.param(hashes)}::text[])`);
    const missing = hashes.filter((hash) => !present.rows.some((row) => row.hash === hash));
    // Temporary, not a rejection: the desktop holds the file and uploads it before retrying, and
    // nothing of this push is kept, so the retry gets a fresh answer.
    if (missing.length > 0) throw new TemporaryError('blob_missing', `Upload these attachments before the changes that name them: ${missing.join(', ')}`);
  }

  if (seq !== startSeq) await tx.execute(sql`UPDATE shops SET seq = ${seq} WHERE id = ${shopId}`);
  if (changed.size > 0) {
    const rows = [...changed.values()].map((record) => ({
      collection: record.collection,
      record_id: record.recordId,
      data: record.data,
      fields: record.fields,
      deleted: record.deleted,
      seq: record.seq,
      updated_by: record.updatedBy,
      updated_at: record.updatedAt,
    }));
    await tx.execute(sql`
      INSERT INTO records (shop_id, collection, record_id, data, fields, deleted, seq, updated_by, updated_at)
      SELECT ${shopId}, r.collection, r.record_id, r.data, r.fields, r.deleted, r.seq, r.updated_by, r.updated_at
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(collection text, record_id text, data jsonb, fields jsonb, deleted boolean, seq bigint, updated_by text, updated_at timestamptz)
      ON CONFLICT (shop_id, collection, record_id) DO UPDATE SET
        data = excluded.data, fields = excluded.fields, deleted = excluded.deleted, seq = excluded.seq,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
  }
  if (newAnswers.size > 0) {
    const rows = [...newAnswers.entries()].map(([mutationId, outcome]) => ({ mutation_id: mutationId, outcome }));
    await tx.execute(sql`
      INSERT INTO mutations (shop_id, mutation_id, device_id, outcome, accepted_at)
      SELECT ${shopId}, m.mutation_id, ${deviceId}, m.outcome, ${at}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS m(mutation_id text, outcome jsonb)`);
  }
  return outcomes;
}
