import { describe, expect, it } from 'vitest';
import { quickBackofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import type { AppEvents } from '../events';
import { createMemoryLogger } from '../logger';
import { commitChange } from '../store/records';

const tempDir = useTempDir();
const anna = { by: 'Anna', lang: 'nl' as const };
const annaEn = { by: 'Anna', lang: 'en' as const };
const value = <T>(result: { ok: true; value: T } | { ok: false }) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value;
};

/** The backend with what the windows hear of list changes. */
function listsOn() {
  const logger = createMemoryLogger();
  const app = quickBackofficeOn(tempDir(), { logger });
  const heard: AppEvents['records.changed'][] = [];
  app.events.subscribe((name, payload) => {
    if (name === 'records.changed') heard.push(payload as AppEvents['records.changed']);
  });
  const rows = (table: string) => (app.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { app, lists: app.services.lists, heard, rows, logger };
}

describe('the order a list is shown in', () => {
  it('payment and shipping methods in the order the shop gave them, new ones last; other lists by name, the Dutch way', async () => {
    const { app, lists } = listsOn();
    for (const name of ['Pinnen', 'Contant', 'iDEAL']) value(lists.create('paymentMethods', { nameNl: name, providerOptionId: 10 }, anna));
    expect(value(lists.list('paymentMethods')).map((item) => item.values.nameNl)).toEqual(['Pinnen', 'Contant', 'iDEAL']);
    for (const [name, prefix] of [['Zeeland', 'Z1'], ['amsterdam', 'A1'], ['Bol', 'B1']]) value(lists.create('salesChannels', { name, orderNumberPrefix: prefix, type: 'pos' }, anna));
    expect(value(lists.list('salesChannels')).map((item) => item.values.name)).toEqual(['amsterdam', 'Bol', 'Zeeland']);
    await app.close();
  });

  it('an item saved with a numeric position before order keys existed keeps its place, and a new item goes after it', async () => {
    const { app, lists } = listsOn();
    app.store.orm.transaction((tx) => {
      commitChange(tx, { collection: 'shippingMethods', id: '0193a0c4-0000-7000-8000-000000000002', before: {}, changes: { name: 'DHL', priceInclVat: '5,95', position: 1 }, by: 'oud', origin: 'local', at: new Date() });
      commitChange(tx, { collection: 'shippingMethods', id: '0193a0c4-0000-7000-8000-000000000001', before: {}, changes: { name: 'PostNL', priceInclVat: '6,95', position: 0 }, by: 'oud', origin: 'local', at: new Date() });
    });
    value(lists.create('shippingMethods', { name: 'Ophalen', priceInclVat: '0' }, anna));
    const shown = value(lists.list('shippingMethods'));
    expect(shown.map((item) => item.values.name)).toEqual(['PostNL', 'DHL', 'Ophalen']);
    expect(shown[0]?.values).not.toHaveProperty('position');
    expect(shown[0]?.orderKey).toEqual(expect.any(String));
    await app.close();
  });

  it('shows no order key on a list without an order, and never the order key among the values', async () => {
    const { app, lists } = listsOn();
    const channel = value(lists.create('salesChannels', { name: 'Webshop', orderNumberPrefix: 'W1', url: 'https://despaak.nl' }, anna));
    expect(channel.orderKey).toBeNull();
    const method = value(lists.create('paymentMethods', { nameNl: 'PayPal', providerOptionId: 138 }, anna));
    expect(method.orderKey).toEqual(expect.any(String));
    expect(method.values).not.toHaveProperty('orderKey');
    await app.close();
  });
});

describe('reordering', () => {
  it('is refused unless the ids are exactly the items of an ordered list, and then changes nothing', async () => {
    const { app, lists, rows } = listsOn();
    const ideal = value(lists.create('paymentMethods', { nameNl: 'iDEAL', providerOptionId: 10 }, anna));
    const paypal = value(lists.create('paymentMethods', { nameNl: 'PayPal', providerOptionId: 138 }, anna));
    const channel = value(lists.create('salesChannels', { name: 'Webshop', orderNumberPrefix: 'W1', url: 'https://despaak.nl' }, anna));
    const outbox = rows('outbox');
    for (const ids of [[paypal.id], [paypal.id, ideal.id, ideal.id], [paypal.id, paypal.id], [paypal.id, 'onbekend']]) {
      expect(lists.reorder('paymentMethods', ids, annaEn), ids.join()).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Payment methods is invalid.' } });
    }
    expect(lists.reorder('salesChannels', [channel.id], anna)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(rows('outbox')).toBe(outbox);
    expect(value(lists.list('paymentMethods')).map((item) => item.id)).toEqual([ideal.id, paypal.id]);
    await app.close();
  });
});

describe('calls about a list or an item that is not there', () => {
  it('names the unknown list, and the kind of item that no longer exists, in the user language', async () => {
    const { app, lists } = listsOn();
    const unknownList = { ok: false, error: { code: 'unknown_collection', message: 'There is no list called kleuren.' } };
    expect(lists.list('kleuren', 'en')).toEqual(unknownList);
    expect(lists.create('kleuren', {}, annaEn)).toEqual(unknownList);
    expect(lists.update('kleuren', 'x', {}, annaEn)).toEqual(unknownList);
    expect(lists.writeAsApp('kleuren', null, {}, annaEn)).toEqual(unknownList);
    expect(lists.remove('kleuren', 'x', annaEn)).toEqual(unknownList);
    expect(lists.reorder('kleuren', [], annaEn)).toEqual(unknownList);
    expect(lists.list('kleuren')).toMatchObject({ error: { message: 'Er bestaat geen lijst met de naam kleuren.' } });
    const gone = { ok: false, error: { code: 'unknown_record', message: 'Verzendmethode bestaat niet (meer); misschien is het net verwijderd.' } };
    expect(lists.update('shippingMethods', 'weg', { name: 'DHL' }, anna)).toEqual(gone);
    expect(lists.remove('shippingMethods', 'weg', anna)).toEqual(gone);
    expect(lists.resetTemplate('geenSjabloon', anna)).toEqual({ ok: false, error: { code: 'unknown_record', message: 'geenSjabloon bestaat niet (meer); misschien is het net verwijderd.' } });
    await app.close();
  });

  it('a deleted item cannot be edited or deleted again', async () => {
    const { app, lists } = listsOn();
    const dhl = value(lists.create('shippingMethods', { name: 'DHL', priceInclVat: '5,95' }, anna));
    value(lists.remove('shippingMethods', dhl.id, anna));
    expect(lists.update('shippingMethods', dhl.id, { name: 'DHL Express' }, anna)).toMatchObject({ ok: false, error: { code: 'unknown_record' } });
    expect(lists.remove('shippingMethods', dhl.id, anna)).toMatchObject({ ok: false, error: { code: 'unknown_record' } });
    expect(value(lists.list('shippingMethods'))).toEqual([]);
    await app.close();
  });

  it('the e-mail templates can be edited but not added to or removed from', async () => {
    const { app, lists } = listsOn();
    const fixed = { ok: false, error: { code: 'fixed_list', message: 'The e-mail templates are fixed; you can edit them but not add or remove them.' } };
    expect(lists.create('emailTemplates', { subjectNl: 'x' }, annaEn)).toEqual(fixed);
    expect(lists.remove('emailTemplates', 'orderConfirmation', annaEn)).toEqual(fixed);
    expect(value(lists.update('emailTemplates', 'orderConfirmation', { subjectNl: 'Uw bestelling {{ order.number }}' }, anna)).values).toMatchObject({ subjectNl: 'Uw bestelling {{ order.number }}', bodyNl: expect.stringContaining('{{') });
    await app.close();
  });

  it('a mutation id that made an item of another list is refused, and nothing is written', async () => {
    const { app, lists, rows } = listsOn();
    const mutationId = '0193a0c4-5b6e-7d2f-8a31-4c5d6e7f8091';
    value(lists.create('shippingMethods', { name: 'PostNL', priceInclVat: '6,95' }, anna, mutationId));
    const records = rows('records');
    expect(lists.create('paymentMethods', { nameNl: 'PayPal', providerOptionId: 138 }, annaEn, mutationId)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'mutationId is invalid.' } });
    expect(rows('records')).toBe(records);
    await app.close();
  });
});

