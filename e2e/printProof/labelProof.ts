import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { LabelTemplate } from '../../domain/print/labelTemplates';
import { pdfWords, type PdfWord } from './pdfWords';
import type { ProofProduct } from './proofProducts';
import { crop, decodeEan13, inkOutside, measureModuleMm, rasterise, type RectMm } from './raster';

/** One row of the proof table: how many of the printed labels came out right, per check. */
export interface ProofRow {
  template: string;
  labels: number;
  namesComplete: number;
  namesEllipsized: number;
  pricesComplete: number;
  unitPricesComplete: number;
  unitPricesWanted: number;
  codesDecoded: number;
  moduleMm: number | null;
  insideLabel: number;
  problems: string[];
}

/** Where label `index` (0-based, after the skipped ones) sits: page and rectangle, from the template's own figures. */
export function labelRect(template: LabelTemplate, startAt: number, index: number): { page: number; rect: RectMm } {
  const perPage = template.columns * template.rows;
  const slot = (template.kind === 'sheet' ? startAt - 1 : 0) + index;
  const onPage = slot % perPage;
  const [row, column] = [Math.floor(onPage / template.columns), onPage % template.columns];
  return {
    page: Math.floor(slot / perPage),
    rect: { xMm: template.marginLeftMm + column * template.pitchXMm, yMm: template.marginTopMm + row * template.pitchYMm, widthMm: template.labelWidthMm, heightMm: template.labelHeightMm },
  };
}

const squeeze = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, '');
const inside = (word: PdfWord, rect: RectMm, slack = 0.2) =>
  word.xMinMm >= rect.xMm - slack && word.yMinMm >= rect.yMm - slack && word.xMaxMm <= rect.xMm + rect.widthMm + slack && word.yMaxMm <= rect.yMm + rect.heightMm + slack;
const centredIn = (word: PdfWord, rect: RectMm) => {
  const [x, y] = [(word.xMinMm + word.xMaxMm) / 2, (word.yMinMm + word.yMaxMm) / 2];
  return x >= rect.xMm && x <= rect.xMm + rect.widthMm && y >= rect.yMm && y <= rect.yMm + rect.heightMm;
};

/** The name cut short with "…": some text ending in "…" whose last 3 or more characters begin the name. */
function ellipsizedIn(text: string, name: string): boolean {
  return [...text.matchAll(/([^…]*)…/g)].some(([, before = '']) => {
    for (let cut = 0; cut <= before.length - 3; cut++) if (name.startsWith(before.slice(cut))) return true;
    return false;
  });
}

/**
 * In the page, before printing (print media): per label, whether any element's box leaves the
 * label and whether any element hides part of its own content (overflow), which pdftotext cannot see.
 */
async function domBoxes(page: Page): Promise<{ outside: boolean; clipped: string[] }[]> {
  return page.locator('.bo-shelf-label').evaluateAll((labels) =>
    labels.map((label) => {
      const box = label.getBoundingClientRect();
      let outside = false;
      const clipped: string[] = [];
      for (const element of Array.from(label.querySelectorAll('*'))) {
        const r = element.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - 0.5 || r.top < box.top - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5) outside = true;
        if (element instanceof HTMLElement && element.childElementCount === 0 && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)) clipped.push(element.textContent ?? '');
      }
      return { outside, clipped };
    }),
  );
}

