import { digitsHeightModules, ean13Size, maxBarHeightMm, minBarHeightMm } from './barcodeSize';
import type { ShelfLabel } from './shelfLabel';

/**
 * Decides, per label, what fits and where it goes, so that nothing is ever drawn past the label
 * and nothing the law asks for is cut. The price (incl. VAT) is always printed whole: it shrinks
 * towards its floor first; then optional parts go, in this order: brand, SKU, was-price; then the
 * name gets fewer lines and a smaller font, ending in "…" but never empty. The unit price stays
 * whenever the product needs one. The barcode keeps whole-dot modules within GS1's 80–200 % and
 * bars of at least `minBarHeightMm`; when that cannot fit, the label goes without a code and says
 * why, so the preview can tell the user instead of printing a code no till can read.
 */
export type LabelPart = 'brand' | 'name' | 'wasPrice' | 'price' | 'unitPrice' | 'sku';

/** Width in mm of the text at a font size in points, as the printing engine will draw it. */
export type MeasureText = (text: string, fontPt: number, bold: boolean) => number;

export interface LabelLine {
  part: LabelPart;
  text: string;
  fontPt: number;
  bold: boolean;
  topMm: number;
  heightMm: number;
}

export interface BarcodePlacement {
  code: string;
  leftMm: number;
  topMm: number;
  widthMm: number;
  barHeightMm: number;
  heightMm: number;
  moduleMm: number;
  moduleDots: number;
  magnification: number;
}

export interface LabelLayout {
  paddingMm: number;
  lines: LabelLine[];
  barcode: BarcodePlacement | null;
  /** Optional parts left out for room, in the order they went. */
  dropped: LabelPart[];
  /** The price's font size when it had to be smaller than asked, else null. */
  priceShrunkToPt: number | null;
  nameShortened: boolean;
  /** Why a wanted barcode is not on the label: too narrow for 80 % modules, or no height left. */
  barcodeMissing: 'tooNarrow' | 'noRoom' | null;
  /** Even at every minimum the text is taller than the label (never for the shipped templates). */
  overfull: boolean;
}

export interface LabelBox {
  widthMm: number;
  heightMm: number;
  printerDpi: number;
  /** Where the label sits on the page, so the barcode's left edge lands on a printer dot. */
  xOnPageMm: number;
}

export interface FitRules {
  priceFontPt: number;
  /** Modules the encoder draws for the bars (95 for EAN-13), measured from its output. */
  barModules: number;
  leaveOutBarcode: boolean;
}

const mmPerPt = 25.4 / 72;
const lineHeight = 1.2;
/** "Clear and legible" (Besluit prijsaanduiding producten): the price never goes below this. */
export const priceFloorPt = 10;
const sizes = { brand: 6.5, name: 8, wasPrice: 7, unitPrice: 6.5, sku: 6.5 } as const;
const smallestPt = 6;
const barcodeGapMm = 0.4;
const step = 0.5;

const lineMm = (fontPt: number) => fontPt * mmPerPt * lineHeight;

/** Words onto at most `maxLines` lines of `widthMm`; the last line ends in "…" when text is left over. */
export function wrapText(text: string, widthMm: number, maxLines: number, fontPt: number, bold: boolean, measure: MeasureText): { lines: string[]; shortened: boolean } {
  const fits = (line: string) => measure(line, fontPt, bold) <= widthMm;
  const lines: string[] = [];
  let rest = text.trim().split(/\s+/);
  while (rest.length > 0 && lines.length < maxLines) {
    // Grow the line a word at a time: a line holds a few words, a name may have many.
    let count = 1;
    while (count < rest.length && fits(rest.slice(0, count + 1).join(' '))) count++;
    let line = rest.slice(0, count).join(' ');
    let tail = rest.slice(count);
    if (!fits(line)) {
      // One word wider than the label: break it where it stops fitting.
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      tail = [line.slice(cut), ...tail];
      line = line.slice(0, cut);
    }
    lines.push(line);
    rest = tail;
  }
  if (rest.length === 0) return { lines, shortened: false };
  let last = lines.pop() ?? '';
  while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1).trimEnd();
  lines.push(`${last}…`);
  return { lines, shortened: true };
}

