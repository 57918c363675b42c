import { describe, expect, it } from 'vitest';
import { hasPermission } from '../../domain/access/permissions';
import { roles, type RoleId } from '../../domain/lists/users';
import type { Session } from '../services/access/session';
import { createMemoryLogger } from '../services/logger';
import { backofficeOn } from '../../test/services';
import { useTempDir } from '../../test/tempDir';
import { call, defineTable, type Caller } from './define';
import { createDispatch } from './dispatch';
import { apiTable, type CallName } from './table';
import { z } from 'zod';
import { success } from '../../domain/result';

const tempDir = useTempDir();

function caller(session: Session | null = null): Caller & { bound: (string | null)[] } {
  const bound: (string | null)[] = [];
  return { session, bound, bindSession: (id) => bound.push(id) };
}

const as = (role: RoleId): Session => ({ id: `s-${role}`, userId: `u-${role}`, name: role, email: `${role}@winkel.nl`, role, lang: 'nl' });

/** A valid input for every call; the matrix test fails when a call is added without one. */
const samples: Record<CallName, unknown> = {
  'app.info': {},
  'app.logProblem': { problem: 'codeNotLoaded', detail: 'Failed to fetch dynamically imported module' },
  'preferences.get': {},
  'preferences.set': { key: 'lastSection', value: 'company.general' },
  'sync.status': {},
  'system.info': {},
  'system.diagnostics': {},
  'payments.snapshot': {},
  'printing.testReceipt': {},
  'carriers.testConnection': {},
  'access.state': {},
  'access.setup': { name: 'x', email: 'x', password: 'x', backOfficeName: 'x' },
  'access.signIn': { email: 'nobody@winkel.nl', password: 'x' },
  'access.signOut': {},
  'access.changePassword': { currentPassword: 'x', newPassword: 'y' },
  'settings.snapshot': {},
  'settings.read': { group: 'company.business' },
  'settings.write': { group: 'company.business', changes: { accountHolder: 'De Spaak bv' } },
  'settings.history': { group: 'company.business', field: 'accountHolder' },
  'attachments.upload': { group: 'company.general', field: 'logo', name: 'logo.png', data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' },
  'attachments.read': { hash: '0'.repeat(64) },
  'secrets.status': { purpose: 'settings:email.smtpPassword' },
  'secrets.set': { purpose: 'settings:email.smtpPassword', value: 'geheim-wachtwoord' },
  'secrets.clear': { purpose: 'settings:email.smtpPassword' },
  'lists.list': { collection: 'paymentMethods' },
  'lists.create': { collection: 'paymentMethods', values: { nameNl: 'iDEAL' } },
  'lists.update': { collection: 'paymentMethods', id: 'x', changes: {} },
  'lists.remove': { collection: 'paymentMethods', id: 'x' },
  'lists.reorder': { collection: 'paymentMethods', ids: [] },
  'paymentMethods.sync': {},
  'paymentMethods.lastSync': {},
  'reports.sales': { firstDay: '2026-10-01', lastDay: '2026-10-31' },
  'reports.cachedSales': {},
  'users.credentials': {},
  'users.setPassword': { userId: 'x', password: 'x' },
  'users.setPin': { userId: 'x', pin: '1' },
  'users.create': { values: { name: 'Kees', email: 'kees@winkel.nl', role: 'fullUser' }, password: 'x' },
  'templates.preview': { kind: 'invoice', subject: 'Factuur', body: 'Beste {{ customer.name }}' },
  'templates.reset': { kind: 'invoice' },
  'webhooks.keychain': {},
  'webhooks.inspectKey': { apiKey: 'x' },
  'webhooks.add': { salesChannelId: 'x', apiKey: 'x' },
  'webhooks.connect': { id: '00000000-0000-4000-8000-000000000000' },
  'webhooks.disconnect': { id: '00000000-0000-4000-8000-000000000000' },
  'webhooks.deliveries': { id: '00000000-0000-4000-8000-000000000000' },
  'webhooks.remove': { id: '00000000-0000-4000-8000-000000000000' },
  'payments.refresh': {},
  'sync.now': {},
  'sync.pair': { cloudUrl: 'https://cloud.despaak.nl', code: 'x' },
  'sync.unpair': {},
  'sync.pairNewWorkstation': { cloudUrl: 'https://cloud.despaak.nl', code: 'x' },
  'sync.firstPull': {},
  'sync.conflicts': {},
  'sync.resolveConflict': { id: 1, choice: { choose: 'theirs' } },
  'sync.rejected': {},
  'sync.discardRejected': { mutationId: '00000000-0000-4000-8000-000000000000' },
  'sync.reviseRejected': { mutationId: '00000000-0000-4000-8000-000000000000', changes: {} },
  'mail.sendTest': { to: 'anna@despaak.nl' },
  'mail.sendSample': { kind: 'invoice', to: 'anna@despaak.nl', subject: 'Factuur', body: 'Beste {{ customer.name }}' },
  'mail.list': {},
  'mail.resend': { id: 1 },
  'mail.discard': { id: 1 },
  'policy.state': {},
};

describe('dispatch', () => {
  it('refuses unknown calls, bad input and missing sessions with Dutch messages', async () => {
    const app = backofficeOn(tempDir());
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    expect(await dispatch('settings.drop', {}, caller())).toEqual({ ok: false, error: { code: 'unknown_call', message: 'Onbekende opdracht: settings.drop.' } });
    expect(await dispatch('toString', {}, caller())).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await dispatch('settings.read', { group: 'nope' }, caller(as('administrator')))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ field: 'group', reason: 'invalid_option' }] },
    });
    expect(await dispatch('settings.read', { group: 'company.general' }, caller())).toEqual({
      ok: false,
      error: { code: 'not_signed_in', message: 'U bent niet (meer) aangemeld. Meld u opnieuw aan.' },
    });
    await app.close();
  });

  it('refuses a call the role may not make, naming the role and what was refused', async () => {
    const app = backofficeOn(tempDir());
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    expect(await dispatch('settings.write', { group: 'company.general', changes: { companyName: 'X' } }, caller(as('fullUser')))).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Als Volledige gebruiker mag u de Bedrijfsinformatie niet wijzigen. Vraag een Administrator om toegang.' },
    });
    expect(app.services.settings.readGroup('company.general')).toMatchObject({ ok: true, value: { updatedBy: null } });
    await app.close();
  });

  it('binds the session on sign-in and shows only the groups a role may see', async () => {
    const app = backofficeOn(tempDir());
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    const first = caller();
    const setup = await dispatch('access.setup', { name: 'Anna', email: 'anna@winkel.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'De Spaak' }, first);
    expect(setup).toMatchObject({ ok: true, value: { name: 'Anna', role: 'administrator' } });
    expect(setup.ok && 'id' in (setup.value as object)).toBe(false);
    expect(first.bound).toHaveLength(1);
    expect(app.services.access.session(first.bound[0])).toMatchObject({ name: 'Anna' });

    const snapshot = await dispatch('settings.snapshot', {}, caller(as('webshopManager')));
    expect(Object.keys(snapshot.ok ? (snapshot.value as object) : {}).sort()).toEqual(['media.images', 'media.receiptPrinter', 'media.shelfLabels', 'orders.processing', 'orders.shipping', 'orders.terms', 'products.defaults', 'salesChannels.defaults']);
    await app.close();
  });

  it('refuses a user made as a plain list item, which would have no password; users.create makes one that can sign in', async () => {
    const app = backofficeOn(tempDir());
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    const kees = { name: 'Kees', email: 'kees@winkel.nl', role: 'fullUser' };
    expect(await dispatch('lists.create', { collection: 'users', values: kees }, caller(as('administrator')))).toMatchObject({
      ok: false,
      error: { code: 'user_needs_password', message: expect.stringContaining('eerste wachtwoord') },
    });
    const users = () => app.services.lists.list('users', 'nl');
    expect(users()).toMatchObject({ ok: true, value: [] });
    expect(await dispatch('users.create', { values: kees, password: 'een lange zin als wachtwoord' }, caller(as('administrator')))).toMatchObject({ ok: true });
    expect(await dispatch('access.signIn', { email: 'kees@winkel.nl', password: 'een lange zin als wachtwoord' }, caller())).toMatchObject({ ok: true, value: { name: 'Kees' } });
    await app.close();
  });

  it('enforces the permission matrix for every call and every role', async () => {
    const app = backofficeOn(tempDir());
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    expect(Object.keys(samples).sort()).toEqual(Object.keys(apiTable).sort());
    for (const name of Object.keys(apiTable) as CallName[]) {
      const def = apiTable[name];
      const input = def.input.parse(samples[name]);
      const requirement = typeof def.permission === 'function' ? (def.permission as (i: unknown) => string)(input) : def.permission;
      for (const role of roles.map((r) => r.value)) {
        const result = await dispatch(name, samples[name], caller(as(role)));
        const allowed = requirement === 'public' || requirement === 'session' || hasPermission(role, requirement as never);
        const refused = !result.ok && result.error.code === 'forbidden';
        expect(refused, `${name} as ${role}`).toBe(!allowed);
      }
    }
    await app.close();
  });

  it('logs what a window says it could not load, before sign-in too, and refuses an unbounded text by its label', async () => {
    const logger = createMemoryLogger();
    const app = backofficeOn(tempDir(), { logger });
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger });
    const detail = 'Failed to fetch dynamically imported module: http://127.0.0.1:4000/assets/Shell-DSYNpHh9.js';
    expect(await dispatch('app.logProblem', { problem: 'codeNotLoaded', detail }, caller())).toEqual({ ok: true, value: null });
    expect(logger.lines.filter((line) => line.includes('renderer.codeNotLoaded')).map((line) => JSON.parse(line))).toMatchObject([{ level: 'error', detail }]);
    expect(await dispatch('app.logProblem', { problem: 'codeNotLoaded', detail: 'x'.repeat(301) }, caller())).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ field: 'detail', message: expect.stringContaining('Toelichting') }] },
    });
    expect(logger.lines.filter((line) => line.includes('renderer.'))).toHaveLength(1);
    await app.close();
  });

  it('refuses a table with a call defined twice at start-up', () => {
    const ping = call({ input: z.object({}), permission: 'public', run: () => success('pong') });
    expect(() => defineTable({ ping }, { ping })).toThrow('API call "ping" is defined twice');
  });
});
