import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { groups } from '../domain/settings/catalogue';
import { allPolicies, policyNameFor } from '../electron/services/policy/policyCatalogue';
import { policyTemplates } from './policyTemplates';

const folder = path.resolve(import.meta.dirname, '..', 'build', 'policies');
const committed = (file: string) => fs.readFileSync(path.join(folder, file), 'utf8');

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['policy', 'string', 'presentation', 'category'].includes(name) }).parse(xml);

/** Catalogue fields flagged policy-able, read straight from the catalogue rather than the policy module. */
const policyableFields = groups.flatMap((group) => group.fields.filter((field) => field.policy).map((field) => `${group.key}.${field.key}`));

describe('policy templates', () => {
  it('are committed exactly as the generator writes them (run `npm run policies:generate`)', () => {
    for (const [file, content] of Object.entries(policyTemplates())) expect(committed(file), file).toBe(content);
  });

  it('are well-formed XML', () => {
    for (const file of Object.keys(policyTemplates())) expect(XMLValidator.validate(committed(file)), file).toBe(true);
  });

  it('offer every policy-able catalogue field and every general policy in the ADMX', () => {
    expect(policyableFields).toContain('company.business.vatId');
    const admx = parse(committed('Backoffice.admx')).policyDefinitions;
    const names = (admx.policies.policy as { name: string; key: string }[]).map((policy) => policy.name);
    for (const key of policyableFields) expect(names, key).toContain(policyNameFor(key));
    expect(names.sort()).toEqual(allPolicies.map((policy) => policy.name).sort());
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(admx.policies.policy.map((policy: { key: string }) => policy.key))).toEqual(new Set(['Software\\Policies\\Backoffice']));
  });

  it('have a Dutch and an English text for every string and presentation the ADMX refers to', () => {
    const admxText = committed('Backoffice.admx');
    const strings = [...admxText.matchAll(/\$\(string\.([\w.]+)\)/g)].map((match) => match[1]);
    const presentations = [...admxText.matchAll(/\$\(presentation\.([\w.]+)\)/g)].map((match) => match[1]);
    for (const file of ['nl-NL/Backoffice.adml', 'en-US/Backoffice.adml']) {
      const resources = parse(committed(file)).policyDefinitionResources.resources;
      const ids = new Set((resources.stringTable.string as { id: string }[]).map((entry) => entry.id));
      const presentationIds = new Set((resources.presentationTable.presentation as { id: string }[]).map((entry) => entry.id));
      for (const id of strings) expect(ids.has(id as string), `${file}: string ${id}`).toBe(true);
      for (const id of presentations) expect(presentationIds.has(id as string), `${file}: presentation ${id}`).toBe(true);
    }
    expect(committed('nl-NL/Backoffice.adml')).toContain('<string id="CompanyBusinessVatId">Zakelijke informatie › Btw-identificatienummer</string>');
    expect(committed('en-US/Backoffice.adml')).toContain('<string id="CompanyBusinessVatId">Business information › VAT identification number</string>');
  });

  it('give the macOS profile every policy as a key of the nl.backoffice.app payload, with a value of its type', () => {
    const ordered = new XMLParser({ preserveOrder: true }).parse(committed('nl.backoffice.app.mobileconfig')) as Record<string, unknown[]>[];
    type Node = Record<string, Node[]> & { '#text'?: string };
    const plist = ordered.find((node) => 'plist' in node)?.plist as Node[];
    const dictEntries = (dict: Node[]) => {
      const entries = new Map<string, Node>();
      for (let i = 0; i < dict.length; i += 2) entries.set(String(dict[i]?.key?.[0]?.['#text']), dict[i + 1] as Node);
      return entries;
    };
    const profile = dictEntries(plist[0]?.dict as Node[]);
    expect(profile.get('PayloadType')?.string?.[0]?.['#text']).toBe('Configuration');
    const payload = dictEntries(profile.get('PayloadContent')?.array?.[0]?.dict as Node[]);
    expect(payload.get('PayloadType')?.string?.[0]?.['#text']).toBe('nl.backoffice.app');
    const tag = { string: 'string', number: 'integer', boolean: 'false' } as const;
    for (const policy of allPolicies) expect(Object.keys(payload.get(policy.name) ?? {}), policy.name).toEqual([tag[policy.type]]);
    for (const key of policyableFields) expect(payload.has(policyNameFor(key)), key).toBe(true);
  });
});
