import type { LocalStore } from '../../../db/open';
import { pendingOfNewRecord } from '../../../db/pendingFields';
import type { Mutation, PulledRecord, PushOutcome } from '../../../domain/sync/protocol';
import { workstationFields } from '../../../domain/settings/catalogue';
import { credentialsCollection } from '../../../domain/sync/credentials';
import type { PolicyService } from '../policy/policyService';
import { appendHistory } from '../store/history';
import { createCredentialWriter } from './credentialWriter';

type Json = Record<string, unknown>;
type Accepted = Extract<PushOutcome, { status: 'accepted' }>;

interface LocalRecord {
  data: Json;
  base: Json;
  revs: Record<string, number>;
  /** The fields pending local mutations wait on, with how many name each (see db/schema.ts). */
  pending: Record<string, number>;
  deleted: boolean;
  updatedAt: string;
  updatedBy: string;
  exists: boolean;
}

const deletedField = '_deleted';

/** What IT fixed on this machine; a settings group's field is locked by `(group, field)`. */
export type PolicyLocks = Pick<PolicyService, 'isLocked'>;
const noLocks: PolicyLocks = { isLocked: () => false };

/**
 * Writes what the cloud said into the local records, inside the caller's transaction. The rules:
 * a field with a later local change still waiting keeps its local value; a workstation field is
 * never touched, and neither is a field IT locked by policy (the managed value stands on this
 * machine whatever the other workstations hold); `base` is the last value the cloud confirmed and
 * `revs` its revision.
 */
