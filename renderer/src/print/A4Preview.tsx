import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../domain/money';
import type { A4Document } from '../../../domain/print/invoice';
import { vatRates } from '../../../domain/vat';
import { useLang } from '../app/useLang';
import { AttachmentImage } from '../attachments/AttachmentImage';
import { PageSize } from './PageSize';

const euro = (cents: number) => formatEuro(cents);

/**
 * An invoice or quote on A4 with everything an invoice must show by Dutch law (the
 * Belastingdienst's factuureisen), in the user's language. B2C shops see their incl. VAT prices
 * lead, B2B shops their excl. VAT prices; the unit price excl. VAT is always there.
 */
export function A4Preview({ document: doc, logo }: { document: A4Document; logo: unknown }) {
  const { t } = useTranslation();
  const lang = useLang();
  const date = (iso: string) => new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long' }).format(new Date(`${iso}T12:00:00Z`));
  const title = t(`document.${doc.kind}`);
  const { supplier, totals } = doc;
  const b2b = doc.priceMode === 'b2b';
  const rate = (id: keyof typeof vatRates) => vatRates[id].label[lang];
  return (
    <>
      <PageSize widthMm={210} heightMm={297} />
      <section className="bo-print-page bo-a4" data-testid="print-page" style={{ width: '210mm', height: '297mm' }} lang={lang}>
        <header className="bo-a4-header">
          <div>
            <AttachmentImage value={logo} alt={`Logo ${supplier.name}`} style={{ maxHeight: '22mm', maxWidth: '70mm' }} />
            <h1>{title}</h1>
          </div>
          <address data-testid="supplier">
            <strong>{supplier.name}</strong>
            {supplier.address.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {supplier.phone && <div>{supplier.phone}</div>}
            {supplier.email && <div>{supplier.email}</div>}
          </address>
        </header>
        <div className="bo-a4-meta">
          <address data-testid="customer">
            <strong>{doc.customer.name}</strong>
            {doc.customer.address.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {doc.customer.vatId && <div>{t('document.customerVatId', { vatId: doc.customer.vatId })}</div>}
          </address>
          <dl>
            <dt>{t(`document.${doc.kind}Number`)}</dt>
            <dd data-testid="document-number">{doc.number}</dd>
            <dt>{t('document.date')}</dt>
            <dd data-testid="document-date">{date(doc.date)}</dd>
            {doc.kind === 'invoice' && (
              <>
                <dt>{t('document.deliveryDate')}</dt>
                <dd data-testid="delivery-date">{date(doc.deliveryDate)}</dd>
              </>
            )}
            <dt>{t(doc.kind === 'invoice' ? 'document.payBefore' : 'document.validUntil')}</dt>
            <dd>{date(doc.until)}</dd>
          </dl>
        </div>
        <table className="bo-a4-lines" data-testid="document-lines">
          <thead>
            <tr>
              <th>{t('document.description')}</th>
              <th>{t('document.quantity')}</th>
              <th>{t('document.unitExcl')}</th>
              {!b2b && <th>{t('document.unitIncl')}</th>}
              <th>{t('document.vatRate')}</th>
              <th>{t(b2b ? 'document.totalExcl' : 'document.totalIncl')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.lines.map((line) => (
              <tr key={line.description}>
                <td>{line.description}</td>
                <td>{line.quantity}</td>
                <td>{euro(line.unitPriceExclVat)}</td>
                {!b2b && <td>{euro(line.unitPriceInclVat)}</td>}
                <td>{rate(line.vatRate)}</td>
                <td>{euro(b2b ? line.totalExclVat : line.totalInclVat)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="bo-a4-vat" data-testid="vat-breakdown">
          <thead>
            <tr>
              <th>{t('document.vatRate')}</th>
              <th>{t('document.amountExcl')}</th>
              <th>{t('document.vat')}</th>
              <th>{t('document.amountIncl')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.vat.map((line) => (
              <tr key={line.rate}>
                <td>{rate(line.rate)}</td>
                <td>{euro(line.excl)}</td>
                <td>{euro(line.vat)}</td>
                <td>{euro(line.incl)}</td>
              </tr>
            ))}
            <tr className="bo-a4-total">
              <td>{t('document.total')}</td>
              <td>{euro(totals.totalExclVat)}</td>
              <td>{euro(totals.totalVat)}</td>
              <td>{euro(totals.totalInclVat)}</td>
            </tr>
          </tbody>
        </table>
        {totals.vat.some((line) => line.rate === 'exempt') && <p data-testid="vat-exempt">{t('document.exempt')}</p>}
        {doc.note && <p className="bo-a4-note">{doc.note}</p>}
        {doc.kind === 'invoice' && doc.terms && (
          <section className="bo-a4-terms" data-testid="document-terms">
            <h2>{t('document.terms')}</h2>
            <p>{doc.terms}</p>
          </section>
        )}
        <footer className="bo-a4-footer" data-testid="document-footer">
          {doc.footer && <p>{doc.footer}</p>}
          <p>
            {[supplier.kvkNumber && `${t('document.kvk')} ${supplier.kvkNumber}`, supplier.vatId && `${t('document.vatId')} ${supplier.vatId}`, supplier.iban && `IBAN ${supplier.iban}`].filter(Boolean).join(' · ')}
          </p>
        </footer>
      </section>
    </>
  );
}
