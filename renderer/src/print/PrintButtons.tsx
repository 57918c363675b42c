import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useLang } from '../app/useLang';
import { bridge } from '../bridge/backoffice';

/**
 * In the desktop app: a chosen printer (printed silently, at the document's own page size) and
 * Save as PDF. In a browser: the browser's own print dialog, which also saves as PDF. While a
 * document lacks something it needs (`blockedBy` says what), nothing is printed.
 */
export function PrintButtons({ fileName, blockedBy = null }: { fileName: string; blockedBy?: string | null }) {
  const lang = useLang();
  const { message } = App.useApp();
  const printing = bridge().printing;
  const [printers, setPrinters] = useState<{ name: string; displayName: string }[]>([]);
  const [printer, setPrinter] = useState<string | undefined>();

  useEffect(() => {
    void printing?.printers().then(setPrinters);
  }, [printing]);

  if (!printing) {
    return (
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={blockedBy !== null} title={blockedBy ?? undefined}>
        {lang === 'nl' ? 'Afdrukken of als PDF bewaren' : 'Print or save as PDF'}
      </Button>
    );
  }
  return (
    <>
      <Select aria-label={lang === 'nl' ? 'Printer' : 'Printer'} placeholder={lang === 'nl' ? 'Kies een printer' : 'Choose a printer'} value={printer} onChange={setPrinter} options={printers.map((p) => ({ value: p.name, label: p.displayName }))} style={{ width: 240 }} allowClear />
      <Button
        type="primary"
        icon={<PrinterOutlined />}
        disabled={blockedBy !== null}
        title={blockedBy ?? undefined}
        onClick={async () => {
          const result = await printing.print({ silent: printer !== undefined, ...(printer ? { deviceName: printer } : {}) });
          if (!result.ok && result.reason !== 'cancelled') void message.error(result.reason);
        }}
      >
        {lang === 'nl' ? 'Afdrukken' : 'Print'}
      </Button>
      <Button icon={<FilePdfOutlined />} onClick={() => void printing.savePdf({ fileName })} disabled={blockedBy !== null} title={blockedBy ?? undefined}>
        {lang === 'nl' ? 'Bewaren als PDF' : 'Save as PDF'}
      </Button>
    </>
  );
}
