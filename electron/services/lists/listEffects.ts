import type Database from 'better-sqlite3';
import type { CollectionDef } from '../../../domain/settings/types';
import type { Clock } from '../clock';
import type { Actor } from '../settings/settingsService';
import { commitChange, listItemRecords, readGroupRecord } from '../store/records';

/**
 * Changes that keep other records consistent with a list change, written in the same
 * transaction as the change itself: a new default sales channel takes the flag from the old
 * one, and a deleted channel disappears from every choice that pointed at it.
 */
export function listEffects({ db, clock }: { db: Database.Database; clock: Clock }) {
  const defaultChannels = db.prepare(
    "SELECT id FROM records WHERE collection = 'salesChannels' AND deleted = 0 AND id <> ? AND json_extract(data, '$.isDefault') = 1",
  );

  return {
    /** Returns how many other records it changed, so the caller knows whether its item changed alone. */
    afterWrite(def: CollectionDef, id: string, after: Record<string, unknown> | null, actor: Actor): number {
      if (def.key !== 'salesChannels') return 0;
      const at = clock.now();
      let written = 0;
      const write = (collection: string, recordId: string, before: Record<string, unknown>, changes: Record<string, unknown>) => {
        written += 1;
        commitChange(db, { collection, id: recordId, before, changes, by: actor.by, userId: actor.userId, origin: 'local', at });
      };
      if (after?.isDefault === true) {
        for (const { id: other } of defaultChannels.all(id) as { id: string }[]) write('salesChannels', other, { isDefault: true }, { isDefault: false });
      }
      if (after !== null) return written;
      const defaults = readGroupRecord(db, 'salesChannels.defaults');
      const publishOn = defaults?.data.publishOn ?? [];
      if (publishOn.includes(id)) write('settings', 'salesChannels.defaults', defaults?.data ?? {}, { publishOn: publishOn.filter((channel) => channel !== id) });
      for (const user of listItemRecords(db, 'users').filter((record) => !record.deleted && record.data.stores?.includes(id))) {
        write('users', user.id, user.data, { stores: (user.data.stores ?? []).filter((channel) => channel !== id) });
      }
      for (const method of listItemRecords(db, 'paymentMethods').filter((record) => !record.deleted && record.data.offeredOn?.includes(id))) {
        write('paymentMethods', method.id, method.data, { offeredOn: (method.data.offeredOn ?? []).filter((channel) => channel !== id) });
      }
      return written;
    },
  };
}
