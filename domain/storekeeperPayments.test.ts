import { describe, expect, it } from 'vitest';
import { failure, success } from './result';
import { storekeeperPaymentsSnapshot } from './storekeeperPayments';

/** What the StoreKeeper Payments page shows offline comes from this cached snapshot, read back whole. */
const snapshot = {
  fetchedAt: '2026-03-05T09:15:00Z',
  merchant: {
    id: 'M-1234-5678',
    name: 'Fietsenwinkel De Spaak',
    status: 'ACTIVE',
    onboardingStatus: 'ACCEPTED',
    payoutStatus: 'DISABLED',
    balanceCents: -1250,
    bankAccount: { iban: 'NL91ABNA0417164300', holder: 'De Spaak' },
  },
  documents: [
    { kind: 'uboForm', status: 'REQUESTED' },
    { kind: 'idCopy', status: 'UPLOADED' },
    { kind: 'bankStatement', status: 'ACCEPTED' },
    { kind: 'addendum', status: 'DECLINED' },
  ],
  services: [{ id: 'SL-1234-5678', name: 'Winkel Utrecht', paymentMethods: [{ optionId: 10, name: 'iDEAL', status: 'INACTIVE' }, { optionId: 11, name: 'Pin', status: 'ACTIVE' }] }],
};

describe('the StoreKeeper Payments snapshot', () => {
  it('reads back everything the page shows', () => {
    expect(storekeeperPaymentsSnapshot.parse(snapshot)).toEqual(snapshot);
    const inactive = { ...snapshot, merchant: { ...snapshot.merchant, status: 'INACTIVE', payoutStatus: 'ENABLED', bankAccount: null } };
    expect(storekeeperPaymentsSnapshot.parse(inactive)).toEqual(inactive);
  });

  it('refuses a merchant or service id that is not Pay.nl\'s, with anything before or after it', () => {
    const withMerchant = (id: string) => ({ ...snapshot, merchant: { ...snapshot.merchant, id } });
    const withService = (id: string) => ({ ...snapshot, services: [{ ...snapshot.services[0], id }] });
    for (const id of ['xM-1234-5678', 'M-1234-5678x', 'M-1-5678', 'M-1234-5', 'M-abcd-5678', 'M-1234-abcd']) {
      expect(storekeeperPaymentsSnapshot.safeParse(withMerchant(id)).success).toBe(false);
    }
    for (const id of ['xSL-1234-5678', 'SL-1234-5678x', 'SL-1-5678', 'SL-1234-5', 'SL-abcd-5678', 'SL-1234-abcd']) {
      expect(storekeeperPaymentsSnapshot.safeParse(withService(id)).success).toBe(false);
    }
  });

  it('refuses a status it does not know rather than showing it as something else', () => {
    expect(storekeeperPaymentsSnapshot.safeParse({ ...snapshot, merchant: { ...snapshot.merchant, status: 'PAUSED' } }).success).toBe(false);
    expect(storekeeperPaymentsSnapshot.safeParse({ ...snapshot, merchant: { ...snapshot.merchant, payoutStatus: 'PAUSED' } }).success).toBe(false);
    expect(storekeeperPaymentsSnapshot.safeParse({ ...snapshot, documents: [{ kind: 'idCopy', status: 'LOST' }] }).success).toBe(false);
  });
});

describe('results at the boundaries', () => {
  it('carry either the value or the refusal', () => {
    expect(success(3)).toEqual({ ok: true, value: 3 });
    expect(failure({ code: 'forbidden', message: 'Nee' })).toEqual({ ok: false, error: { code: 'forbidden', message: 'Nee' } });
  });
});
