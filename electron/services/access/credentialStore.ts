import type { LocalStore } from '../../../db/open';
import { credentialsCollection, type CredentialKind } from '../../../domain/sync/credentials';
import { enqueueMutation } from '../store/records';

interface StoredHash {
  hash: string;
  rev: number | null;
}

/**
 * The password and PIN hashes of this workstation's users. Storing one also queues it for the
 * cloud, in the same transaction, so the other workstations of the shop can sign the user in;
 * only the hash travels, and no history of hashes is kept anywhere.
 */
export function createCredentialStore({ sqlite }: LocalStore) {
  const read = sqlite.prepare<[string, CredentialKind], StoredHash>('SELECT hash, rev FROM credentials WHERE user_id = ? AND kind = ?');
  const upsert = sqlite.prepare<[string, CredentialKind, string, string, number]>(
    `INSERT INTO credentials (user_id, kind, hash, updated_at, rev) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, kind) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at, rev = excluded.rev`,
  );
  const fromBefore = sqlite.prepare<[], { user_id: string; kind: CredentialKind; hash: string; updated_at: string }>(
    'SELECT user_id, kind, hash, updated_at FROM credentials WHERE rev IS NULL ORDER BY updated_at',
  );
  const kinds = sqlite.prepare<[], { user_id: string; kind: CredentialKind }>('SELECT user_id, kind FROM credentials');

  function queue(userId: string, kind: CredentialKind, hash: string, rev: number, actorId: string | undefined, at: Date): void {
    // Based on the revision this workstation last saw; the cloud lets the newest push win anyway (see decide.ts).
    enqueueMutation(sqlite, { collection: credentialsCollection, id: userId, userId: actorId, at }, rev > 0 ? 'update' : 'create', { [kind]: hash }, { [kind]: rev });
  }

  return {
    hash: (userId: string, kind: CredentialKind): string | undefined => read.get(userId, kind)?.hash,

    /** Stores a new hash and queues it, inside the caller's transaction when one is open. */
    save(userId: string, kind: CredentialKind, hash: string, at: Date, actorId?: string): void {
      sqlite.transaction(() => {
        const rev = read.get(userId, kind)?.rev ?? 0;
        upsert.run(userId, kind, hash, at.toISOString(), rev);
        queue(userId, kind, hash, rev, actorId, at);
      })();
    },

    /**
     * Hashes stored before hashes synced never entered the outbox: queued once now, after the
     * users' own records (which were queued when they were made), so the cloud learns them too.
     */
    queueFromBefore(at: Date): number {
      return sqlite.transaction(() => {
        const rows = fromBefore.all();
        for (const row of rows) {
          upsert.run(row.user_id, row.kind, row.hash, row.updated_at, 0);
          queue(row.user_id, row.kind, row.hash, 0, undefined, at);
        }
        return rows.length;
      })();
    },

    /** Which users have a password and a PIN; never the hashes. */
    kinds(): Record<string, CredentialKind[]> {
      const byUser: Record<string, CredentialKind[]> = {};
      for (const row of kinds.all()) byUser[row.user_id] = [...(byUser[row.user_id] ?? []), row.kind];
      return byUser;
    },
  };
}

export type CredentialStore = ReturnType<typeof createCredentialStore>;