/** The largest size from `preferred` down, in half points, at which the text fits the width. */
function fittingSize(text: string, widthMm: number, preferred: number, bold: boolean, measure: MeasureText, floor: number): number {
  let size = preferred;
  while (size - step >= floor && measure(text, size, bold) > widthMm) size -= step;
  return size;
}

interface Plan {
  brand: boolean;
  sku: boolean;
  wasPrice: boolean;
  nameLines: number;
  namePt: number;
  smallPt: number;
  pricePt: number;
}

export function fitShelfLabel(label: ShelfLabel, box: LabelBox, rules: FitRules, measure: MeasureText): LabelLayout {
  const paddingMm = box.heightMm < 30 ? 1 : 1.5;
  const innerWidth = box.widthMm - 2 * paddingMm;
  const innerHeight = box.heightMm - 2 * paddingMm;
  const size = label.ean && !rules.leaveOutBarcode ? ean13Size(innerWidth, box.printerDpi, rules.barModules) : null;
  const barcodeMissing = label.ean && !rules.leaveOutBarcode && !size ? 'tooNarrow' : null;
  const attempt = fitText(label, innerWidth, innerHeight - (size ? minBarHeightMm + digitsHeightModules * size.moduleMm + barcodeGapMm : 0), rules, measure);
  if (size && attempt.overfull) {
    const without = fitText(label, innerWidth, innerHeight, rules, measure);
    return place(box, paddingMm, without, null, 'noRoom');
  }
  return place(box, paddingMm, attempt, size && label.ean ? { code: label.ean, ...size } : null, barcodeMissing);
}

interface Fitted {
  lines: Omit<LabelLine, 'topMm'>[];
  dropped: LabelPart[];
  priceShrunkToPt: number | null;
  nameShortened: boolean;
  overfull: boolean;
}

function fitText(label: ShelfLabel, width: number, budget: number, rules: FitRules, measure: MeasureText): Fitted {
  const widest = fittingSize(label.price, width, rules.priceFontPt, true, measure, 1);
  const floor = Math.min(priceFloorPt, widest);
  const plan: Plan = { brand: !!label.brand, sku: !!label.sku, wasPrice: !!label.wasPrice, nameLines: 2, namePt: sizes.name, smallPt: sizes.unitPrice, pricePt: widest };
  const dropped: LabelPart[] = [];
  const build = () => linesOf(label, plan, width, measure);
  const height = (lines: Omit<LabelLine, 'topMm'>[]) => lines.reduce((sum, line) => sum + line.heightMm, 0);
  // The price first shrinks towards its floor, straight to the size that fits (one step at a time
  // would rebuild the label dozens of times, and 1,000 labels must lay out in milliseconds).
  let built = build();
  const over = height(built.lines) - budget;
  if (over > 1e-9) {
    const priceLine = built.lines.find((line) => line.part === 'price');
    const wanted = ((priceLine?.heightMm ?? 0) - over) / (mmPerPt * lineHeight);
    plan.pricePt = Math.max(floor, Math.min(plan.pricePt, Math.floor(wanted / step) * step));
    built = build();
  }
  // Then each step gives up a little more, in the stated order, until the text fits its budget.
  const steps: (() => boolean)[] = [
    () => plan.brand && ((plan.brand = false), dropped.push('brand'), true),
    () => plan.sku && ((plan.sku = false), dropped.push('sku'), true),
    () => plan.wasPrice && ((plan.wasPrice = false), dropped.push('wasPrice'), true),
    () => plan.nameLines > 1 && ((plan.nameLines -= 1), true),
    () => plan.namePt - step >= smallestPt && ((plan.namePt -= step), (plan.smallPt = Math.max(smallestPt, plan.smallPt - step)), true),
  ];
  for (const giveUp of steps) {
    while (height(built.lines) > budget + 1e-9 && giveUp()) built = build();
  }
  return { lines: built.lines, dropped, priceShrunkToPt: plan.pricePt < rules.priceFontPt ? plan.pricePt : null, nameShortened: built.nameShortened, overfull: height(built.lines) > budget + 1e-9 };
}

