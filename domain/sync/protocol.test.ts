import { describe, expect, it } from 'vitest';
import {
  blobPath,
  deviceInfoSchema,
  errorBodySchema,
  mutationSchema,
  pairRequestSchema,
  pairResponseSchema,
  pulledRecordSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  sha256Hex,
  syncLimits,
} from './protocol';

/**
 * The wire contract both sides read: what one side sends must come out of the other side's
 * parse whole (nothing dropped), and what breaks the contract must be refused before it is used.
 */
const mutation = {
  mutationId: '0190a6e2-7c4b-7cc1-9f5e-3a1b2c3d4e5f',
  deviceId: 'dev-1',
  userId: 'u-1',
  op: 'update',
  collection: 'settings',
  recordId: 'company.contact',
  changes: { city: 'Utrecht' },
  baseRevs: { city: 4 },
  catalogueVersion: 2,
  createdAt: '2026-03-05T10:15:00.000+01:00',
} as const;

const accepts = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('a pushed change', () => {
  it('arrives whole, for each kind of write', () => {
    for (const op of ['create', 'update', 'delete'] as const) expect(mutationSchema.parse({ ...mutation, op })).toEqual({ ...mutation, op });
    expect(pushRequestSchema.parse({ mutations: [mutation] })).toEqual({ mutations: [mutation] });
  });

  it('is refused without a real id, with an empty or overlong record id, a negative base revision or a time without offset', () => {
    expect(accepts(mutationSchema, { ...mutation, mutationId: 'm-1' })).toBe(false);
    expect(accepts(mutationSchema, { ...mutation, op: 'move' })).toBe(false);
    expect(accepts(mutationSchema, { ...mutation, recordId: '' })).toBe(false);
    expect(accepts(mutationSchema, { ...mutation, recordId: 'r'.repeat(201) })).toBe(false);
    expect(accepts(mutationSchema, { ...mutation, recordId: 'r'.repeat(200) })).toBe(true);
    expect(accepts(mutationSchema, { ...mutation, baseRevs: { city: -1 } })).toBe(false);
    expect(accepts(mutationSchema, { ...mutation, catalogueVersion: 0 })).toBe(false);
    expect(accepts(mutationSchema, { ...mutation, createdAt: '5 maart 2026' })).toBe(false);
    expect(accepts(mutationSchema, { ...mutation, createdAt: '2026-03-05T09:15:00Z' })).toBe(true);
  });

  it('a push carries 1 to 500 changes', () => {
    const many = (count: number) => ({ mutations: Array.from({ length: count }, () => mutation) });
    expect(syncLimits.mutationsPerPush).toBe(500);
    expect(accepts(pushRequestSchema, many(0))).toBe(false);
    expect(accepts(pushRequestSchema, many(1))).toBe(true);
    expect(accepts(pushRequestSchema, many(500))).toBe(true);
    expect(accepts(pushRequestSchema, many(501))).toBe(false);
  });
});