/** Prints the preview as it is now and checks every label against the products it was made from. */
export async function proveLabels(page: Page, template: LabelTemplate, products: ProofProduct[], expected: { price: string; unitPrice?: string }[], startAt: number, dir: string): Promise<ProofRow> {
  await page.emulateMedia({ media: 'print' });
  const dom = await domBoxes(page);
  await page.emulateMedia({ media: null });
  const pdfFile = `${dir}/${template.id}.pdf`;
  fs.writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const pages = rasterise(pdfFile, `${dir}/${template.id}`);
  const words = pdfWords(pdfFile);
  const row: ProofRow = { template: template.name, labels: products.length, namesComplete: 0, namesEllipsized: 0, pricesComplete: 0, unitPricesComplete: 0, unitPricesWanted: 0, codesDecoded: 0, moduleMm: null, insideLabel: 0, problems: [] };
  const rectsByPage = new Map<number, RectMm[]>();
  const modules: number[] = [];
  products.forEach((product, index) => {
    const { page: pageIndex, rect } = labelRect(template, startAt, index);
    rectsByPage.set(pageIndex, [...(rectsByPage.get(pageIndex) ?? []), rect]);
    const mine = words.filter((w) => w.page === pageIndex && centredIn(w, rect));
    const text = squeeze(mine.map((w) => w.text).join(' '));
    // Text that the page hides (an element's own overflow) still reaches pdftotext: it does not count.
    const hidden = (dom[index]?.clipped ?? []).map(squeeze).filter(Boolean);
    const shown = (wanted: string) => !hidden.some((h) => h.includes(wanted) || wanted.includes(h));
    const name = squeeze(product.name);
    if (shown(name) && text.includes(name)) row.namesComplete++;
    else if (shown(name) && ellipsizedIn(text, name)) row.namesEllipsized++;
    else row.problems.push(`${index + 1}: name "${product.name}" not on the label`);
    const { price, unitPrice } = expected[index] ?? { price: '' };
    if (shown(squeeze(price)) && text.includes(squeeze(price))) row.pricesComplete++;
    else row.problems.push(`${index + 1}: price ${price} not complete`);
    if (unitPrice) {
      row.unitPricesWanted++;
      if (shown(squeeze(unitPrice)) && text.includes(squeeze(unitPrice))) row.unitPricesComplete++;
      else row.problems.push(`${index + 1}: unit price ${unitPrice} missing`);
    }
    const image = pages[pageIndex];
    if (!image) throw new Error(`page ${pageIndex + 1} of ${template.name} was not printed`);
    const labelImage = crop(image, rect);
    const codes = decodeEan13(labelImage, `${dir}/${template.id}-label-${index + 1}.pgm`);
    if (codes.length === 1 && codes[0] === product.ean) row.codesDecoded++;
    else row.problems.push(`${index + 1}: barcode read as [${codes.join(', ')}], printed ${product.ean}`);
    const moduleMm = measureModuleMm(labelImage);
    if (moduleMm !== null) modules.push(moduleMm);
    const wordsOut = mine.filter((w) => !inside(w, rect));
    if (!dom[index]?.outside && wordsOut.length === 0) row.insideLabel++;
    else row.problems.push(`${index + 1}: drawn past the label edge${wordsOut.length ? ` (${wordsOut.map((w) => w.text).join(' ')})` : ''}`);
  });
  const strayInk = [...rectsByPage].reduce((sum, [pageIndex, rects]) => sum + inkOutside(pages[pageIndex] as NonNullable<(typeof pages)[number]>, rects), 0);
  if (strayInk > 0) {
    row.insideLabel = 0;
    row.problems.push(`${strayInk} pixels of ink outside every label`);
  }
  modules.sort((a, b) => a - b);
  row.moduleMm = modules.length ? (modules[Math.floor(modules.length / 2)] ?? null) : null;
  return row;
}

export function proofTable(rows: ProofRow[]): string {
  const percent = (mm: number | null) => (mm === null ? 'no code measured' : `${mm.toFixed(3)} (${Math.round((mm / 0.33) * 100)} %)`);
  return [
    '| template | names complete (+ ellipsized) | prices complete | unit prices | codes decoded | module width mm (GS1 0.330, 80–200 %) | inside label |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.template} | ${r.namesComplete} (+${r.namesEllipsized})/${r.labels} | ${r.pricesComplete}/${r.labels} | ${r.unitPricesComplete}/${r.unitPricesWanted} | ${r.codesDecoded}/${r.labels} | ${percent(r.moduleMm)} | ${r.insideLabel}/${r.labels} |`),
  ].join('\n');
}
