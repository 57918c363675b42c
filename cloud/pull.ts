import { sql } from 'drizzle-orm';
import type { PulledRecord, PullResponse } from '../domain/sync/protocol';
import type { CloudTx } from './db/connect';
import type { FieldStamp } from './db/schema';

/**
 * A cursor names the shop it belongs to, so a cursor kept from another shop (a workstation that
 * was paired again) is answered "start over" instead of silently skipping changes. "0" is the
 * beginning for every shop.
 */
export function cursorFor(shopId: string, seq: number): string {
  return seq === 0 ? '0' : `${seq}.${shopId.replace(/-/g, '').slice(0, 12)}`;
}

function seqOf(shopId: string, cursor: string): number | null {
  if (cursor === '0') return 0;
  const match = /^(\d{1,15})\.([0-9a-z]{1,12})$/.exec(cursor);
  if (!match?.[1] || cursorFor(shopId, Number(match[1])) !== cursor) return null;
  return Number(match[1]);
}

type Row = {
  collection: string;
  record_id: string;
  data: Record<string, unknown>;
  fields: Record<string, FieldStamp>;
  deleted: boolean;
  seq: string;
  updated_by: string;
  updated_at: string;
};

/**
 * Records changed after the cursor, oldest change first. Pushes commit in revision order (see
 * pushBatch), so every record with a revision at or below the last one returned has already
 * committed: the next pull can start right after it and miss nothing.
 */
export async function pullChanges(tx: CloudTx, shopId: string, cursor: string, limit: number): Promise<PullResponse> {
  const after = seqOf(shopId, cursor);
  if (after === null) return { kind: 'startOver' };
  const rows = await tx.execute<Row>(sql`
    SELECT collection, record_id, data, fields, deleted, seq, updated_by, to_json(updated_at) #>> '{}' AS updated_at
    FROM records WHERE shop_id = ${shopId} AND seq > ${after}
    ORDER BY seq LIMIT ${limit + 1}`);
  if (rows.rows.length === 0 && after > 0) {
    // Nothing new, or a cursor past the shop's counter (a cloud restored from an older backup):
    // then the desktop pulls everything again; pulled records are whole, so that is safe.
    const shop = await tx.execute<{ seq: string }>(sql`SELECT seq FROM shops WHERE id = ${shopId}`);
    if (after > Number(shop.rows[0]?.seq ?? 0)) return { kind: 'startOver' };
  }
  const page = rows.rows.slice(0, limit);
  const records: PulledRecord[] = page.map((row) => ({
    seq: Number(row.seq),
    collection: row.collection,
    recordId: row.record_id,
    data: row.data,
    revs: Object.fromEntries(Object.entries(row.fields).map(([field, stamp]) => [field, stamp.rev])),
    deleted: row.deleted,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
  const last = records.at(-1)?.seq ?? after;
  return { kind: 'changes', records, cursor: cursorFor(shopId, last), more: rows.rows.length > limit };
}
