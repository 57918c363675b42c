import { describe, expect, it } from 'vitest';
import { fixedClock, quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { commitChange } from '../store/records';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };
const bram = { name: 'Bram Jansen', email: 'bram@fietsenwinkel.nl', role: 'generalManager' };
const bramPassword = 'remblokken en spaken vervangen';

/** Anna sets up the shop and creates Bram; Bram signs in. */
async function shopWithBram() {
  const clock = fixedClock('2026-11-28T09:00:00Z');
  const app = quickBackofficeOn(tempDir(), { clock });
  const setup = await app.services.access.setup(owner, 'nl');
  if (!setup.ok) throw new Error('setup failed');
  const created = await app.services.access.createUser(bram, bramPassword, 'nl', (values) => app.services.lists.create('users', values, { by: 'Anna de Vries', lang: 'nl' }), setup.value.userId);
  if (!created.ok) throw new Error('Bram was not created');
  const signedIn = await app.services.access.signIn({ email: bram.email, password: bramPassword }, 'nl');
  if (!signedIn.ok) throw new Error('Bram could not sign in');
  return { app, clock, anna: setup.value, bramId: created.value.id, bramSession: signedIn.value.id };
}

/** Bram's user record as another workstation's change would leave it. */
function storeBram(app: ReturnType<typeof quickBackofficeOn>, bramId: string, changes: Record<string, unknown>) {
  app.store.orm.transaction((tx) => commitChange(tx, { collection: 'users', id: bramId, before: {}, changes, by: 'test', origin: 'local', at: new Date() }));
}

describe('a session ends when something changes elsewhere', () => {
  it('when the user\'s password was changed on another workstation and arrived by sync', async () => {
    const { app, clock, bramId, bramSession } = await shopWithBram();
    clock.set('2026-11-28T09:10:00Z');
    expect(app.services.access.session(bramSession)).not.toBeNull();
    app.store.sqlite.prepare("UPDATE credentials SET hash = 'scrypt$1024$8$1$c2FsdA==$a2V5', updated_at = ? WHERE user_id = ? AND kind = 'password'").run(clock.now().toISOString(), bramId);
    expect(app.services.access.session(bramSession)).toBeNull();
    await app.close();
  });

  it('for good: a user deactivated and activated again has to sign in again', async () => {
    const { app, bramId, bramSession } = await shopWithBram();
    storeBram(app, bramId, { active: false });
    expect(app.services.access.session(bramSession)).toBeNull();
    storeBram(app, bramId, { active: true });
    expect(app.services.access.session(bramSession)).toBeNull();
    await app.close();
  });

  it('when the user now has a role this version does not know (synced from a newer one), without failing', async () => {
    const { app, bramId, bramSession } = await shopWithBram();
    storeBram(app, bramId, { role: 'regionalManager' });
    expect(app.services.access.session(bramSession)).toBeNull();
    await app.close();
  });
});

describe('a session goes on', () => {
  it('in the window where the user changed their own password later that day', async () => {
    const { app, clock, bramSession } = await shopWithBram();
    const session = app.services.access.session(bramSession);
    if (!session) throw new Error('no session');
    clock.set('2026-11-28T11:00:00Z');
    app.services.access.touch(bramSession);
    expect(await app.services.access.changeOwnPassword(session, { currentPassword: bramPassword, newPassword: 'tandwielen smeren voor de winter' }, 'nl')).toEqual({ ok: true, value: null });
    expect(app.services.access.session(bramSession)).toMatchObject({ email: bram.email });
    await app.close();
  });

  it('in the language the user last chose, and a click in an ended window changes nothing', async () => {
    const { app, bramSession } = await shopWithBram();
    app.services.access.setLanguage(bramSession, 'en');
    expect(app.services.access.session(bramSession)).toMatchObject({ lang: 'en' });
    app.services.access.signOut(bramSession);
    expect(() => app.services.access.touch(bramSession)).not.toThrow();
    expect(() => app.services.access.setLanguage(bramSession, 'nl')).not.toThrow();
    expect(app.services.access.session(bramSession)).toBeNull();
    await app.close();
  });
});
