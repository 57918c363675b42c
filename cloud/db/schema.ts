import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * A shop account. `seq` is the shop's one revision counter: every accepted change takes the next
 * value, and a push holds this row locked until it commits, so changes commit in counter order
 * and a reader that has seen revision n can never later meet a newer commit with a lower number.
 */
export const shops = pgTable('shops', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A paired workstation. Only the sha-256 of its token is kept, so a database leak pairs nobody. */
export const devices = pgTable(
  'devices',
  {
    id: text('id').primaryKey(),
    shopId: text('shop_id').notNull().references(() => shops.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('devices_token_hash').on(table.tokenHash), index('devices_shop').on(table.shopId)],
);

/** One-time pairing codes, also kept as a hash: single use and short-lived. */
export const pairingCodes = pgTable('pairing_codes', {
  codeHash: text('code_hash').primaryKey(),
  shopId: text('shop_id').notNull().references(() => shops.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  usedBy: text('used_by'),
});

/**
 * The cloud's copy of every synced record: a settings group `('settings', group)` or a list item.
 * `fields` holds per field the revision, who and when, so a conflict can say who changed what.
 * A delete keeps the row as a tombstone so pulls can pass the delete on.
 */
export const records = pgTable(
  'records',
  {
    // No foreign key on the two tables every push writes hundreds of rows into: a key check per
    // row costs more than the insert itself, and the shop id always comes from the device's token.
    shopId: text('shop_id').notNull(),
    collection: text('collection').notNull(),
    recordId: text('record_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    fields: jsonb('fields').$type<Record<string, Partial<FieldStamp> & { rev: number }>>().notNull(),
    deleted: boolean('deleted').notNull().default(false),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.shopId, table.collection, table.recordId] }), uniqueIndex('records_shop_seq').on(table.shopId, table.seq)],
);

/** Who set a field last, at which revision. Stored without `by`/`at` when they equal the record's own (see pushStore). */
export interface FieldStamp {
  rev: number;
  by: string;
  at: string;
  /** Password and PIN hashes only: when the change was made, on its workstation's clock (see decide.ts). */
  madeAt?: string;
}

/** The first answer to every mutation, so a retried push gets exactly the same answer. */
export const mutations = pgTable(
  'mutations',
  {
    shopId: text('shop_id').notNull(),
    mutationId: text('mutation_id').notNull(),
    deviceId: text('device_id').notNull(),
    outcome: jsonb('outcome').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (table) => [primaryKey({ columns: [table.shopId, table.mutationId] })],
);

/** Attachments by sha-256, per shop so one shop cannot probe another's files. */
export const blobs = pgTable(
  'blobs',
  {
    shopId: text('shop_id').notNull().references(() => shops.id),
    hash: text('hash').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.shopId, table.hash] })],
);

/**
 * The credentials the cloud handed a webshop in `init` (sync_auth, guest_auth), as sha-256 only,
 * kept while the webshop is connected so its calls back can be recognised; removed on disconnect.
 */
export const webhookCredentials = pgTable(
  'webhook_credentials',
  {
    shopId: text('shop_id').notNull().references(() => shops.id),
    hookId: text('hook_id').notNull(),
    syncAuthHash: text('sync_auth_hash').notNull(),
    guestAuthHash: text('guest_auth_hash').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.shopId, table.hookId] })],
);

/** Every attempt to reach a webshop, newest kept (see webhooks/deliveryLog.ts for how many). */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    shopId: text('shop_id').notNull().references(() => shops.id),
    hookId: text('hook_id').notNull(),
    action: text('action').notNull(),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    responseCode: integer('response_code'),
    outcome: text('outcome').notNull(),
    detail: text('detail'),
  },
  (table) => [index('webhook_deliveries_hook').on(table.shopId, table.hookId, table.id)],
);

/**
 * The shop's link to its payment provider (Pay.nl): the API token the cloud signs in with and
 * the services (sales locations) it reads, each tied to a sales channel by order number prefix.
 * Set with `npm run cloud -- payment-provider …`; the token never leaves the cloud.
 */
export const paymentProviderLinks = pgTable('payment_provider_links', {
  shopId: text('shop_id').primaryKey().references(() => shops.id),
  provider: text('provider').notNull(),
  tokenCode: text('token_code').notNull(),
  apiToken: text('api_token').notNull(),
  services: jsonb('services').$type<{ serviceId: string; channel: string | null }[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A sales channel's key for posting orders; only its sha-256 is kept, like a device token. */
export const salesChannelKeys = pgTable(
  'sales_channel_keys',
  {
    keyHash: text('key_hash').primaryKey(),
    shopId: text('shop_id').notNull().references(() => shops.id),
    channel: text('channel').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('sales_channel_keys_shop').on(table.shopId, table.channel)],
);

/**
 * An order a sales channel posted, kept with its totals (integer cents, VAT per line) and the
 * day it belongs to in Europe/Amsterdam, so the report is one grouped sum. `bodyHash` tells a
 * retry of the same order from a different order under an id already used.
 */
export const salesOrders = pgTable(
  'sales_orders',
  {
    shopId: text('shop_id').notNull(),
    channel: text('channel').notNull(),
    orderId: text('order_id').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true, mode: 'string' }).notNull(),
    day: text('day').notNull(),
    totalInclCents: bigint('total_incl_cents', { mode: 'number' }).notNull(),
    totalExclCents: bigint('total_excl_cents', { mode: 'number' }).notNull(),
    bodyHash: text('body_hash').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.shopId, table.channel, table.orderId] }), index('sales_orders_shop_day').on(table.shopId, table.day)],
);

/**
 * The shop's StoreKeeper Payments account: its merchant id and the API key the cloud reads the
 * account with. Set with `npm run cloud -- storekeeper-payments …`; the key never leaves the cloud.
 */
export const storekeeperPaymentsAccounts = pgTable('storekeeper_payments_accounts', {
  shopId: text('shop_id').primaryKey().references(() => shops.id),
  merchantId: text('merchant_id').notNull(),
  apiKey: text('api_key').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
