import { describe as describeReason } from '../../../domain/messages';
import { buildReceipt } from '../../../domain/print/receipt';
import { supplierFrom } from '../../../domain/print/supplier';
import { failure, success, type Result } from '../../../domain/result';
import type { Lang } from '../../../domain/text';
import type { Logger } from '../logger';
import type { SettingsService } from '../settings/settingsService';
import { receiptToEscPos, sendToPrinter, type PrinterProfile } from './escpos';
import { checkPrinterAddress, printerPorts } from './printerAddress';

/** The network receipt printer set up in Media-instellingen › Bonprinter. */
export function createReceiptPrinter({ settings, logger }: { settings: SettingsService; logger: Logger }) {
  function profile(): { host: string; port: number; profile: PrinterProfile } {
    const values = settings.get('media.receiptPrinter');
    return {
      host: values.host,
      port: values.port,
      profile: { paperWidth: values.paperWidth === '58' ? 58 : 80, codePage: values.codePage === 'cp1252' ? 'cp1252' : 'cp858', cut: values.cut !== false, drawerKick: values.drawerKick === true },
    };
  }

  return {
    /** A short test receipt with the shop's header and a € amount, so the code page shows at a glance. */
    async testPrint(lang: Lang, now: Date): Promise<Result<{ address: string; bytes: number }>> {
      const { host, port, profile: printer } = profile();
      if (host === '') return failure({ code: 'printer_not_set_up', message: describeReason('printer.noAddress', lang) });
      const checked = await checkPrinterAddress(host, port);
      if (!checked.ok) {
        const field = checked.problem === 'printer.port' ? 'port' : 'host';
        const label = field === 'port' ? (lang === 'nl' ? 'Poort' : 'Port') : lang === 'nl' ? 'Adres van de printer' : 'Printer address';
        const message = describeReason(checked.problem, lang, { label, ...printerPorts });
        logger.warn('printing.refusedAddress', { problem: checked.problem });
        return failure({ code: 'printer_address_refused', message, fields: [{ field, reason: checked.problem, message }] });
      }
      const receipt = buildReceipt({
        title: lang === 'nl' ? 'Proefbon' : 'Test receipt',
        supplier: supplierFrom(settings.snapshot()),
        number: 'TEST',
        date: now.toLocaleDateString('nl-NL'),
        lines: [{ description: lang === 'nl' ? 'Proefregel met euroteken' : 'Test line with euro sign', quantity: 1, unitPriceInclVat: 1234, vatRate: 'high' }],
        payments: [],
        footer: `${printer.paperWidth} mm · ${printer.codePage.toUpperCase()}`,
      });
      const bytes = receiptToEscPos(receipt, printer);
      const address = `${host}:${port}`;
      try {
        await sendToPrinter(checked.address, port, bytes);
      } catch (error) {
        logger.warn('printing.unreachable', { address, error: (error as Error).message });
        return failure({ code: 'printer_unreachable', message: describeReason('printer.unreachable', lang, { address, detail: (error as Error).message }) });
      }
      logger.info('printing.testPrinted', { address, bytes: bytes.length });
      return success({ address, bytes: bytes.length });
    },
  };
}