describe("the cloud's answers", () => {
  it('an answer per change arrives whole: applied, unchanged, conflict, deleted and rejected', () => {
    const response = {
      results: [
        {
          mutationId: mutation.mutationId,
          status: 'accepted',
          fields: {
            city: { status: 'applied', rev: 5 },
            street: { status: 'unchanged', rev: 0 },
            phone: { status: 'conflict', theirs: '+31 30 123 4567', theirRev: 7, theirBy: 'u-2', theirAt: '2026-03-05T10:16:00Z' },
          },
          deleted: true,
        },
        { mutationId: mutation.mutationId, status: 'rejected', reason: { code: 'kvk.format', field: 'kvkNumber', message: { nl: 'Fout', en: 'Wrong' } } },
      ],
    };
    expect(pushResponseSchema.parse(response)).toEqual(response);
    expect(accepts(pushResponseSchema, { results: [{ mutationId: mutation.mutationId, status: 'accepted', fields: { city: { status: 'applied', rev: 0 } } }] })).toBe(false);
  });

  it('a pull gives whole records, or asks to start over', () => {
    const record = { seq: 9, collection: 'settings', recordId: 'company.contact', data: { city: 'Utrecht' }, revs: { city: 9 }, deleted: false, updatedBy: 'u-1', updatedAt: '2026-03-05T10:15:00Z' };
    expect(pulledRecordSchema.parse(record)).toEqual(record);
    const changes = { kind: 'changes', records: [record], cursor: '9', more: false };
    expect(pullResponseSchema.parse(changes)).toEqual(changes);
    expect(pullResponseSchema.parse({ kind: 'startOver' })).toEqual({ kind: 'startOver' });
    expect(accepts(pullResponseSchema, { kind: 'later' })).toBe(false);
  });

  it('pairing: a code of 6 to 64 characters, a device name of 1 to 100, a token of at least 32', () => {
    expect(pairRequestSchema.parse({ code: 'ABC123', deviceName: 'Kassa 1' })).toEqual({ code: 'ABC123', deviceName: 'Kassa 1' });
    expect(accepts(pairRequestSchema, { code: 'ABC12', deviceName: 'Kassa 1' })).toBe(false);
    expect(accepts(pairRequestSchema, { code: 'A'.repeat(64), deviceName: 'K'.repeat(100) })).toBe(true);
    expect(accepts(pairRequestSchema, { code: 'A'.repeat(65), deviceName: 'Kassa 1' })).toBe(false);
    expect(accepts(pairRequestSchema, { code: 'ABC123', deviceName: '' })).toBe(false);
    expect(accepts(pairRequestSchema, { code: 'ABC123', deviceName: 'K'.repeat(101) })).toBe(false);
    const paired = { shopId: 's-1', shopName: 'De Spaak', deviceId: 'dev-1', token: 't'.repeat(32) };
    expect(pairResponseSchema.parse(paired)).toEqual(paired);
    expect(accepts(pairResponseSchema, { ...paired, token: 't'.repeat(31) })).toBe(false);
    const device = { shopId: 's-1', shopName: 'De Spaak', deviceId: 'dev-1', deviceName: 'Kassa 1' };
    expect(deviceInfoSchema.parse(device)).toEqual(device);
  });

  it('an error body keeps its code and message', () => {
    const body = { error: { code: 'too_large', message: 'Body too large' } };
    expect(errorBodySchema.parse(body)).toEqual(body);
  });

  it("an error body carries the provider's words as its detail, one plain line of at most 200 characters", () => {
    const said = { error: { code: 'provider_unknown_service', message: 'Pay.nl does not know service SL-3333-4444 for this token.', detail: 'Service SL-3333-4444 not found.' } };
    expect(errorBodySchema.parse(said)).toEqual(said);
    const detailOf = (detail: unknown) => errorBodySchema.parse({ error: { code: 'provider_refused', message: 'Refused.', detail } }).error.detail;
    expect(detailOf('  Token expired.\n2026-11-29 INFO payments.providerSynced\u001b[2J ')).toBe('Token expired. 2026-11-29 INFO payments.providerSynced [2J');
    expect(detailOf('x'.repeat(10_240))).toBe('x'.repeat(200));
  });

  it('an error body whose detail is not a string, or nothing but blanks, keeps its code and message and has no detail', () => {
    for (const detail of [42, null, true, { said: 'Service not found.' }, ['Service not found.'], ' \n\t\u0000 ']) {
      const parsed = errorBodySchema.safeParse({ error: { code: 'provider_refused', message: 'Refused.', detail } });
      expect(parsed.success && parsed.data.error).toEqual({ code: 'provider_refused', message: 'Refused.' });
      expect(parsed.success && parsed.data.error.detail).toBeUndefined();
    }
  });
});

describe('attachments', () => {
  const hash = 'a'.repeat(64);

  it('are named by their SHA-256 in lowercase hex, nothing before or after', () => {
    expect(accepts(sha256Hex, hash)).toBe(true);
    expect(accepts(sha256Hex, `x${hash}`)).toBe(false);
    expect(accepts(sha256Hex, `${hash}x`)).toBe(false);
    expect(accepts(sha256Hex, 'a'.repeat(63))).toBe(false);
    expect(accepts(sha256Hex, 'A'.repeat(64))).toBe(false);
    expect(blobPath(hash)).toBe(`/v1/blobs/${hash}`);
  });
});
