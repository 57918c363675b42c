import { describe, expect, it } from 'vitest';
import { cheapTestHashing, quickBackofficeOn, fixedClock } from '../../../test/services';
import { createSecretHasher, verifySecret } from './secretHash';
import { useTempDir } from '../../../test/tempDir';
import { commitChange } from '../store/records';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'Anna@Fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };

describe('access', () => {
  it('asks for setup once, creates the first Administrator and names the back office', async () => {
    const app = quickBackofficeOn(tempDir());
    expect(app.services.access.needsSetup()).toBe(true);
    const result = await app.services.access.setup(owner, 'nl');
    expect(result).toMatchObject({ ok: true, value: { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', role: 'administrator' } });
    expect(app.services.access.needsSetup()).toBe(false);
    expect(app.services.settings.readGroup('company.general')).toMatchObject({ ok: true, value: { values: { backOfficeName: 'Fietsenwinkel De Spaak' } } });
    expect(await app.services.access.setup({ ...owner, email: 'ander@winkel.nl' }, 'nl')).toMatchObject({ ok: false, error: { code: 'already_set_up' } });
    const stored = app.store.sqlite.prepare('SELECT data FROM records WHERE collection = ?').get('users') as { data: string };
    expect(stored.data).not.toContain(owner.password);
    const { hash } = app.store.sqlite.prepare('SELECT hash FROM credentials').get() as { hash: string };
    expect(await verifySecret(owner.password, hash)).toBe(true);
    await app.close();
  });

  it('refuses a short password and a bad e-mail at setup, naming the fields, and creates nothing', async () => {
    const app = quickBackofficeOn(tempDir());
    const result = await app.services.access.setup({ ...owner, email: 'anna@', password: 'kort' }, 'nl');
    expect(result).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'email', reason: 'email.invalid' }, { field: 'password', reason: 'password.tooShort', message: expect.stringContaining('minstens 12 tekens') }] },
    });
    expect(app.services.access.needsSetup()).toBe(true);
    await app.close();
  });

  it('signs in with the right password, case-insensitive e-mail, and refuses a wrong one', async () => {
    const app = quickBackofficeOn(tempDir());
    await app.services.access.setup(owner, 'nl');
    expect(await app.services.access.signIn({ email: ' ANNA@fietsenwinkel.nl', password: owner.password }, 'nl')).toMatchObject({ ok: true });
    expect(await app.services.access.signIn({ email: 'anna@fietsenwinkel.nl', password: 'fout wachtwoord!' }, 'nl')).toEqual({
      ok: false,
      error: { code: 'wrong_credentials', message: expect.stringContaining('Na 4 mislukte pogingen') },
    });
    await app.close();
  });

  it('locks an account for 5 minutes after 5 wrong passwords, also across a restart', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-28T12:00:00Z');
    const first = quickBackofficeOn(dir, { clock });
    await first.services.access.setup(owner, 'nl');
    for (let i = 0; i < 5; i++) await first.services.access.signIn({ email: owner.email, password: `fout-${i}-wachtwoord` }, 'nl');
    await first.close();

    clock.set('2026-11-28T12:02:00Z');
    const second = quickBackofficeOn(dir, { clock });
    expect(await second.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Te veel mislukte pogingen: dit account is geblokkeerd. Probeer het over 3 minuten opnieuw.' },
    });
    clock.set('2026-11-28T12:05:01Z');
    expect(await second.services.access.signIn({ email: owner.email, password: owner.password }, 'nl')).toMatchObject({ ok: true });
    await second.close();
  });

  it('ends a session after the idle time from BackOffice-instellingen, and on sign-out', async () => {
    const clock = fixedClock('2026-11-28T12:00:00Z');
    const app = quickBackofficeOn(tempDir(), { clock });
    const setup = await app.services.access.setup(owner, 'nl');
    const id = setup.ok ? setup.value.id : '';
    app.services.settings.writeGroup('backoffice', { idleTimeoutMinutes: 10 }, { by: 'anna', lang: 'nl' });
    clock.set('2026-11-28T12:09:00Z');
    expect(app.services.access.session(id)).not.toBeNull();
    app.services.access.touch(id);
    clock.set('2026-11-28T12:18:00Z');
    expect(app.services.access.session(id)).not.toBeNull();
    clock.set('2026-11-28T12:28:01Z');
    expect(app.services.access.session(id)).toBeNull();

    const again = await app.services.access.signIn({ email: owner.email, password: owner.password }, 'nl');
    const secondId = again.ok ? again.value.id : '';
    app.services.access.signOut(secondId);
    expect(app.services.access.session(secondId)).toBeNull();
    await app.close();
  });

  it('keeps till-only roles and deactivated users out of the back office', async () => {
    const app = quickBackofficeOn(tempDir());
    await app.services.access.setup(owner, 'nl');
    const password = await createSecretHasher(cheapTestHashing).hash('kassa wachtwoord 123');
    app.store.orm.transaction((tx) => {
      commitChange(tx, { collection: 'users', id: 'c0ffee00-0000-4000-8000-000000000001', before: {}, changes: { name: 'Kees', email: 'kees@winkel.nl', role: 'juniorCashier', active: true, stores: [] }, by: 'test', origin: 'local', at: new Date() });
      commitChange(tx, { collection: 'users', id: 'c0ffee00-0000-4000-8000-000000000002', before: {}, changes: { name: 'Oud', email: 'oud@winkel.nl', role: 'fullUser', active: false, stores: [] }, by: 'test', origin: 'local', at: new Date() });
    });
    for (const id of ['c0ffee00-0000-4000-8000-000000000001', 'c0ffee00-0000-4000-8000-000000000002']) {
      app.store.sqlite.prepare("INSERT INTO credentials (user_id, kind, hash, updated_at) VALUES (?, 'password', ?, 'x')").run(id, password);
    }
    expect(await app.services.access.signIn({ email: 'kees@winkel.nl', password: 'kassa wachtwoord 123' }, 'nl')).toEqual({
      ok: false,
      error: { code: 'pos_only', message: 'De rol Junior kassamedewerker werkt alleen op de kassa en heeft geen toegang tot de backoffice.' },
    });
    expect(await app.services.access.signIn({ email: 'oud@winkel.nl', password: 'kassa wachtwoord 123' }, 'nl')).toMatchObject({ ok: false, error: { code: 'inactive' } });
    await app.close();
  });
});
