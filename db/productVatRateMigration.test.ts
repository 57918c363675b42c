import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/tempDir';
import { defaultMigrationsFolder, openDatabase, type LocalStore } from './open';

const tempDir = useTempDir();
const tag = 'one_product_vat_rate';

/** The committed migrations up to (not including) the one under test, as an older app shipped them. */
function migrationsBefore(dir: string): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(defaultMigrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag.endsWith(tag));
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

interface Stored {
  products?: Record<string, unknown>;
  vat?: Record<string, unknown>;
  history?: { id: string; field: string; value: string }[];
}

/** A shop's database from before the migration, opened by the current app. */
function upgrade(stored: Stored): LocalStore {
  const dir = tempDir();
  const file = path.join(dir, 'backoffice.sqlite');
  const old = openDatabase(file, { migrationsFolder: migrationsBefore(dir) });
  const put = old.sqlite.prepare("INSERT INTO records (collection, id, data, updated_at, updated_by) VALUES ('settings', ?, ?, '2026-11-01T10:00:00Z', 'Anna')");
  if (stored.products) put.run('products.defaults', JSON.stringify(stored.products));
  if (stored.vat) put.run('company.vat', JSON.stringify(stored.vat));
  const history = old.sqlite.prepare("INSERT INTO history (collection, record_id, field, old_value, new_value, at, by, origin) VALUES ('settings', ?, ?, '\"high\"', ?, '2026-11-01T10:00:00Z', 'Anna', 'local')");
  for (const row of stored.history ?? []) history.run(row.id, row.field, JSON.stringify(row.value));
  old.close();
  return openDatabase(file);
}

const data = (store: LocalStore, id: string) => {
  const row = store.sqlite.prepare("SELECT data FROM records WHERE collection = 'settings' AND id = ?").get(id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as Record<string, unknown>) : undefined;
};

describe('one default VAT rate for products (issue 11 item 22)', () => {
  it('moves a rate set only in Productinstellingen to BTW-informatie, with a history row', () => {
    const store = upgrade({ products: { vatRate: 'low', minimumStock: 3 }, history: [{ id: 'products.defaults', field: 'vatRate', value: 'low' }] });
    expect(data(store, 'company.vat')).toEqual({ productVatRate: 'low' });
    expect(data(store, 'products.defaults')).toEqual({ minimumStock: 3 });
    const moved = store.sqlite.prepare("SELECT old_value, new_value, by FROM history WHERE record_id = 'company.vat'").all();
    expect(moved).toEqual([{ old_value: '"high"', new_value: '"low"', by: 'Backoffice-update' }]);
    store.close();
  });

  it('keeps whichever of the two the shop changed last', () => {
    const productsLast = upgrade({
      products: { vatRate: 'zero' },
      vat: { productVatRate: 'low', shippingVatRate: 'low' },
      history: [{ id: 'company.vat', field: 'productVatRate', value: 'low' }, { id: 'products.defaults', field: 'vatRate', value: 'zero' }],
    });
    expect(data(productsLast, 'company.vat')).toEqual({ productVatRate: 'zero', shippingVatRate: 'low' });
    productsLast.close();

    const vatLast = upgrade({
      products: { vatRate: 'zero' },
      vat: { productVatRate: 'low' },
      history: [{ id: 'products.defaults', field: 'vatRate', value: 'zero' }, { id: 'company.vat', field: 'productVatRate', value: 'low' }],
    });
    expect(data(vatLast, 'company.vat')).toEqual({ productVatRate: 'low' });
    expect(data(vatLast, 'products.defaults')).toEqual({});
    expect(vatLast.sqlite.prepare("SELECT count(*) AS n FROM history WHERE by = 'Backoffice-update'").get()).toEqual({ n: 0 });
    vatLast.close();
  });

  it('changes nothing for a shop that never set the rate in Productinstellingen', () => {
    const store = upgrade({ vat: { productVatRate: 'low' } });
    expect(data(store, 'company.vat')).toEqual({ productVatRate: 'low' });
    expect(data(store, 'products.defaults')).toBeUndefined();
    store.close();
  });
});
