import type { LocalStore } from '../../../db/open';
import { storekeeperPaymentsSnapshot, type StorekeeperPaymentsSnapshot } from '../../../domain/storekeeperPayments';
import { readRecord } from '../store/records';

/**
 * StoreKeeper Payments is read-only here: the sync engine stores the cloud's answer as the record
 * ('cache', 'storekeeperPayments') and this reads it back for offline viewing. A cache that does
 * not match the schema (written by another version) is treated as absent rather than shown wrong.
 */
export function readStorekeeperPayments(store: LocalStore): StorekeeperPaymentsSnapshot | null {
  const record = readRecord(store.orm, 'cache', 'storekeeperPayments');
  const parsed = storekeeperPaymentsSnapshot.safeParse(record?.data);
  return parsed.success ? parsed.data : null;
}
