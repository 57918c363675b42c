import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../services/access/session';
import { policyActor } from '../services/policy/applyPolicy';
import { backofficeOn } from '../../test/services';
import { useTempDir } from '../../test/tempDir';
import type { Caller } from './define';
import { createDispatch } from './dispatch';
import { policyRefusal } from './policyCheck';
import { apiTable } from './table';

const tempDir = useTempDir();

const administrator: Caller = {
  session: { id: 's-admin', userId: 'u-admin', name: 'Anna', email: 'anna@winkel.nl', role: 'administrator', lang: 'nl' } satisfies Session,
  bindSession: () => undefined,
};

function shopWithPolicy(document: unknown) {
  const dir = tempDir();
  const policyFile = path.join(dir, 'policy.json');
  fs.writeFileSync(policyFile, JSON.stringify(document));
  const app = backofficeOn(dir, { policyFile });
  return { app, policyFile, dispatch: createDispatch({ table: apiTable, services: app.services, logger: app.logger }) };
}

describe('policy in dispatch', () => {
  it('refuses a write to a locked field, naming it by its label, and changes nothing', async () => {
    const { app, dispatch } = shopWithPolicy({ settings: { 'company.business.vatId': 'NL004495445B01' } });
    const refused = await dispatch('settings.write', { group: 'company.business', changes: { vatId: 'NL002455799B11', accountHolder: 'De Spaak' } }, administrator);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'locked_by_policy',
        message: 'Btw-identificatienummer wordt beheerd door uw organisatie en kan hier niet worden gewijzigd.',
        fields: [{ field: 'vatId', reason: 'locked_by_policy', message: 'Btw-identificatienummer wordt beheerd door uw organisatie en kan hier niet worden gewijzigd.' }],
      },
    });
    const group = app.services.settings.readGroup('company.business');
    expect(group.ok && group.value.values).toMatchObject({ vatId: 'NL004495445B01', accountHolder: '' });
    expect(group.ok && group.value.updatedBy).toBe(policyActor);
    expect(await dispatch('settings.write', { group: 'company.business', changes: { accountHolder: 'De Spaak' } }, administrator)).toMatchObject({ ok: true });
    await app.close();
  });

  it('puts the policy value back when anything else (a pull, an import) overwrites it', async () => {
    const { app } = shopWithPolicy({ settings: { 'company.business.vatId': 'NL004495445B01' } });
    app.services.settings.writeGroup('company.business', { vatId: 'NL002455799B11' }, { by: 'cloud', lang: 'nl' });
    const group = app.services.settings.readGroup('company.business');
    expect(group.ok && group.value.values.vatId).toBe('NL004495445B01');
    // A pull writes the records itself and then announces that any group may have changed.
    const pulled = app.store.sqlite
      .prepare("UPDATE records SET data = json_set(data, '$.vatId', 'NL002455799B11') WHERE collection = 'settings' AND id = 'company.business'")
      .run();
    expect(pulled.changes).toBe(1);
    app.events.emit('settings.changed', { group: '*', by: 'sync' });
    const afterPull = app.services.settings.readGroup('company.business');
    expect(afterPull.ok && afterPull.value.values.vatId).toBe('NL004495445B01');
    await app.close();
  });

  it('refuses pairing with another cloud than the one IT fixed, before and after setup', async () => {
    const { app, dispatch } = shopWithPolicy({ cloudUrl: 'https://cloud.winkel.nl' });
    const refusal = { ok: false, error: { code: 'locked_by_policy', message: 'Cloudadres wordt beheerd door uw organisatie en kan hier niet worden gewijzigd.' } };
    expect(await dispatch('sync.pairNewWorkstation', { cloudUrl: 'https://elders.example.com', code: '123456' }, { session: null, bindSession: () => undefined })).toMatchObject(refusal);
    expect(await dispatch('sync.pair', { cloudUrl: 'https://elders.example.com', code: '123456' }, administrator)).toMatchObject(refusal);
    await app.close();
  });

  it('refuses switched-off features whoever asks, and only those', async () => {
    const { app, dispatch } = shopWithPolicy({ disabledFeatures: ['diagnosticsExport', 'receiptPrinterTest', 'addUsers'] });
    expect(await dispatch('system.diagnostics', {}, administrator)).toEqual({
      ok: false,
      error: { code: 'disabled_by_policy', message: 'Diagnose exporteren is uitgeschakeld door uw organisatie.' },
    });
    expect(await dispatch('printing.testReceipt', {}, administrator)).toMatchObject({ ok: false, error: { code: 'disabled_by_policy' } });
    expect(await dispatch('lists.create', { collection: 'users', values: { name: 'Piet', email: 'piet@winkel.nl', role: 'fullUser' } }, administrator)).toMatchObject({
      ok: false,
      error: { code: 'disabled_by_policy', message: 'Gebruikers toevoegen is uitgeschakeld door uw organisatie.' },
    });
    expect(await dispatch('lists.create', { collection: 'salesChannels', values: { name: 'Winkel' } }, administrator)).not.toMatchObject({ error: { code: 'disabled_by_policy' } });
    expect(await dispatch('system.info', {}, administrator)).toMatchObject({ ok: true });
    await app.close();
  });

  it('holds the idle timeout to the maximum: lowers a longer one and refuses raising it', async () => {
    const dir = tempDir();
    const first = backofficeOn(dir);
    first.services.settings.writeGroup('backoffice', { idleTimeoutMinutes: 120 }, { by: 'Anna', lang: 'nl' });
    await first.close();
    const policyFile = path.join(dir, 'policy.json');
    fs.writeFileSync(policyFile, JSON.stringify({ maxIdleTimeoutMinutes: 30 }));
    const app = backofficeOn(dir, { policyFile });
    const dispatch = createDispatch({ table: apiTable, services: app.services, logger: app.logger });
    const group = app.services.settings.readGroup('backoffice');
    expect(group.ok && group.value.values.idleTimeoutMinutes).toBe(30);
    expect(await dispatch('settings.write', { group: 'backoffice', changes: { idleTimeoutMinutes: 60 } }, administrator)).toMatchObject({
      ok: false,
      error: { code: 'invalid', fields: [{ field: 'idleTimeoutMinutes', message: 'Automatisch afmelden na mag volgens het beleid van uw organisatie hoogstens 30 zijn.' }] },
    });
    expect(await dispatch('settings.write', { group: 'backoffice', changes: { idleTimeoutMinutes: 10 } }, administrator)).toMatchObject({ ok: true });
    await app.close();
  });

  it('lets a workstation pair only with the cloud IT fixed', async () => {
    const { app } = shopWithPolicy({ cloudUrl: 'https://cloud.winkel.nl' });
    expect(policyRefusal(app.services.policy, 'sync.pair', { cloudUrl: 'https://elders.example.com', code: '123456' }, 'nl')).toEqual({
      ok: false,
      error: {
        code: 'locked_by_policy',
        message: 'Cloudadres wordt beheerd door uw organisatie en kan hier niet worden gewijzigd.',
        fields: [{ field: 'cloudUrl', reason: 'locked_by_policy', message: 'Cloudadres wordt beheerd door uw organisatie en kan hier niet worden gewijzigd.' }],
      },
    });
    expect(policyRefusal(app.services.policy, 'sync.pair', { cloudUrl: 'https://cloud.winkel.nl/', code: '123456' }, 'nl')).toBeNull();
    await app.close();
  });

  it('shows the active policy and what was ignored to a signed-in user', async () => {
    const { app, dispatch, policyFile } = shopWithPolicy({ cloudUrl: 'https://cloud.winkel.nl', updateChannel: 'sometimes' });
    const state = await dispatch('policy.state', {}, administrator);
    expect(state).toMatchObject({
      ok: true,
      value: {
        cloudUrl: 'https://cloud.winkel.nl',
        updateChannel: 'stable',
        sources: [{ kind: 'file', where: policyFile, present: true }],
        problems: [{ key: 'updateChannel' }],
      },
    });
    expect(await dispatch('policy.state', {}, { session: null, bindSession: () => undefined })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await app.close();
  });
});