export function createRecordWriter(store: LocalStore, policy: PolicyLocks = noLocks) {
  const { sqlite } = store;
  // Password and PIN hashes live in their own table, without history or conflicts.
  const credentials = createCredentialWriter(store);
  const select = sqlite.prepare<[string, string], { data: string; base: string | null; revs: string; pending: string; deleted: number; updated_at: string; updated_by: string }>(
    'SELECT data, base, revs, pending, deleted, updated_at, updated_by FROM records WHERE collection = ? AND id = ?',
  );
  const upsert = sqlite.prepare(
    `INSERT INTO records (collection, id, data, base, revs, pending, deleted, updated_at, updated_by) VALUES (@collection, @id, @data, @base, @revs, @pending, @deleted, @updatedAt, @updatedBy)
     ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data, base = excluded.base, revs = excluded.revs, pending = excluded.pending, deleted = excluded.deleted, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  // A later mutation of the same field was based on the one answered; the outbox has no index on the
  // record (one page less per local write), so this scans it, and runs only when the record counts one.
  const rebase = sqlite.prepare<[string, number, string, string, number, string, number]>(
    "UPDATE outbox SET base_revs = json_set(base_revs, ?, ?) WHERE collection = ? AND record_id = ? AND state = 'pending' AND seq <> ? AND json_extract(base_revs, ?) = ?",
  );
  const openConflict = sqlite.prepare<[string, string, string], { id: number }>(
    'SELECT id FROM conflicts WHERE collection = ? AND record_id = ? AND field = ? AND resolved_at IS NULL',
  );
  const insertConflict = sqlite.prepare(
    `INSERT INTO conflicts (collection, record_id, field, base, mine, theirs, their_rev, detected_at, mutation_id, mine_by, mine_at, their_by, their_at)
     VALUES (@collection, @recordId, @field, @base, @mine, @theirs, @theirRev, @detectedAt, @mutationId, @mineBy, @mineAt, @theirBy, @theirAt)`,
  );
  const updateConflict = sqlite.prepare(
    'UPDATE conflicts SET mine = @mine, theirs = @theirs, their_rev = @theirRev, mutation_id = @mutationId, mine_by = @mineBy, mine_at = @mineAt, their_by = @theirBy, their_at = @theirAt WHERE id = @id',
  );
  const refreshTheirs = sqlite.prepare(
    'UPDATE conflicts SET theirs = @theirs, their_rev = @theirRev, their_by = @theirBy, their_at = @theirAt WHERE id = @id AND their_rev < @theirRev',
  );

  const json = (value: unknown) => JSON.stringify(value ?? null);

  function read(collection: string, id: string): LocalRecord {
    const row = select.get(collection, id);
    // A record made here from the cloud may still be named by queued changes (it was removed as
    // damaged at start-up): those fields keep waiting, so this pull cannot take their values.
    if (!row) return { data: {}, base: {}, revs: {}, pending: JSON.parse(pendingOfNewRecord(sqlite, collection, id)) as Record<string, number>, deleted: false, updatedAt: '', updatedBy: '', exists: false };
    return {
      data: JSON.parse(row.data) as Json,
      base: (row.base ? JSON.parse(row.base) : {}) as Json,
      revs: JSON.parse(row.revs) as Record<string, number>,
      pending: JSON.parse(row.pending) as Record<string, number>,
      deleted: row.deleted === 1,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
      exists: true,
    };
  }

  function write(collection: string, id: string, record: LocalRecord): void {
    upsert.run({ collection, id, data: JSON.stringify(record.data), base: JSON.stringify(record.base), revs: JSON.stringify(record.revs), pending: JSON.stringify(record.pending), deleted: record.deleted ? 1 : 0, updatedAt: record.updatedAt, updatedBy: record.updatedBy });
  }

  function setField(collection: string, id: string, record: LocalRecord, field: string, value: unknown, at: string, by: string): boolean {
    const before = field === deletedField ? record.deleted : record.data[field];
    // Absent and null print alike, but a field the cloud holds as null must still arrive here.
    const samePresence = field === deletedField || field in record.data === (value !== undefined);
    if (samePresence && json(before) === json(value)) return false;
    if (field === deletedField) record.deleted = value === true;
    else if (value === undefined) delete record.data[field];
    else record.data[field] = value;
    appendHistory(sqlite, { collection, recordId: id, field, oldValue: json(before), newValue: json(value), at, by, origin: 'sync' });
    return true;
  }

  /** The fields still waiting once `mutation` no longer does (answered, or refused): its fields are counted off. */
  function stillPending(record: LocalRecord, mutation?: Mutation): Set<string> {
    for (const field of Object.keys(mutation?.baseRevs ?? {})) {
      const left = (record.pending[field] ?? 0) - 1;
      if (left > 0) record.pending[field] = left;
      else delete record.pending[field];
    }
    return new Set(Object.keys(record.pending));
  }
  // Only settings groups can be locked; asked per field, as IT may change the policy while running.
  const lockedByPolicy = (collection: string, id: string, field: string) => collection === 'settings' && policy.isLocked(id, field);

  function recordConflict(mutation: Mutation, field: string, base: unknown, theirs: { theirs: unknown; theirRev: number; theirBy: string; theirAt: string }, detectedAt: string): number {
    const values = {
      mine: json(field === deletedField ? mutation.op === 'delete' : mutation.changes[field]),
      theirs: json(theirs.theirs),
      theirRev: theirs.theirRev,
      mutationId: mutation.mutationId,
      mineBy: mutation.userId,
      mineAt: mutation.createdAt,
      theirBy: theirs.theirBy,
      theirAt: theirs.theirAt,
    };
    // One open conflict per field: a second local edit of the same field joins the first.
    const open = openConflict.get(mutation.collection, mutation.recordId, field);
    if (open) {
      updateConflict.run({ ...values, id: open.id });
      return 0;
    }
    insertConflict.run({ ...values, collection: mutation.collection, recordId: mutation.recordId, field, base: json(base), detectedAt });
    return 1;
  }

  return {
    /** Takes in an accepted mutation; returns how many new conflicts it brought. */
    takeAnswer(seq: number, mutation: Mutation, outcome: Accepted, at: Date): number {
      const { collection, recordId } = mutation;
      if (collection === credentialsCollection) {
        credentials.takeAnswer(seq, mutation, outcome, at);
        return 0;
      }
      const record = read(collection, recordId);
      const later = stillPending(record, mutation);
      const now = at.toISOString();
      const adoptTheirs = (field: string, answer: { theirs: unknown; theirRev: number; theirBy: string }) => {
        // The cloud's value stands until a person chooses; a newer local edit still waits for its own
        // answer, and a value IT fixed stays as fixed (the conflict is still recorded for a person).
        if (later.has(field) || lockedByPolicy(collection, recordId, field)) return;
        setField(collection, recordId, record, field, answer.theirs, now, answer.theirBy);
        record.revs[field] = answer.theirRev;
        record.base[field] = answer.theirs;
      };
      const clashes = Object.values(outcome.fields).filter((answer) => answer.status === 'conflict');
      const deleteClash = mutation.op === 'delete' ? outcome.deleted === false : outcome.deleted === true;
      if (deleteClash) {
        // Deleted on one side, edited on the other: one question for a person, not one per field.
        const first = clashes[0];
        const theirs = { theirs: outcome.deleted, theirRev: first?.theirRev ?? 1, theirBy: first?.theirBy ?? record.updatedBy, theirAt: first?.theirAt ?? now };
        const conflicts = recordConflict(mutation, deletedField, false, theirs, now);
        if (mutation.op === 'delete') {
          for (const [field, answer] of Object.entries(outcome.fields)) if (answer.status === 'conflict') adoptTheirs(field, answer);
        }
        if (!later.has(deletedField)) setField(collection, recordId, record, deletedField, outcome.deleted, now, theirs.theirBy);
        if (record.exists) write(collection, recordId, record);
        return conflicts;
      }
      let conflicts = 0;
      for (const [field, answer] of Object.entries(outcome.fields)) {
        if (answer.status === 'conflict') {
          conflicts += recordConflict(mutation, field, record.base[field], answer, now);
          adoptTheirs(field, answer);
          continue;
        }
        const path = `$."${field}"`;
        if (later.has(field)) rebase.run(path, answer.rev, collection, recordId, seq, path, mutation.baseRevs[field] ?? 0);
        record.revs[field] = answer.rev;
        record.base[field] = field === deletedField ? mutation.op === 'delete' : mutation.changes[field];
      }
      if (record.exists) write(collection, recordId, record);
      return conflicts;
    },

    /** Applies a whole record from the cloud; true when anything visible changed. */
    applyPulled(pulled: PulledRecord): boolean {
      const { collection, recordId } = pulled;
      if (collection === credentialsCollection) return credentials.applyPulled(pulled);
      const record = read(collection, recordId);
      const pending = stillPending(record);
      const local = workstationFields(collection, recordId);
      let changed = false;
      const fields = new Set([...Object.keys(pulled.data), ...Object.keys(record.data)]);
      for (const field of fields) {
        if (pending.has(field) || local.has(field) || lockedByPolicy(collection, recordId, field)) continue;
        changed = setField(collection, recordId, record, field, pulled.data[field], pulled.updatedAt, pulled.updatedBy) || changed;
        if (field in pulled.data) record.base[field] = pulled.data[field];
        else delete record.base[field];
        if (pulled.revs[field] !== undefined) record.revs[field] = pulled.revs[field];
        const open = openConflict.get(collection, recordId, field);
        if (open) refreshTheirs.run({ id: open.id, theirs: json(pulled.data[field]), theirRev: pulled.revs[field] ?? 0, theirBy: pulled.updatedBy, theirAt: pulled.updatedAt });
      }
      if (!pending.has(deletedField)) {
        changed = setField(collection, recordId, record, deletedField, pulled.deleted, pulled.updatedAt, pulled.updatedBy) || changed;
        if (pulled.revs[deletedField] !== undefined) record.revs[deletedField] = pulled.revs[deletedField];
      }
      if (changed || !record.exists) {
        record.updatedAt = pulled.updatedAt;
        record.updatedBy = pulled.updatedBy;
      }
      write(collection, recordId, record);
      return changed || !record.exists;
    },

    /** A refused change gives way to the cloud's value; the refused one stays in its outbox row. */
    revertRefused(mutation: Mutation): void {
      const { collection, recordId } = mutation;
      // A refused hash stays here: it was made on this workstation, so the password still signs in here.
      if (collection === credentialsCollection) return;
      const record = read(collection, recordId);
      if (!record.exists) return;
      const later = stillPending(record, mutation);
      const at = new Date().toISOString();
      if (mutation.op === 'delete') {
        if (!later.has(deletedField)) setField(collection, recordId, record, deletedField, false, at, 'sync');
      } else if (mutation.op === 'create' && Object.keys(record.revs).length === 0) {
        // Never in the cloud: what was created here alone is put away, not left half-known.
        if (later.size === 0) setField(collection, recordId, record, deletedField, true, at, 'sync');
      } else {
        for (const field of Object.keys(mutation.changes)) if (!later.has(field)) setField(collection, recordId, record, field, record.base[field], at, 'sync');
      }
      write(collection, recordId, record);
    },
  };
}

export type RecordWriter = ReturnType<typeof createRecordWriter>;
