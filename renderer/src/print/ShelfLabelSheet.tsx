import { useMemo, useState } from 'react';
import { layoutLabels, type LabelTemplate } from '../../../domain/print/labelTemplates';
import type { ShelfLabel } from '../../../domain/print/shelfLabel';
import { fitShelfLabel, type LabelLayout } from '../../../domain/print/shelfLabelLayout';
import { Ean13, ean13BarModules } from './Barcode';
import { labelFontFamily, measureText } from './measureText';
import { PageSize } from './PageSize';
import { ShelfLabelWarnings } from './ShelfLabelWarnings';

/**
 * Shelf labels at true size on their sheet or roll, one printed page per sheet (or label on a
 * roll). Every label is laid out by fitShelfLabel against the real font's widths, so what is drawn
 * is what fits; the label's own clipping is only a last guard and the preview warns before it.
 */
export function ShelfLabelSheet({ template, labels, startAt, priceFontSizePt }: { template: LabelTemplate; labels: ShelfLabel[]; startAt: number; priceFontSizePt: number }) {
  const [leaveOutBarcode, setLeaveOutBarcode] = useState(false);
  const pages = useMemo(() => {
    const rules = { priceFontPt: priceFontSizePt, barModules: ean13BarModules(), leaveOutBarcode };
    return layoutLabels(labels, template, template.kind === 'sheet' ? startAt : 1).map((page) =>
      page.map((placed) => ({ ...placed, layout: fitShelfLabel(placed.item, { widthMm: template.labelWidthMm, heightMm: template.labelHeightMm, printerDpi: template.printerDpi, xOnPageMm: placed.xMm }, rules, measureText) })),
    );
  }, [labels, template, startAt, priceFontSizePt, leaveOutBarcode]);
  const layouts = useMemo(() => pages.flat().map((placed) => placed.layout), [pages]);
  return (
    <>
      <PageSize widthMm={template.pageWidthMm} heightMm={template.pageHeightMm} />
      <ShelfLabelWarnings template={template} layouts={layouts} leftOut={leaveOutBarcode} onLeaveOut={setLeaveOutBarcode} />
      {pages.map((page, pageIndex) => (
        <section key={pageIndex} className="bo-print-page" data-testid="print-page" style={{ width: `${template.pageWidthMm}mm`, height: `${template.pageHeightMm}mm` }}>
          {page.map(({ layout, xMm, yMm }, index) => (
            <Label key={index} layout={layout} xMm={xMm} yMm={yMm} template={template} />
          ))}
        </section>
      ))}
    </>
  );
}

function Label({ layout, xMm, yMm, template }: { layout: LabelLayout; xMm: number; yMm: number; template: LabelTemplate }) {
  const inset = `${layout.paddingMm}mm`;
  return (
    <div className="bo-shelf-label" style={{ left: `${xMm}mm`, top: `${yMm}mm`, width: `${template.labelWidthMm}mm`, height: `${template.labelHeightMm}mm`, fontFamily: labelFontFamily }}>
      {layout.lines.map((line, index) => (
        <div
          key={index}
          className={`bo-shelf-label-line bo-shelf-label-${line.part}`}
          style={{ left: inset, right: inset, top: `${line.topMm}mm`, height: `${line.heightMm}mm`, lineHeight: `${line.heightMm}mm`, fontSize: `${line.fontPt}pt`, fontWeight: line.bold ? 700 : 400 }}
        >
          {line.text}
        </div>
      ))}
      {layout.barcode && <Ean13 placement={layout.barcode} />}
    </div>
  );
}
