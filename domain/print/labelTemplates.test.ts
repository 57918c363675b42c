import { describe, expect, it } from 'vitest';
import templatesJson from '../../resources/label-templates.json';
import { customSheet, labelTemplate, labelsPerPage, layoutLabels, type LabelTemplate } from './labelTemplates';

const templates: LabelTemplate[] = labelTemplate.array().parse(templatesJson);
const template = (id: string) => templates.find((t) => t.id === id) as LabelTemplate;
const sheets = templates.filter((t) => t.kind === 'sheet');

describe('label sheet geometry, checked against the published figures', () => {
  it('names its source beside every template', () => {
    for (const t of templates) expect(t.source.length, t.id).toBeGreaterThan(20);
  });

  it('keeps every label of every template on its page', () => {
    for (const t of [...templates, customSheet(50, 30, 4, 9)]) {
      const right = t.marginLeftMm + (t.columns - 1) * t.pitchXMm + t.labelWidthMm;
      const bottom = t.marginTopMm + (t.rows - 1) * t.pitchYMm + t.labelHeightMm;
      expect(right, t.id).toBeLessThanOrEqual(t.pageWidthMm + 0.01);
      expect(bottom, t.id).toBeLessThanOrEqual(t.pageHeightMm + 0.01);
      // Labels never overlap their neighbours: the pitch includes the gap.
      expect(t.pitchXMm, t.id).toBeGreaterThanOrEqual(t.labelWidthMm);
      expect(t.pitchYMm, t.id).toBeGreaterThanOrEqual(t.labelHeightMm);
    }
  });

  it("adds up on Avery's symmetric A4 sheets: margins + (count − 1) × pitch + label = sheet, within 0.1 mm", () => {
    for (const t of sheets.filter((s) => s.name.startsWith('Avery'))) {
      expect(Math.abs(2 * t.marginLeftMm + (t.columns - 1) * t.pitchXMm + t.labelWidthMm - t.pageWidthMm), `${t.id} across`).toBeLessThanOrEqual(0.1);
      expect(Math.abs(2 * t.marginTopMm + (t.rows - 1) * t.pitchYMm + t.labelHeightMm - t.pageHeightMm), `${t.id} down`).toBeLessThanOrEqual(0.1);
    }
  });

  it('uses the published pitches: L7651 40.6 mm across, L7160 66.0 mm, L7163 101.6 mm', () => {
    expect(template('avery-l7651').pitchXMm).toBe(40.6);
    expect(template('avery-l7160').pitchXMm).toBe(66);
    expect(template('avery-l7163').pitchXMm).toBe(101.6);
  });

  it('gives Zweckform 3474 equal top and bottom margins of 0.5 mm (8 × 37 mm on 297 mm)', () => {
    const t = template('zweckform-3474');
    expect(t.marginTopMm).toBe(0.5);
    expect(t.pageHeightMm - (t.marginTopMm + t.rows * t.pitchYMm)).toBeCloseTo(0.5, 6);
  });

  it('prints sheets at 600 dpi and each roll at its printer head: Dymo and Brother 300, Zebra 203', () => {
    for (const t of sheets) expect(t.printerDpi, t.id).toBe(600);
    expect([template('dymo-57x32').printerDpi, template('brother-ql-62').printerDpi, template('zebra-4in').printerDpi]).toEqual([300, 300, 203]);
  });
});

describe('labels on sheets', () => {
  it('fills 65 labels on one Avery L7651 sheet and needs a second for 66', () => {
    const sheet = template('avery-l7651');
    expect(labelsPerPage(sheet)).toBe(65);
    expect(layoutLabels(Array.from({ length: 65 }), sheet)).toHaveLength(1);
    expect(layoutLabels(Array.from({ length: 66 }), sheet)).toHaveLength(2);
  });

  it('starts at label N on a partly used sheet, row by row', () => {
    const sheet = template('avery-l7651');
    const pages = layoutLabels(Array.from({ length: 10 }, (_, i) => i), sheet, 60);
    expect(pages.map((page) => page.length)).toEqual([6, 4]);
    expect(pages[0]?.[0]).toEqual({ item: 0, xMm: 4.75 + 4 * 40.6, yMm: 10.7 + 11 * 21.2 });
    expect(pages[1]?.[0]).toEqual({ item: 6, xMm: 4.75, yMm: 10.7 });
  });
});
