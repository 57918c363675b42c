import { formatEuro } from '../../../domain/money';
import type { A4Document } from '../../../domain/print/invoice';
import { PageSize } from './PageSize';

const euro = (cents: number) => formatEuro(cents);
const date = (iso: string) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' }).format(new Date(`${iso}T12:00:00Z`));

/** An invoice or quote on A4 with everything an invoice must show by Dutch law. */
export function A4Preview({ document: doc, logo }: { document: A4Document; logo: string }) {
  const title = doc.kind === 'invoice' ? 'Factuur' : 'Offerte';
  const { supplier, totals } = doc;
  return (
    <>
      <PageSize widthMm={210} heightMm={297} />
      <section className="bo-print-page bo-a4" data-testid="print-page" style={{ width: '210mm', height: '297mm' }}>
        <header className="bo-a4-header">
          <div>
            {logo && <img src={logo} alt={`Logo ${supplier.name}`} style={{ maxHeight: '22mm', maxWidth: '70mm' }} />}
            <h1>{title}</h1>
          </div>
          <address>
            <strong>{supplier.name}</strong>
            {supplier.address.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {supplier.phone && <div>{supplier.phone}</div>}
            {supplier.email && <div>{supplier.email}</div>}
          </address>
        </header>
        <div className="bo-a4-meta">
          <address>
            <strong>{doc.customer.name}</strong>
            {doc.customer.address.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </address>
          <dl>
            <dt>{title}nummer</dt>
            <dd data-testid="document-number">{doc.number}</dd>
            <dt>Datum</dt>
            <dd>{date(doc.date)}</dd>
            <dt>{doc.kind === 'invoice' ? 'Betalen vóór' : 'Geldig tot'}</dt>
            <dd>{date(doc.until)}</dd>
          </dl>
        </div>
        <table className="bo-a4-lines">
          <thead>
            <tr>
              <th>Omschrijving</th>
              <th>Aantal</th>
              <th>Prijs incl. btw</th>
              <th>Btw</th>
              <th>Totaal incl. btw</th>
            </tr>
          </thead>
          <tbody>
            {totals.lines.map((line) => (
              <tr key={line.description}>
                <td>{line.description}</td>
                <td>{line.quantity}</td>
                <td>{euro(line.unitPriceInclVat)}</td>
                <td>{totals.vat.find((v) => v.rate === line.vatRate)?.label}</td>
                <td>{euro(line.totalInclVat)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="bo-a4-vat" data-testid="vat-breakdown">
          <thead>
            <tr>
              <th>Btw-tarief</th>
              <th>Bedrag excl. btw</th>
              <th>Btw</th>
              <th>Bedrag incl. btw</th>
            </tr>
          </thead>
          <tbody>
            {totals.vat.map((line) => (
              <tr key={line.rate}>
                <td>{line.label}</td>
                <td>{euro(line.excl)}</td>
                <td>{euro(line.vat)}</td>
                <td>{euro(line.incl)}</td>
              </tr>
            ))}
            <tr className="bo-a4-total">
              <td>Totaal</td>
              <td>{euro(totals.totalExclVat)}</td>
              <td>{euro(totals.totalVat)}</td>
              <td>{euro(totals.totalInclVat)}</td>
            </tr>
          </tbody>
        </table>
        {doc.note && <p className="bo-a4-note">{doc.note}</p>}
        <footer className="bo-a4-footer" data-testid="document-footer">
          {doc.footer && <p>{doc.footer}</p>}
          <p>
            {[supplier.kvkNumber && `KvK ${supplier.kvkNumber}`, supplier.vatId && `Btw-id ${supplier.vatId}`, supplier.iban && `IBAN ${supplier.iban}`].filter(Boolean).join(' · ')}
          </p>
        </footer>
      </section>
    </>
  );
}