describe('what a list change writes and tells', () => {
  it('an edit that changes nothing writes nothing and answers with the item as it is', async () => {
    const { app, lists, rows } = listsOn();
    const dhl = value(lists.create('shippingMethods', { name: 'DHL', priceInclVat: '5,95' }, anna));
    const before = { outbox: rows('outbox'), history: rows('history') };
    expect(value(lists.update('shippingMethods', dhl.id, { name: 'DHL' }, { by: 'Bram', lang: 'nl' }))).toMatchObject({ id: dhl.id, values: { name: 'DHL' }, updatedBy: 'Anna' });
    expect({ outbox: rows('outbox'), history: rows('history') }).toEqual(before);
    await app.close();
  });

  it('tells the windows the one changed item, the removed id, or only the list when more changed', async () => {
    const { app, lists, heard } = listsOn();
    const dhl = value(lists.create('shippingMethods', { name: 'DHL', priceInclVat: '5,95' }, anna));
    const postnl = value(lists.create('shippingMethods', { name: 'PostNL', priceInclVat: '6,95' }, anna));
    value(lists.remove('shippingMethods', dhl.id, anna));
    value(lists.reorder('shippingMethods', [postnl.id], anna));
    const shop = value(lists.create('salesChannels', { name: 'Webshop', orderNumberPrefix: 'W1', url: 'https://despaak.nl' }, anna));
    value(lists.create('salesChannels', { name: 'Winkel', type: 'pos', orderNumberPrefix: 'S4', isDefault: true }, anna));
    expect(lists.update('shippingMethods', postnl.id, { name: '' }, anna).ok).toBe(false);
    expect(heard).toEqual([
      { collection: 'shippingMethods', by: 'Anna', item: dhl },
      { collection: 'shippingMethods', by: 'Anna', item: postnl },
      { collection: 'shippingMethods', by: 'Anna', removed: dhl.id },
      { collection: 'shippingMethods', by: 'Anna' },
      { collection: 'salesChannels', by: 'Anna', item: shop },
      // The new default took the flag from the webshop: two items changed, so the windows read the list.
      { collection: 'salesChannels', by: 'Anna' },
    ]);
    await app.close();
  });

  it('logs a removal with the list, the item and who removed it', async () => {
    const { app, lists, logger } = listsOn();
    const dhl = value(lists.create('shippingMethods', { name: 'DHL', priceInclVat: '5,95' }, anna));
    value(lists.remove('shippingMethods', dhl.id, anna));
    const logged = logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.event === 'lists.removed');
    expect(logged).toEqual([expect.objectContaining({ collection: 'shippingMethods', id: dhl.id, by: 'Anna' })]);
    await app.close();
  });

  it('the app itself can add an item through writeAsApp', async () => {
    const { app, lists } = listsOn();
    const made = value(lists.writeAsApp('paymentMethods', null, { nameNl: 'Klarna', providerOptionId: 1813, providerStatus: 'available' }, anna));
    expect(value(lists.list('paymentMethods'))).toEqual([expect.objectContaining({ id: made.id, values: expect.objectContaining({ nameNl: 'Klarna', providerStatus: 'available' }) })]);
    await app.close();
  });
});
