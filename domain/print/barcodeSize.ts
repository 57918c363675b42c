/**
 * EAN-13 sizing by the GS1 General Specifications: a module (the narrowest bar) is nominally
 * 0.330 mm and may be 80 % to 200 % of that; the code needs light quiet zones of 11 modules on the
 * left (where the first digit is printed) and 7 on the right. Each module must be a whole number
 * of printer dots, or the printer widens some bars and narrows others and the code stops scanning.
 */
export const gs1NominalModuleMm = 0.33;
export const minMagnification = 0.8;
export const maxMagnification = 2;
export const quietZoneModules = { left: 11, right: 7 } as const;
/** Below this the hand scanners in a shop miss the code at a slant; GS1 asks 22.85 mm at 100 %. */
export const minBarHeightMm = 6;
/** Taller bars only take room from the text; a shelf scanner reads 12 mm at any angle. */
export const maxBarHeightMm = 12;
/** The human-readable digits under the bars, in modules (GS1: 2.75 mm at 100 %, the guards reach 5 modules into it). */
export const digitsHeightModules = 9;

export interface Ean13Size {
  moduleDots: number;
  moduleMm: number;
  /** The module against GS1's nominal 0.330 mm: 1 is 100 %. */
  magnification: number;
  /** Bars plus both quiet zones. */
  widthMm: number;
  modules: number;
}

/**
 * The module closest to GS1's nominal size (rounded up to whole dots) that fits the width with its
 * quiet zones; a smaller whole-dot module when that does not fit, never below 80 %; null when even
 * that does not fit, so the label must go without a code. `barModules` is what the encoder drew
 * (95 for EAN-13): measured from its output, not assumed.
 */
export function ean13Size(availableWidthMm: number, printerDpi: number, barModules: number): Ean13Size | null {
  const dotMm = 25.4 / printerDpi;
  const modules = barModules + quietZoneModules.left + quietZoneModules.right;
  // Stryker disable next-line ArithmeticOperator: the 1e-9 absorbs float error when a module is a whole number of dots, which no whole-dpi printer gives (0.264 mm or 0.33 mm per dot would need 96.2 or 77 dpi).
  const smallest = Math.ceil((gs1NominalModuleMm * minMagnification) / dotMm - 1e-9);
  // Stryker disable next-line ArithmeticOperator: as above.
  const nominal = Math.ceil(gs1NominalModuleMm / dotMm - 1e-9);
  for (let dots = nominal; dots >= smallest; dots--) {
    const moduleMm = dots * dotMm;
    // Stryker disable next-line EqualityOperator: `<` differs only at a module of exactly 0.66 mm (38.48 dpi) or, with the 1e-9, never.
    if (moduleMm * modules <= availableWidthMm + 1e-9 && moduleMm <= gs1NominalModuleMm * maxMagnification) {
      return { moduleDots: dots, moduleMm, magnification: moduleMm / gs1NominalModuleMm, widthMm: moduleMm * modules, modules };
    }
  }
  return null;
}

/** The narrowest label that can hold a scannable EAN-13 at this printer resolution. */
export function ean13MinWidthMm(printerDpi: number, barModules: number): number {
  const dotMm = 25.4 / printerDpi;
  // Stryker disable next-line ArithmeticOperator: as in ean13Size.
  const dots = Math.ceil((gs1NominalModuleMm * minMagnification) / dotMm - 1e-9);
  return dots * dotMm * (barModules + quietZoneModules.left + quietZoneModules.right);
}
