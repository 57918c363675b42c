import { describe, expect, it } from 'vitest';
import { checkPrinterAddress, isShopAddress } from './printerAddress';

/** The "Proefbon" button may reach a receipt printer in the shop, and nothing else. */
describe('where a test receipt may go', () => {
  it('only to the raw printing ports 9100 to 9109', async () => {
    for (const port of [9099, 9110, 80, 9100.5]) expect(await checkPrinterAddress('192.168.1.50', port)).toEqual({ ok: false, problem: 'printer.port' });
    for (const port of [9100, 9109]) expect(await checkPrinterAddress('192.168.1.50', port)).toEqual({ ok: true, address: '192.168.1.50' });
  });

  it('only to this computer, the shop network or link-local addresses', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.1.50', '169.254.10.20', '::1', 'fd12:3456::1', 'fe80::1']) {
      expect(isShopAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '172.15.255.255', '172.32.0.1', '192.169.0.1', '2001:db8::1', 'printer', '']) {
      expect(isShopAddress(address), address).toBe(false);
    }
  });

  it('refuses an address on the internet, and resolves a name once', async () => {
    expect(await checkPrinterAddress('8.8.8.8', 9100)).toEqual({ ok: false, problem: 'printer.notLocal' });
    expect(await checkPrinterAddress('localhost', 9100)).toMatchObject({ ok: true, address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) });
    expect(await checkPrinterAddress('bonprinter.invalid', 9100)).toEqual({ ok: false, problem: 'printer.unknownHost' });
  });
});
