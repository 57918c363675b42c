import { receiptLines, type ReceiptDocument } from '../../../domain/print/receipt';
import { receiptCharactersPerLine, type ReceiptPaperWidth } from '../../../domain/receiptPaper';
import type { Lang } from '../../../domain/text';
import { PageSize } from './PageSize';

/** Printable width of thermal paper: 58 mm paper prints 48 mm, 80 mm prints 72 mm (1,5 mm a character). */
const printableMm: Readonly<Record<ReceiptPaperWidth, number>> = { 58: 48, 80: 72 };
const lineHeightMm = 3.6;

/** A receipt as the thermal printer prints it: fixed-width lines on paper of the chosen width. */
export function ReceiptPreview({ receipt, paper, lang }: { receipt: ReceiptDocument; paper: ReceiptPaperWidth; lang: Lang }) {
  const characters = receiptCharactersPerLine[paper];
  const lines = receiptLines(receipt, characters, lang);
  const heightMm = Math.ceil(lines.length * lineHeightMm + 16);
  const characterMm = printableMm[paper] / characters;
  return (
    <>
      <PageSize widthMm={paper} heightMm={heightMm} />
      <section className="bo-print-page" data-testid="print-page" style={{ width: `${paper}mm`, height: `${heightMm}mm`, padding: `8mm ${(paper - printableMm[paper]) / 2}mm` }}>
        <pre className="bo-receipt" style={{ fontSize: `${characterMm / 0.6}mm`, lineHeight: `${lineHeightMm}mm` }} data-testid="receipt-text">
          {lines.join('\n')}
        </pre>
      </section>
    </>
  );
}
