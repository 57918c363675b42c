import { describe, expect, it } from 'vitest';
import { templateKinds } from '../../../domain/lists/emailTemplates';
import { quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { renderTemplate } from '../templates/templateEngine';
import { decodeWebshopKey } from './webshopKey';

const tempDir = useTempDir();
const anna = { by: 'Anna', lang: 'nl' as const };
const count = (app: ReturnType<typeof quickBackofficeOn>, table: string) => (app.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const value = <T>(result: { ok: true; value: T } | { ok: false }) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
};

describe('lists', () => {
  it('creates, edits, reorders and deletes payment methods, each change one outbox mutation', () => {
    const app = quickBackofficeOn(tempDir());
    const lists = app.services.lists;
    const ideal = value(lists.create('paymentMethods', { nameNl: 'iDEAL', providerOptionId: 10 }, anna));
    const paypal = value(lists.create('paymentMethods', { nameNl: 'PayPal', providerOptionId: 138 }, anna));
    expect(count(app, 'outbox')).toBe(2);
    expect(value(lists.update('paymentMethods', ideal.id, { nameNl: 'iDEAL | Wero', active: false }, anna)).values).toMatchObject({ nameNl: 'iDEAL | Wero', active: false, type: 'web' });
    expect(value(lists.reorder('paymentMethods', [paypal.id, ideal.id], anna)).map((item) => item.values.nameNl)).toEqual(['PayPal', 'iDEAL | Wero']);
    expect(value(lists.remove('paymentMethods', paypal.id, anna))).toBeNull();
    expect(value(lists.list('paymentMethods')).map((item) => item.values.nameNl)).toEqual(['iDEAL | Wero']);
    // Two creates, one edit, one reorder that moves PayPal alone (its order key), one delete.
    expect(count(app, 'outbox')).toBe(5);
    void app.close();
  });

  it('answers a retried create with the item made the first time and creates nothing more', () => {
    const app = quickBackofficeOn(tempDir());
    const lists = app.services.lists;
    const mutationId = '0193a0c4-5b6e-7d2f-8a31-4c5d6e7f8091';
    const first = value(lists.create('shippingMethods', { name: 'PostNL', priceInclVat: '6,95' }, anna, mutationId));
    const before = { outbox: count(app, 'outbox'), history: count(app, 'history'), records: count(app, 'records') };
    const again = value(lists.create('shippingMethods', { name: 'PostNL', priceInclVat: '6,95' }, anna, mutationId));
    expect(again).toEqual(first);
    expect({ outbox: count(app, 'outbox'), history: count(app, 'history'), records: count(app, 'records') }).toEqual(before);
    expect(value(lists.list('shippingMethods'))).toHaveLength(1);
    expect((app.store.sqlite.prepare('SELECT mutation_id AS id FROM outbox').get() as { id: string }).id).toBe(mutationId);
    void app.close();
  });

  it('refuses a new item without its required fields, for every list a user can add to', () => {
    const app = quickBackofficeOn(tempDir());
    const required: Record<string, string[]> = {
      paymentMethods: ['nameNl'],
      users: ['name', 'email'],
      salesChannels: ['name'],
      shippingMethods: ['name'],
      webhooks: ['salesChannelId', 'webhookUrl'],
    };
    for (const [collection, fields] of Object.entries(required)) {
      const refused = app.services.lists.create(collection, {}, anna);
      expect(refused, collection).toMatchObject({ ok: false, error: { code: 'invalid' } });
      const named = refused.ok ? [] : (refused.error.fields ?? []).filter((error) => error.reason === 'required').map((error) => error.field);
      expect(named, collection).toEqual(expect.arrayContaining(fields));
    }
    expect(count(app, 'records') + count(app, 'outbox')).toBe(0);
    void app.close();
  });

  it('refuses invalid input with the field and reason and changes nothing', () => {
    const app = quickBackofficeOn(tempDir());
    const before = count(app, 'outbox') + count(app, 'history') + count(app, 'records');
    expect(app.services.lists.create('shippingMethods', { name: '', priceInclVat: '12,999' }, anna)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'name', reason: 'required' }, { field: 'priceInclVat', reason: 'money.invalid' }] },
    });
    expect(count(app, 'outbox') + count(app, 'history') + count(app, 'records')).toBe(before);
    void app.close();
  });

  it('keeps exactly one default sales channel and unique order number prefixes', () => {
    const app = quickBackofficeOn(tempDir());
    const lists = app.services.lists;
    const shop = value(lists.create('salesChannels', { name: 'Webshop', orderNumberPrefix: 'w1', url: 'https://despaak.nl' }, anna));
    expect(shop.values).toMatchObject({ isDefault: true, orderNumberPrefix: 'W1' });
    const store = value(lists.create('salesChannels', { name: 'Winkel Utrecht', type: 'pos', orderNumberPrefix: 'S4' }, anna));
    expect(lists.create('salesChannels', { name: 'Bol', type: 'marketplace', orderNumberPrefix: 's4' }, anna)).toMatchObject({ ok: false, error: { fields: [{ field: 'orderNumberPrefix', reason: 'not_unique' }] } });
    expect(lists.update('salesChannels', shop.id, { isDefault: false }, anna)).toMatchObject({ ok: false, error: { fields: [{ reason: 'channels.defaultRequired' }] } });
    value(lists.update('salesChannels', store.id, { isDefault: true }, anna));
    const defaults = value(lists.list('salesChannels')).map((item) => [item.values.name, item.values.isDefault]);
    expect(defaults).toEqual([['Webshop', false], ['Winkel Utrecht', true]]);
    void app.close();
  });

  it("refuses a user's edit of what the payment provider said, which only Sync betalingsprovider records", async () => {
    const app = quickBackofficeOn(tempDir());
    const method = value(app.services.lists.create('paymentMethods', { nameNl: 'PayPal', providerOptionId: 138 }, anna));
    expect(app.services.lists.update('paymentMethods', method.id, { providerStatus: 'available' }, anna)).toMatchObject({ ok: false, error: { fields: [{ field: 'providerStatus', reason: 'read_only' }] } });
    expect(app.services.lists.writeAsApp('paymentMethods', method.id, { providerStatus: 'dropped' }, anna)).toMatchObject({ ok: true, value: { values: { providerStatus: 'dropped' } } });
    await app.close();
  });

  it('removes a deleted sales channel from the default channels, from users and from the channels a payment method is offered on', async () => {
    const app = quickBackofficeOn(tempDir());
    const lists = app.services.lists;
    const shop = value(lists.create('salesChannels', { name: 'Webshop', orderNumberPrefix: 'W1', url: 'https://despaak.nl' }, anna));
    const store = value(lists.create('salesChannels', { name: 'Winkel', type: 'pos', orderNumberPrefix: 'S4' }, anna));
    expect(app.services.settings.writeGroup('salesChannels.defaults', { publishOn: [shop.id, store.id] }, anna).ok).toBe(true);
    value(lists.create('users', { name: 'Kees', email: 'kees@despaak.nl', role: 'juniorCashier', stores: [store.id] }, anna));
    value(lists.create('paymentMethods', { nameNl: 'Pinnen', providerOptionId: 1927, offeredOn: [shop.id, store.id] }, anna));
    value(lists.remove('salesChannels', store.id, anna));
    expect(value(lists.list('paymentMethods'))[0]?.values.offeredOn).toEqual([shop.id]);
    expect(app.services.settings.readGroup('salesChannels.defaults')).toMatchObject({ ok: true, value: { values: { publishOn: [shop.id] } } });
    expect(value(lists.list('users'))[0]?.values.stores).toEqual([]);
    await app.close();
  });

  it('refuses choices that point at sales channels that do not exist', () => {
    const app = quickBackofficeOn(tempDir());
    expect(app.services.lists.create('users', { name: 'Kees', email: 'kees@despaak.nl', role: 'juniorCashier', stores: ['gone'] }, anna)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'stores', reason: 'unknown_item' }] },
    });
    expect(app.services.lists.create('webhooks', { salesChannelId: 'gone', webhookUrl: 'https://despaak.nl/hook' }, anna)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'salesChannelId', reason: 'unknown_item' }] },
    });
    void app.close();
  });

  it('never removes, demotes or deactivates the last active Administrator', async () => {
    const app = quickBackofficeOn(tempDir());
    const setup = await app.services.access.setup({ name: 'Anna', email: 'anna@despaak.nl', password: 'een lange zin als wachtwoord', backOfficeName: 'De Spaak' }, 'nl');
    const annaId = setup.ok ? setup.value.userId : '';
    const lists = app.services.lists;
    for (const attempt of [lists.update('users', annaId, { role: 'generalManager' }, anna), lists.update('users', annaId, { active: false }, anna), lists.remove('users', annaId, anna)]) {
      expect(attempt).toMatchObject({ ok: false, error: { fields: [{ reason: 'users.lastAdministrator' }] } });
    }
    expect(lists.create('users', { name: 'Dubbel', email: 'ANNA@despaak.nl', role: 'fullUser' }, anna)).toMatchObject({ ok: false, error: { fields: [{ field: 'email', reason: 'not_unique' }] } });
    const bram = value(lists.create('users', { name: 'Bram', email: 'bram@despaak.nl', role: 'administrator' }, anna));
    expect(lists.update('users', annaId, { role: 'generalManager' }, anna).ok).toBe(true);
    expect(lists.remove('users', bram.id, anna)).toMatchObject({ ok: false, error: { fields: [{ reason: 'users.lastAdministrator' }] } });
    await app.close();
  });

  it('sets a password and a PIN for a user, refusing short ones', async () => {
    const app = quickBackofficeOn(tempDir());
    const kees = value(app.services.lists.create('users', { name: 'Kees', email: 'kees@despaak.nl', role: 'fullUser' }, anna));
    expect(await app.services.access.setCredential(kees.id, 'password', 'kort', 'nl')).toMatchObject({ ok: false, error: { fields: [{ reason: 'password.tooShort' }] } });
    expect(await app.services.access.setCredential(kees.id, 'pin', '12a4', 'nl')).toMatchObject({ ok: false, error: { fields: [{ reason: 'pin.format' }] } });
    expect(await app.services.access.setCredential(kees.id, 'password', 'fietsen repareren is leuk', 'nl')).toEqual({ ok: true, value: null });
    expect(await app.services.access.setCredential(kees.id, 'pin', '4711', 'nl')).toEqual({ ok: true, value: null });
    expect(app.services.access.credentialKinds()[kees.id]?.sort()).toEqual(['password', 'pin']);
    expect(await app.services.access.signIn({ email: 'kees@despaak.nl', password: 'fietsen repareren is leuk' }, 'nl')).toMatchObject({ ok: true });
    await app.close();
  });
});

