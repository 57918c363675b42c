import { Alert, Button } from 'antd';
import { ean13MinWidthMm } from '../../../domain/print/barcodeSize';
import type { LabelTemplate } from '../../../domain/print/labelTemplates';
import type { LabelLayout, LabelPart } from '../../../domain/print/shelfLabelLayout';
import type { Lang } from '../../../domain/text';
import { useLang } from '../app/useLang';
import { ean13BarModules } from './Barcode';

const mm = (value: number, lang: Lang) => value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
const partNames: Readonly<Record<LabelPart, { nl: string; en: string }>> = {
  brand: { nl: 'het merk weggelaten', en: 'the brand left out' },
  sku: { nl: 'het artikelnummer weggelaten', en: 'the SKU left out' },
  wasPrice: { nl: 'de van-prijs weggelaten', en: 'the was-price left out' },
  name: { nl: 'de naam ingekort', en: 'the name shortened' },
  price: { nl: 'de prijs kleiner gezet', en: 'the price set smaller' },
  unitPrice: { nl: 'de prijs per eenheid kleiner gezet', en: 'the unit price set smaller' },
};

/**
 * What the preview must say before anyone prints: a label that cannot hold a scannable code (with
 * the offer to leave it out), and every label where something had to give way to fit.
 */
export function ShelfLabelWarnings({ template, layouts, leftOut, onLeaveOut }: { template: LabelTemplate; layouts: LabelLayout[]; leftOut: boolean; onLeaveOut: (leaveOut: boolean) => void }) {
  const lang = useLang();
  const count = (test: (layout: LabelLayout) => boolean) => layouts.filter(test).length;
  const tooNarrow = count((l) => l.barcodeMissing === 'tooNarrow');
  const noRoom = count((l) => l.barcodeMissing === 'noRoom');
  const overfull = count((l) => l.overfull);
  const gave = (['brand', 'sku', 'wasPrice'] as const).map((part) => [part, count((l) => l.dropped.includes(part))] as const);
  const shortened = count((l) => l.nameShortened);
  const shrunk = layouts.map((l) => l.priceShrunkToPt).filter((pt): pt is number => pt !== null);
  const changes = [
    ...gave.filter(([, n]) => n > 0).map(([part, n]) => `${n} × ${partNames[part][lang]}`),
    ...(shortened > 0 ? [`${shortened} × ${partNames.name[lang]}`] : []),
    ...(shrunk.length > 0 ? [`${shrunk.length} × ${partNames.price[lang]} (${lang === 'nl' ? 'tot' : 'down to'} ${Math.min(...shrunk)} pt)`] : []),
  ];
  const size = `${mm(template.labelWidthMm, lang)} × ${mm(template.labelHeightMm, lang)} mm`;
  return (
    <div className="bo-no-print" data-testid="label-warnings">
      {tooNarrow > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={lang === 'nl' ? `Op een etiket van ${size} past geen streepjescode die een scanner kan lezen` : `A ${size} label cannot hold a barcode a scanner can read`}
          description={
            lang === 'nl'
              ? `Een EAN-13 met zijn witte marges is minstens ${mm(ean13MinWidthMm(template.printerDpi, ean13BarModules()), lang)} mm breed (80 % van de GS1-maat). De etiketten worden daarom zonder streepjescode afgedrukt.`
              : `An EAN-13 with its quiet zones is at least ${mm(ean13MinWidthMm(template.printerDpi, ean13BarModules()), lang)} mm wide (80 % of the GS1 size). The labels are therefore printed without a barcode.`
          }
          action={<Button onClick={() => onLeaveOut(true)}>{lang === 'nl' ? 'Streepjescode weglaten' : 'Leave the barcode out'}</Button>}
        />
      )}
      {leftOut && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={lang === 'nl' ? 'De streepjescode is weggelaten.' : 'The barcode is left out.'} action={<Button onClick={() => onLeaveOut(false)}>{lang === 'nl' ? 'Streepjescode weer tonen' : 'Show the barcode again'}</Button>} />
      )}
      {noRoom > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={lang === 'nl' ? `Op ${noRoom} etiketten is naast de prijs en de naam geen plaats voor een streepjescode van minstens 6 mm hoog; die staat er daarom niet op.` : `On ${noRoom} labels there is no room beside the price and name for a barcode at least 6 mm tall, so it is left off.`}
        />
      )}
      {overfull > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={lang === 'nl' ? `Op ${overfull} etiketten past de tekst niet, ook niet op de kleinste lettergrootte. Kies een groter etiket.` : `On ${overfull} labels the text does not fit even at the smallest size. Choose a larger label.`} />
      )}
      {changes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={lang === 'nl' ? 'Niet alles past op elk etiket; om de prijs heel te houden is het volgende aangepast:' : 'Not everything fits on every label; to keep the price whole:'}
          description={<ul style={{ margin: 0 }}>{changes.map((change) => <li key={change}>{change}</li>)}</ul>}
        />
      )}
    </div>
  );
}
