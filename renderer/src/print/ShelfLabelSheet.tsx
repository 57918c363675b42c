import { ean13ModuleMm } from '../../../domain/print/barcodeSize';
import { layoutLabels, type LabelTemplate } from '../../../domain/print/labelTemplates';
import type { ShelfLabel } from '../../../domain/print/shelfLabel';
import { Ean13 } from './Barcode';
import { PageSize } from './PageSize';

/** Shelf labels at true size on their sheet or roll, one printed page per sheet (or label on a roll). */
export function ShelfLabelSheet({ template, labels, startAt, priceFontSizePt }: { template: LabelTemplate; labels: ShelfLabel[]; startAt: number; priceFontSizePt: number }) {
  const pages = layoutLabels(labels, template, template.kind === 'sheet' ? startAt : 1);
  const moduleMm = ean13ModuleMm(template.labelWidthMm, template.dotsPerMm);
  const barcodeHeight = Math.max(4, Math.min(10, template.labelHeightMm * 0.22));
  return (
    <>
      <PageSize widthMm={template.pageWidthMm} heightMm={template.pageHeightMm} />
      {pages.map((page, pageIndex) => (
        <section key={pageIndex} className="bo-print-page" data-testid="print-page" style={{ width: `${template.pageWidthMm}mm`, height: `${template.pageHeightMm}mm` }}>
          {page.map(({ item: label, xMm, yMm }, index) => (
            <div
              key={index}
              className="bo-shelf-label"
              style={{ left: `${xMm}mm`, top: `${yMm}mm`, width: `${template.labelWidthMm}mm`, height: `${template.labelHeightMm}mm` }}
            >
              {label.brand && <div className="bo-shelf-label-brand">{label.brand}</div>}
              <div className="bo-shelf-label-name">{label.name}</div>
              {label.wasPrice && <div className="bo-shelf-label-was">{label.wasPrice}</div>}
              <div className="bo-shelf-label-price" style={{ fontSize: `${priceFontSizePt}pt` }}>
                {label.price}
              </div>
              {label.unitPrice && <div className="bo-shelf-label-unit">{label.unitPrice}</div>}
              {label.ean && <Ean13 code={label.ean} moduleMm={moduleMm} heightMm={barcodeHeight} />}
              {label.sku && <div className="bo-shelf-label-sku">{label.sku}</div>}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}
