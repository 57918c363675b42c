import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The local store. Every synced thing is a record; a settings group is `('settings', groupKey)`,
 * a list item `(collection, uuid)`. JSON columns hold plain JSON text so that a backup stays
 * readable with any SQLite tool.
 */
export const records = sqliteTable(
  'records',
  {
    collection: text('collection').notNull(),
    id: text('id').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** The last copy the cloud confirmed; null until the first sync. */
    base: text('base', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    /** The cloud revision of each field, for conflict detection. */
    revs: text('revs', { mode: 'json' }).$type<Record<string, number>>().notNull().default(sql`'{}'`),
    deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
    /**
     * The fields of this record that local changes still wait on, with how many pending outbox
     * mutations name each (the keys of their `base_revs`): a pull keeps those fields' local values.
     * Kept here because the row is written by every change anyway; an index on the outbox to find
     * them was one more page written and synced per change. A mutation's fields are counted in
     * the transaction that queues it and counted off in the one that takes in the cloud's answer.
     */
    pending: text('pending', { mode: 'json' }).$type<Record<string, number>>().notNull().default(sql`'{}'`),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (table) => [primaryKey({ columns: [table.collection, table.id] })],
);

/**
 * Who changed which field when, and from where; append-only. Asked only for a field's newest
 * changes, so the table itself is ordered by field: the real table is WITHOUT ROWID with this
 * primary key (migration 0010, hand-written because drizzle-kit cannot say WITHOUT ROWID; a change
 * to this table must keep it so). A change then writes one page of history, where a rowid table
 * and an index on the field wrote two, each synced to disk per change.
 * `id` orders the changes of one field: a new row takes the field's highest id plus one, in its
 * own insert (the last key of the field, on the page being written anyway). Ids of different
 * fields are not comparable; older rows keep the ids they had, which were already in order.
 */
export const history = sqliteTable(
  'history',
  {
    id: integer('id').notNull(),
    collection: text('collection').notNull(),
    recordId: text('record_id').notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value', { mode: 'json' }),
    newValue: text('new_value', { mode: 'json' }),
    at: text('at').notNull(),
    by: text('by').notNull(),
    origin: text('origin', { enum: ['local', 'sync', 'resolution'] }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.collection, table.recordId, table.field, table.id] })],
);