function linesOf(label: ShelfLabel, plan: Plan, width: number, measure: MeasureText): { lines: Omit<LabelLine, 'topMm'>[]; nameShortened: boolean } {
  const lines: Omit<LabelLine, 'topMm'>[] = [];
  const single = (part: LabelPart, text: string, fontPt: number, bold: boolean) => {
    const fitted = wrapText(text, width, 1, fontPt, bold, measure).lines[0] ?? '';
    lines.push({ part, text: fitted, fontPt, bold, heightMm: lineMm(fontPt) });
  };
  if (plan.brand && label.brand) single('brand', label.brand, Math.min(sizes.brand, plan.smallPt + 0.5), false);
  const name = wrapText(label.name, width, plan.nameLines, plan.namePt, true, measure);
  for (const text of name.lines) lines.push({ part: 'name', text, fontPt: plan.namePt, bold: true, heightMm: lineMm(plan.namePt) });
  if (plan.wasPrice && label.wasPrice) single('wasPrice', label.wasPrice, sizes.wasPrice, false);
  lines.push({ part: 'price', text: label.price, fontPt: plan.pricePt, bold: true, heightMm: lineMm(plan.pricePt) });
  if (label.unitPrice) {
    // The unit price is the law's, like the price: smaller if it must be, never cut.
    const fontPt = fittingSize(label.unitPrice, width, plan.smallPt, false, measure, 4);
    lines.push({ part: 'unitPrice', text: label.unitPrice, fontPt, bold: false, heightMm: lineMm(fontPt) });
  }
  if (plan.sku && label.sku) single('sku', label.sku, plan.smallPt, false);
  return { lines, nameShortened: name.shortened };
}

function place(box: LabelBox, paddingMm: number, fitted: Fitted, size: (ReturnType<typeof ean13Size> & { code: string }) | null, barcodeMissing: LabelLayout['barcodeMissing']): LabelLayout {
  const innerHeight = box.heightMm - 2 * paddingMm;
  const textHeight = fitted.lines.reduce((sum, line) => sum + line.heightMm, 0);
  let barcode: BarcodePlacement | null = null;
  let textRoom = innerHeight;
  if (size) {
    const digitsMm = digitsHeightModules * size.moduleMm;
    const barHeightMm = Math.min(maxBarHeightMm, Math.max(minBarHeightMm, innerHeight - textHeight - digitsMm - barcodeGapMm));
    const heightMm = barHeightMm + digitsMm;
    const dotMm = 25.4 / box.printerDpi;
    const centred = (box.widthMm - size.widthMm) / 2;
    const leftMm = Math.round((box.xOnPageMm + centred) / dotMm) * dotMm - box.xOnPageMm;
    barcode = { code: size.code, leftMm, topMm: box.heightMm - paddingMm - heightMm, widthMm: size.widthMm, barHeightMm, heightMm, moduleMm: size.moduleMm, moduleDots: size.moduleDots, magnification: size.magnification };
    textRoom = innerHeight - heightMm - barcodeGapMm;
  }
  let top = paddingMm + Math.max(0, (textRoom - textHeight) / 2);
  const lines = fitted.lines.map((line) => {
    const placed = { ...line, topMm: top };
    top += line.heightMm;
    return placed;
  });
  return { paddingMm, lines, barcode, dropped: fitted.dropped, priceShrunkToPt: fitted.priceShrunkToPt, nameShortened: fitted.nameShortened, barcodeMissing, overfull: fitted.overfull };
}
