import { describe, expect, it } from 'vitest';
import { fixedClock, quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';
import { verifySecret } from './secretHash';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };
// Kees's e-mail address is the shop's, not his name: a password of his name is caught by the name alone.
const kees = { name: 'Kees Bakker', email: 'verkoop@rijwielhandel.nl', role: 'fullUser' };
const keesPassword = 'zadels en bellen in de etalage';
type App = ReturnType<typeof quickBackofficeOn>;

/** Anna sets up the shop and creates Kees with a first password. */
async function shopWithKees(dir = tempDir(), logger = createMemoryLogger()) {
  const app = quickBackofficeOn(dir, { logger, clock: fixedClock('2026-11-28T09:00:00Z') });
  const setup = await app.services.access.setup(owner, 'nl');
  if (!setup.ok) throw new Error('setup failed');
  const created = await app.services.access.createUser(kees, keesPassword, 'nl', (values) => app.services.lists.create('users', values, { by: 'Anna de Vries', lang: 'nl' }), setup.value.userId);
  if (!created.ok) throw new Error('Kees was not created');
  return { app, logger, anna: setup.value, keesId: created.value.id };
}

const storedHash = (app: App, userId: string, kind: 'password' | 'pin') =>
  (app.store.sqlite.prepare('SELECT hash FROM credentials WHERE user_id = ? AND kind = ?').get(userId, kind) as { hash: string } | undefined)?.hash;
/** What the other workstations will receive of a user's hashes, oldest first. */
const queued = (app: App, userId: string) =>
  (app.store.sqlite.prepare("SELECT op, user_id AS actor, changes, base_revs AS base FROM outbox WHERE collection = 'credentials' AND record_id = ? ORDER BY seq").all(userId) as { op: string; actor: string; changes: string; base: string }[]).map(
    (row) => ({ op: row.op, actor: row.actor, changes: JSON.parse(row.changes) as Record<string, string>, base: JSON.parse(row.base) as Record<string, number> }),
  );

describe('an Administrator sets a till PIN', () => {
  it('of 4 to 6 digits; anything else is refused naming the PIN, and stores nothing', async () => {
    const { app, keesId } = await shopWithKees();
    expect(await app.services.access.setCredential(keesId, 'pin', '12ab', 'nl')).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'PIN bestaat uit 4 tot 6 cijfers.', fields: [{ field: 'pin', reason: 'pin.format', message: 'PIN bestaat uit 4 tot 6 cijfers.' }] },
    });
    expect(storedHash(app, keesId, 'pin')).toBeUndefined();
    expect(await app.services.access.setCredential(keesId, 'pin', '4821', 'nl')).toEqual({ ok: true, value: null });
    expect(app.services.access.credentialKinds()[keesId]?.sort()).toEqual(['password', 'pin']);
    const pin = storedHash(app, keesId, 'pin') ?? '';
    expect(await verifySecret('4821', pin)).toBe(true);
    expect(await verifySecret('4822', pin)).toBe(false);
    await app.close();
  });

  it('without signing the user out of the back office', async () => {
    const { app, keesId } = await shopWithKees();
    const signedIn = await app.services.access.signIn({ email: kees.email, password: keesPassword }, 'nl');
    expect(await app.services.access.setCredential(keesId, 'pin', '4821', 'nl')).toMatchObject({ ok: true });
    expect(app.services.access.session(signedIn.ok ? signedIn.value.id : null)).toMatchObject({ email: kees.email });
    await app.close();
  });
});

