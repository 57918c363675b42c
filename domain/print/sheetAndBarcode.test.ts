import { describe, expect, it } from 'vitest';
import { ean13MinWidthMm, ean13Size } from './barcodeSize';
import { customSheet } from './labelTemplates';

describe('a custom label sheet from Media-instellingen', () => {
  it('is centred on A4 and named as the user knows it', () => {
    expect(customSheet(70, 37, 3, 8)).toMatchObject({
      id: 'custom',
      kind: 'sheet',
      name: 'Eigen vel',
      marginTopMm: 0.5,
      marginLeftMm: 0,
      source: 'De maten uit Media-instellingen › Schapkaartjes',
    });
    expect(customSheet(50, 30, 4, 9)).toMatchObject({ marginTopMm: 13.5, marginLeftMm: 5 });
  });

  it('never gets a negative margin, even for labels that add up to more than the sheet', () => {
    expect(customSheet(80, 40, 3, 8)).toMatchObject({ marginTopMm: 0, marginLeftMm: 0 });
  });
});

describe('the narrowest label that holds a scannable EAN-13', () => {
  it('is 113 modules of the smallest whole-dot module at 80 % or more: 38.27 mm at 300 dpi, 33.49 mm at 600 dpi', () => {
    expect(ean13MinWidthMm(300, 95)).toBeCloseTo(38.269, 3);
    expect(ean13MinWidthMm(600, 95)).toBeCloseTo(33.486, 3);
  });

  it('takes a code at exactly that width, and none a hundredth of a millimetre narrower', () => {
    const narrowest = ean13MinWidthMm(300, 95);
    expect(ean13Size(narrowest, 300, 95)).toMatchObject({ moduleDots: 4 });
    expect(ean13Size(narrowest - 0.01, 300, 95)).toBeNull();
  });

  it('gives no code on a printer so coarse that one dot is more than twice the nominal module', () => {
    // 30 dpi: a dot is 0.85 mm, above GS1's 200 % of 0.33 mm; any width.
    expect(ean13Size(500, 30, 95)).toBeNull();
  });
});
