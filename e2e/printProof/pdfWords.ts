import { execFileSync } from 'node:child_process';

/** A word as pdftotext placed it, in millimetres from the page's top left corner. */
export interface PdfWord {
  page: number;
  text: string;
  xMinMm: number;
  yMinMm: number;
  xMaxMm: number;
  yMaxMm: number;
}

const mmOfPt = (pt: number) => (pt / 72) * 25.4;
const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** Every word of the PDF with its box, read with `pdftotext -bbox-layout` (poppler-utils). */
export function pdfWords(pdfFile: string): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = -1;
  for (const match of html.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0] === '<page') {
      page++;
      continue;
    }
    const [, xMin, yMin, xMax, yMax, text = ''] = match;
    words.push({ page, text: text.replace(/&\w+;/g, (e) => entities[e] ?? e), xMinMm: mmOfPt(Number(xMin)), yMinMm: mmOfPt(Number(yMin)), xMaxMm: mmOfPt(Number(xMax)), yMaxMm: mmOfPt(Number(yMax)) });
  }
  return words;
}
