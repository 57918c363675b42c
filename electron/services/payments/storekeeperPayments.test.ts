import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { useTempDir } from '../../../test/tempDir';
import { readStorekeeperPayments } from './storekeeperPayments';

const tempDir = useTempDir();
const snapshot = {
  fetchedAt: '2026-11-27T08:00:00Z',
  merchant: { id: 'M-1234-5678', name: 'De Spaak', status: 'ACTIVE', onboardingStatus: 'ACCEPTED', payoutStatus: 'ENABLED', balanceCents: 12_345, bankAccount: { iban: 'NL91ABNA0417164300', holder: 'De Spaak bv' } },
  documents: [{ kind: 'uboForm', status: 'ACCEPTED' }],
  services: [{ id: 'SL-1234-5678', name: 'Webshop', paymentMethods: [{ optionId: 10, name: 'iDEAL', status: 'ACTIVE' }] }],
};

describe('StoreKeeper Payments cache', () => {
  it('is empty until the cloud sent an overview, then shows it offline; a malformed cache is not shown', () => {
    const store = openDatabase(path.join(tempDir(), 'backoffice.sqlite'));
    expect(readStorekeeperPayments(store)).toBeNull();
    const put = (data: unknown) =>
      store.sqlite
        .prepare("INSERT OR REPLACE INTO records (collection, id, data, updated_at, updated_by) VALUES ('cache', 'storekeeperPayments', ?, '2026-11-27T08:00:00Z', 'cloud')")
        .run(JSON.stringify(data));
    put(snapshot);
    expect(readStorekeeperPayments(store)).toEqual(snapshot);
    put({ ...snapshot, merchant: { ...snapshot.merchant, id: '1234' } });
    expect(readStorekeeperPayments(store)).toBeNull();
    store.close();
  });
});