/**
 * Local changes waiting for the cloud, in the order they were made: exactly the wire shape of
 * `domain/sync/protocol.ts` (`Mutation`) plus delivery bookkeeping. A row leaves the outbox
 * when the cloud acknowledges it; a rejected row stays, with its reason, until a person acts.
 *
 * Every index here is one more page written and synced by every local change, so a local change
 * touches none: which fields of a record still wait for the cloud is counted in the record itself
 * (`records.pending`). Rejected rows and password/PIN hashes (which have no record row) are few
 * and found through partial indexes, which a settings or list change never touches. `seq` is the rowid without AUTOINCREMENT: the next row still gets the highest seq plus
 * one, so the push order is the order of the changes; a seq may come back once the outbox is
 * empty, and nothing keeps one beyond its row (the cloud knows mutation ids only).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey(),
    /**
     * UUIDv7 made on this machine, or handed in by the caller so a retried create is one create
     * (`handled_mutations` refuses a handed-in id twice, in the same transaction). Not indexed: it
     * is looked up only for the cloud's answers, which name the oldest pending rows.
     */
    mutationId: text('mutation_id').notNull(),
    /** This workstation (meta `deviceId`). */
    deviceId: text('device_id').notNull().default(''),
    /** The user's id, never a display name; `system` for changes no person made. */
    userId: text('user_id').notNull().default('system'),
    op: text('op', { enum: ['create', 'update', 'delete'] }).notNull().default('update'),
    collection: text('collection').notNull(),
    recordId: text('record_id').notNull(),
    changes: text('changes', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    baseRevs: text('base_revs', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    /** The catalogue the values were validated against, so the cloud reads them the same way. */
    catalogueVersion: integer('catalogue_version').notNull().default(1),
    createdAt: text('created_at').notNull(),
    state: text('state', { enum: ['pending', 'rejected'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    /**
     * The history rows of this change, waiting here while the change is queued: a local write then
     * appends one row at the outbox's end instead of also inserting into `history`, which is ordered
     * by field and so splits its pages. When the row leaves the outbox for whatever reason (the
     * cloud's answer, anything else that deletes it) the trigger `outbox_history_kept` moves them
     * into `history` in the same statement, and when the cloud refuses the change (the row stays
     * for a person to act on) `outbox_history_kept_when_refused` does, before the revert is
     * written (both migration 0011), so no change is ever lost from history. JSON `{"by", "origin", "fields": [[field, old JSON, new JSON], …]}`, the values
     * as `history` stores them; empty for password and PIN hashes, which keep no history.
     */
    history: text('history').notNull().default(''),
  },
  (table) => [
    index('outbox_rejected').on(table.seq).where(sql`state = 'rejected'`),
    index('outbox_credentials').on(table.recordId).where(sql`collection = 'credentials'`),
  ],
);

/**
 * Mutation ids callers handed in, kept after the outbox row is gone so a retried create or edit
 * (the caller never heard the first answer) gets the first answer instead of a second record.
 */
export const handledMutations = sqliteTable('handled_mutations', {
  mutationId: text('mutation_id').primaryKey(),
  collection: text('collection').notNull(),
  recordId: text('record_id').notNull(),
  handledAt: text('handled_at').notNull(),
});

/**
 * Attachments (logo, receipt logo, terms PDF), stored once by the sha-256 of their bytes.
 * Records, history and outbox hold only the hash, so a big upload is stored once and a save
 * of another field never copies or resends it.
 */
export const blobs = sqliteTable('blobs', {
  hash: text('hash').primaryKey(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  createdAt: text('created_at').notNull(),
});

/** A field the cloud and this machine both changed; shown to a person, never resolved silently. */
export const conflicts = sqliteTable(
  'conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    collection: text('collection').notNull(),
    recordId: text('record_id').notNull(),
    field: text('field').notNull(),
    base: text('base', { mode: 'json' }),
    mine: text('mine', { mode: 'json' }),
    theirs: text('theirs', { mode: 'json' }),
    theirRev: integer('their_rev').notNull(),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolution: text('resolution', { enum: ['mine', 'theirs', 'merged'] }),
    /** The local mutation the cloud answered with this conflict. */
    mutationId: text('mutation_id'),
    /** Who made the local change (user id) and when, and the same for the cloud's value. */
    mineBy: text('mine_by'),
    mineAt: text('mine_at'),
    theirBy: text('their_by'),
    theirAt: text('their_at'),
    /** Who chose, for the history of the field. */
    resolvedBy: text('resolved_by'),
  },
  // At most one open conflict per field: a retried push or a second edit joins it, never doubles it.
  (table) => [
    index('conflicts_open').on(table.resolvedAt),
    uniqueIndex('conflicts_one_open_per_field').on(table.collection, table.recordId, table.field).where(sql`resolved_at IS NULL`),
  ],
);

/** Sync bookkeeping: pull cursor, last sync, last error. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Facts about this database itself: device id, created at, last backup. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Password and PIN hashes (scrypt), one row per user and kind. Kept out of `records` on purpose:
 * a record keeps a history of every value, and a hash belongs in none. The hashes do sync, as the
 * records `('credentials', userId)` of domain/sync/credentials.ts, so another workstation of the
 * shop can sign the user in; sessions, lockouts and failed sign-ins never leave this machine.
 */
export const credentials = sqliteTable(
  'credentials',
  {
    userId: text('user_id').notNull(),
    kind: text('kind', { enum: ['password', 'pin'] }).notNull(),
    hash: text('hash').notNull(),
    updatedAt: text('updated_at').notNull(),
    /**
     * The cloud's revision of this hash, 0 while it has none. NULL only on hashes stored before
     * hashes synced: they are queued for the cloud once, at the next start (see credentialStore).
     */
    rev: integer('rev'),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);

/**
 * Failed sign-ins per typed login, on disk so that a restart does not reset a lockout. `login` is
 * an HMAC of what was typed under a local key (never the address itself); a row is deleted once
 * its lock, or its last failure, is older than the lock window.
 */
export const signInFailures = sqliteTable('sign_in_failures', {
  login: text('login').primaryKey(),
  failures: integer('failures').notNull(),
  lockedUntil: text('locked_until'),
  lastFailedAt: text('last_failed_at').notNull().default(''),
});

/**
 * Mail waiting for, or done with, the shop's SMTP server. A mail is a row first, written in the
 * transaction of the change that caused it, and only then sent; the Message-ID is made here so a
 * mail resent after a crash carries the same id and a receiving mail client can tell.
 */
export const mailQueue = sqliteTable(
  'mail_queue',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: text('message_id').notNull().unique(),
    /** `test`, or the e-mail template kind (`orderConfirmation`, ...). */
    kind: text('kind').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    attachTerms: integer('attach_terms', { mode: 'boolean' }).notNull().default(false),
    state: text('state', { enum: ['queued', 'sending', 'sent', 'failed', 'discarded'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    /** The server's last answer ("250 2.0.0 Ok", "451 4.7.1 Try again later"), when there was one. */
    lastAnswer: text('last_answer'),
    /** Why the last attempt did not deliver, as a reason code with its details (JSON); shown in the user's language. */
    lastProblem: text('last_problem', { mode: 'json' }).$type<{ reason: string; host?: string; detail?: string; last?: unknown } | null>(),
    /** Set when the app stopped while this mail was with the server: it may have arrived already. */
    interrupted: integer('interrupted', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    sentAt: text('sent_at'),
  },
  (table) => [index('mail_queue_due').on(table.state, table.nextAttemptAt), index('mail_queue_recent').on(table.createdAt)],
);
