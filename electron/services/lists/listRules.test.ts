import { describe, expect, it } from 'vitest';
import { quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { commitChange } from '../store/records';

const tempDir = useTempDir();
const anna = { by: 'Anna', lang: 'nl' as const };
const value = <T>(result: { ok: true; value: T } | { ok: false }) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
};

describe('values no two items may share', () => {
  it('refuses a shipping method named like another in other letters, naming the field and the value', async () => {
    const app = quickBackofficeOn(tempDir());
    const lists = app.services.lists;
    value(lists.create('shippingMethods', { name: 'PostNL', priceInclVat: '6,95' }, anna));
    expect(lists.create('shippingMethods', { name: 'postnl', priceInclVat: '5,95' }, anna)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'name', reason: 'not_unique', message: expect.stringContaining('postnl') }] },
    });
    await app.close();
  });

  it('still lets an item be edited when it already shares its value with another (two workstations made them offline)', async () => {
    const app = quickBackofficeOn(tempDir());
    const ids = ['0193a0c4-0000-7000-8000-000000000001', '0193a0c4-0000-7000-8000-000000000002'];
    app.store.orm.transaction((tx) => {
      for (const id of ids) commitChange(tx, { collection: 'shippingMethods', id, before: {}, changes: { name: 'PostNL', priceInclVat: '6,95', orderKey: id === ids[0] ? 'a0' : 'a1' }, by: 'sync', origin: 'local', at: new Date() });
    });
    expect(app.services.lists.update('shippingMethods', ids[1]!, { priceInclVat: '7,25' }, anna)).toMatchObject({ ok: true, value: { values: { name: 'PostNL', priceInclVat: 725 } } });
    await app.close();
  });
});

describe('the default sales channel', () => {
  it('cannot be removed while there are other channels; the last channel can', async () => {
    const app = quickBackofficeOn(tempDir());
    const lists = app.services.lists;
    const shop = value(lists.create('salesChannels', { name: 'Webshop', orderNumberPrefix: 'W1', url: 'https://despaak.nl' }, anna));
    const store = value(lists.create('salesChannels', { name: 'Winkel', type: 'pos', orderNumberPrefix: 'S4' }, anna));
    expect(lists.remove('salesChannels', shop.id, anna)).toMatchObject({ ok: false, error: { fields: [{ field: 'isDefault', reason: 'channels.defaultRequired' }] } });
    value(lists.remove('salesChannels', store.id, anna));
    expect(lists.remove('salesChannels', shop.id, anna)).toEqual({ ok: true, value: null });
    await app.close();
  });

  it('a channel that is not the default can be switched off as default and removed freely', async () => {
    const app = quickBackofficeOn(tempDir());
    const lists = app.services.lists;
    value(lists.create('salesChannels', { name: 'Webshop', orderNumberPrefix: 'W1', url: 'https://despaak.nl' }, anna));
    const store = value(lists.create('salesChannels', { name: 'Winkel', type: 'pos', orderNumberPrefix: 'S4' }, anna));
    expect(lists.update('salesChannels', store.id, { isDefault: false, name: 'Winkel Utrecht' }, anna)).toMatchObject({ ok: true });
    expect(lists.remove('salesChannels', store.id, anna)).toEqual({ ok: true, value: null });
    await app.close();
  });
});

describe('the last active Administrator', () => {
  const setUp = async () => {
    const app = quickBackofficeOn(tempDir());
    const setup = await app.services.access.setup({ name: 'Anna', email: 'anna@despaak.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'De Spaak' }, 'nl');
    return { app, annaId: setup.ok ? setup.value.userId : '' };
  };

  it('is not spared by an inactive second Administrator, and the refusal names the field that was changed', async () => {
    const { app, annaId } = await setUp();
    const lists = app.services.lists;
    value(lists.create('users', { name: 'Bram', email: 'bram@despaak.nl', role: 'administrator', active: false }, anna));
    expect(lists.update('users', annaId, { role: 'fullUser' }, anna)).toMatchObject({ ok: false, error: { fields: [{ field: 'role', reason: 'users.lastAdministrator'}] } });
    expect(lists.remove('users', annaId, anna)).toMatchObject({ ok: false, error: { fields: [{ field: 'name', reason: 'users.lastAdministrator' }] } });
    await app.close();
  });

  it('may step down once another active Administrator exists; other users come and go freely', async () => {
    const { app, annaId } = await setUp();
    const lists = app.services.lists;
    const kees = value(lists.create('users', { name: 'Kees', email: 'kees@despaak.nl', role: 'fullUser' }, anna));
    expect(lists.update('users', kees.id, { active: false }, anna)).toMatchObject({ ok: true });
    expect(lists.remove('users', kees.id, anna)).toEqual({ ok: true, value: null });
    value(lists.create('users', { name: 'Bram', email: 'bram@despaak.nl', role: 'administrator' }, anna));
    expect(lists.update('users', annaId, { active: false }, anna)).toMatchObject({ ok: true, value: { values: { active: false } } });
    await app.close();
  });
});

describe('e-mail template texts', () => {
  it('checks every changed text, in both languages, and leaves unchanged ones alone', async () => {
    const app = quickBackofficeOn(tempDir());
    const lists = app.services.lists;
    const refused = lists.update('emailTemplates', 'orderConfirmation', { subjectEn: 'Order {{ order.numbr }}', bodyEn: 'Hi {{ klant }}' }, anna);
    expect(refused).toMatchObject({ ok: false, error: { fields: [{ field: 'subjectEn', reason: 'templates.unknownPlaceholder' }, { field: 'bodyEn', reason: 'templates.unknownPlaceholder' }] } });
    expect(lists.update('emailTemplates', 'orderConfirmation', { subjectNl: 'Bestelling {{ order.number }} ontvangen' }, anna)).toMatchObject({ ok: true });
    await app.close();
  });
});
