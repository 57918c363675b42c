import Papa from 'papaparse';
import { describe as describeReason, type ReasonCode } from '../messages';
import { parseEuro } from '../money';
import type { Lang } from '../text';
import { checkEan13 } from './ean13';
import type { LabelProduct } from './shelfLabel';
import { contentUnits, type ContentUnit } from './unitPrice';

export interface CsvProblem {
  /** The line in the file, counting the header as line 1, as a spreadsheet shows it. */
  line: number;
  reason: ReasonCode;
  message: string;
}

export interface CsvImport {
  products: LabelProduct[];
  problems: CsvProblem[];
}

type Column = 'sku' | 'ean' | 'name' | 'price' | 'content' | 'unit' | 'brand';

/**
 * Reads a product list for shelf labels (sku, ean, name, price incl. VAT, content, unit, brand)
 * with papaparse, which handles quoting, `;` from Dutch Excel and a byte-order mark. A bad line
 * is reported with its line number and reason; the good lines are still usable.
 */
export function importProductCsv(text: string, lang: Lang): CsvImport {
  // Stryker disable next-line Regex: a byte-order mark occurs only at the start of a file, so the anchor changes nothing for a real file.
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!['name', 'price'].every((column) => fields.includes(column))) {
    return { products: [], problems: [{ line: 1, reason: 'csv.noHeader', message: describeReason('csv.noHeader', lang) }] };
  }
  const products: LabelProduct[] = [];
  const problems: CsvProblem[] = [];
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    const get = (column: Column) => (row[column] ?? '').trim();
    const fail = (reason: ReasonCode, label = '') => problems.push({ line, reason, message: `${lang === 'nl' ? 'Regel' : 'Line'} ${line}: ${describeReason(reason, lang, { label })}` });
    if (get('name') === '') return fail('csv.noName');
    const price = parseEuro(get('price'));
    if (price === null || price <= 0) return fail('price.missing');
    const ean = get('ean');
    if (ean !== '') {
      const checked = checkEan13(ean);
      if (!checked.ok) return fail(checked.reason, `EAN ${ean}`);
    }
    const unit = get('unit').toLowerCase();
    products.push({
      name: get('name'),
      priceInclVat: price,
      ...(ean ? { ean } : {}),
      ...(get('sku') ? { sku: get('sku') } : {}),
      ...(get('brand') ? { brand: get('brand') } : {}),
      ...(get('content') && (contentUnits as readonly string[]).includes(unit) ? { content: get('content'), unit: unit as ContentUnit } : {}),
    });
  });
  return { products, problems };
}
