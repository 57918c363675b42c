import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * The printed PDF as a 300 dpi grey raster (pdftoppm), cut per label for zbarimg and read for
 * the bars' real width. Pixels are 0 (black) to 255 (white); below 128 counts as ink.
 */
export const dpi = 300;
export const pxOfMm = (mm: number) => (mm / 25.4) * dpi;

export interface Grey {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export interface RectMm {
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

/** Rasterises every page of the PDF; returns one grey image per page. */
export function rasterise(pdfFile: string, prefix: string): Grey[] {
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), pdfFile, prefix]);
  const dir = prefix.slice(0, prefix.lastIndexOf('/'));
  const base = prefix.slice(prefix.lastIndexOf('/') + 1);
  const files = fs.readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.pgm')).sort((a, b) => pageNumber(a) - pageNumber(b));
  return files.map((f) => readPgm(`${dir}/${f}`));
}

const pageNumber = (file: string) => Number(/-(\d+)\.pgm$/.exec(file)?.[1]);

function readPgm(file: string): Grey {
  const data = fs.readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`${file} is not an 8-bit PGM`);
  const [whole, width, height] = header as unknown as [string, string, string];
  return { width: Number(width), height: Number(height), pixels: data.subarray(whole.length) };
}

/** The label's pixels exactly, no white border added: its own quiet zones must do. */
export function crop(image: Grey, rect: RectMm): Grey {
  const [left, top] = [Math.round(pxOfMm(rect.xMm)), Math.round(pxOfMm(rect.yMm))];
  const width = Math.min(image.width - left, Math.round(pxOfMm(rect.widthMm)));
  const height = Math.min(image.height - top, Math.round(pxOfMm(rect.heightMm)));
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) pixels.set(image.pixels.subarray((top + y) * image.width + left, (top + y) * image.width + left + width), y * width);
  return { width, height, pixels };
}

/** Decodes every barcode in the image with zbarimg; returns the EAN-13 texts it read. */
export function decodeEan13(image: Grey, file: string): string[] {
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1'), image.pixels]));
  try {
    const out = execFileSync('zbarimg', ['--quiet', file], { encoding: 'utf8' });
    return out.split('\n').filter((line) => line.startsWith('EAN-13:')).map((line) => line.slice('EAN-13:'.length));
  } catch {
    return []; // zbarimg exits 4 when it finds no symbol
  }
}

/**
 * The module width as printed: an EAN-13 has 30 bars over 95 modules, so on every pixel row that
 * crosses the bars there are exactly 30 dark runs, and first to last ink is 95 modules.
 */
export function measureModuleMm(image: Grey): number | null {
  const widths: number[] = [];
  for (let y = 0; y < image.height; y++) {
    let runs = 0;
    let first = -1;
    let last = -1;
    let inInk = false;
    for (let x = 0; x < image.width; x++) {
      const ink = (image.pixels[y * image.width + x] ?? 255) < 128;
      if (ink && !inInk) runs++;
      if (ink) {
        if (first < 0) first = x;
        last = x;
      }
      inInk = ink;
    }
    if (runs === 30) widths.push(last - first + 1);
  }
  if (widths.length < 10) return null;
  widths.sort((a, b) => a - b);
  return ((widths[Math.floor(widths.length / 2)] ?? 0) / dpi) * 25.4 / 95;
}

/** Ink outside every one of the rectangles (1 px of antialiasing allowed): must be none. */
export function inkOutside(image: Grey, rects: RectMm[]): number {
  const boxes = rects.map((r) => [pxOfMm(r.xMm) - 1, pxOfMm(r.yMm) - 1, pxOfMm(r.xMm + r.widthMm) + 1, pxOfMm(r.yMm + r.heightMm) + 1] as const);
  let count = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if ((image.pixels[y * image.width + x] ?? 255) >= 128) continue;
      if (!boxes.some(([l, t, r, b]) => x >= l && x <= r && y >= t && y <= b)) count++;
    }
  }
  return count;
}
