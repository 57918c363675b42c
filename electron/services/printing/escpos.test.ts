import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildReceipt } from '../../../domain/print/receipt';
import { backofficeOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { receiptToEscPos, receiptToText, sendToPrinter, type PrinterProfile } from './escpos';

const tempDir = useTempDir();
const receipt = buildReceipt({
  title: 'Kwitantie',
  supplier: { name: 'Fietsenwinkel De Spaak', address: ['Oudegracht 12', '3511 AB Utrecht'], kvkNumber: '12345678', vatId: 'NL004495445B01' },
  number: 'R-2026-118',
  date: '28-11-2026',
  lines: [
    { description: 'Reparatie achterrem', quantity: 1, unitPriceInclVat: 3500, vatRate: 'high' },
    { description: 'Remblokken Shimano', quantity: 2, unitPriceInclVat: 1975, vatRate: 'high' },
  ],
  payments: [{ method: 'Pin', amount: 7450 }],
  footer: 'Garantie: 3 maanden op onderdelen.',
});
const profile: PrinterProfile = { paperWidth: 80, codePage: 'cp858', cut: true, drawerKick: false };
const has = (bytes: Buffer, ...sequence: number[]) => bytes.includes(Buffer.from(sequence));

/**
 * A stand-in receipt printer: a TCP listener that keeps what it receives, on port 9100 (the only
 * ports a test receipt may go to) of a loopback address of its own (all of 127/8 is this
 * computer), so parallel tests never share one.
 */
function listeningPrinter(port = 9100): Promise<{ host: string; port: number; received: Promise<Buffer>; connections: () => number; close(): void }> {
  const host = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  let connections = 0;
  return new Promise((resolve) => {
    let deliver: (bytes: Buffer) => void = () => undefined;
    const received = new Promise<Buffer>((done) => (deliver = done));
    const server = net.createServer((socket) => {
      connections += 1;
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => deliver(Buffer.concat(chunks)));
    });
    server.listen(port, host, () => resolve({ host, port, received, connections: () => connections, close: () => server.close() }));
  });
}

describe('ESC/POS receipts', () => {
  it('initialises the printer, selects PC858 and prints € as 0xD5, then cuts', () => {
    const bytes = receiptToEscPos(receipt, profile);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40]));
    expect(has(bytes, 0x1b, 0x74, 0x13)).toBe(true);
    expect(has(bytes, 0xd5)).toBe(true);
    expect(has(bytes, 0xe2, 0x82, 0xac)).toBe(false);
    expect(has(bytes, 0x1d, 0x56)).toBe(true);
    expect(bytes.includes(Buffer.from('KvK 12345678', 'latin1'))).toBe(true);
  });

  it('uses 0x80 for € in Windows-1252, kicks the drawer when asked and leaves out the cut when not', () => {
    const bytes = receiptToEscPos(receipt, { ...profile, codePage: 'cp1252', cut: false, drawerKick: true });
    expect(bytes.subarray(0, 5)).toEqual(Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]));
    expect(has(bytes, 0x80)).toBe(true);
    expect(has(bytes, 0x1d, 0x56)).toBe(false);
  });

  it('fits every line in 48 characters on 80 mm and 32 on 58 mm', () => {
    for (const [paperWidth, width] of [[80, 48], [58, 32]] as const) {
      const lines = receiptToText(receipt, { ...profile, paperWidth });
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
      expect(lines.map((line) => line.trim()).join(' ')).toContain('Garantie: 3 maanden op onderdelen.');
    }
  });

  it('delivers exactly these bytes to a printer on the network (raw TCP)', async () => {
    const printer = await listeningPrinter();
    const bytes = receiptToEscPos(receipt, profile);
    await sendToPrinter(printer.host, printer.port, bytes);
    expect(await printer.received).toEqual(bytes);
    printer.close();
  });

  it('sends a test receipt to the configured printer, and says so plainly when none answers', async () => {
    const app = backofficeOn(tempDir());
    const anna = { by: 'Anna', lang: 'nl' as const };
    expect(await app.services.receiptPrinter.testPrint('nl', new Date())).toMatchObject({ ok: false, error: { code: 'printer_not_set_up' } });
    const printer = await listeningPrinter();
    expect(app.services.settings.writeGroup('media.receiptPrinter', { host: printer.host, port: printer.port, paperWidth: '58' }, anna).ok).toBe(true);
    const result = await app.services.receiptPrinter.testPrint('nl', new Date());
    expect(result).toMatchObject({ ok: true, value: { address: `${printer.host}:${printer.port}` } });
    const received = await printer.received;
    expect(has(received, 0xd5)).toBe(true);
    printer.close();
    const closed = await app.services.receiptPrinter.testPrint('nl', new Date());
    expect(closed).toMatchObject({ ok: false, error: { code: 'printer_unreachable', message: expect.stringContaining('antwoordt niet') } });
    await app.close();
  });

  it('sends a test receipt only to a printer port on the shop network, never scans (issue 11, item 8)', async () => {
    const app = backofficeOn(tempDir());
    const anna = { by: 'Anna', lang: 'nl' as const };
    const service = await listeningPrinter(9222);
    app.services.settings.writeGroup('media.receiptPrinter', { host: service.host, port: service.port }, anna);
    expect(await app.services.receiptPrinter.testPrint('nl', new Date())).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'port', reason: 'printer.port', message: expect.stringMatching(/^Poort: .* poort 9100 tot en met 9109/) }] },
    });
    expect(service.connections()).toBe(0);
    service.close();
    for (const host of ['8.8.8.8', '2001:4860:4860::8888']) {
      app.services.settings.writeGroup('media.receiptPrinter', { host, port: 9100 }, anna);
      expect(await app.services.receiptPrinter.testPrint('nl', new Date()), host).toMatchObject({ ok: false, error: { fields: [{ field: 'host', reason: 'printer.notLocal' }] } });
    }
    await app.close();
  });
});
