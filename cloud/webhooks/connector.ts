import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DeviceInfo } from '../../domain/sync/protocol';
import type { CloudDb } from '../db/connect';
import { webhookCredentials } from '../db/schema';
import { HttpError } from '../httpError';
import { deliverHook, type HookAction, type HookAttempt, type WebshopHookOptions } from '../providers/webshop/webshopHook';
import { logDeliveries } from './deliveryLog';
import { readHook, writeHookState, type HookState } from './hookRecord';

/** How the cloud reaches webshops; `allowPrivateTargets` is the operator's side of the private-range rule. */
export interface WebhookSettings extends Omit<WebshopHookOptions, 'allowPrivate' | 'now'> {
  allowPrivateTargets: boolean;
  /** The address webshops call back on; by default the address the workstation reached this cloud at. */
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

function statusOf(action: HookAction, last: HookAttempt): HookState['status'] {
  if (action === 'disconnect') return 'disconnected';
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
  callbackUrl: string;
}

/**
 * Connects or disconnects one webshop: reads where to deliver from the shop's synced record,
 * delivers (no transaction held meanwhile: a webshop may take seconds), then writes the state the
 * answer produced, the delivery log and the credentials in one transaction. A URL the rules
 * refuse is answered 422 and changes nothing but the log.
 */
export async function deliverAndRecord(db: CloudDb, settings: WebhookSettings, now: () => Date, request: HookRequest): Promise<HookOutcome> {
  const { device, hookId, action } = request;
  const hook = await readHook(db, device.shopId, hookId);
  if (!hook) throw new HttpError(404, 'unknown_webhook', 'This shop has no such webhook connection in the cloud yet; sync first.');
  const syncAuth = secret();
  const guestAuth = secret();
  const payload =
    action === 'init'
      ? { api_url: `${(settings.publicUrl ?? request.callbackUrl).replace(/\/+$/, '')}/v1`, sync_auth: syncAuth, guest_auth: guestAuth, shop: { id: device.shopId, name: device.shopName }, hook_id: hookId }
      : { shop: { id: device.shopId, name: device.shopName }, hook_id: hookId };
  const attempts = await deliverHook(hook.webhookUrl, request.token, { action, payload }, {
    ...settings,
    allowPrivate: settings.allowPrivateTargets && request.privateAllowedByShop,
    now,
  });
  const last = attempts.at(-1);
  if (!last) throw new Error('a delivery makes at least one attempt');
  if (last.outcome === 'blocked') {
    await logDeliveries(db, device.shopId, hookId, action, attempts);
    throw new HttpError(422, 'webhook_url_refused', `The webhook URL points to ${last.detail}, which the cloud does not deliver to.`);
  }
  const state: HookState = { status: statusOf(action, last), lastDeliveryAt: last.at, lastResponseCode: last.responseCode === null ? null : String(last.responseCode), lastProblem: problemOf(last) };
  await db.transaction(async (tx) => {
    await writeHookState(tx, device.shopId, hookId, state, now());
    await logDeliveries(tx, device.shopId, hookId, action, attempts);
    const key = and(eq(webhookCredentials.shopId, device.shopId), eq(webhookCredentials.hookId, hookId));
    await tx.delete(webhookCredentials).where(key);
    if (state.status === 'connected') {
      await tx.insert(webhookCredentials).values({ shopId: device.shopId, hookId, syncAuthHash: sha256(syncAuth), guestAuthHash: sha256(guestAuth), issuedAt: now() });
    }
  });
  return { status: state.status, responseCode: last.responseCode, deliveredAt: last.at, problem: state.lastProblem, attempts };
}
