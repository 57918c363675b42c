import { z } from 'zod';

/**
 * A label sheet or roll, as data: the page, the label, the grid and the exact margins and pitch
 * (distance from one label's corner to the next, gap included), all in millimetres.
 */
export const labelTemplate = z.object({
  id: z.string(),
  kind: z.enum(['sheet', 'roll']),
  name: z.string(),
  pageWidthMm: z.number().positive(),
  pageHeightMm: z.number().positive(),
  labelWidthMm: z.number().positive(),
  labelHeightMm: z.number().positive(),
  columns: z.number().int().positive(),
  rows: z.number().int().positive(),
  marginTopMm: z.number().min(0),
  marginLeftMm: z.number().min(0),
  pitchXMm: z.number().positive(),
  pitchYMm: z.number().positive(),
  /**
   * The printer's resolution, so barcode modules land on whole dots: office printers for A4 sheets
   * print at 600 dpi, thermal roll printers at 203 (8 dots/mm) or 300 dpi.
   */
  printerDpi: z.union([z.literal(203), z.literal(300), z.literal(600)]),
  /** Where the figures come from: the manufacturer's specification, and what was derived from it. */
  source: z.string().min(1),
});

export type LabelTemplate = z.infer<typeof labelTemplate>;

export const labelsPerPage = (template: LabelTemplate): number => template.columns * template.rows;

export interface PlacedLabel<T> {
  item: T;
  xMm: number;
  yMm: number;
}

/**
 * Puts items on pages, row by row, left to right; `startAt` (1-based) skips the labels already
 * used on a partly used first sheet.
 */
export function layoutLabels<T>(items: readonly T[], template: LabelTemplate, startAt = 1): PlacedLabel<T>[][] {
  const perPage = labelsPerPage(template);
  const skip = Math.min(Math.max(startAt, 1), perPage) - 1;
  const pages: PlacedLabel<T>[][] = [];
  items.forEach((item, index) => {
    const slot = skip + index;
    const page = Math.floor(slot / perPage);
    const onPage = slot % perPage;
    const [row, column] = [Math.floor(onPage / template.columns), onPage % template.columns];
    (pages[page] ??= []).push({ item, xMm: template.marginLeftMm + column * template.pitchXMm, yMm: template.marginTopMm + row * template.pitchYMm });
  });
  return pages;
}

/** The custom sheet of Media-instellingen: labels of the given size centred on A4. */
export function customSheet(widthMm: number, heightMm: number, columns: number, rows: number): LabelTemplate {
  return {
    id: 'custom',
    kind: 'sheet',
    name: 'Eigen vel',
    pageWidthMm: 210,
    pageHeightMm: 297,
    labelWidthMm: widthMm,
    labelHeightMm: heightMm,
    columns,
    rows,
    marginTopMm: Math.max(0, (297 - heightMm * rows) / 2),
    marginLeftMm: Math.max(0, (210 - widthMm * columns) / 2),
    pitchXMm: widthMm,
    pitchYMm: heightMm,
    printerDpi: 600,
    source: 'De maten uit Media-instellingen › Schapkaartjes',
  };
}
