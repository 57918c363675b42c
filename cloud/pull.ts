import type pg from 'pg';
import type { PulledRecord, PullResponse } from '../domain/sync/protocol';
import { tokenHashOf } from './accounts';
import { HttpError } from './httpError';

/**
 * A cursor names the shop it belongs to, so a cursor kept from another shop (a workstation that
 * was paired again) is answered "start over" instead of silently skipping changes. "0" is the
 * beginning for every shop.
 */
export function cursorFor(shopId: string, seq: number): string {
  return seq === 0 ? '0' : `${seq}.${shopId.replace(/-/g, '').slice(0, 12)}`;
}

type Row = {
  shop_id: string;
  shop_seq: string;
  records: { collection: string; record_id: string; data: Record<string, unknown>; fields: Record<string, { rev: number }>; deleted: boolean; seq: number; updated_by: string; updated_at: string }[];
};

/**
 * Records changed after the cursor, oldest change first. Pushes commit in revision order (see
 * pushBatch), so every record with a revision at or below the last one returned has already
 * committed: the next pull can start right after it and miss nothing.
 *
 * Pulls are the cloud's most frequent call, so the device check, the shop's counter and the page
 * are one statement: one round trip, atomic on its own. It is sent as a plain query (no bound
 * parameters) so PGlite's socket runs it as one message; every value in it is checked first:
 * a hex hash and two integers.
 */
export async function pullChanges(pool: pg.Pool, authorization: string | undefined, cursor: string, limit: number): Promise<PullResponse> {
  const hash = tokenHashOf(authorization);
  if (!hash) throw new HttpError(401, 'unauthorized', 'No valid device token: pair this workstation again.');
  // Stryker disable next-line StringLiteral: Number('') is 0 as well, and the shop part of "0" is never read.
  const match = cursor === '0' ? ['0', '0', ''] : /^(\d{1,15})\.([0-9a-f]{12})$/.exec(cursor);
  // Stryker disable next-line UnaryOperator: without a match the cursor is answered "start over" on the next line whatever this is.
  const after = Number(match?.[1] ?? -1);
  // Stryker disable next-line Regex: the hash is always tokenHashOf's 64 hex digits; the check keeps anything else out of the plain query.
  if (!match || !Number.isSafeInteger(after) || !/^[0-9a-f]{64}$/.test(hash) || !Number.isInteger(limit)) return { kind: 'startOver' };
  const result = await pool.query<Row>(`
    SELECT d.shop_id, s.seq AS shop_seq,
      (SELECT coalesce(json_agg(json_build_object('collection', r.collection, 'record_id', r.record_id, 'data', r.data, 'fields', r.fields,
                'deleted', r.deleted, 'seq', r.seq, 'updated_by', r.updated_by, 'updated_at', r.updated_at) ORDER BY r.seq), '[]'::json)
         FROM (SELECT * FROM records WHERE shop_id = d.shop_id AND seq > ${after} ORDER BY seq LIMIT ${limit + 1}) AS r) AS records
    FROM devices d JOIN shops s ON s.id = d.shop_id
    WHERE d.token_hash = '${hash}' AND d.revoked_at IS NULL`);
  const row = result.rows[0];
  if (!row) throw new HttpError(401, 'unauthorized', 'No valid device token: pair this workstation again.');
  // Another shop's cursor, or one past the shop's counter (a cloud restored from an older
  // backup): the desktop pulls everything again; pulled records are whole, so that is safe.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: cursorFor(shop, 0) is "0", so for 0 the comparison holds anyway.
  if ((after > 0 && cursorFor(row.shop_id, after) !== cursor) || after > Number(row.shop_seq)) return { kind: 'startOver' };
  const page = row.records.slice(0, limit);
  const records: PulledRecord[] = page.map((record) => ({
    seq: Number(record.seq),
    collection: record.collection,
    recordId: record.record_id,
    data: record.data,
    revs: Object.fromEntries(Object.entries(record.fields).map(([field, stamp]) => [field, stamp.rev])),
    deleted: record.deleted,
    updatedBy: record.updated_by,
    updatedAt: new Date(record.updated_at).toISOString(),
  }));
  const last = records.at(-1)?.seq ?? after;
  return { kind: 'changes', records, cursor: cursorFor(row.shop_id, last), more: row.records.length > limit };
}
