import net from 'node:net';
import receiptline from 'receiptline';
import { formatEuro } from '../../../domain/money';
import { wrap, type ReceiptDocument } from '../../../domain/print/receipt';
import { receiptCharactersPerLine, type ReceiptPaperWidth } from '../../../domain/receiptPaper';

/** How a thermal receipt printer wants its bytes: paper width, a code page that has €, cut, drawer. */
export interface PrinterProfile {
  paperWidth: ReceiptPaperWidth;
  /** PC858 has € at 0xD5; WPC1252 at 0x80. */
  codePage: 'cp858' | 'cp1252';
  cut: boolean;
  drawerKick: boolean;
}

const money = (cents: number) => formatEuro(cents).replace(/\u00a0/g, ' ');
/** receiptline gives meaning to these characters; in shop texts they are just characters. */
const escape = (text: string) => text.replace(/[\\|{}~_"`^]/g, '\\$&');

/**
 * The receipt as a receiptline document (receipt markdown): one definition that receiptline
 * renders both as ESC/POS bytes for the printer and as plain text for checks and previews.
 */
export function receiptDocument(receipt: ReceiptDocument, width: number): string {
  const { supplier, totals } = receipt;
  const amountColumn = '{width:*,12}';
  return [
    `"${escape(supplier.name)}"`,
    ...supplier.address.map(escape),
    ...(supplier.kvkNumber ? [`KvK ${escape(supplier.kvkNumber)}`] : []),
    ...(supplier.vatId ? [`Btw ${escape(supplier.vatId)}`] : []),
    '---',
    `"${escape(receipt.title.toUpperCase())}"`,
    `${escape(receipt.number)} | ${escape(receipt.date)}`,
    '---',
    amountColumn,
    ...totals.lines.flatMap((line) => [`${escape(line.description)} | ${money(line.totalInclVat)}`, ...(line.quantity !== 1 ? [`${line.quantity} x ${money(line.unitPriceInclVat)} |`] : [])]),
    '---',
    `"TOTAAL" | "${money(totals.totalInclVat)}"`,
    ...receipt.payments.map((payment) => `${escape(payment.method)} | ${money(payment.amount)}`),
    ...(receipt.change > 0 ? [`Wisselgeld | ${money(receipt.change)}`] : []),
    '---',
    ...totals.vat.flatMap((line) => [`${escape(line.label)} excl. | ${money(line.excl)}`, `Btw ${escape(line.label)} | ${money(line.vat)}`]),
    '{width:*}',
    // Footnotes are wrapped here, at spaces; receiptline would break words anywhere.
    ...(receipt.footer.length > 0 ? ['---', ...receipt.footer.flatMap((line) => wrap(line, width)).map((line) => `${escape(line)} |`)] : []),
  ].join('\n');
}

/** ESC p 0 25 250: pulse pin 2 for 50 ms, the usual cash drawer connector. */
const drawerKick = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);

export function receiptToEscPos(receipt: ReceiptDocument, profile: PrinterProfile): Buffer {
  const commands = receiptline.transform(receiptDocument(receipt, receiptCharactersPerLine[profile.paperWidth]), {
    cpl: receiptCharactersPerLine[profile.paperWidth],
    encoding: profile.codePage,
    command: 'escpos',
    cutting: profile.cut,
  });
  const bytes = Buffer.from(commands, 'latin1');
  return profile.drawerKick ? Buffer.concat([drawerKick, bytes]) : bytes;
}

/** The same document as the printer's text, line by line, for checks. */
export function receiptToText(receipt: ReceiptDocument, profile: PrinterProfile): string[] {
  const width = receiptCharactersPerLine[profile.paperWidth];
  const text = receiptline.transform(receiptDocument(receipt, width), { cpl: width, encoding: profile.codePage, command: 'text' });
  return text.split('\n').filter((line, index, lines) => index < lines.length - 1 || line !== '');
}

/** Sends raw bytes to a network receipt printer (raw TCP, port 9100), giving up after `timeoutMs`. */
export function sendToPrinter(host: string, port: number, bytes: Buffer, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)));
    socket.once('error', reject);
    socket.once('connect', () => socket.end(bytes));
    socket.once('close', (failed) => (failed ? undefined : resolve()));
  });
}
