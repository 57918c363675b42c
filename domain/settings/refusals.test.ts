import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { collections, fieldsOfRecord, findCollection, findGroup, groupDefaults, workstationFields } from './catalogue';
import type { GroupDef } from './types';
import { validateChange, validateNewItem, type Validation } from './validate';

/**
 * What the user reads when a settings form or the API refuses a value: one sentence per field,
 * naming the field by its label, for each kind of wrong input the form or an API client can send.
 */
const group = (key: string): GroupDef => {
  const found = findGroup(key);
  if (!found) throw new Error(`no group ${key}`);
  return found;
};
const list = (key: string) => {
  const found = findCollection(key);
  if (!found) throw new Error(`no list ${key}`);
  return found;
};
const nl = { lang: 'nl' as const };
const en = { lang: 'en' as const };

/** The messages of a refused change, or the values it would store. */
function messages(result: Validation): string[] {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.changes)}`);
  return result.errors.map((error) => error.message.replace(/\u00a0/g, ' '));
}
const change = (key: string, input: Record<string, unknown>, options: { lang: 'nl' | 'en' } = nl) =>
  validateChange(group(key), groupDefaults(group(key)), input, options);

describe('a value of the wrong type is refused with the field named', () => {
  it('text, number, whole number and on/off', () => {
    expect(messages(change('company.general', { companyName: 12 }))).toEqual(['Bedrijfsnaam moet tekst zijn.']);
    expect(messages(change('media.receiptPrinter', { drawerKick: 'ja' }))).toEqual(['Kassalade openen moet aan of uit staan.']);
    expect(messages(change('media.receiptPrinter', { port: '9100' }, en))).toEqual(['Port must be a number.']);
    // 91,5 days is not a payment term anyone can print on an invoice.
    expect(messages(change('company.billing', { paymentTermDays: 14.5 }))).toEqual(['Betalingstermijn moet een getal zijn.']);
  });

  it('a choice that is not offered, and an amount that is not an amount at all', () => {
    expect(messages(change('media.receiptPrinter', { paperWidth: '112' }))).toEqual(['Papierbreedte: kies een van de aangeboden mogelijkheden.']);
    expect(messages(change('backoffice', { dashboardWidgets: ['lowStock', 'horoscope'] }))).toEqual([
      'Dashboardwidgets: kies een van de aangeboden mogelijkheden.',
    ]);
    expect(messages(change('orders.shipping', { insuranceAmount: true }))).toEqual(['Verzekerd bedrag is ongeldig.']);
  });
});

describe('limits', () => {
  it('a number below its minimum names the minimum', () => {
    expect(messages(change('media.receiptPrinter', { port: 0 }))).toEqual(['Poort moet minstens 1 zijn.']);
    expect(change('media.receiptPrinter', { port: 1 }).ok).toBe(true);
  });

  it('a text one character over its maximum is refused, at the maximum it is kept', () => {
    expect(messages(change('company.general', { backOfficeName: 'x'.repeat(81) }))).toEqual(['Naam backoffice mag hoogstens 80 tekens hebben.']);
    expect(change('company.general', { backOfficeName: 'x'.repeat(80) })).toMatchObject({ ok: true, changes: { backOfficeName: 'x'.repeat(80) } });
    // Spaces around the name are not counted and not stored.
    expect(change('company.general', { backOfficeName: ` ${'x'.repeat(80)} ` })).toMatchObject({ ok: true, changes: { backOfficeName: 'x'.repeat(80) } });
  });

  it('a required text left empty or only spaces is refused; an optional one is stored empty', () => {
    expect(messages(change('company.general', { backOfficeName: '   ' }))).toEqual(['Naam backoffice is verplicht.']);
    const named = { ...groupDefaults(group('company.general')), companyName: 'De Spaak' };
    expect(validateChange(group('company.general'), named, { companyName: '  ' }, nl)).toMatchObject({ ok: true, changes: { companyName: '' } });
  });

  it('a receipt footnote line of exactly 48 characters fits, in any line', () => {
    const fits = `Bedankt!\r\n${'x'.repeat(48)}`;
    expect(change('company.repair', { receiptFootnote: fits }).ok).toBe(true);
    expect(messages(change('company.repair', { receiptFootnote: 'y'.repeat(49) }))).toEqual([
      'Voetnoot kwitantie: regel 1 is 49 tekens; op een bon van 80 mm passen er 48.',
    ]);
  });
});

describe('amounts', () => {
  it('reads "€ 12,-" and a number of cents, refuses a negative amount and text that is no amount', () => {
    expect(change('orders.shipping', { insuranceAmount: '€ 12,-' })).toMatchObject({ ok: true, changes: { insuranceAmount: 1200 } });
    expect(change('orders.shipping', { insuranceAmount: 4995 })).toMatchObject({ ok: true, changes: { insuranceAmount: 4995 } });
    expect(messages(change('orders.shipping', { insuranceAmount: -100 }))).toEqual(['Verzekerd bedrag mag niet negatief zijn.']);
    expect(messages(change('orders.shipping', { insuranceAmount: 'twaalf euro' }))).toEqual([
      'Verzekerd bedrag moet een bedrag in euro zijn met hoogstens 2 decimalen, bijvoorbeeld 12,50.',
    ]);
    expect(messages(change('orders.shipping', { insuranceAmount: 12.5 }))).toEqual([
      'Verzekerd bedrag moet een bedrag in euro zijn met hoogstens 2 decimalen, bijvoorbeeld 12,50.',
    ]);
  });

  it('quotes an ambiguous amount as typed, without the spaces around it', () => {
    expect(messages(change('orders.shipping', { insuranceAmount: ' 0.500 ' }))[0]).toMatch(/^Verzekerd bedrag: „0\.500” kan € 0,50 of € 500,00 betekenen/);
  });
});

describe('uploads', () => {
  /** A file in the blobs table as an upload field refers to it. */
  const file = (type: string, size: number) => ({ hash: 'a'.repeat(64), type, name: 'logo.png', size });

  it('a logo must be a PNG, JPEG or SVG image', () => {
    expect(messages(change('company.general', { logo: file('application/pdf', 1000) }))).toEqual(['Logo moet een PNG-, JPEG- of SVG-afbeelding zijn.']);
    expect(messages(change('company.general', { logo: 'data:image/png;base64,AAAA' }))).toEqual(['Logo moet een PNG-, JPEG- of SVG-afbeelding zijn.']);
    expect(change('company.general', { logo: file('image/png', 1000) })).toMatchObject({ ok: true, changes: { logo: file('image/png', 1000) } });
  });

  it('a receipt logo of 256 kB fits, a byte more does not; removing the logo is allowed', () => {
    expect(change('company.general', { logoMonochrome: file('image/png', 256 * 1024) }).ok).toBe(true);
    expect(messages(change('company.general', { logoMonochrome: file('image/png', 256 * 1024 + 1) }))).toEqual(['Zwart-witlogo voor bonprinter is te groot: hoogstens 256 kB.']);
    const withLogo = { ...groupDefaults(group('company.general')), logo: file('image/png', 1000) };
    expect(validateChange(group('company.general'), withLogo, { logo: '' }, nl)).toMatchObject({ ok: true, changes: { logo: null } });
    expect(validateChange(group('company.general'), withLogo, { logo: null }, nl)).toMatchObject({ ok: true, changes: { logo: null } });
  });
});

describe('fields the app keeps', () => {
  const webhooks = list('webhooks');
  const base = { salesChannelId: 'c1', webhookUrl: 'https://despaak.nl/hook' };

  it('the user cannot set a webhook status; the service recording the answer can', () => {
    expect(messages(validateChange(webhooks, {}, { ...base, status: 'connected' }, nl))).toEqual([
      'Status wordt door Backoffice bijgehouden en kan niet met de hand worden gewijzigd.',
    ]);
    expect(validateChange(webhooks, {}, { ...base, status: 'connected' }, { ...nl, allowReadOnly: true })).toMatchObject({ ok: true, changes: { status: 'connected' } });
  });

  it('a new webhook starts disconnected, without being refused for the status the user never typed', () => {
    const defaults = { salesChannelId: '', webhookUrl: '', status: 'disconnected', lastDeliveryAt: null, lastResponseCode: null };
    const created = validateNewItem(webhooks, defaults, base, nl);
    expect(created).toMatchObject({ ok: true, values: { ...base, status: 'disconnected', lastResponseCode: null } });
    // Created by the service, the starting status is part of what the new item records.
    expect(validateNewItem(webhooks, defaults, { ...base, lastResponseCode: '200' }, { ...nl, allowReadOnly: true })).toMatchObject({
      ok: true,
      values: { lastResponseCode: '200' },
      changes: { status: 'disconnected', lastResponseCode: '200' },
    });
  });

  it('a new item missing a required field is refused like one sent empty', () => {
    const users = list('users');
    const defaults = { name: '', email: '', role: 'juniorCashier', stores: [], active: true };
    expect(messages(validateNewItem(users, defaults, { name: 'Jan' }, nl))).toEqual(['E-mailadres (inlognaam) is verplicht.']);
    expect(messages(validateNewItem(users, { ...defaults, unknownOldField: 1 }, { name: 'Jan', email: 'jan@despaak.nl', stores: [''] }, nl))).toEqual([
      'Winkels is verplicht.',
    ]);
  });

  it('a webhook without a sales channel is refused with the channel named', () => {
    expect(messages(validateChange(webhooks, {}, { ...base, salesChannelId: '' }, en))).toEqual(['Sales channel is required.']);
  });
});

describe('rules over several fields are checked only when one of their fields changes', () => {
  it('an old minimum above the maximum does not block changing something else', () => {
    const products = group('products.defaults');
    const stored = { ...groupDefaults(products), minimumStock: 50, maximumStock: 10 };
    expect(validateChange(products, stored, { unlimitedStock: false }, nl).ok).toBe(true);
  });

  it('an old invoice number does not block changing the payment term', () => {
    const billing = group('company.billing');
    const stored = { ...groupDefaults(billing), nextInvoiceNumber: 120 };
    expect(validateChange(billing, stored, { paymentTermDays: 30 }, nl).ok).toBe(true);
  });
});

describe('schemas the catalogue may use', () => {
  // A group built here so every kind of refusal zod can give has its sentence, also for limits no
  // field of today's catalogue has (a minimum length, a minimum number of choices).
  const label = { nl: 'Proef', en: 'Sample' };
  const otherLabel = { nl: 'Ander', en: 'Other' };
  const owner = (schema: z.ZodType): GroupDef => ({
    key: 'sample',
    label,
    fields: [
      { key: 'value', kind: 'text', label, schema, default: '', required: false, secure: false, scope: 'shop' },
      { key: 'other', kind: 'number', label: otherLabel, schema: z.number(), default: 0, required: false, secure: false, scope: 'shop' },
      { key: 'note', kind: 'text', label: otherLabel, schema: z.string(), default: '', required: false, secure: false, scope: 'shop' },
    ],
    rules: [{ fields: ['value', 'other'], check: (values) => (values.value === 'rule' ? { field: 'elsewhere', reason: 'invalid' } : null) }],
    transitions: [{ fields: ['value', 'other'], check: (_before, after) => (after.value === 'old' ? { field: 'gone', reason: 'invalid' } : null) }],
  });
  const refused = (schema: z.ZodType, value: unknown) => messages(validateChange(owner(schema), {}, { value }, nl));

  it('each zod refusal reads as a sentence with its limit', () => {
    expect(refused(z.string().min(3), 'ab')).toEqual(['Proef moet minstens 3 tekens hebben.']);
    expect(refused(z.string().min(1), '')).toEqual(['Proef is verplicht.']);
    expect(refused(z.string().max(2), 'abc')).toEqual(['Proef mag hoogstens 2 tekens hebben.']);
    expect(refused(z.array(z.string()).min(2), ['a'])).toEqual(['Kies bij Proef minstens 2.']);
    expect(refused(z.array(z.string()).max(1), ['a', 'b'])).toEqual(['Bij Proef kunnen er hoogstens 1 gekozen worden.']);
    expect(refused(z.number().max(5), 6)).toEqual(['Proef mag hoogstens 5 zijn.']);
    expect(refused(z.literal('x'), 'y')).toEqual(['Proef: kies een van de aangeboden mogelijkheden.']);
    expect(refused(z.array(z.string()), 'a')).toEqual(['Proef is ongeldig.']);
  });

  it('a custom refusal with an unknown reason reads as "invalid", a known one keeps its numbers', () => {
    const custom = (params: Record<string, unknown> | undefined) =>
      z.string().superRefine((_value, ctx) => ctx.addIssue({ code: 'custom', message: 'x', params }));
    expect(refused(custom({ reason: 'no_such_reason' }), 'a')).toEqual(['Proef is ongeldig.']);
    expect(refused(custom(undefined), 'a')).toEqual(['Proef is ongeldig.']);
    expect(refused(custom({ reason: 'too_big', values: { max: 7 } }), 'a')).toEqual(['Proef mag hoogstens 7 zijn.']);
    expect(refused(custom({ reason: 'too_big' }), 'a')).toEqual(['Proef mag hoogstens {max} zijn.']);
  });

  it('a refusal on a field the group does not declare is named by its key', () => {
    expect(refused(z.string(), 'rule')).toEqual(['elsewhere is ongeldig.']);
    expect(refused(z.string(), 'old')).toEqual(['gone is ongeldig.']);
  });

  it('a field refused on its own is the only message: the rules over several fields wait for valid values', () => {
    expect(messages(validateChange(owner(z.string()), {}, { value: 'rule', other: 'twee' }, nl))).toEqual(['Ander moet een getal zijn.']);
  });

  it('the rules run when any one of their fields changes, and only then', () => {
    const sample = owner(z.string());
    expect(validateChange(sample, { value: 'old' }, { other: 2 }, nl).ok).toBe(false);
    expect(validateChange(sample, { value: 'rule' }, { other: 2 }, nl).ok).toBe(false);
    expect(validateChange(sample, { value: 'old' }, { note: 'x' }, nl).ok).toBe(true);
    expect(validateChange(sample, { value: 'rule' }, { note: 'x' }, nl).ok).toBe(true);
  });
});

describe('which fields a stored record has', () => {
  it('a settings group, a list, and nothing for what does not exist', () => {
    expect(fieldsOfRecord('settings', 'media.receiptPrinter').map((field) => field.key)).toContain('drawerKick');
    expect(fieldsOfRecord('users', 'u1').map((field) => field.key)).toEqual(['name', 'email', 'role', 'stores', 'active']);
    expect(fieldsOfRecord('settings', 'nope')).toEqual([]);
    expect(fieldsOfRecord('nope', 'x')).toEqual([]);
    expect(fieldsOfRecord('users', 'settings')).toBe(collections.find((c) => c.key === 'users')?.fields);
  });

  it('the receipt printer of this counter stays on this machine; shop settings do not', () => {
    expect([...workstationFields('settings', 'media.receiptPrinter')].sort()).toEqual(['codePage', 'cut', 'drawerKick', 'host', 'paperWidth', 'port']);
    // Asked twice, the same answer (kept after the first time).
    expect([...workstationFields('settings', 'media.receiptPrinter')]).toHaveLength(6);
    expect([...workstationFields('settings', 'media.shelfLabels')]).toEqual(['startAtLabel']);
    expect(workstationFields('settings', 'company.general').size).toBe(0);
    expect(workstationFields('users', 'u1').size).toBe(0);
    // A list item whose id happens to be a group's key is still a list item.
    expect(workstationFields('users', 'media.receiptPrinter').size).toBe(0);
  });
});
