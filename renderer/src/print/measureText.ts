import type { MeasureText } from '../../../domain/print/shelfLabelLayout';

/** The labels' typeface; the canvas measures with the same list, so it resolves to the same font. */
export const labelFontFamily = 'Arial, Helvetica, sans-serif';

const context = document.createElement('canvas').getContext('2d');
const widths = new Map<string, number>();
const mmPerCssPx = 25.4 / 96;
/** Canvas and layout round glyph advances differently by a hair; never let that cut a digit. */
const safety = 1.02;

/** Text width in mm as Chromium will lay it out, measured once per text and size. */
export const measureText: MeasureText = (text, fontPt, bold) => {
  const font = `${bold ? 700 : 400} ${fontPt}pt ${labelFontFamily}`;
  const key = `${font}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (!context) throw new Error('This browser cannot measure text for the label layout.');
    context.font = font;
    width = context.measureText(text).width * mmPerCssPx * safety;
    widths.set(key, width);
  }
  return width;
};
