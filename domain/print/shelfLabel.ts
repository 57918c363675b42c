import { formatEuro, type Cents } from '../money';
import { unitPriceFor, type ContentUnit } from './unitPrice';

/** A product as the shelf label needs it; prices incl. VAT in cents. */
export interface LabelProduct {
  name: string;
  priceInclVat: Cents;
  wasPriceInclVat?: Cents;
  ean?: string;
  sku?: string;
  brand?: string;
  content?: string;
  unit?: ContentUnit;
}

/** What Media-instellingen › Schapkaartjes says to show. */
export interface LabelOptions {
  showUnitPrice: boolean;
  showBarcode: boolean;
  showSku: boolean;
  showBrand: boolean;
  showWasPrice: boolean;
}

export interface ShelfLabel {
  name: string;
  /** Always there: the selling price incl. VAT is what the law requires on the shelf. */
  price: string;
  unitPrice?: string;
  wasPrice?: string;
  ean?: string;
  sku?: string;
  brand?: string;
}

export function buildShelfLabel(product: LabelProduct, options: LabelOptions): ShelfLabel {
  const unitPrice = options.showUnitPrice && product.content && product.unit ? unitPriceFor(product.priceInclVat, product.content, product.unit) : null;
  // A was-price only when it is real and higher; a "from" price equal to the price misleads.
  const wasPrice = options.showWasPrice && product.wasPriceInclVat !== undefined && product.wasPriceInclVat > product.priceInclVat ? formatEuro(product.wasPriceInclVat) : undefined;
  return {
    name: product.name,
    price: formatEuro(product.priceInclVat),
    ...(unitPrice ? { unitPrice: unitPrice.text } : {}),
    ...(wasPrice ? { wasPrice } : {}),
    ...(options.showBarcode && product.ean ? { ean: product.ean } : {}),
    ...(options.showSku && product.sku ? { sku: product.sku } : {}),
    ...(options.showBrand && product.brand ? { brand: product.brand } : {}),
  };
}
