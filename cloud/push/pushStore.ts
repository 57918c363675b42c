import type pg from 'pg';
import type { PushOutcome } from '../../domain/sync/protocol';
import type { FieldStamp } from '../db/schema';
import type { CloudRecord } from './decide';

/**
 * A push's database work in three round trips however many mutations it carries: begin with the
 * device check and the shop lock, read, then write and commit. It talks to node-postgres directly
 * because drizzle's transactions cost a round trip each for BEGIN and COMMIT. The first and last
 * are plain queries (several statements, no bound parameters): what goes into them is a hex hash
 * or escaped by the driver. PGlite's socket runs a transaction's statements without interleaving
 * another connection's, so this is safe there too.
 */

/** pg answers a plain query of several statements with one result per statement. */
function resultsOf(value: pg.QueryResult | pg.QueryResult[]): pg.QueryResult[] {
  // Stryker disable next-line ArrayDeclaration: the statements sent here are always several, so pg answers with an array.
  return Array.isArray(value) ? value : [value];
}

export interface LockedDevice {
  deviceId: string;
  shopId: string;
  seq: number;
}

/**
 * Begins the transaction, finds the device and locks its shop's counter. The lock is taken here,
 * before any record is read: in READ COMMITTED each later statement reads from a snapshot taken
 * when it starts, so the reads that follow see every push of this shop that committed before.
 */
export async function beginAsDevice(client: pg.PoolClient, tokenHash: string): Promise<LockedDevice | null> {
  if (!/^[0-9a-f]{64}$/.test(tokenHash)) return null;
  const [, found] = resultsOf(
    await client.query(`BEGIN;
      SELECT d.id AS device_id, d.shop_id, s.seq FROM devices d JOIN shops s ON s.id = d.shop_id
      WHERE d.token_hash = '${tokenHash}' AND d.revoked_at IS NULL FOR UPDATE OF s`),
  );
  const row: { device_id: string; shop_id: string; seq: string } | undefined = found?.rows[0];
  return row ? { deviceId: row.device_id, shopId: row.shop_id, seq: Number(row.seq) } : null;
}

/**
 * Most fields of a record were last set by the record's last change, so their stamp stores only
 * the revision and takes who and when from the record: a third of the bytes a push writes.
 */
type StoredStamp = { rev: number; by?: string; at?: string; madeAt?: string };

function compactStamps(record: CloudRecord): Record<string, StoredStamp> {
  return Object.fromEntries(
    Object.entries(record.fields).map(([field, stamp]) => [field, stamp.by === record.updatedBy && stamp.at === record.updatedAt ? { rev: stamp.rev, ...(stamp.madeAt ? { madeAt: stamp.madeAt } : {}) } : stamp]),
  );
}

function fullStamps(stored: Record<string, StoredStamp>, by: string, at: string): Record<string, FieldStamp> {
  return Object.fromEntries(Object.entries(stored).map(([field, stamp]) => [field, { ...stamp, by: stamp.by ?? by, at: stamp.at ?? at }]));
}

type Loaded = {
  answered: { id: string; outcome: PushOutcome }[];
  records: { collection: string; record_id: string; data: Record<string, unknown>; fields: Record<string, StoredStamp>; deleted: boolean; seq: number; updated_by: string; updated_at: string }[];
};

/**
 * Earlier answers to these mutation ids and the current state of the records they touch, in one
 * statement. Lookups go key by key through the primary keys, so a push costs the same in a shop
 * with ten records as in one with a million, whatever the planner's statistics say. The `LIMIT 1`
 * is what makes it so: without it the planner flattens the LATERAL into a hash join and, for a
 * shop holding most of the table, reads every row of the shop on every push.
 */
