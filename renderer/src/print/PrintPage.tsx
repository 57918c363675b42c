import { Alert, Flex, InputNumber, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { attachmentOf } from '../../../domain/attachments';
import { addDays, buildA4Document, invoiceNumber } from '../../../domain/print/invoice';
import { customSheet, labelTemplate, type LabelTemplate } from '../../../domain/print/labelTemplates';
import { importProductCsv, type CsvImport } from '../../../domain/print/productCsv';
import { buildReceipt, type SaleLine } from '../../../domain/print/receipt';
import { buildShelfLabel } from '../../../domain/print/shelfLabel';
import type { ReceiptPaperWidth } from '../../../domain/receiptPaper';
import templatesJson from '../../../resources/label-templates.json';
import samples from '../../../resources/print-samples.json';
import { useLang } from '../app/useLang';
import { useNavigation } from '../app/useNavigation';
import { useSettingsSnapshotQuery } from '../store/api';
import { A4Preview } from './A4Preview';
import { documentKinds, printSection, type DocumentKind } from './documentKinds';
import { PrintButtons } from './PrintButtons';
import { ReceiptPreview } from './ReceiptPreview';
import { ShelfLabelSheet } from './ShelfLabelSheet';
import { supplierFrom } from '../../../domain/print/supplier';
import { missingCompanyDetails } from '../../../domain/print/companyDetails';
import { useTranslation } from 'react-i18next';
import { MissingDetails } from './MissingDetails';

const templates: LabelTemplate[] = labelTemplate.array().parse(templatesJson);
const sampleCsv = ['sku;ean;name;price;content;unit;brand', ...samples.products.map((p) => [p.sku, p.ean, p.name, p.price, p.content, p.unit, p.brand].join(';'))].join('\n');
const today = () => new Date().toISOString().slice(0, 10);
const dutchDate = (iso: string) => iso.split('-').reverse().join('-');

/** Voorbeeld: every document kind with the shop's own settings and sample data, ready to print. */
export function PrintPage({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  const lang = useLang();
  const titles = Object.fromEntries(documentKinds.map((value) => [value, t(`print.kind.${value}`)])) as Record<DocumentKind, string>;
  const go = useNavigation();
  const { data: groups = {} } = useSettingsSnapshotQuery();
  const [csv, setCsv] = useState<CsvImport>(() => importProductCsv(sampleCsv, lang));
  const [startAt, setStartAt] = useState<number | null>(null);
  const [paper, setPaper] = useState<ReceiptPaperWidth>(80);
  const media = groups['media.shelfLabels']?.values ?? {};
  const repair = groups['company.repair']?.values ?? {};
  const billing = groups['company.billing']?.values ?? {};
  const documentClass = kind === 'shelfLabels' ? null : kind === 'invoice' || kind === 'quote' ? 'a4' : 'receipt';
  const missing = documentClass ? missingCompanyDetails(documentClass, groups) : [];

  const template = useMemo(() => {
    if (media.medium === 'roll') return templates.find((t) => t.id === media.rollTemplate) ?? templates[0];
    if (media.sheetTemplate === 'custom') return customSheet(Number(media.customLabelWidthMm), Number(media.customLabelHeightMm), Number(media.customColumns), Number(media.customRows));
    return templates.find((t) => t.id === media.sheetTemplate) ?? templates[0];
  }, [media]) as LabelTemplate;

  const document = () => {
    const supplier = supplierFrom(groups, kind === 'invoice' || kind === 'quote');
    const number = `${kind === 'receipt' ? 'B' : 'R'}-2026-0118`;
    if (kind === 'shelfLabels') {
      const options = { showUnitPrice: media.showUnitPrice === true, showBarcode: media.showBarcode === true, showSku: media.showSku === true, showBrand: media.showBrand === true, showWasPrice: media.showWasPrice === true };
      return <ShelfLabelSheet template={template} labels={csv.products.map((product) => buildShelfLabel(product, options))} startAt={startAt ?? Number(media.startAtLabel ?? 1)} priceFontSizePt={Number(media.priceFontSizePt ?? 24)} />;
    }
    if (kind === 'receipt' || kind === 'repairReceipt' || kind === 'repairDeliveryNote') {
      const lines = (kind === 'receipt' ? samples.saleLines : samples.repairLines) as SaleLine[];
      const total = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceInclVat, 0);
      const footer = kind === 'repairReceipt' ? String(repair.receiptFootnote ?? '') : kind === 'repairDeliveryNote' ? String(repair.deliveryNoteFootnote ?? '') : '';
      const receipt = buildReceipt({ title: t(`print.receiptTitle.${kind}`), supplier, number, date: dutchDate(today()), lines, payments: kind === 'repairDeliveryNote' ? [] : [{ method: t('print.pin'), amount: total }], footer });
      const general = groups['company.general']?.values ?? {};
      return <ReceiptPreview receipt={receipt} paper={paper} lang={lang} logo={attachmentOf(general.logoMonochrome) ?? general.logo} />;
    }
    const invoice = kind === 'invoice';
    const doc = buildA4Document({
      kind: invoice ? 'invoice' : 'quote',
      priceMode: groups['company.general']?.values.priceMode === 'b2b' ? 'b2b' : 'b2c',
      supplier,
      customer: samples.customer,
      number: invoice ? invoiceNumber(String(billing.invoiceNumberPrefix ?? 'F'), Number(billing.nextInvoiceNumber ?? 1)) : 'O-2026-0007',
      date: today(),
      deliveryDate: today(),
      until: addDays(today(), invoice ? Number(billing.paymentTermDays ?? 14) : 30),
      lines: samples.saleLines as SaleLine[],
      note: invoice ? '' : String(groups['company.quote']?.values.quoteNote ?? ''),
      terms: invoice ? String(groups['orders.terms']?.values.invoiceTermsText ?? '') : '',
      footer: invoice ? String(billing.invoiceFooter ?? '') : '',
    });
    return <A4Preview document={doc} logo={groups['company.general']?.values.logo} />;
  };

  return (
    <article aria-labelledby="section-title">
      <div className="bo-no-print">
        <Typography.Title level={1} id="section-title" style={{ fontSize: 22, marginTop: 8 }}>
          {t('print.previewTitle', { document: titles[kind] })}
        </Typography.Title>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented aria-label={t('print.documentChoice')} value={kind} onChange={(value) => go(printSection(value as DocumentKind))} options={documentKinds.map((value) => ({ value, label: titles[value] }))} />
          <PrintButtons fileName={`${titles[kind]}.pdf`} blockedBy={missing.length > 0 ? t('document.missingTitle') : null} />
        </Flex>
        {missing.length > 0 && <MissingDetails missing={missing} />}
        {kind === 'shelfLabels' && (
          <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
            <label htmlFor="label-csv">{lang === 'nl' ? 'Productlijst (CSV)' : 'Product list (CSV)'}</label>
            <input
              id="label-csv"
              type="file"
              accept=".csv,text/csv"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (file) setCsv(importProductCsv(await file.text(), lang));
              }}
            />
            {template.kind === 'sheet' && (
              <>
                <label htmlFor="label-start">{lang === 'nl' ? 'Beginnen bij etiket' : 'Start at label'}</label>
                <InputNumber id="label-start" min={1} max={template.columns * template.rows} value={startAt ?? Number(media.startAtLabel ?? 1)} onChange={(value) => setStartAt(value ?? 1)} />
              </>
            )}
            <Typography.Text data-testid="label-count">
              {csv.products.length} {lang === 'nl' ? 'etiketten op' : 'labels on'} {template.name}
            </Typography.Text>
          </Flex>
        )}
        {kind === 'shelfLabels' && csv.problems.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={lang === 'nl' ? 'Deze regels zijn overgeslagen:' : 'These lines were skipped:'} description={<ul style={{ margin: 0 }}>{csv.problems.map((problem) => <li key={problem.line}>{problem.message}</li>)}</ul>} />
        )}
        {kind !== 'shelfLabels' && kind !== 'invoice' && kind !== 'quote' && (
          <Segmented aria-label={lang === 'nl' ? 'Papierbreedte' : 'Paper width'} value={paper} onChange={(value) => setPaper(value as ReceiptPaperWidth)} options={[{ value: 80, label: '80 mm' }, { value: 58, label: '58 mm' }]} style={{ marginBottom: 12 }} />
        )}
      </div>
      <div className="bo-print-area">{document()}</div>
    </article>
  );
}
