import { describe, expect, it } from 'vitest';
import templatesJson from '../../resources/label-templates.json';
import { ean13MinWidthMm, ean13Size, minBarHeightMm } from './barcodeSize';
import { labelTemplate, type LabelTemplate } from './labelTemplates';
import { buildShelfLabel, type LabelProduct } from './shelfLabel';
import { fitShelfLabel, priceFloorPt, wrapText, type LabelLayout, type MeasureText } from './shelfLabelLayout';

const templates: LabelTemplate[] = labelTemplate.array().parse(templatesJson);
const template = (id: string) => templates.find((t) => t.id === id) as LabelTemplate;
const mmPerPt = 25.4 / 72;
/** Arial-like advance widths (digits are 0.556 em in Arial), a little wider when bold: enough to decide what fits. */
const measure: MeasureText = (text, fontPt, bold) => text.length * fontPt * mmPerPt * (bold ? 0.6 : 0.55);
const all = { showUnitPrice: true, showBarcode: true, showSku: true, showBrand: true, showWasPrice: true };
const product: LabelProduct = {
  name: 'Onderhoudsset voor elektrische fietsen met kettingolie, ontvetter en poetsdoeken',
  priceInclVat: 1_249_900,
  wasPriceInclVat: 1_399_900,
  ean: '8712345678906',
  sku: 'ART-00012',
  brand: 'Kaasboerderij Van der Heijden',
  content: '750',
  unit: 'ml',
};
const rules = { priceFontPt: 24, barModules: 95, leaveOutBarcode: false };
const fit = (t: LabelTemplate, p: LabelProduct = product, extra: Partial<typeof rules> = {}, xOnPageMm = t.marginLeftMm) =>
  fitShelfLabel(buildShelfLabel(p, all), { widthMm: t.labelWidthMm, heightMm: t.labelHeightMm, printerDpi: t.printerDpi, xOnPageMm }, { ...rules, ...extra }, measure);
const text = (layout: LabelLayout, part: string) => layout.lines.filter((l) => l.part === part).map((l) => l.text);

describe('shelf label layout on every shipped template', () => {
  it.each(templates.map((t) => [t.name, t] as const))('%s: price whole, name kept, unit price kept, everything inside the label', (_, t) => {
    const layout = fit(t);
    const inner = t.labelWidthMm - 2 * layout.paddingMm;
    expect(text(layout, 'price')).toEqual(['€ 12.499,00'.replace(' ', '\u00a0')]);
    expect(text(layout, 'unitPrice')).toHaveLength(1);
    const name = text(layout, 'name').join(' ');
    expect(name.length).toBeGreaterThan(3);
    expect(product.name.startsWith(name.replace(/…$/, '')) && (name.endsWith('…') || name === product.name)).toBe(true);
    for (const line of layout.lines) {
      expect(line.topMm, `${line.part} top`).toBeGreaterThanOrEqual(layout.paddingMm - 1e-9);
      expect(line.topMm + line.heightMm, `${line.part} bottom`).toBeLessThanOrEqual(t.labelHeightMm - layout.paddingMm + 1e-9);
      expect(measure(line.text, line.fontPt, line.bold), `${line.part} width`).toBeLessThanOrEqual(inner + 1e-9);
    }
    expect(layout.overfull).toBe(false);
    const code = layout.barcode;
    expect(code, 'a scannable barcode').not.toBeNull();
    if (!code) return;
    expect(code.leftMm).toBeGreaterThanOrEqual(0);
    expect(code.leftMm + code.widthMm).toBeLessThanOrEqual(t.labelWidthMm);
    expect(code.topMm + code.heightMm).toBeLessThanOrEqual(t.labelHeightMm - layout.paddingMm + 1e-9);
    expect(code.topMm).toBeGreaterThanOrEqual(Math.max(...layout.lines.map((l) => l.topMm + l.heightMm)) - 1e-9);
    expect(code.barHeightMm).toBeGreaterThanOrEqual(minBarHeightMm);
    expect(code.magnification).toBeGreaterThanOrEqual(0.8);
    expect(code.magnification).toBeLessThanOrEqual(2);
    expect(code.moduleMm * (t.printerDpi / 25.4)).toBeCloseTo(code.moduleDots, 9);
    // The code's left edge lands on a printer dot of the page, so every bar keeps its dots.
    const dots = ((t.marginLeftMm + code.leftMm) * t.printerDpi) / 25.4;
    expect(dots).toBeCloseTo(Math.round(dots), 6);
  });

  it('chooses whole-dot modules nearest GS1 nominal that fit: 8 dots at 600 dpi, 7 on L7651, 4 at 300 dpi, 3 at 203 dpi', () => {
    expect(fit(template('avery-l7160')).barcode?.moduleDots).toBe(8);
    expect(fit(template('avery-l7651')).barcode?.moduleDots).toBe(7);
    expect(fit(template('dymo-57x32')).barcode?.moduleDots).toBe(4);
    expect(fit(template('brother-ql-62')).barcode?.moduleDots).toBe(4);
    expect(fit(template('zebra-4in')).barcode?.moduleDots).toBe(3);
    // 3 dots at 300 dpi (0.254 mm, 77 %) is never chosen: below GS1's 80 %.
    expect(ean13Size(35, 300, 95)).toBeNull();
  });

  it('sizes the code with both quiet zones: 11 + 95 + 7 modules', () => {
    expect(ean13Size(100, 600, 95)?.modules).toBe(113);
    expect(ean13Size(100, 600, 95)?.widthMm).toBeCloseTo(113 * 8 * (25.4 / 600), 9);
  });
});

