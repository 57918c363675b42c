import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DeviceInfo } from '../../domain/sync/protocol';
import type { CloudDb } from '../db/connect';
import { webhookCredentials } from '../db/schema';
import { HttpError } from '../httpError';
import { deliverHook, type HookAction, type HookAttempt, type WebshopHookOptions } from '../providers/webshop/webshopHook';
import { logDeliveries } from './deliveryLog';
import { lockHookUrl, readHook, writeHookState, type HookState } from './hookRecord';

/** How the cloud reaches webshops; `allowPrivateTargets` is the operator's side of the private-range rule. */
export interface WebhookSettings extends Omit<WebshopHookOptions, 'allowPrivate' | 'now'> {
  allowPrivateTargets: boolean;
  /** The cloud's address as webshops reach it (`--public-url`); Verbinden is refused without it. */
  publicUrl: string | null;
}

export interface HookOutcome {
  status: HookState['status'];
  responseCode: number | null;
  deliveredAt: string;
  problem: string | null;
  attempts: HookAttempt[];
}

const secret = () => randomBytes(32).toString('base64url');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `noAnswer:10`, `unreachable:ECONNREFUSED`, `failed` …: what the desktop puts in words; null when the webshop took it. */
function problemOf(last: HookAttempt): string | null {
  if (last.outcome === 'accepted') return null;
  return last.detail === null ? last.outcome : `${last.outcome}:${last.detail}`;
}

/** What Verbinden's answer makes of the connection. */
function statusOf(last: HookAttempt): HookState['status'] {
  if (last.outcome === 'accepted') return 'connected';
  return last.outcome === 'tokenRefused' ? 'unauthorized' : 'error';
}

export interface HookRequest {
  device: DeviceInfo;
  hookId: string;
  token: string;
  action: HookAction;
  /** The shop's IT allows private targets (its policy on the workstation); the operator must allow it too. */
  privateAllowedByShop: boolean;
}

const credentialsOf = (shopId: string, hookId: string) => and(eq(webhookCredentials.shopId, shopId), eq(webhookCredentials.hookId, hookId));

/**
 * Connects one webshop: reads where to deliver from the shop's synced record, delivers (no
 * transaction held meanwhile: a webshop may take seconds), then writes the state the answer
 * produced, the delivery log and the credentials in one transaction. That transaction reads the
 * record again under lock: when a workstation changed the URL or deleted the connection during the
 * delivery, the URL now in the record was never contacted, so no credentials are issued and the
 * connection is recorded as failed ("urlChanged"). A URL the rules refuse is answered 422 and
 * changes nothing but the log.
 */
async function connect(db: CloudDb, settings: WebhookSettings, now: () => Date, request: HookRequest): Promise<HookOutcome> {
  const { device, hookId } = request;
  if (settings.publicUrl === null) {
    throw new HttpError(409, 'public_url_missing', "The cloud's operator has not set the cloud's public address (--public-url), which a webshop needs to reach the cloud; ask them to set it.");
  }
  const hook = await readHook(db, device.shopId, hookId);
  if (!hook) throw new HttpError(404, 'unknown_webhook', 'This shop has no such webhook connection in the cloud yet; sync first.');
  const syncAuth = secret();
  const guestAuth = secret();
  const payload = { api_url: `${settings.publicUrl.replace(/\/+$/, '')}/v1`, sync_auth: syncAuth, guest_auth: guestAuth, shop: { id: device.shopId, name: device.shopName }, hook_id: hookId };
  const attempts = await deliverHook(hook.webhookUrl, request.token, { action: 'init', payload }, options(settings, now, request));
  const last = lastOf(attempts);
  if (last.outcome === 'blocked') {
    await logDeliveries(db, device.shopId, hookId, 'init', attempts);
    throw new HttpError(422, 'webhook_url_refused', `The webhook URL points to ${last.detail}, which the cloud does not deliver to.`);
  }
  const answered: HookState = { status: statusOf(last), lastDeliveryAt: last.at, lastResponseCode: last.responseCode === null ? null : String(last.responseCode), lastProblem: problemOf(last) };
  const state = await db.transaction(async (tx) => {
    const urlNow = await lockHookUrl(tx, device.shopId, hookId);
    const recorded: HookState = urlNow === hook.webhookUrl ? answered : { ...answered, status: urlNow === null ? 'disconnected' : 'error', lastProblem: urlNow === null ? null : 'urlChanged' };
    await writeHookState(tx, device.shopId, hookId, recorded, now());
    await logDeliveries(tx, device.shopId, hookId, 'init', attempts);
    await tx.delete(webhookCredentials).where(credentialsOf(device.shopId, hookId));
    if (recorded.status === 'connected') {
      await tx.insert(webhookCredentials).values({ shopId: device.shopId, hookId, syncAuthHash: sha256(syncAuth), guestAuthHash: sha256(guestAuth), issuedAt: now() });
    }
    return recorded;
  });
  return { status: state.status, responseCode: last.responseCode, deliveredAt: last.at, problem: state.lastProblem, attempts };
}

/**
 * Disconnects one webshop, always: the credentials it was given are revoked and the connection
 * recorded as Niet verbonden whatever the webshop answers, also when its URL is now refused by the
 * rules or the connection no longer exists. Telling the webshop is a courtesy, attempted when the
 * connection still has a URL; its outcome goes to the log and the problem field only.
 */
async function disconnect(db: CloudDb, settings: WebhookSettings, now: () => Date, request: HookRequest): Promise<HookOutcome> {
  const { device, hookId } = request;
  const hook = await readHook(db, device.shopId, hookId);
  const payload = { shop: { id: device.shopId, name: device.shopName }, hook_id: hookId };
  const attempts = hook ? await deliverHook(hook.webhookUrl, request.token, { action: 'disconnect', payload }, options(settings, now, request)) : [];
  const last = attempts.at(-1);
  const state: HookState = {
    status: 'disconnected',
    lastDeliveryAt: last?.at ?? now().toISOString(),
    lastResponseCode: last?.responseCode == null ? null : String(last.responseCode),
    lastProblem: last ? problemOf(last) : null,
  };
  await db.transaction(async (tx) => {
    await lockHookUrl(tx, device.shopId, hookId);
    await writeHookState(tx, device.shopId, hookId, state, now());
    await logDeliveries(tx, device.shopId, hookId, 'disconnect', attempts);
    await tx.delete(webhookCredentials).where(credentialsOf(device.shopId, hookId));
  });
  return { status: state.status, responseCode: last?.responseCode ?? null, deliveredAt: state.lastDeliveryAt, problem: state.lastProblem, attempts };
}

function options(settings: WebhookSettings, now: () => Date, request: HookRequest) {
  return { ...settings, allowPrivate: settings.allowPrivateTargets && request.privateAllowedByShop, now };
}

function lastOf(attempts: HookAttempt[]): HookAttempt {
  const last = attempts.at(-1);
  // Stryker disable next-line StringLiteral: deliverHook always makes at least one attempt; this only tells the compiler.
  if (!last) throw new Error('a delivery makes at least one attempt');
  return last;
}

/** Verbinden (`init`) or Ontkoppelen (`disconnect`) for one webshop connection. */
export function deliverAndRecord(db: CloudDb, settings: WebhookSettings, now: () => Date, request: HookRequest): Promise<HookOutcome> {
  return request.action === 'init' ? connect(db, settings, now, request) : disconnect(db, settings, now, request);
}
