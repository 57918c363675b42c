import { describe, expect, it } from 'vitest';
import { collections, groupDefaults, groups } from './catalogue';
import { settingsTree } from './tree';
import type { TreeNode } from './types';

const flatten = (nodes: readonly TreeNode[]): TreeNode[] => nodes.flatMap((node) => [node, ...flatten(node.children ?? [])]);

describe('the settings catalogue', () => {
  it('has the 15 sections of DOMAIN.md in order, with their Dutch names', () => {
    expect(settingsTree.map((node) => node.label.nl)).toEqual([
      'BackOffice-instellingen',
      'Bedrijfsinformatie',
      'Bestelling',
      'Betalingsprovider',
      'E-mailinstellingen',
      'E-mailsjablonen',
      'Media-instellingen',
      'Productinstellingen',
      'Standaard verkoopkanalen',
      'StoreKeeper Payments',
      'Systeeminformatie',
      'Systeemgebruikers',
      'Verkoopkanaal-instellingen',
      'Verzendmethoden',
      'Webhooks',
    ]);
  });

  it('has the sub-sections of Bedrijfsinformatie, Bestelling and Media-instellingen', () => {
    const children = (key: string) => settingsTree.find((node) => node.key === key)?.children?.map((node) => node.label.nl);
    expect(children('company')).toEqual([
      'Algemene informatie',
      'Contactinformatie',
      'Factuurinformatie',
      'Zakelijke informatie',
      'Support',
      'BTW-informatie',
      'Reparatie-informatie',
      'Offerte-informatie',
    ]);
    expect(children('orders')).toEqual(['Bestellingen', 'Zendingen', 'Voorwaarden']);
    expect(children('media')).toEqual(['Afbeeldingen', 'Schapkaartjes', 'Bonprinter']);
  });

  it('opens something real from every leaf, and every group and list is in the tree exactly once', () => {
    const leaves = flatten(settingsTree).filter((node) => !node.children);
    for (const leaf of leaves) expect(leaf.content, leaf.key).toBeDefined();
    const opened = leaves.map((leaf) => leaf.content);
    expect(opened.filter((c) => c?.kind === 'group').map((c) => c?.kind === 'group' && c.group).sort()).toEqual(groups.map((g) => g.key).sort());
    expect(opened.filter((c) => c?.kind === 'list').map((c) => c?.kind === 'list' && c.collection).sort()).toEqual(
      collections.map((c) => c.key).sort(),
    );
  });

  it('has unique keys: tree nodes, groups, lists, and fields within each', () => {
    const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
    unique(flatten(settingsTree).map((node) => node.key));
    unique([...groups, ...collections].map((owner) => owner.key));
    for (const owner of [...groups, ...collections]) unique(owner.fields.map((field) => field.key));
  });

  it('labels every group, list and field in Dutch and English', () => {
    for (const owner of [...groups, ...collections]) {
      expect(owner.label.nl && owner.label.en).toBeTruthy();
      for (const field of owner.fields) {
        expect(field.label.nl, `${owner.key}.${field.key}`).not.toBe('');
        expect(field.label.en, `${owner.key}.${field.key}`).not.toBe('');
        for (const option of field.options ?? []) expect(option.label.nl && option.label.en).toBeTruthy();
      }
    }
  });

  it('keeps required company fields empty until the user fills them in: no made-up values (issue 11 item 20)', () => {
    for (const group of groups) {
      for (const field of group.fields.filter((f) => f.required)) expect(field.default, `${group.key}.${field.key}`).toBe('');
    }
    const values = groups.flatMap((group) => Object.values(groupDefaults(group)));
    expect(values.filter((value) => typeof value === 'string' && /example\.|voorbeeld|mijn winkel/i.test(value))).toEqual([]);
  });

  it('has one default VAT rate for products, in BTW-informatie (issue 11 item 22)', () => {
    const vatRateFields = groups.flatMap((group) => group.fields.filter((f) => /btw-tarief/i.test(f.label.nl) && /standaard/i.test(f.label.nl)).map((f) => `${group.key}.${f.key}`));
    expect(vatRateFields).toEqual(['company.vat.productVatRate']);
  });

  it('has a default for every setting that is valid under its own schema and unchanged by it', () => {
    for (const group of groups) {
      for (const [key, value] of Object.entries(groupDefaults(group))) {
        const field = group.fields.find((f) => f.key === key);
        if (field?.required && value === '') continue;
        const parsed = field?.schema.safeParse(value);
        expect(parsed?.success, `${group.key}.${key}`).toBe(true);
        expect(parsed?.data, `${group.key}.${key}`).toEqual(value);
      }
    }
  });

  it('gives new list items valid defaults for every field the user need not fill in', () => {
    for (const collection of collections) {
      for (const field of collection.fields.filter((f) => !f.required && !f.readOnly)) {
        expect(field.schema.safeParse(field.default).success, `${collection.key}.${field.key}`).toBe(true);
      }
    }
  });

  it('marks exactly the secrets as secure, and keeps no default value for them', () => {
    const secure = groups.flatMap((group) => group.fields.filter((f) => f.secure).map((f) => `${group.key}.${f.key}`));
    expect(secure.sort()).toEqual(['email.smtpPassword', 'orders.shipping.providerApiKey']);
    for (const group of groups) for (const field of group.fields.filter((f) => f.secure)) expect(field.default).toBeNull();
  });

  it('points every visible-if at a field of the same group, with a value that field can have', () => {
    for (const owner of [...groups, ...collections]) {
      for (const field of owner.fields.filter((f) => f.visibleIf)) {
        const target = owner.fields.find((f) => f.key === field.visibleIf?.field);
        expect(target, `${owner.key}.${field.key}`).toBeDefined();
        for (const value of field.visibleIf?.in ?? []) expect(target?.schema.safeParse(value).success, `${owner.key}.${field.key}`).toBe(true);
      }
    }
  });
});
