/**
 * EAN-13 is 95 modules wide plus quiet zones of 11 (left) and 7 (right) modules. Each module must
 * be a whole number of printer dots or the bars smear; thermal label printers get 2 or 3 dots a
 * module (203 dpi = 8 dots/mm), office printers (600 dpi) the GS1 nominal 0,33 mm rounded to dots.
 */
export const ean13Modules = 95 + 11 + 7;

export function ean13ModuleMm(labelWidthMm: number, dotsPerMm: number | undefined): number {
  const dots = dotsPerMm ?? 600 / 25.4;
  const fitting = Math.floor((labelWidthMm * 0.9 * dots) / ean13Modules);
  const wanted = dotsPerMm === undefined ? Math.round(0.33 * dots) : 3;
  const moduleDots = Math.max(1, Math.min(wanted, fitting));
  return moduleDots / dots;
}