describe('e-mail templates', () => {
  it('has every predefined template with its shipped Dutch and English text', () => {
    const app = quickBackofficeOn(tempDir());
    const templates = value(app.services.lists.list('emailTemplates'));
    expect(templates.map((item) => item.id)).toEqual(templateKinds.map((kind) => kind.key));
    for (const item of templates) {
      expect(item.values.subjectNl, item.id).not.toBe('');
      expect(item.values.bodyEn, item.id).not.toBe('');
    }
    expect(app.services.lists.create('emailTemplates', { subjectNl: 'x', bodyNl: 'y' }, anna)).toMatchObject({ ok: false, error: { code: 'fixed_list' } });
    void app.close();
  });

  it('refuses a placeholder the template does not offer, naming it, and resets to the shipped text', () => {
    const app = quickBackofficeOn(tempDir());
    const lists = app.services.lists;
    expect(lists.update('emailTemplates', 'orderConfirmation', { bodyNl: 'Bestelling {{ order.numbr }} is binnen.' }, anna)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'bodyNl', reason: 'templates.unknownPlaceholder', message: 'Tekst (Nederlands): de plaatshouder {{ order.numbr }} bestaat niet in dit sjabloon. Kies er een uit de lijst.' }] },
    });
    expect(lists.update('emailTemplates', 'orderConfirmation', { bodyNl: 'Kapot {% if %}' }, anna)).toMatchObject({ ok: false, error: { fields: [{ reason: 'templates.syntax' }] } });
    value(lists.update('emailTemplates', 'orderConfirmation', { subjectNl: 'Uw bestelling {{ order.number }} is binnen' }, anna));
    expect(value(lists.resetTemplate('orderConfirmation', anna)).values.subjectNl).toBe('Bevestiging van uw bestelling {{ order.number }}');
    void app.close();
  });

  it('renders sample data with HTML escaped', () => {
    expect(renderTemplate('Beste {{ customer.name }}', { 'customer.name': '<b>Jan</b> & Zn.' })).toBe('Beste &lt;b&gt;Jan&lt;/b&gt; &amp; Zn.');
    expect(renderTemplate('Bestelling {{ order.number }}')).toBe('Bestelling S4-10023');
  });

  it('offers sample data for every placeholder of every template', () => {
    for (const kind of templateKinds) for (const placeholder of kind.placeholders) expect(renderTemplate(`{{ ${placeholder} }}`), placeholder).not.toBe('');
  });
});

describe('webshop keys', () => {
  const encode = (content: unknown) => Buffer.from(JSON.stringify(content)).toString('base64');
  it('decodes the base64 JSON a webshop hands over and shows its URL', () => {
    expect(decodeWebshopKey(encode({ token: 'abcdef0123456789', webhook_url: 'https://shop.despaak.nl/storekeeper/webhook' }))).toEqual({
      ok: true,
      token: 'abcdef0123456789',
      webhookUrl: 'https://shop.despaak.nl/storekeeper/webhook',
    });
  });
  it('says what is wrong with a bad key', () => {
    expect(decodeWebshopKey('dit is geen sleutel!')).toEqual({ ok: false, reason: 'webhookKey.notBase64' });
    expect(decodeWebshopKey(Buffer.from('geen json maar tekst').toString('base64'))).toEqual({ ok: false, reason: 'webhookKey.notJson' });
    expect(decodeWebshopKey(encode({ token: 'abcdef0123456789' }))).toEqual({ ok: false, reason: 'webhookKey.fields' });
    expect(decodeWebshopKey(encode({ token: 'abcdef0123456789', webhook_url: 'javascript:alert(1)' }))).toEqual({ ok: false, reason: 'webhookUrl.notHttps' });
  });
});
