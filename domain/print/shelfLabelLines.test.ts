import { describe, expect, it } from 'vitest';
import { buildShelfLabel, type LabelProduct } from './shelfLabel';
import { fitShelfLabel, wrapText, type LabelLayout, type MeasureText } from './shelfLabelLayout';

/** What is printed on a label, line by line, and where the barcode goes. */
const mmPerPt = 25.4 / 72;
const measure: MeasureText = (text, fontPt, bold) => text.length * fontPt * mmPerPt * (bold ? 0.6 : 0.55);
/** One millimetre a character: makes the widths in the wrapping tests easy to count. */
const perChar: MeasureText = (text) => text.length;
const all = { showUnitPrice: true, showBarcode: true, showSku: true, showBrand: true, showWasPrice: true };
const oil: LabelProduct = { name: 'Kettingolie', priceInclVat: 1299, wasPriceInclVat: 1499, ean: '8712345678906', sku: 'K-1', brand: 'Shimano', content: '100', unit: 'ml' };
const rules = { priceFontPt: 24, barModules: 95, leaveOutBarcode: false };
/** A Zebra 4 inch roll label, 101.6 × 50.8 mm at 203 dpi: room for everything. */
const zebra = { widthMm: 101.6, heightMm: 50.8, printerDpi: 203, xOnPageMm: 0 };
const layout = (product: LabelProduct, box = zebra, extra: Partial<typeof rules> = {}) => fitShelfLabel(buildShelfLabel(product, all), box, { ...rules, ...extra }, measure);
const bottom = (l: LabelLayout) => Math.max(...l.lines.map((line) => line.topMm + line.heightMm));

describe('a label with room for everything', () => {
  it('prints brand, bold name, was-price, bold price, unit price and SKU in that order and size', () => {
    const printed = layout(oil).lines.map((line) => [line.part, line.text.replace(/\u00a0/g, ' '), line.fontPt, line.bold]);
    expect(printed).toEqual([
      ['brand', 'Shimano', 6.5, false],
      ['name', 'Kettingolie', 8, true],
      ['wasPrice', '€ 14,99', 7, false],
      ['price', '€ 12,99', 24, true],
      ['unitPrice', '€ 129,90 per l', 6.5, false],
      ['sku', 'K-1', 6.5, false],
    ]);
  });

  it('puts a 12 mm barcode at the bottom and centres the text in the room above it', () => {
    const fitted = layout(oil);
    const code = fitted.barcode;
    if (!code) throw new Error('no barcode');
    expect(code.barHeightMm).toBe(12);
    expect(code.topMm + code.heightMm).toBeCloseTo(zebra.heightMm - fitted.paddingMm, 9);
    expect(code.heightMm).toBeCloseTo(12 + 9 * code.moduleMm, 9);
    const above = (fitted.lines[0]?.topMm ?? 0) - fitted.paddingMm;
    const below = code.topMm - 0.4 - bottom(fitted);
    expect(above).toBeGreaterThan(1);
    expect(above).toBeCloseTo(below, 9);
  });

  it('without a barcode the text is centred on the whole label', () => {
    const fitted = layout({ ...oil, ean: undefined });
    expect(fitted.barcode).toBeNull();
    expect((fitted.lines[0]?.topMm ?? 0) - fitted.paddingMm).toBeCloseTo(zebra.heightMm - fitted.paddingMm - bottom(fitted), 9);
  });

  it('leaves the code out when asked, without calling it missing', () => {
    expect(layout(oil, zebra, { leaveOutBarcode: true })).toMatchObject({ barcode: null, barcodeMissing: null });
  });

  it('has no unit-price line for a product sold per piece, and no brand, was-price or SKU lines it has none for', () => {
    const plain = layout({ name: 'Bel', priceInclVat: 995 });
    expect(plain.lines.map((line) => line.part)).toEqual(['name', 'price']);
  });
});

describe('the margin inside a label', () => {
  it('is 1 mm on labels lower than 30 mm and 1.5 mm from 30 mm up', () => {
    const box = (heightMm: number) => ({ widthMm: 60, heightMm, printerDpi: 300, xOnPageMm: 0 });
    expect(layout({ name: 'Bel', priceInclVat: 995 }, box(29.9)).paddingMm).toBe(1);
    expect(layout({ name: 'Bel', priceInclVat: 995 }, box(30)).paddingMm).toBe(1.5);
  });
});

describe('wrapping a name', () => {
  it('ignores spaces around and between words', () => {
    expect(wrapText('  Koffie   bonen  ', 20, 2, 8, false, perChar)).toEqual({ lines: ['Koffie bonen'], shortened: false });
  });

  it('a line that fits exactly stays one line', () => {
    expect(wrapText('Koffie bonen', 12, 2, 8, false, perChar)).toEqual({ lines: ['Koffie bonen'], shortened: false });
    expect(wrapText('Koffie bonen', 11, 2, 8, false, perChar)).toEqual({ lines: ['Koffie', 'bonen'], shortened: false });
  });

  it('breaks a word wider than the label where it stops fitting', () => {
    expect(wrapText('Arbeidsongeschiktheid', 10, 3, 8, false, perChar)).toEqual({ lines: ['Arbeidsong', 'eschikthei', 'd'], shortened: false });
  });

  it('ends the last line with "…" when words are left over, without a space before it', () => {
    expect(wrapText('abc d ef', 5, 1, 8, false, perChar)).toEqual({ lines: ['abc…'], shortened: true });
    expect(wrapText('aa bb cc dd', 5, 2, 8, false, perChar)).toEqual({ lines: ['aa bb', 'cc dd'], shortened: false });
  });
});
