import { receiptLines, type ReceiptDocument } from '../../../domain/print/receipt';
import { receiptCharactersPerLine, type ReceiptPaperWidth } from '../../../domain/receiptPaper';
import type { Lang } from '../../../domain/text';
import { attachmentOf } from '../../../domain/attachments';
import { AttachmentImage } from '../attachments/AttachmentImage';
import { PageSize } from './PageSize';

/** Printable width of thermal paper: 58 mm paper prints 48 mm, 80 mm prints 72 mm (1,5 mm a character). */
const printableMm: Readonly<Record<ReceiptPaperWidth, number>> = { 58: 48, 80: 72 };
const lineHeightMm = 3.6;
/** Room for the logo above the text: thermal printers print it at most this high. */
const logoMm = 14;

/**
 * A receipt as the thermal printer prints it: the shop's logo (the black-and-white one when set),
 * then fixed-width lines on paper of the chosen width.
 */
export function ReceiptPreview({ receipt, paper, lang, logo }: { receipt: ReceiptDocument; paper: ReceiptPaperWidth; lang: Lang; logo: unknown }) {
  const characters = receiptCharactersPerLine[paper];
  const lines = receiptLines(receipt, characters, lang);
  const hasLogo = attachmentOf(logo) !== null;
  const heightMm = Math.ceil(lines.length * lineHeightMm + 16 + (hasLogo ? logoMm + 2 : 0));
  const characterMm = printableMm[paper] / characters;
  return (
    <>
      <PageSize widthMm={paper} heightMm={heightMm} />
      <section className="bo-print-page" data-testid="print-page" style={{ width: `${paper}mm`, height: `${heightMm}mm`, padding: `8mm ${(paper - printableMm[paper]) / 2}mm` }}>
        {hasLogo && (
          <div style={{ height: `${logoMm}mm`, marginBottom: '2mm', textAlign: 'center' }} data-testid="receipt-logo">
            <AttachmentImage value={logo} alt={`Logo ${receipt.supplier.name}`} style={{ maxHeight: `${logoMm}mm`, maxWidth: '100%', filter: 'grayscale(1)' }} />
          </div>
        )}
        <pre className="bo-receipt" style={{ fontSize: `${characterMm / 0.6}mm`, lineHeight: `${lineHeightMm}mm` }} data-testid="receipt-text">
          {lines.join('\n')}
        </pre>
      </section>
    </>
  );
}
