import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentOf } from '../../../domain/attachments';
import { startFaultProxy, type FaultPlan } from '../../../test/faultProxy';
import { pngFile } from '../../../test/pngFile';
import { createSqliteLedger } from './sqliteLedger';
import { useFileCloud } from '../../../test/sharedCloud';
import { openDesktop, pairDesktop, tempFolder, type Desktop } from '../../../test/syncWorld';

/**
 * Attachments between two workstations of one shop, through the real cloud (embedded PGlite, real
 * HTTP on 127.0.0.1) and a fault proxy in front of it: the file goes up before the change that
 * names it, and comes down after the pull, or when first asked for.
 */
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const files = useFileCloud();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function world() {
  const shop = await files.newShop();
  const proxy = await startFaultProxy(files.url);
  cleanup.push(() => proxy.close());
  const seen: string[] = [];
  let plan: FaultPlan = () => null;
  proxy.setPlan((request) => {
    seen.push(`${request.method} ${request.path.split('?')[0]}`);
    return plan(request);
  });
  const desktops: Desktop[] = [];
  for (const name of ['kassa-1', 'kantoor']) {
    const dir = tempFolder(`backoffice-${name}-`);
    const desktop = await openDesktop(dir);
    cleanup.push(async () => {
      await desktop.sync.pairing.unpair('nl');
      await desktop.office.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    await pairDesktop(desktop, proxy.url, desktops.length === 0 ? shop.shop.code : await shop.pairingCode());
    desktops.push(desktop);
  }
  const [a, b] = desktops as [Desktop, Desktop];
  return { a, b, seen, setPlan: (next: FaultPlan) => (plan = next) };
}

function uploadLogo(desktop: Desktop, bytes: Buffer) {
  const upload = desktop.office.services.attachments.upload({ group: 'company.general', field: 'logo', name: 'logo-de-spaak.png', bytes }, 'nl');
  if (!upload.ok) throw new Error(upload.error.message);
  const saved = desktop.settings.writeGroup('company.general', { logo: upload.value }, anna);
  if (!saved.ok) throw new Error(saved.error.message);
  return upload.value;
}

describe('attachments through the cloud', () => {
  it('a logo uploaded on one workstation is on the other byte for byte, uploaded once before the change that names it', async () => {
    const { a, b, seen } = await world();
    const logo = pngFile(200, 80, [10, 90, 160], 5);
    const ref = uploadLogo(a, logo);
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', pushed: 1 });
    const put = seen.indexOf(`PUT /v1/blobs/${ref.hash}`);
    expect(put).toBeGreaterThanOrEqual(0);
    expect(put).toBeLessThan(seen.indexOf('POST /v1/push'));

    // The receipt logo is the same file: the cloud has it already, so it is not sent again.
    a.settings.writeGroup('company.general', { logoMonochrome: ref }, anna);
    await a.sync.syncNow();
    expect(seen.filter((line) => line === `PUT /v1/blobs/${ref.hash}`)).toHaveLength(1);

    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced' });
    expect(attachmentOf(b.settings.get('company.general').logo)).toEqual(ref);
    // Downloaded in the background after the pull, so it is there before anyone goes offline.
    expect(b.office.services.attachments.file(ref.hash)?.bytes.equals(logo)).toBe(true);
    expect(seen.filter((line) => line === `GET /v1/blobs/${ref.hash}`)).toHaveLength(1);
  });

  it('a file that could not be downloaded is "not downloaded", then fetched when first asked for once the cloud answers', async () => {
    const { a, b, setPlan } = await world();
    const logo = pngFile(64, 64, [200, 200, 0]);
    const ref = uploadLogo(a, logo);
    await a.sync.syncNow();

    setPlan((request) => (request.method === 'GET' && request.path.startsWith('/v1/blobs/') ? { kind: 'status', status: 503 } : null));
    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced' });
    expect(attachmentOf(b.settings.get('company.general').logo)).toEqual(ref);
    const attachments = b.office.services.attachments;
    expect(await attachments.content(ref.hash)).toEqual({ state: 'notDownloaded', hash: ref.hash, reason: 'offline' });
    // The other fields of the group save as always while the file is still on its way.
    expect(b.settings.writeGroup('company.general', { companyName: 'De Spaak' }, anna).ok).toBe(true);

    setPlan(() => null);
    const shown = await attachments.content(ref.hash);
    expect(shown).toMatchObject({ state: 'ready', type: 'image/png', size: logo.length });
    expect(shown.state === 'ready' && Buffer.from(shown.base64, 'base64').equals(logo)).toBe(true);
  });

  it('keeps a downloaded file only when its bytes match the hash and are a file type we take', async () => {
    const { b } = await world();
    const ledger = createSqliteLedger(b.office.store);
    const logo = pngFile(16, 16, [255, 255, 255]);
    const hash = createHash('sha256').update(logo).digest('hex');
    const damaged = Buffer.from(logo);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 20) ^ 0xff, damaged.length - 20);
    expect(ledger.keepBlob(hash, damaged)).toBe(false);
    const text = Buffer.from('geen afbeelding');
    expect(ledger.keepBlob(createHash('sha256').update(text).digest('hex'), text)).toBe(false);
    // A file another workstation should never have uploaded: an SVG with a script is not kept either.
    const scripted = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const scriptedHash = createHash('sha256').update(scripted).digest('hex');
    expect(ledger.keepBlob(scriptedHash, scripted)).toBe(false);
    expect(b.office.services.attachments.file(scriptedHash)).toBeNull();
    expect(b.office.services.attachments.file(hash)).toBeNull();
    expect(ledger.keepBlob(hash, logo)).toBe(true);
    expect(b.office.services.attachments.file(hash)?.bytes.equals(logo)).toBe(true);
  });
});
