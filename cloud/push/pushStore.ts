import { sql } from 'drizzle-orm';
import type { PushOutcome } from '../../domain/sync/protocol';
import type { CloudTx } from '../db/connect';
import type { FieldStamp } from '../db/schema';
import type { CloudRecord } from './decide';

/**
 * The push's database work in as few round trips as correctness allows: lock, read, write.
 * The lock must be a statement of its own: in READ COMMITTED each statement reads from a snapshot
 * taken when it starts, so the reads that follow the lock see every push that committed before.
 */
export async function lockShopCounter(tx: CloudTx, shopId: string): Promise<number> {
  const locked = await tx.execute<{ seq: string }>(sql`SELECT seq FROM shops WHERE id = ${shopId} FOR UPDATE`);
  return Number(locked.rows[0]?.seq ?? 0);
}

type Loaded = {
  answered: { id: string; outcome: PushOutcome }[];
  records: { collection: string; record_id: string; data: Record<string, unknown>; fields: Record<string, FieldStamp>; deleted: boolean; seq: number; updated_by: string; updated_at: string }[];
};

/**
 * Earlier answers to these mutation ids and the current state of the records they touch, in one
 * statement. Lookups go key by key through the primary keys (LATERAL), so a push costs the same
 * in a shop with ten records as in one with a million, whatever the planner's statistics say.
 */
export async function loadForPush(tx: CloudTx, shopId: string, mutationIds: string[], keys: { collection: string; recordId: string }[]) {
  const result = await tx.execute<Loaded>(sql`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('id', m.mutation_id, 'outcome', m.outcome)), '[]'::json)
         FROM unnest(${sql.param(mutationIds)}::text[]) AS k(id)
         CROSS JOIN LATERAL (SELECT mutation_id, outcome FROM mutations WHERE shop_id = ${shopId} AND mutation_id = k.id) AS m) AS answered,
      (SELECT coalesce(json_agg(json_build_object('collection', r.collection, 'record_id', r.record_id, 'data', r.data, 'fields', r.fields,
                'deleted', r.deleted, 'seq', r.seq, 'updated_by', r.updated_by, 'updated_at', r.updated_at)), '[]'::json)
         FROM unnest(${sql.param(keys.map((k) => k.collection))}::text[], ${sql.param(keys.map((k) => k.recordId))}::text[]) AS k(collection, record_id)
         CROSS JOIN LATERAL (SELECT * FROM records WHERE shop_id = ${shopId} AND collection = k.collection AND record_id = k.record_id) AS r) AS records`);
  const row = result.rows[0] ?? { answered: [], records: [] };
  const earlier = new Map(row.answered.map((answer) => [answer.id, answer.outcome]));
  const records = row.records.map(
    (record): CloudRecord => ({
      collection: record.collection,
      recordId: record.record_id,
      data: record.data,
      fields: record.fields,
      deleted: record.deleted,
      seq: Number(record.seq),
      updatedBy: record.updated_by,
      updatedAt: new Date(record.updated_at).toISOString(),
    }),
  );
  return { earlier, records };
}

export async function missingBlobs(tx: CloudTx, shopId: string, hashes: string[]): Promise<string[]> {
  const present = await tx.execute<{ hash: string }>(sql`SELECT hash FROM blobs WHERE shop_id = ${shopId} AND hash = ANY(${sql.param(hashes)}::text[])`);
  const found = new Set(present.rows.map((row) => row.hash));
  return hashes.filter((hash) => !found.has(hash));
}

/** The counter, the changed records and the answers, in one statement. */
export async function savePush(tx: CloudTx, save: { shopId: string; deviceId: string; seq: number; records: CloudRecord[]; answers: Map<string, PushOutcome>; at: string }) {
  const records = save.records.map((record) => ({
    collection: record.collection,
    record_id: record.recordId,
    data: record.data,
    fields: record.fields,
    deleted: record.deleted,
    seq: record.seq,
    updated_by: record.updatedBy,
    updated_at: record.updatedAt,
  }));
  const answers = [...save.answers.entries()].map(([mutationId, outcome]) => ({ mutation_id: mutationId, outcome }));
  await tx.execute(sql`
    WITH counter AS (
      UPDATE shops SET seq = ${save.seq} WHERE id = ${save.shopId} AND seq <> ${save.seq}
    ), saved AS (
      INSERT INTO records (shop_id, collection, record_id, data, fields, deleted, seq, updated_by, updated_at)
      SELECT ${save.shopId}, r.collection, r.record_id, r.data, r.fields, r.deleted, r.seq, r.updated_by, r.updated_at
      FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
        AS r(collection text, record_id text, data jsonb, fields jsonb, deleted boolean, seq bigint, updated_by text, updated_at timestamptz)
      ON CONFLICT (shop_id, collection, record_id) DO UPDATE SET
        data = excluded.data, fields = excluded.fields, deleted = excluded.deleted, seq = excluded.seq,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at
    )
    INSERT INTO mutations (shop_id, mutation_id, device_id, outcome, accepted_at)
    SELECT ${save.shopId}, m.mutation_id, ${save.deviceId}, m.outcome, ${save.at}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) AS m(mutation_id text, outcome jsonb)`);
}
