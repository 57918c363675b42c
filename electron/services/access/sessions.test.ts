import { describe, expect, it } from 'vitest';
import { apiTable } from '../../api/table';
import { createDispatch } from '../../api/dispatch';
import type { Caller } from '../../api/define';
import { quickBackofficeOn, fixedClock } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';

const tempDir = useTempDir();
const owner = { name: 'Anna de Vries', email: 'anna@fietsenwinkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'Fietsenwinkel De Spaak' };
const bramPassword = 'remblokken en spaken vervangen';

/** A window of a host: remembers its session id and looks the session up on every call, as both hosts do. */
function windowOn(app: ReturnType<typeof quickBackofficeOn>) {
  const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
  let sessionId: string | null = null;
  const caller = (): Caller => ({ session: app.services.access.session(sessionId), bindSession: (id) => (sessionId = id) });
  return {
    call: (name: string, input: unknown) => dispatch(name, input, caller()),
    get sessionId() {
      return sessionId;
    },
  };
}

/** Anna sets up the shop; she creates Bram, a General manager; Bram signs in in his own window. */
async function shopWithBram(clock = fixedClock('2026-11-28T09:00:00Z')) {
  const app = quickBackofficeOn(tempDir(), { clock });
  const anna = windowOn(app);
  await anna.call('access.setup', owner);
  const created = await anna.call('users.create', { values: { name: 'Bram Jansen', email: 'bram@fietsenwinkel.nl', role: 'generalManager' }, password: bramPassword });
  expect(created).toMatchObject({ ok: true });
  const bramId = created.ok ? (created.value as { id: string }).id : '';
  const bram = windowOn(app);
  expect(await bram.call('access.signIn', { email: 'bram@fietsenwinkel.nl', password: bramPassword })).toMatchObject({ ok: true });
  return { app, anna, bram, bramId, clock };
}

const writeCompanyName = (name: string) => ({ group: 'company.general', changes: { companyName: name } });

describe('sessions see the user as stored now (issue 11, item 1)', () => {
  it('a demoted manager is refused on the very next call', async () => {
    const { app, anna, bram, bramId } = await shopWithBram();
    expect(await bram.call('settings.write', writeCompanyName('De Spaak bv'))).toMatchObject({ ok: true });
    expect(await anna.call('lists.update', { collection: 'users', id: bramId, changes: { role: 'ordersOnly' } })).toMatchObject({ ok: true });
    expect(await bram.call('settings.write', writeCompanyName('Overgenomen bv'))).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('Als Alleen bestellingen') } });
    expect(await bram.call('access.state', {})).toMatchObject({ ok: true, value: { session: { role: 'ordersOnly' } } });
    expect(app.services.settings.readGroup('company.general')).toMatchObject({ ok: true, value: { values: { companyName: 'De Spaak bv' } } });
    await app.close();
  });

  it('a deactivated, a till-only and a deleted user are signed out at once', async () => {
    for (const change of ['deactivate', 'tillOnly', 'delete'] as const) {
      const { app, anna, bram, bramId } = await shopWithBram();
      const done =
        change === 'delete'
          ? await anna.call('lists.remove', { collection: 'users', id: bramId })
          : await anna.call('lists.update', { collection: 'users', id: bramId, changes: change === 'deactivate' ? { active: false } : { role: 'seniorCashier' } });
      expect(done, change).toMatchObject({ ok: true });
      expect(await bram.call('settings.write', writeCompanyName('Overgenomen bv')), change).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      expect(app.services.access.session(bram.sessionId), change).toBeNull();
      await app.close();
    }
  });

  it('a password set by an administrator ends the user\'s sessions; changing one\'s own ends only the others', async () => {
    const { app, anna, bram, bramId } = await shopWithBram();
    const bramAtHome = windowOn(app);
    await bramAtHome.call('access.signIn', { email: 'bram@fietsenwinkel.nl', password: bramPassword });
    expect(await anna.call('users.setPassword', { userId: bramId, password: 'fietsbel en zadelpen op voorraad' })).toMatchObject({ ok: true });
    expect(await bram.call('settings.snapshot', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    expect(await bramAtHome.call('settings.snapshot', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });

    const annaElsewhere = windowOn(app);
    await annaElsewhere.call('access.signIn', { email: owner.email, password: owner.password });
    const changed = await anna.call('access.changePassword', { currentPassword: owner.password, newPassword: 'tandwielen smeren voor de winter' });
    expect(changed).toEqual({ ok: true, value: null });
    expect(await anna.call('settings.snapshot', {})).toMatchObject({ ok: true });
    expect(await annaElsewhere.call('settings.snapshot', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await app.close();
  });

  it('a session ends after 12 hours however busy the user is', async () => {
    const { app, bram, clock } = await shopWithBram();
    for (let minute = 10; minute <= 12 * 60; minute += 10) {
      clock.set(new Date(Date.parse('2026-11-28T09:00:00Z') + minute * 60_000).toISOString());
      expect(await bram.call('settings.snapshot', {}), `after ${minute} minutes`).toMatchObject({ ok: true });
    }
    clock.set('2026-11-28T21:00:01Z');
    expect(await bram.call('settings.snapshot', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await app.close();
  });
});

describe('only what the user does counts as activity (item 3)', () => {
  it('the sync badge polling every 30 s does not keep an idle window signed in', async () => {
    const { app, anna, bram, clock } = await shopWithBram();
    await anna.call('settings.write', { group: 'backoffice', changes: { idleTimeoutMinutes: 10 } });
    const start = Date.parse('2026-11-28T09:00:00Z');
    for (let seconds = 30; seconds <= 10 * 60; seconds += 30) {
      clock.set(new Date(start + seconds * 1000).toISOString());
      expect(await bram.call('sync.status', {})).toMatchObject({ ok: true });
    }
    clock.set(new Date(start + 10 * 60_000 + 1000).toISOString());
    expect(await bram.call('sync.status', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await app.close();
  });
});

describe('the idle sign-out is set by who manages the users (item 8)', () => {
  it('a Store administrator may arrange the dashboard but not lengthen everyone\'s idle time', async () => {
    const { app, anna, bram, bramId } = await shopWithBram();
    await anna.call('lists.update', { collection: 'users', id: bramId, changes: { role: 'storeAdministrator' } });
    expect(await bram.call('settings.write', { group: 'backoffice', changes: { idleTimeoutMinutes: 480 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(app.services.settings.readGroup('backoffice')).toMatchObject({ ok: true, value: { values: { idleTimeoutMinutes: 15 } } });
    expect(await anna.call('settings.write', { group: 'backoffice', changes: { idleTimeoutMinutes: 30 } })).toMatchObject({ ok: true });
    await app.close();
  });
});
