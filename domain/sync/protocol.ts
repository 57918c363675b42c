import { z } from 'zod';
import { plainProviderText } from '../payments/providerSaid';
import { oneLine } from '../text';

/**
 * The wire contract between a workstation and the cloud, shared by both sides so neither can
 * drift. Everything here is JSON over HTTP under `/v1/`; every call but `pair` carries
 * `Authorization: Bearer <device token>` and is answered 401 without a valid one.
 *
 * Revisions: the cloud keeps one counter per shop. Every accepted field change takes the next
 * value of that counter as its revision, and the record's `seq` is the counter value of its
 * newest change, so "changes after cursor" is "records with seq > cursor" and a revision of 0
 * means "never synced". Client clocks order nothing.
 */
export const SYNC_PROTOCOL_VERSION = 1;

/** Bounds the cloud enforces; the engine batches within them. */
export const syncLimits = {
  mutationsPerPush: 500,
  changesPerPull: 1000,
  /** Largest JSON body the cloud reads, in bytes. */
  bodyBytes: 8 * 1024 * 1024,
  /** Largest attachment (logo, terms PDF), in bytes. */
  blobBytes: 10 * 1024 * 1024,
} as const;

const id = z.string().min(1).max(200);
const isoTime = z.string().datetime({ offset: true });
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** One local write, exactly as it sits in the outbox. */
export const mutationSchema = z.object({
  /** UUIDv7 made by the client; the cloud answers a repeated id with the first answer. */
  mutationId: z.uuid(),
  deviceId: id,
  /** The user id (never a display name) of who made the change. */
  userId: id,
  op: z.enum(['create', 'update', 'delete']),
  collection: id,
  recordId: id,
  /** Field -> new value; only the fields that changed. `{}` for a delete. */
  changes: z.record(z.string(), z.unknown()),
  /** Field -> the revision the change was based on (0 = the field was never synced). */
  baseRevs: z.record(z.string(), z.number().int().nonnegative()),
  catalogueVersion: z.number().int().positive(),
  createdAt: isoTime,
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  mutations: z.array(mutationSchema).min(1).max(syncLimits.mutationsPerPush),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** What happened to one field of an accepted mutation. */
export const fieldOutcomeSchema = z.discriminatedUnion('status', [
  /** Base revision matched: the cloud took the value under a new revision. */
  z.object({ status: z.literal('applied'), rev: z.number().int().positive() }),
  /** The cloud already held exactly this value; nothing changed, here is its revision. */
  z.object({ status: z.literal('unchanged'), rev: z.number().int().nonnegative() }),
  /** Someone else changed the field since the base revision; shown to a person. */
  z.object({
    status: z.literal('conflict'),
    theirs: z.unknown(),
    theirRev: z.number().int().positive(),
    theirBy: id,
    theirAt: isoTime,
  }),
]);
export type FieldOutcome = z.infer<typeof fieldOutcomeSchema>;

/** A refusal in both UI languages, naming the field by its key when there is one. */
export const rejectionSchema = z.object({
  code: z.string(),
  field: z.string().optional(),
  message: z.object({ nl: z.string(), en: z.string() }),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const pushOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    mutationId: z.uuid(),
    status: z.literal('accepted'),
    fields: z.record(z.string(), fieldOutcomeSchema),
    /**
     * Set for deletes: whether the record is now deleted in the cloud (false = conflict kept it).
     * Also set (true) on an update of a record another workstation deleted: each edited field is
     * then a conflict with `theirs: null`, for a person to choose between the edit and the delete.
     */
    deleted: z.boolean().optional(),
  }),
  /** Permanent: the catalogue refuses a value. Retrying the same mutation gives the same answer. */
  z.object({ mutationId: z.uuid(), status: z.literal('rejected'), reason: rejectionSchema }),
]);
export type PushOutcome = z.infer<typeof pushOutcomeSchema>;

/** One outcome per mutation, in the order they were sent. */
export const pushResponseSchema = z.object({ results: z.array(pushOutcomeSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** A record as the cloud holds it now; pulls send whole records, so applying one is idempotent. */
export const pulledRecordSchema = z.object({
  seq: z.number().int().positive(),
  collection: id,
  recordId: id,
  data: z.record(z.string(), z.unknown()),
  revs: z.record(z.string(), z.number().int().nonnegative()),
  deleted: z.boolean(),
  updatedBy: id,
  updatedAt: isoTime,
});
export type PulledRecord = z.infer<typeof pulledRecordSchema>;

/** `GET /v1/pull?after=<cursor>&limit=<n>`; cursor "0" is the beginning. */
export const pullResponseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('changes'),
    records: z.array(pulledRecordSchema),
    /** Pass this as `after` next time; records are ordered by seq. */
    cursor: z.string(),
    more: z.boolean(),
  }),
  /** The cursor is unknown to the cloud (another shop's, or from a restored cloud): pull from "0". */
  z.object({ kind: z.literal('startOver') }),
]);
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** `POST /v1/pair`: the only call without a device token. */
export const pairRequestSchema = z.object({
  code: z.string().min(6).max(64),
  deviceName: z.string().min(1).max(100),
});
export const pairResponseSchema = z.object({
  shopId: id,
  shopName: z.string(),
  deviceId: id,
  /** Shown once; the desktop keeps it in the keychain, the cloud only its hash. */
  token: z.string().min(32),
});
export type PairResponse = z.infer<typeof pairResponseSchema>;

/** `GET /v1/device`: who this token is; a revoked device gets 401. */
export const deviceInfoSchema = z.object({ shopId: id, shopName: z.string(), deviceId: id, deviceName: z.string() });
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

/**
 * Attachments: `PUT /v1/blobs/<sha256>` with the raw bytes (the cloud checks the hash),
 * `GET /v1/blobs/<sha256>` returns them, `HEAD` tells whether the cloud has it. A mutation may
 * only name a blob the cloud already holds, so the engine uploads blobs first.
 */
export const blobPath = (hash: string) => `/v1/blobs/${hash}`;

/**
 * What a provider said about a refusal (Pay.nl's "Service SL-3333-4444 not found."), beside the
 * cloud's own message, for the workstation to show the manager and log. Read as the cloud may send
 * anything: a string becomes one plain line of at most 200 characters; anything else, or a string
 * with nothing left, is no detail, and never costs the error its code and message.
 */
const providerDetail = z.unknown().transform((said) => (typeof said === 'string' ? plainProviderText(said) || undefined : undefined));

/**
 * The cloud's message, which the workstation puts into the manager's text and its log: read as one
 * plain line of at most 300 characters, whatever a broken or hostile cloud sends.
 */
const cloudMessage = z.string().transform((message) => oneLine(message, 300));

/**
 * Error bodies for non-2xx answers. 400 = the request itself is malformed (permanent),
 * 401 = no or revoked token (the desktop goes "ontkoppeld"), 413 = too large (permanent),
 * 429 / 5xx = temporary: retry with backoff. `message` is for people (the cloud's operator, a
 * log); `detail`, when there, is the provider's own words as data.
 */
export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: cloudMessage, detail: providerDetail.optional() }) });
/** An error body as the cloud sends it and the workstation reads it. */
export type ErrorBody = z.output<typeof errorBodySchema>;
