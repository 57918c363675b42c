import type { Mutation, PulledRecord, PushOutcome, Rejection } from '../../../domain/sync/protocol';

/**
 * The store's side of syncing, as the engine sees it. Every method is one local transaction, so a
 * workstation killed at any moment is left either before or after a step, never half-way.
 */
export interface SyncLedger {
  /** Pending mutations in the order they were made, oldest first, at most `limit`. */
  pendingBatch(limit: number): Mutation[];
  /** The cloud's answer to one push: acknowledge, record conflicts, mark rejections. */
  recordOutcomes(sent: readonly Mutation[], results: readonly PushOutcome[], at: Date): OutcomeTally;
  /** A mutation the cloud refuses to even read (malformed, too large) is rejected on its own. */
  reject(mutationId: string, reason: Rejection): void;
  /** Applies one page of the cloud's changes and moves the cursor past it. */
  applyPulled(records: readonly PulledRecord[], cursor: string): { collections: string[] };
  cursor(): string;
  /** The cloud no longer knows our cursor: everything is pulled again (applying is idempotent). */
  startOver(): void;
  /** Hashes of attachments the given mutations name, so they are uploaded first. */
  blobsNamedBy(mutations: readonly Mutation[]): { hash: string; bytes: () => Uint8Array | null }[];
  /** Hashes the records name whose files are not on this workstation yet (pulled from another). */
  blobsMissing(): string[];
  /** Keeps a downloaded file when its bytes match the hash and are a file type we accept; false otherwise. */
  keepBlob(hash: string, bytes: Uint8Array): boolean;
}

export interface OutcomeTally {
  acknowledged: number;
  conflicts: number;
  rejected: number;
}
