import bwipjs from 'bwip-js';
import { useMemo } from 'react';
import { ean13Modules } from '../../../domain/print/barcodeSize';

/** An EAN-13 drawn by bwip-js with its quiet zones (11 modules left, 7 right), each module `moduleMm` wide. */
export function Ean13({ code, moduleMm, heightMm }: { code: string; moduleMm: number; heightMm: number }) {
  const source = useMemo(() => {
    const svg = bwipjs.toSVG({ bcid: 'ean13', text: code, includetext: true, textsize: 8, height: heightMm, scale: 1, paddingleft: 11, paddingright: 7 });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }, [code, heightMm]);
  return <img src={source} alt={`EAN ${code}`} style={{ width: `${ean13Modules * moduleMm}mm`, display: 'block', margin: '0 auto' }} />;
}
