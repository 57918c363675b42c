import bwipjs from 'bwip-js';
import { quietZoneModules } from '../../../domain/print/barcodeSize';
import type { BarcodePlacement } from '../../../domain/print/shelfLabelLayout';

interface Bars {
  /** Bar and space widths in modules, bar first, as bwip-js encoded them. */
  widths: number[];
  modules: number;
}

/**
 * bwip-js encodes (BWIPP's EAN-13 with its check-digit rules); we draw. Its own SVG writer with
 * `includetext` draws 124 modules (95 bars + 18 padding + 11 for the digit outside the bars) and
 * outlines every digit as a path, 1.8 ms a code; its raw bar widths cost 0.06 ms, so 1,000 labels
 * stay inside the PDF budget, and the module count comes from what it encoded, not from a constant.
 * Encoded once per code for the page's life: labels never re-encode on a render.
 */
const encoded = new Map<string, Bars>();

export function ean13Bars(code: string): Bars {
  let bars = encoded.get(code);
  if (!bars) {
    const [symbol] = bwipjs.raw('ean13', code, '') as { sbs: number[] }[];
    const widths = symbol?.sbs ?? [];
    bars = { widths, modules: widths.reduce((sum, width) => sum + width, 0) };
    encoded.set(code, bars);
  }
  return bars;
}

/** The module count of an EAN-13's bars, measured from the encoder (95). */
export const ean13BarModules = () => ean13Bars('8712345678906').modules;

const svgPaths = new Map<string, string>();

/** The bars as one SVG path in module units, guard bars reaching 5 modules further down. */
function barsPath(code: string, barHeight: number): string {
  const key = `${code}:${barHeight.toFixed(3)}`;
  let d = svgPaths.get(key);
  if (!d) {
    const { widths } = ean13Bars(code);
    const parts: string[] = [];
    let x = quietZoneModules.left;
    widths.forEach((width, index) => {
      if (index % 2 === 0) {
        const guard = x - quietZoneModules.left < 3 || (x - quietZoneModules.left >= 45 && x - quietZoneModules.left < 50) || x - quietZoneModules.left >= 92;
        parts.push(`M${x} 0h${width}v${guard ? barHeight + 5 : barHeight}h${-width}z`);
      }
      x += width;
    });
    d = parts.join('');
    svgPaths.set(key, d);
  }
  return d;
}

/**
 * Where the human-readable digits go, in modules: the first in the left quiet zone, then six
 * centred under each half. Three text runs, not one positioned glyph each: Chromium writes every
 * separately positioned glyph as its own PDF text object, which tripled the PDF time of a sheet.
 */
const digitGroups = [
  { x: quietZoneModules.left - 4, from: 0, to: 1 },
  { x: quietZoneModules.left + 3 + 21, from: 1, to: 7 },
  { x: quietZoneModules.left + 50 + 21, from: 7, to: 13 },
] as const;

/** An EAN-13 at exactly the placement's size: whole-dot modules, quiet zones included in its box. */
export function Ean13({ placement }: { placement: BarcodePlacement }) {
  const { code, moduleMm, barHeightMm, widthMm, heightMm, leftMm, topMm } = placement;
  const modules = widthMm / moduleMm;
  const barHeight = barHeightMm / moduleMm;
  return (
    <svg className="bo-shelf-label-barcode" role="img" aria-label={`EAN ${code}`} viewBox={`0 0 ${modules} ${heightMm / moduleMm}`} style={{ left: `${leftMm}mm`, top: `${topMm}mm`, width: `${widthMm}mm`, height: `${heightMm}mm` }}>
      <path d={barsPath(code, barHeight)} />
      <g textAnchor="middle" fontSize={8.5}>
        {digitGroups.map(({ x, from, to }) => (
          <text key={from} x={x} y={barHeight + 8}>
            {code.slice(from, to)}
          </text>
        ))}
      </g>
    </svg>
  );
}
