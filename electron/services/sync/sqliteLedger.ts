import type { LocalStore } from '../../../db/open';
import { attachmentOf, imageRefusal, sniffAttachmentType } from '../../../domain/attachments';
import { type Mutation, type PulledRecord, type PushOutcome, type Rejection } from '../../../domain/sync/protocol';
import { blobTable, sha256Of } from '../attachments/blobTable';
import { deviceIdOf, readRecord } from '../store/records';
import type { OutcomeTally, SyncLedger } from './ledger';
import { attachmentFields, attachmentRecords } from './recordFields';
import { createRecordWriter, type PolicyLocks } from './recordWriter';
import { readSyncState, writeSyncState } from './syncStateKeys';

interface OutboxRow {
  seq: number;
  mutation_id: string;
  device_id: string;
  user_id: string;
  op: Mutation['op'];
  collection: string;
  record_id: string;
  changes: string;
  base_revs: string;
  catalogue_version: number;
  created_at: string;
}

/**
 * The outbox, conflicts and records as the sync engine needs them, on the workstation's SQLite.
 * Each method is one transaction: an answer from the cloud is either fully taken in (outbox row
 * gone, revisions moved, conflict recorded) or not at all, so a retried push never records a
 * conflict twice.
 */
export function createSqliteLedger(store: LocalStore, policy?: PolicyLocks): SyncLedger {
  const { sqlite, orm } = store;
  const writer = createRecordWriter(store, policy);
  const batch = sqlite.prepare<[number], OutboxRow>(
    "SELECT seq, mutation_id, device_id, user_id, op, collection, record_id, changes, base_revs, catalogue_version, created_at FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?",
  );
  // An answer is taken in on the very row that was sent, found by its seq (the rowid): never on another
  // row that carries the same id (a refused one stays until a person acts), and never by a scan, since
  // mutation ids have no index (one page less per local write). Checked against the id and still
  // pending, because a seq comes back once the outbox was empty and a sent row may be gone meanwhile.
  const sentRow = sqlite.prepare<[number, string], OutboxRow>("SELECT * FROM outbox WHERE seq = ? AND mutation_id = ? AND state = 'pending'");
  // Only for a mutation the cloud could not read, the first of a one-mutation batch: rare, so it may scan.
  const pendingById = sqlite.prepare<[string], OutboxRow>("SELECT * FROM outbox WHERE mutation_id = ? AND state = 'pending' ORDER BY seq LIMIT 1");
  const seqOf = new WeakMap<Mutation, number>();
  const remove = sqlite.prepare<[number]>('DELETE FROM outbox WHERE seq = ?');
  const markRejected = sqlite.prepare<[string, number]>("UPDATE outbox SET state = 'rejected', last_error = ? WHERE seq = ?");
  const blobs = blobTable(sqlite);

  function toMutation(row: OutboxRow, deviceId: string): Mutation {
    return {
      mutationId: row.mutation_id,
      deviceId: row.device_id || deviceId,
      userId: row.user_id,
      op: row.op,
      collection: row.collection,
      recordId: row.record_id,
      changes: JSON.parse(row.changes) as Record<string, unknown>,
      baseRevs: JSON.parse(row.base_revs) as Record<string, number>,
      catalogueVersion: row.catalogue_version,
      createdAt: row.created_at,
    };
  }

  function rejectRow(row: OutboxRow, reason: Rejection): void {
    markRejected.run(JSON.stringify(reason), row.seq);
    // The cloud keeps its value; the refused one stays in the outbox row for "aanpassen".
    writer.revertRefused(toMutation(row, row.device_id));
  }

  return {
    pendingBatch(limit) {
      const rows = batch.all(limit);
      const deviceId = rows.some((row) => row.device_id === '') ? deviceIdOf(orm) : '';
      const mutations: Mutation[] = [];
      const touched = new Set<string>();
      const ids = new Set<string>();
      for (const row of rows) {
        // A second row under one id (queued before ids were checked) waits for a batch of its own, so
        // each answer in a batch names exactly one row.
        if (ids.has(row.mutation_id)) break;
        ids.add(row.mutation_id);
        const mutation = toMutation(row, deviceId);
        // A second edit of a field in one batch was based on the first one's revision, which only the
        // cloud's answer tells; it waits for the next batch, rebased, so it never conflicts with itself.
        const keys = Object.keys(mutation.baseRevs).map((field) => `${mutation.collection}\u0000${mutation.recordId}\u0000${field}`);
        if (mutations.length > 0 && keys.some((key) => touched.has(key))) break;
        for (const key of keys) touched.add(key);
        seqOf.set(mutation, row.seq);
        mutations.push(mutation);
      }
      return mutations;
    },

    recordOutcomes(sent, results, at): OutcomeTally {
      const tally = { acknowledged: 0, conflicts: 0, rejected: 0 };
      sqlite.transaction(() => {
        for (const result of results) {
          // Not one we sent, or already taken in by an earlier answer: nothing to do twice.
          const mutation = sent.find((candidate) => candidate.mutationId === result.mutationId);
          const seq = mutation && seqOf.get(mutation);
          const row = seq === undefined ? undefined : sentRow.get(seq, result.mutationId);
          if (!row || !mutation) continue;
          if (result.status === 'rejected') {
            rejectRow(row, result.reason);
            tally.rejected += 1;
            continue;
          }
          // The row leaves first: the history rows waiting in it (db/schema.ts, outbox.history) reach
          // `history` before a conflict writes the cloud's value there, so the ids keep the order.
          remove.run(row.seq);
          tally.conflicts += writer.takeAnswer(row.seq, mutation, result satisfies PushOutcome, at);
          tally.acknowledged += 1;
        }
      })();
      return tally;
    },

    reject(mutationId, reason) {
      sqlite.transaction(() => {
        const row = pendingById.get(mutationId);
        if (row) rejectRow(row, reason);
      })();
    },

    applyPulled(records: readonly PulledRecord[], cursor) {
      const collections = new Set<string>();
      sqlite.transaction(() => {
        for (const record of records) if (writer.applyPulled(record)) collections.add(record.collection);
        writeSyncState(orm, 'pullCursor', cursor);
      })();
      return { collections: [...collections] };
    },

    cursor: () => readSyncState(orm, 'pullCursor') ?? '0',

    startOver: () => writeSyncState(orm, 'pullCursor', '0'),

    blobsNamedBy(mutations) {
      const hashes = new Set<string>();
      for (const mutation of mutations) {
        for (const field of attachmentFields(mutation.collection, mutation.recordId)) {
          const ref = attachmentOf(mutation.changes[field]);
          if (ref) hashes.add(ref.hash);
        }
      }
      return [...hashes].map((hash) => ({ hash, bytes: () => blobs.read(hash)?.bytes ?? null }));
    },

    blobsMissing() {
      const hashes = new Set<string>();
      for (const { collection, recordId, fields } of attachmentRecords()) {
        const stored = readRecord(sqlite, collection, recordId);
        if (!stored || stored.deleted) continue;
        for (const field of fields) {
          const ref = attachmentOf(stored.data[field]);
          if (ref && !blobs.has(ref.hash)) hashes.add(ref.hash);
        }
      }
      return [...hashes];
    },

    keepBlob(hash, bytes) {
      const buffer = Buffer.from(bytes);
      const type = sniffAttachmentType(buffer);
      // The cloud checked the hash on upload; checked again here, so a damaged transfer is never kept as the file.
      if (!type || sha256Of(buffer) !== hash) return false;
      // Another workstation's upload was checked there, but that may be an older version or a device
      // that did not check at all: a file this workstation would refuse as an upload is not kept.
      if (imageRefusal(buffer, type)) return false;
      blobs.keep(buffer, type, new Date());
      return true;
    },
  };
}
