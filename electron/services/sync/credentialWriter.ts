import type { LocalStore } from '../../../db/open';
import { credentialKinds, isCredentialKind, isScryptHash, type CredentialKind } from '../../../domain/sync/credentials';
import type { Mutation, PulledRecord, PushOutcome } from '../../../domain/sync/protocol';

type Accepted = Extract<PushOutcome, { status: 'accepted' }>;

/**
 * What the cloud says about password and PIN hashes, written into the local credentials table
 * (never into `records`: no history of hashes, no conflict to show). A hash with a local change
 * still waiting keeps the local one until the cloud answers it: for hashes the change made later
 * wins (see cloud/push/decide.ts), so a stale one made earlier comes back as a conflict and this
 * workstation takes the cloud's hash. Writing a new hash also moves its `updated_at`, which
 * signs out this workstation's sessions of that user, as a password change here does.
 */
export function createCredentialWriter({ sqlite }: LocalStore) {
  const read = sqlite.prepare<[string, string], { hash: string }>('SELECT hash FROM credentials WHERE user_id = ? AND kind = ?');
  const upsert = sqlite.prepare<[string, CredentialKind, string, string, number]>(
    `INSERT INTO credentials (user_id, kind, hash, updated_at, rev) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, kind) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at, rev = excluded.rev`,
  );
  const setRev = sqlite.prepare<[number, string, string, string]>('UPDATE credentials SET rev = ? WHERE user_id = ? AND kind = ? AND hash = ?');
  // Hashes have no record row to count their waiting fields in; found through the partial index outbox_credentials.
  const pendingOf = sqlite.prepare<[string, number], { field: string }>(
    "SELECT DISTINCT f.key AS field FROM outbox o, json_each(o.base_revs) f WHERE o.collection = 'credentials' AND o.record_id = ? AND o.state = 'pending' AND o.seq <> ?",
  );

  const stillPending = (userId: string, exceptSeq: number) => new Set(pendingOf.all(userId, exceptSeq).map((row) => row.field));

  /** Takes the cloud's hash unless it is already here; true when the stored hash changed. */
  function adopt(userId: string, kind: CredentialKind, hash: string, rev: number, at: string): boolean {
    if (read.get(userId, kind)?.hash === hash) {
      setRev.run(rev, userId, kind, hash);
      return false;
    }
    upsert.run(userId, kind, hash, at, rev);
    return true;
  }

  return {
    takeAnswer(seq: number, mutation: Mutation, outcome: Accepted, at: Date): void {
      const later = stillPending(mutation.recordId, seq);
      for (const [field, answer] of Object.entries(outcome.fields)) {
        if (!isCredentialKind(field)) continue;
        if (answer.status !== 'conflict') {
          setRev.run(answer.rev, mutation.recordId, field, String(mutation.changes[field]));
          continue;
        }
        // The cloud kept a hash set by a change made later than ours: that one is the shop's
        // password now, here too, unless a newer local change is still on its way.
        if (!later.has(field) && isScryptHash(answer.theirs)) adopt(mutation.recordId, field, answer.theirs, answer.theirRev, at.toISOString());
      }
    },

    applyPulled(pulled: PulledRecord): boolean {
      const pending = stillPending(pulled.recordId, -1);
      let changed = false;
      for (const kind of credentialKinds) {
        const hash = pulled.data[kind];
        // The cloud refuses anything but a scrypt hash; a value that is not one is never stored.
        if (pending.has(kind) || !isScryptHash(hash)) continue;
        changed = adopt(pulled.recordId, kind, hash, pulled.revs[kind] ?? 0, pulled.updatedAt) || changed;
      }
      return changed;
    },
  };
}
