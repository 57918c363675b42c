import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickBackofficeOn, fixedClock } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };

describe('sign-in lockout and failures (issue 11, items 2 and 4)', () => {
  it('39 wrong guesses in parallel lock the account, and the right password is then refused', async () => {
    const app = quickBackofficeOn(tempDir());
    await app.services.access.setup(owner, 'nl');
    const guesses = await Promise.all(Array.from({ length: 39 }, (_, i) => app.services.access.signIn({ email: owner.email, password: `geraden wachtwoord ${i}` }, 'nl')));
    expect(guesses.every((guess) => !guess.ok)).toBe(true);
    // Only the first five were even checked; the rest were refused before any password was compared.
    expect(guesses.filter((guess) => !guess.ok && guess.error.code === 'wrong_credentials')).toHaveLength(4);
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toMatchObject({ ok: false, error: { code: 'locked' } });
    await app.close();
  });

  it('keeps no typed e-mail address on disk, only a keyed hash, and forgets it after the lock window', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-28T12:00:00Z');
    const app = quickBackofficeOn(dir, { clock });
    await app.services.access.setup(owner, 'nl');
    const typed = 'mallory.probeert@voorbeeld.nl';
    for (let i = 0; i < 5; i++) await app.services.access.signIn({ email: typed, password: `poging nummer ${i} fout` }, 'nl');
    const rows = app.store.sqlite.prepare('SELECT * FROM sign_in_failures').all();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('mallory');
    app.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of fs.readdirSync(dir).filter((name) => name.startsWith('backoffice.sqlite'))) {
      expect(fs.readFileSync(path.join(dir, file)).includes(Buffer.from('mallory')), file).toBe(false);
    }
    expect(await app.services.access.signIn({ email: typed, password: 'nog een poging erbij' }, 'nl')).toMatchObject({ ok: false, error: { code: 'locked' } });

    clock.set('2026-11-28T12:04:00Z');
    await app.services.access.signIn({ email: 'typefout@fietsenwinkel.nl', password: 'een lange zin als wachtwoord' }, 'nl');
    expect(app.store.sqlite.prepare('SELECT count(*) AS n FROM sign_in_failures').get()).toEqual({ n: 2 });
    clock.set('2026-11-28T12:09:01Z');
    await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl');
    expect(app.store.sqlite.prepare('SELECT count(*) AS n FROM sign_in_failures').get()).toEqual({ n: 0 });
    await app.close();
  });
});

describe('password rules (item 5)', () => {
  it('refuses blank, repeated, common and personal passwords at setup, naming the field', async () => {
    const app = quickBackofficeOn(tempDir());
    const cases: [string, string][] = [
      ['            ', 'password.blank'],
      ['abababababababab', 'password.repeated'],
      ['password1234', 'password.common'],
      ['wachtwoord1234', 'password.common'],
      ['anna@fietsenwinkel.nl', 'password.personal'],
    ];
    for (const [password, reason] of cases) {
      const result = await app.services.access.setup({ ...owner, password }, 'nl');
      expect(result, password).toMatchObject({ ok: false, error: { fields: [{ field: 'password', reason, message: expect.stringMatching(/^Wachtwoord /) }] } });
    }
    expect(app.services.access.needsSetup()).toBe(true);
    await app.close();
  });

  it('a user changes their own password only with the current one', async () => {
    const app = quickBackofficeOn(tempDir());
    const setup = await app.services.access.setup(owner, 'nl');
    if (!setup.ok) throw new Error('setup failed');
    const wrongOld = await app.services.access.changeOwnPassword(setup.value, { currentPassword: 'niet mijn wachtwoord', newPassword: 'tandwielen smeren voor de winter' }, 'nl');
    expect(wrongOld).toMatchObject({ ok: false, error: { fields: [{ field: 'currentPassword', reason: 'password.oldWrong' }] } });
    const weak = await app.services.access.changeOwnPassword(setup.value, { currentPassword: owner.password, newPassword: 'password1234' }, 'en');
    expect(weak).toMatchObject({ ok: false, error: { fields: [{ field: 'newPassword', reason: 'password.common', message: expect.stringMatching(/^Password /) }] } });
    expect(await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toMatchObject({ ok: true });
    expect(await app.services.access.changeOwnPassword(setup.value, { currentPassword: owner.password, newPassword: 'tandwielen smeren voor de winter' }, 'nl')).toEqual({ ok: true, value: null });
    expect(await app.services.access.signIn({ email: owner.email, password: 'tandwielen smeren voor de winter' }, 'nl')).toMatchObject({ ok: true });
    await app.close();
  });

  it('a new user gets the first password when created; a refused one creates nothing', async () => {
    const app = quickBackofficeOn(tempDir());
    await app.services.access.setup(owner, 'nl');
    const create = (values: Record<string, unknown>) => app.services.lists.create('users', values, { by: 'Anna', lang: 'nl' });
    const kees = { name: 'Kees Bakker', email: 'kees@fietsenwinkel.nl', role: 'fullUser' };
    expect(await app.services.access.createUser(kees, 'keesbakker2026', 'nl', create)).toMatchObject({ ok: false, error: { fields: [{ field: 'password', reason: 'password.personal' }] } });
    expect(app.services.lists.list('users')).toMatchObject({ ok: true, value: [expect.objectContaining({ values: expect.objectContaining({ name: 'Anna de Vries' }) })] });
    const created = await app.services.access.createUser(kees, 'zadels en bellen in de etalage', 'nl', create);
    expect(created).toMatchObject({ ok: true });
    expect(app.services.access.credentialKinds()[created.ok ? created.value.id : '']).toEqual(['password']);
    expect(await app.services.access.signIn({ email: kees.email, password: 'zadels en bellen in de etalage' }, 'nl')).toMatchObject({ ok: true });
    await app.close();
  });
});
