import { randomFillSync } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

const idsPerFill = 256;
const pool = new Uint8Array(16 * idsPerFill);
let used = pool.length;

/**
 * A new UUIDv7, for an outbox mutation or this workstation's id. The random bytes come from a
 * pool filled once per 256 ids: asking the system for 16 bytes per id cost a settings write more
 * than any one of its SQL statements. Ids made in the same millisecond are then in no particular
 * order among themselves, which nothing relies on: the outbox is pushed in `seq` order, and the
 * cloud only compares ids.
 */
export function newUuidV7(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.subarray(used, used + 16);
  used += 16;
  return uuidv7({ random });
}
