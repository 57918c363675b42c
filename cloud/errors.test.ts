import { describe, expect, it } from 'vitest';
import { isTemporaryDatabaseError } from './errors';

/**
 * Which database failures the cloud answers 503 "try again" (the desktop retries with backoff)
 * and which 500 (a retry would fail the same way). Errors are shaped as node-postgres throws them
 * (a PostgreSQL SQLSTATE or a Node network code in `code`) and as drizzle wraps them (in `cause`).
 */
const failure = (message: string, code?: string, cause?: unknown) => Object.assign(new Error(message, { cause }), code === undefined ? {} : { code });

describe('a database failure', () => {
  it.each([
    ['40001', 'could not serialize access due to concurrent update'],
    ['40P01', 'deadlock detected'],
    ['55P03', 'canceling statement due to lock timeout'],
    ['57014', 'canceling statement due to statement timeout'],
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['53300', 'sorry, too many clients already'],
    ['08000', 'connection exception'],
    ['08003', 'connection does not exist'],
    ['08006', 'connection failure'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'],
    ['ECONNRESET', 'read ECONNRESET'],
    ['EPIPE', 'write EPIPE'],
    ['ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.5:5432'],
  ])('%s (%s) is temporary, also wrapped by drizzle', (code, message) => {
    expect(isTemporaryDatabaseError(failure(message, code))).toBe(true);
    expect(isTemporaryDatabaseError(failure('Failed query: select 1', undefined, failure(message, code)))).toBe(true);
  });

  it('without a code is temporary when node-postgres says the connection timed out or broke', () => {
    expect(isTemporaryDatabaseError(failure('timeout exceeded when trying to connect'))).toBe(true);
    expect(isTemporaryDatabaseError(failure('Connection terminated unexpectedly'))).toBe(true);
    expect(isTemporaryDatabaseError(failure('Failed query', undefined, failure('Connection terminated due to connection timeout')))).toBe(true);
  });

  it('that a retry would meet again is not temporary: a broken rule, a missing table, a bug', () => {
    expect(isTemporaryDatabaseError(failure('duplicate key value violates unique constraint "devices_pkey"', '23505'))).toBe(false);
    expect(isTemporaryDatabaseError(failure('relation "shops" does not exist', '42P01'))).toBe(false);
    expect(isTemporaryDatabaseError(failure('Failed query', undefined, failure('null value in column "shop_id"', '23502')))).toBe(false);
    expect(isTemporaryDatabaseError(new TypeError("Cannot read properties of undefined (reading 'shopId')"))).toBe(false);
    expect(isTemporaryDatabaseError(Object.assign(new Error('odd driver'), { code: 40001 }))).toBe(false);
    expect(isTemporaryDatabaseError('Connection terminated unexpectedly')).toBe(false);
    expect(isTemporaryDatabaseError(undefined)).toBe(false);
  });

  it('is found under the wrappings a driver and drizzle add, and a cause that loops back on itself is answered, not followed forever', () => {
    const wrapped = (depth: number): Error => (depth === 0 ? failure('deadlock detected', '40P01') : failure(`layer ${depth}`, undefined, wrapped(depth - 1)));
    expect(isTemporaryDatabaseError(wrapped(3))).toBe(true);
    const looping = failure('Failed query');
    looping.cause = looping;
    expect(isTemporaryDatabaseError(looping)).toBe(false);
  });
});
