import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../api/dispatch';
import { apiTable } from '../../api/table';
import type { Session } from '../access/session';
import { openDesktop, pairDesktop, tempFolder, type Desktop } from '../../../test/syncWorld';
import { createSqliteLedger } from './sqliteLedger';
import { useFileCloud } from '../../../test/sharedCloud';

/**
 * Users sign in on every workstation of the shop: their password hash syncs with them, through the
 * real cloud (embedded PGlite, real HTTP on 127.0.0.1), each desktop on its own SQLite folder.
 * Only the hash travels; it never shows up in a log, the diagnostics export or an answer to the UI.
 */
const owner = { name: 'Anna de Vries', email: 'anna@despaak.nl', password: 'zadelpennen en spaaknippels', backOfficeName: 'De Spaak Utrecht' };
const kees = { name: 'Kees Bakker', email: 'kees@despaak.nl', role: 'fullUser' };
const files = useFileCloud();
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function desktop(name: string): Promise<Desktop> {
  const dir = tempFolder(`backoffice-${name}-`);
  const opened = await openDesktop(dir);
  cleanup.push(async () => {
    await opened.sync.pairing.unpair('nl');
    await opened.office.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return opened;
}

/** Workstation A is set up with its first administrator; B is new and only paired. */
async function shopWithTwoDesktops() {
  const cloud = await files.newShop();
  const a = await desktop('kassa');
  const b = await desktop('kantoor');
  const setUp = await a.office.services.access.setup(owner, 'nl');
  if (!setUp.ok) throw new Error(setUp.error.message);
  await pairDesktop(a, files.url, cloud.shop.code);
  await pairDesktop(b, files.url, await cloud.pairingCode());
  return { cloud, a, b, anna: setUp.value };
}

const signIn = (desktop: Desktop, email: string, password: string) => desktop.office.services.access.signIn({ email, password }, 'nl');
const hashesOf = (desktop: Desktop) => (desktop.office.store.sqlite.prepare('SELECT hash FROM credentials').all() as { hash: string }[]).map((row) => row.hash);

async function createKees(on: Desktop, password: string, by: Session): Promise<string> {
  const created = await on.office.services.access.createUser(kees, password, 'nl', (values) => on.lists.create('users', values, { by: by.name, userId: by.userId, lang: 'nl' }), by.userId);
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

describe('users and their password hashes across workstations', () => {
  it('a user made on A signs in on B after a sync; a password changed on B is the only one A accepts', async () => {
    const { a, b, anna } = await shopWithTwoDesktops();
    const keesId = await createKees(a, 'fietsbel oranje tweeënveertig', anna);
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', rejected: 0 });
    expect(a.sync.read().pending).toBe(0);
    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced' });

    expect(b.office.services.access.needsSetup()).toBe(false);
    expect(await signIn(b, 'kees@despaak.nl', 'fietsbel oranje tweeënveertig')).toMatchObject({ ok: true, value: { userId: keesId, name: 'Kees Bakker' } });
    expect(await signIn(b, 'kees@despaak.nl', 'fietsbel groen tweeënveertig')).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
    expect(await signIn(b, 'anna@despaak.nl', owner.password)).toMatchObject({ ok: true });

    // Anna changes Kees's password on B; his session on A ends once A hears of it.
    const onA = await signIn(a, 'kees@despaak.nl', 'fietsbel oranje tweeënveertig');
    expect(await b.office.services.access.setCredential(keesId, 'password', 'remblokjes voor de bakfiets', 'nl', { userId: anna.userId })).toEqual({ ok: true, value: null });
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect(await signIn(a, 'kees@despaak.nl', 'fietsbel oranje tweeënveertig')).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
    expect(await signIn(a, 'kees@despaak.nl', 'remblokjes voor de bakfiets')).toMatchObject({ ok: true, value: { userId: keesId } });
    expect(onA.ok && a.office.services.access.session(onA.value.id)).toBeFalsy();
    expect(hashesOf(a).sort()).toEqual(hashesOf(b).sort());
    expect([...a.sync.conflicts.open('nl'), ...b.sync.conflicts.open('nl')]).toEqual([]);
  });

  it('a password changed on both while offline is no conflict: the change made last stands everywhere', async () => {
    const { a, b, anna } = await shopWithTwoDesktops();
    const keesId = await createKees(a, 'fietsbel oranje tweeënveertig', anna);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.office.services.access.setCredential(keesId, 'password', 'eerst op de kassa gezet', 'nl', { userId: anna.userId });
    await b.office.services.access.setCredential(keesId, 'password', 'daarna op kantoor gezet', 'nl', { userId: anna.userId });
    await a.sync.syncNow();
    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced', conflicts: 0 });
    await a.sync.syncNow();
    for (const desktop of [a, b]) {
      expect(await signIn(desktop, 'kees@despaak.nl', 'daarna op kantoor gezet')).toMatchObject({ ok: true });
      expect(await signIn(desktop, 'kees@despaak.nl', 'eerst op de kassa gezet')).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
      expect(desktop.sync.conflicts.open('nl')).toEqual([]);
    }
  });

  it('a password changed earlier on a workstation that syncs last does not undo the later change: that workstation takes the later one', async () => {
    const { a, b, anna } = await shopWithTwoDesktops();
    const keesId = await createKees(a, 'fietsbel oranje tweeënveertig', anna);
    await a.sync.syncNow();
    await b.sync.syncNow();
    // The till (A) is offline when Kees's password is changed there; afterwards the office (B) resets it.
    await a.office.services.access.setCredential(keesId, 'password', 'eerst op de kassa gezet', 'nl', { userId: anna.userId });
    await b.office.services.access.setCredential(keesId, 'password', 'daarna op kantoor gezet', 'nl', { userId: anna.userId });
    expect(await b.sync.syncNow()).toMatchObject({ status: 'synced', conflicts: 0 });
    expect(await a.sync.syncNow()).toMatchObject({ status: 'synced', conflicts: 0 });
    await b.sync.syncNow();
    for (const desktop of [a, b]) {
      expect(await signIn(desktop, 'kees@despaak.nl', 'daarna op kantoor gezet')).toMatchObject({ ok: true });
      expect(await signIn(desktop, 'kees@despaak.nl', 'eerst op de kassa gezet')).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
      expect(desktop.sync.conflicts.open('nl')).toEqual([]);
    }
    expect(a.sync.read().pending).toBe(0);
  });

  it('a hash never reaches a log, the diagnostics export, an event or any answer to the UI, and keeps no history', async () => {
    const { a, b, anna } = await shopWithTwoDesktops();
    const events: unknown[] = [];
    for (const desktop of [a, b]) desktop.office.events.subscribe((name, payload) => events.push({ name, payload }));
    const keesId = await createKees(a, 'fietsbel oranje tweeënveertig', anna);
    await a.office.services.access.setCredential(keesId, 'pin', '4711', 'nl', { userId: anna.userId });
    await a.sync.syncNow();
    await b.sync.syncNow();
    const hashes = hashesOf(b);
    expect(hashes).toHaveLength(3);
    expect(hashes.sort()).toEqual(hashesOf(a).sort());

    // A refused hash (a cloud of a later version might refuse one) is listed without its value.
    await a.office.services.access.setCredential(keesId, 'password', 'nog een ander wachtwoord', 'nl', { userId: anna.userId });
    const ledger = createSqliteLedger(a.office.store);
    const [refused] = ledger.pendingBatch(10);
    ledger.reject(refused!.mutationId, { code: 'credential.notHash', field: 'password', message: { nl: 'Geweigerd.', en: 'Refused.' } });
    hashes.push(...hashesOf(a));
    expect(a.sync.conflicts.rejected('nl')).toEqual([expect.objectContaining({ recordLabel: 'Inloggegevens: Kees Bakker', changes: [{ field: 'password', label: 'Wachtwoord', value: null }] })]);
    expect(a.sync.conflicts.revise(refused!.mutationId, { password: 'x' }, { by: anna.name, userId: anna.userId, lang: 'nl' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('Systeemgebruikers') } });

    const answers: unknown[] = [];
    for (const desktop of [a, b]) {
      const dispatch = createDispatch({ table: apiTable, services: desktop.office.services, logger: desktop.logger });
      const session = await signIn(desktop, 'anna@despaak.nl', owner.password);
      if (!session.ok) throw new Error(session.error.message);
      const caller = { session: session.value, bindSession: () => undefined };
      const reads: [string, unknown][] = [
        ['access.state', {}], ['app.info', {}], ['system.info', {}], ['system.diagnostics', {}], ['sync.status', {}], ['sync.conflicts', {}], ['sync.rejected', {}],
        ['settings.snapshot', {}], ['lists.list', { collection: 'users' }], ['users.credentials', {}], ['policy.state', {}], ['mail.list', {}],
      ];
      for (const [name, input] of reads) {
        const answer = await dispatch(name, input, caller);
        expect(answer, name).toMatchObject({ ok: true });
        answers.push(answer);
      }
      answers.push(desktop.office.services.diagnostics.bundle());
    }
    const seen = JSON.stringify({ answers, events, logs: [...a.logger.lines, ...b.logger.lines] });
    expect(seen).toContain('Kees Bakker');
    for (const hash of hashes) {
      expect(seen).not.toContain(hash);
      // Not even the key part of it, in whatever wrapping.
      expect(seen).not.toContain(hash.split('$')[5]);
    }
    for (const desktop of [a, b]) {
      expect(desktop.office.store.sqlite.prepare("SELECT count(*) AS n FROM history WHERE collection = 'credentials'").get()).toEqual({ n: 0 });
      expect(desktop.office.store.sqlite.prepare("SELECT count(*) AS n FROM records WHERE collection = 'credentials'").get()).toEqual({ n: 0 });
    }
  });

  it('hashes stored before they synced are sent once after the upgrade, so the next workstation can sign in', async () => {
    const cloud = await files.newShop();
    const b = await desktop('kantoor');
    const dir = tempFolder('backoffice-kassa-');
    cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const before = await openDesktop(dir);
    await before.office.services.access.setup(owner, 'nl');
    // As a data folder from before this version: the hash is there, the outbox never had it.
    before.office.store.sqlite.exec("DELETE FROM outbox WHERE collection = 'credentials'; UPDATE credentials SET rev = NULL");
    await before.office.close();

    const a = await openDesktop(dir);
    cleanup.push(async () => {
      await a.sync.pairing.unpair('nl');
      await a.office.close();
    });
    const queued = () => a.office.store.sqlite.prepare("SELECT op, changes FROM outbox WHERE collection = 'credentials'").all();
    expect(queued()).toEqual([{ op: 'create', changes: expect.stringMatching(/^\{"password":"scrypt\$/) }]);
    await pairDesktop(a, files.url, cloud.shop.code);
    await pairDesktop(b, files.url, await cloud.pairingCode());
    await a.sync.syncNow();
    expect(queued()).toEqual([]);
    await b.sync.syncNow();
    expect(await signIn(b, 'anna@despaak.nl', owner.password)).toMatchObject({ ok: true });
  });
});
