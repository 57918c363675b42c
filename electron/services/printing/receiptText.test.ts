import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildReceipt } from '../../../domain/print/receipt';
import { backofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { receiptToText, type PrinterProfile } from './escpos';

const tempDir = useTempDir();

/** A receipt as the customer reads it from the printer, line by line, on 58 mm paper. */
const narrow: PrinterProfile = { paperWidth: 58, codePage: 'cp858', cut: true, drawerKick: false };
const printed = (input: Parameters<typeof buildReceipt>[0]) => receiptToText(buildReceipt(input), narrow).map((line) => line.trimEnd());
const shop = { name: 'Fietsenwinkel {De} Spaak', address: ['Oudegracht 12', '3511 AB Utrecht'], kvkNumber: '12345678', vatId: 'NL004495445B01' };

describe('a printed receipt', () => {
  it('has the shop, the title, every line with its quantity, the total, payment, change, VAT per rate and the footnote', () => {
    expect(
      printed({
        title: 'Kwitantie',
        supplier: shop,
        number: 'R-2026-118',
        date: '28-11-2026',
        lines: [
          { description: 'Reparatie | achterrem', quantity: 1, unitPriceInclVat: 3500, vatRate: 'high' },
          { description: 'Remblokken Shimano', quantity: 2, unitPriceInclVat: 1975, vatRate: 'high' },
          { description: 'Fietskaart', quantity: 1, unitPriceInclVat: 995, vatRate: 'low' },
        ],
        payments: [{ method: 'Contant', amount: 10000 }],
        footer: 'Garantie: 3 maanden op onderdelen. Bewaar deze bon goed, zonder bon geen garantie.',
      }),
    ).toEqual([
      '    Fietsenwinkel {De} Spaak',
      '          Oudegracht 12',
      '         3511 AB Utrecht',
      '          KvK 12345678',
      '       Btw NL004495445B01',
      '--------------------------------',
      '            KWITANTIE',
      'R-2026-118            28-11-2026',
      '--------------------------------',
      // A "|" in a description is the shop's character, not a column break.
      'Reparatie | achterr      € 35,00',
      'em',
      'Remblokken Shimano       € 39,50',
      '2 x € 19,75',
      'Fietskaart                € 9,95',
      '--------------------------------',
      'TOTAAL                   € 84,45',
      'Contant                 € 100,00',
      'Wisselgeld               € 15,55',
      '--------------------------------',
      '21 % (hoog) excl.        € 61,57',
      'Btw 21 % (hoog)          € 12,93',
      '9 % (laag) excl.          € 9,13',
      'Btw 9 % (laag)            € 0,82',
      '--------------------------------',
      'Garantie: 3 maanden op',
      'onderdelen. Bewaar deze bon',
      'goed, zonder bon geen garantie.',
    ]);
  });

  it('leaves out what a sale does not have: KvK, VAT id, change and a footnote', () => {
    const lines = printed({
      title: 'Bon',
      supplier: { name: 'De Spaak', address: [] },
      number: 'B-1',
      date: '28-11-2026',
      lines: [{ description: 'Bel', quantity: 1, unitPriceInclVat: 995, vatRate: 'high' }],
      payments: [{ method: 'Pin', amount: 995 }],
      footer: '',
    });
    expect(lines.join('\n')).not.toMatch(/KvK|Btw NL|Wisselgeld/);
    expect(lines.at(-1)).toBe('Btw 21 % (hoog)           € 1,73');
  });
});

/** A receipt printer on port 9100 of a loopback address of its own: keeps the bytes of one print. */
function listeningPrinter(): Promise<{ host: string; received: Promise<Buffer>; close(): void }> {
  const host = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  return new Promise((resolve) => {
    let deliver: (bytes: Buffer) => void = () => undefined;
    const received = new Promise<Buffer>((done) => (deliver = done));
    const server = net.createServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => deliver(Buffer.concat(chunks)));
    });
    server.listen(9100, host, () => resolve({ host, received, close: () => server.close() }));
  });
}

describe('the test print from Media-instellingen › Bonprinter', () => {
  it('follows the settings: English, 58 mm, Windows-1252 with € as 0x80, drawer opened first, paper not cut', async () => {
    const app = backofficeOn(tempDir());
    const printer = await listeningPrinter();
    const saved = app.services.settings.writeGroup('media.receiptPrinter', { host: printer.host, port: 9100, paperWidth: '58', codePage: 'cp1252', cut: false, drawerKick: true }, { by: 'Anna', lang: 'en' });
    expect(saved.ok).toBe(true);
    expect(await app.services.receiptPrinter.testPrint('en', new Date('2026-11-28T10:00:00Z'))).toMatchObject({ ok: true, value: { address: `${printer.host}:9100` } });
    const bytes = await printer.received;
    const text = bytes.toString('latin1');
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa]);
    expect(text).toContain('TEST RECEIPT');
    expect(text).toContain('Test line with euro');
    expect(text).toContain('58 mm \u00b7 CP1252');
    expect(bytes.includes(0x80)).toBe(true);
    expect(bytes.includes(Buffer.from([0x1d, 0x56]))).toBe(false);
    printer.close();
    await app.close();
  });

  it('names the refused field, port or printer address, in the language asked', async () => {
    const app = backofficeOn(tempDir());
    app.services.settings.writeGroup('media.receiptPrinter', { host: '192.168.1.50', port: 9200 }, { by: 'Anna', lang: 'nl' });
    expect(await app.services.receiptPrinter.testPrint('en', new Date())).toMatchObject({
      ok: false,
      error: { code: 'printer_address_refused', fields: [{ field: 'port', message: expect.stringMatching(/^Port: /) }] },
    });
    app.services.settings.writeGroup('media.receiptPrinter', { host: '8.8.8.8', port: 9100 }, { by: 'Anna', lang: 'nl' });
    expect(await app.services.receiptPrinter.testPrint('en', new Date())).toMatchObject({
      error: { fields: [{ field: 'host', message: expect.stringMatching(/^Printer address: /) }] },
    });
    await app.close();
  });
});