describe('an Administrator sets a password', () => {
  it('for a user who is gone: says so in the window\'s language', async () => {
    const { app } = await shopWithKees();
    const gone = 'c0ffee00-0000-4000-8000-00000000dead';
    expect(await app.services.access.setCredential(gone, 'password', 'fietsbel en zadelpen op voorraad', 'nl')).toEqual({
      ok: false,
      error: { code: 'unknown_record', message: 'Deze gebruiker bestaat niet (meer); misschien is het net verwijderd.' },
    });
    expect(await app.services.access.setCredential(gone, 'password', 'fietsbel en zadelpen op voorraad', 'en')).toEqual({
      ok: false,
      error: { code: 'unknown_record', message: 'This user does not exist (any more); it may just have been deleted.' },
    });
    await app.close();
  });

  it('refusing one made of that user\'s own name or of the shop\'s name', async () => {
    const { app, keesId } = await shopWithKees();
    for (const password of ['welkombakker12', 'spaakwelkom2026']) {
      expect(await app.services.access.setCredential(keesId, 'password', password, 'nl'), password).toEqual({
        ok: false,
        error: { code: 'invalid', message: expect.stringMatching(/^Wachtwoord bevat uw naam/), fields: [expect.objectContaining({ field: 'password', reason: 'password.personal' })] },
      });
    }
    expect(await app.services.access.signIn({ email: kees.email, password: keesPassword }, 'nl')).toMatchObject({ ok: true });
    await app.close();
  });

  it('that the user signs in with from then on, and logs for whom, never the password', async () => {
    const { app, logger, keesId } = await shopWithKees();
    expect(await app.services.access.setCredential(keesId, 'password', 'fietsbel en zadelpen op voorraad', 'nl')).toEqual({ ok: true, value: null });
    expect(await app.services.access.signIn({ email: kees.email, password: keesPassword }, 'nl')).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
    expect(await app.services.access.signIn({ email: kees.email, password: 'fietsbel en zadelpen op voorraad' }, 'nl')).toMatchObject({ ok: true });
    expect(logger.lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(expect.objectContaining({ event: 'access.credentialSet', userId: keesId, kind: 'password' }));
    expect(logger.lines.join('\n')).not.toContain('fietsbel en zadelpen');
    await app.close();
  });

  it('for herself: the window she set it in stays signed in, her other windows do not', async () => {
    const { app, anna } = await shopWithKees();
    const elsewhere = await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl');
    expect(await app.services.access.setCredential(anna.userId, 'password', 'fietsbel en zadelpen op voorraad', 'nl', { userId: anna.userId, keepSession: anna.id })).toMatchObject({ ok: true });
    expect(app.services.access.session(anna.id)).toMatchObject({ email: owner.email });
    expect(app.services.access.session(elsewhere.ok ? elsewhere.value.id : null)).toBeNull();
    await app.close();
  });
});

describe('the hashes the other workstations receive', () => {
  it('a new hash as a create, a later one as an update on the revision the cloud gave, by who set it', async () => {
    const { app, anna, keesId } = await shopWithKees();
    const first = storedHash(app, keesId, 'password');
    expect(queued(app, keesId)).toEqual([{ op: 'create', actor: anna.userId, changes: { password: first }, base: { password: 0 } }]);
    // The cloud accepted it as revision 3 (what a push records).
    app.store.sqlite.prepare("UPDATE credentials SET rev = 3 WHERE user_id = ? AND kind = 'password'").run(keesId);
    await app.services.access.setCredential(keesId, 'password', 'fietsbel en zadelpen op voorraad', 'nl', { userId: anna.userId });
    await app.services.access.setCredential(keesId, 'pin', '4821', 'nl', { userId: anna.userId });
    expect(queued(app, keesId).slice(1)).toEqual([
      { op: 'update', actor: anna.userId, changes: { password: storedHash(app, keesId, 'password') }, base: { password: 3 } },
      { op: 'create', actor: anna.userId, changes: { pin: storedHash(app, keesId, 'pin') }, base: { pin: 0 } },
    ]);
    await app.close();
  });

  it('a hash stored before hashes synced is queued once, at the next start', async () => {
    const dir = tempDir();
    const { app, keesId } = await shopWithKees(dir);
    app.store.sqlite.prepare('UPDATE credentials SET rev = NULL WHERE user_id = ?').run(keesId);
    app.store.sqlite.prepare("DELETE FROM outbox WHERE collection = 'credentials'").run();
    const hash = storedHash(app, keesId, 'password');
    await app.close();

    const logger = createMemoryLogger();
    const restarted = quickBackofficeOn(dir, { logger, clock: fixedClock('2026-11-28T10:00:00Z') });
    expect(queued(restarted, keesId)).toEqual([{ op: 'create', actor: 'system', changes: { password: hash }, base: { password: 0 } }]);
    expect(logger.lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(expect.objectContaining({ event: 'access.credentialsQueued', count: 1 }));
    await restarted.close();

    const quiet = createMemoryLogger();
    const again = quickBackofficeOn(dir, { logger: quiet });
    expect(queued(again, keesId)).toHaveLength(1);
    expect(quiet.lines.join('\n')).not.toContain('access.credentialsQueued');
    await again.close();
  });
});