describe('what gives way, in the stated order', () => {
  it('shrinks the price to its floor before leaving out the brand, and the brand before the SKU', () => {
    const layout = fit(template('avery-l7651'));
    expect(layout.dropped.slice(0, 2)).toEqual(['brand', 'sku']);
    expect(layout.priceShrunkToPt).toBe(priceFloorPt);
    const roomy = fit(template('zebra-4in'));
    expect(roomy.dropped).toEqual([]);
    expect(text(roomy, 'brand')).toHaveLength(1);
  });

  it('keeps the brand when only the price had to shrink', () => {
    const layout = fit(template('avery-l7160'));
    if (layout.dropped.includes('brand')) expect(layout.priceShrunkToPt).toBe(priceFloorPt);
    if (layout.dropped.includes('sku')) expect(layout.dropped).toContain('brand');
  });

  it('never drops the name: a name of one endless word is cut with "…"', () => {
    const layout = fit(template('avery-l7651'), { ...product, name: 'Arbeidsongeschiktheidsverzekeringsvoorwaardenboekjesuitgeverij'.repeat(2) });
    const [name] = text(layout, 'name');
    expect(name?.endsWith('…')).toBe(true);
    expect(name?.length).toBeGreaterThan(5);
  });

  it('never cuts the price: a price wider than the label at the asked size is set smaller, whole', () => {
    const layout = fit(template('avery-l7651'), product, { priceFontPt: 96 });
    const price = layout.lines.find((l) => l.part === 'price');
    expect(price?.text).toContain('12.499,00');
    expect(measure(price?.text ?? '', price?.fontPt ?? 0, true)).toBeLessThanOrEqual(38.1 - 2 * layout.paddingMm);
  });
});

describe('labels that cannot hold a scannable code', () => {
  const narrow: LabelTemplate = { ...template('avery-l7651'), id: 'narrow', labelWidthMm: 30, pitchXMm: 30 };
  const low: LabelTemplate = { ...template('avery-l7163'), id: 'low', labelHeightMm: 14, pitchYMm: 14 };

  it('leaves the code off a label narrower than the code at 80 %, and says so', () => {
    expect(ean13MinWidthMm(600, 95)).toBeGreaterThan(28);
    const layout = fit(narrow);
    expect(layout.barcode).toBeNull();
    expect(layout.barcodeMissing).toBe('tooNarrow');
    expect(text(layout, 'price')).toHaveLength(1);
  });

  it('leaves the code off when price, name and unit price leave no 6 mm for the bars', () => {
    const layout = fit(low);
    expect(layout.barcode).toBeNull();
    expect(layout.barcodeMissing).toBe('noRoom');
  });

  it('leaves it out without a warning when the user chose so', () => {
    const layout = fit(narrow, product, { leaveOutBarcode: true });
    expect(layout.barcode).toBeNull();
    expect(layout.barcodeMissing).toBeNull();
  });
});

describe('wrapping names', () => {
  it('fills the lines it may use and ends the last in "…" only when words are left', () => {
    expect(wrapText('Hagelslag puur', 40, 2, 8, true, measure)).toEqual({ lines: ['Hagelslag puur'], shortened: false });
    const long = wrapText('Biologische volle Griekse yoghurt met bloemenhoning en walnoten', 30, 2, 8, true, measure);
    expect(long.lines).toHaveLength(2);
    expect(long.shortened).toBe(true);
    expect(long.lines[1]?.endsWith('…')).toBe(true);
    for (const line of long.lines) expect(measure(line, 8, true)).toBeLessThanOrEqual(30);
  });
});
