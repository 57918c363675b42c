import { randomFillSync } from 'node:crypto';

const idsPerFill = 256;
/** Random bytes an id takes: 74 random bits (RFC 9562: 12 after the version, 62 after the variant) round up to 10 bytes. */
const randomBytes = 10;
const pool = new Uint8Array(randomBytes * idsPerFill);
let used = pool.length;
const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A new UUIDv7 (RFC 9562), for an outbox mutation or this workstation's id: the time in
 * milliseconds, the version, then random bits around the variant. The random bytes come from a
 * pool filled once per 256 ids: asking the system for bytes per id cost a settings write more
 * than any one of its SQL statements. Formatted here rather than by the uuid package: its
 * options path (a buffer per id, then a second pass to text) was the costliest step of queuing a
 * change after the SQL itself. Ids made in the same millisecond are in no particular order among
 * themselves, which nothing relies on: the outbox is pushed in `seq` order, and the cloud only
 * compares ids.
 */
export function newUuidV7(): string {
  if (used + randomBytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const r = used;
  used += randomBytes;
  const time = Date.now().toString(16).padStart(12, '0');
  return (
    `${time.slice(0, 8)}-${time.slice(8)}-` +
    `${hex[0x70 | (pool[r]! & 0x0f)]}${hex[pool[r + 1]!]}-` +
    `${hex[0x80 | (pool[r + 2]! & 0x3f)]}${hex[pool[r + 3]!]}-` +
    `${hex[pool[r + 4]!]}${hex[pool[r + 5]!]}${hex[pool[r + 6]!]}${hex[pool[r + 7]!]}${hex[pool[r + 8]!]}${hex[pool[r + 9]!]}`
  );
}