export async function loadForPush(client: pg.PoolClient, shopId: string, mutationIds: string[], keys: { collection: string; recordId: string }[]) {
  const result = await client.query<Loaded>(
    `SELECT
      (SELECT coalesce(json_agg(json_build_object('id', m.mutation_id, 'outcome', m.outcome)), '[]'::json)
         FROM unnest($2::text[]) AS k(id)
         CROSS JOIN LATERAL (SELECT mutation_id, outcome FROM mutations WHERE shop_id = $1 AND mutation_id = k.id LIMIT 1) AS m) AS answered,
      (SELECT coalesce(json_agg(json_build_object('collection', r.collection, 'record_id', r.record_id, 'data', r.data, 'fields', r.fields,
                'deleted', r.deleted, 'seq', r.seq, 'updated_by', r.updated_by, 'updated_at', r.updated_at)), '[]'::json)
         FROM unnest($3::text[], $4::text[]) AS k(collection, record_id)
         CROSS JOIN LATERAL (SELECT * FROM records WHERE shop_id = $1 AND collection = k.collection AND record_id = k.record_id LIMIT 1) AS r) AS records`,
    [shopId, mutationIds, keys.map((k) => k.collection), keys.map((k) => k.recordId)],
  );
  // Stryker disable next-line ObjectLiteral,ArrayDeclaration: a SELECT of two subqueries without FROM always answers one row.
  const row = result.rows[0] ?? { answered: [], records: [] };
  const earlier = new Map(row.answered.map((answer) => [answer.id, answer.outcome]));
  const records = row.records.map((record): CloudRecord => {
    const updatedAt = new Date(record.updated_at).toISOString();
    return {
      collection: record.collection,
      recordId: record.record_id,
      data: record.data,
      fields: fullStamps(record.fields, record.updated_by, updatedAt),
      deleted: record.deleted,
      seq: Number(record.seq),
      updatedBy: record.updated_by,
      updatedAt,
    };
  });
  return { earlier, records };
}

export async function missingBlobs(client: pg.PoolClient, shopId: string, hashes: string[]): Promise<string[]> {
  const present = await client.query<{ hash: string }>('SELECT hash FROM blobs WHERE shop_id = $1 AND hash = ANY($2::text[])', [shopId, hashes]);
  const found = new Set(present.rows.map((row) => row.hash));
  return hashes.filter((hash) => !found.has(hash));
}

export interface PushSave {
  shopId: string;
  deviceId: string;
  seq: number;
  records: CloudRecord[];
  answers: Map<string, PushOutcome>;
  at: string;
}

/**
 * The counter, the changed records (and the credentials of deleted webshop connections) and the
 * answers in one statement, then the commit. The rows go
 * as two bound JSON parameters, not escaped into the text: escaping a push's half a megabyte
 * character by character cost more than everything else the cloud does with it.
 */
export async function saveAndCommit(client: pg.PoolClient, save: PushSave | null): Promise<void> {
  if (save) {
    const records = save.records.map((record) => ({
      collection: record.collection,
      record_id: record.recordId,
      data: record.data,
      fields: compactStamps(record),
      deleted: record.deleted,
      seq: record.seq,
      updated_by: record.updatedBy,
      updated_at: record.updatedAt,
    }));
    const answers = [...save.answers.entries()].map(([mutationId, outcome]) => ({ mutation_id: mutationId, outcome }));
    await client.query(
      `WITH counter AS (
        UPDATE shops SET seq = $2 WHERE id = $1 AND seq <> $2
      ), revoked AS (
        -- A connection deleted on a workstation can no longer be disconnected: its webshop's credentials go with it.
        DELETE FROM webhook_credentials c USING jsonb_to_recordset($3::jsonb) AS r(collection text, record_id text, deleted boolean)
        WHERE c.shop_id = $1 AND r.collection = 'webhooks' AND r.deleted AND c.hook_id = r.record_id
      ), saved AS (
        INSERT INTO records (shop_id, collection, record_id, data, fields, deleted, seq, updated_by, updated_at)
        SELECT $1, r.collection, r.record_id, r.data, r.fields, r.deleted, r.seq, r.updated_by, r.updated_at
        FROM jsonb_to_recordset($3::jsonb)
          AS r(collection text, record_id text, data jsonb, fields jsonb, deleted boolean, seq bigint, updated_by text, updated_at timestamptz)
        ON CONFLICT (shop_id, collection, record_id) DO UPDATE SET
          data = excluded.data, fields = excluded.fields, deleted = excluded.deleted, seq = excluded.seq,
          updated_by = excluded.updated_by, updated_at = excluded.updated_at
      )
      INSERT INTO mutations (shop_id, mutation_id, device_id, outcome, accepted_at)
      SELECT $1, m.mutation_id, $4, m.outcome, $5::timestamptz
      FROM jsonb_to_recordset($6::jsonb) AS m(mutation_id text, outcome jsonb)`,
      [save.shopId, Math.trunc(save.seq), JSON.stringify(records), save.deviceId, save.at, JSON.stringify(answers)],
    );
  }
  await client.query('COMMIT');
}
