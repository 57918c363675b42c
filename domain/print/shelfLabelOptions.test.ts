import { describe, expect, it } from 'vitest';
import { buildShelfLabel, type LabelOptions } from './shelfLabel';
import { parseQuantity, unitPriceFor } from './unitPrice';

const everything: LabelOptions = { showUnitPrice: true, showBarcode: true, showSku: true, showBrand: true, showWasPrice: true };
const nothing: LabelOptions = { showUnitPrice: false, showBarcode: false, showSku: false, showBrand: false, showWasPrice: false };
const coffee = { name: 'Koffiebonen', priceInclVat: 899, wasPriceInclVat: 1099, ean: '8712345678906', sku: 'KB-500', brand: 'Brander', content: '500', unit: 'g' as const };

// formatEuro writes a no-break space after the euro sign, so the amount never wraps away from it.
describe('what a shelf label shows', () => {
  it('shows every part the shop switched on', () => {
    expect(buildShelfLabel(coffee, everything)).toEqual({
      name: 'Koffiebonen',
      price: '€\u00a08,99',
      unitPrice: '€\u00a017,98 per kg',
      wasPrice: '€\u00a010,99',
      ean: '8712345678906',
      sku: 'KB-500',
      brand: 'Brander',
    });
  });

  it('shows only name and price when the shop switched everything off', () => {
    expect(buildShelfLabel(coffee, nothing)).toEqual({ name: 'Koffiebonen', price: '€\u00a08,99' });
  });

  it('shows no unit price for a product without content or without a unit', () => {
    expect(buildShelfLabel({ ...coffee, content: undefined }, everything).unitPrice).toBeUndefined();
    expect(buildShelfLabel({ ...coffee, content: '' }, everything).unitPrice).toBeUndefined();
    expect(buildShelfLabel({ ...coffee, unit: undefined }, everything).unitPrice).toBeUndefined();
  });

  it('shows a was-price only when it is higher than the price', () => {
    expect(buildShelfLabel({ ...coffee, wasPriceInclVat: 899 }, everything).wasPrice).toBeUndefined();
    expect(buildShelfLabel({ ...coffee, wasPriceInclVat: 799 }, everything).wasPrice).toBeUndefined();
    expect(buildShelfLabel({ ...coffee, wasPriceInclVat: undefined }, everything).wasPrice).toBeUndefined();
    expect(buildShelfLabel({ ...coffee, wasPriceInclVat: 900 }, everything).wasPrice).toBe('€\u00a09,00');
  });

  it('leaves out a barcode, SKU or brand the product does not have', () => {
    const label = buildShelfLabel({ name: 'Los', priceInclVat: 100 }, everything);
    expect(label).toEqual({ name: 'Los', price: '€\u00a01,00' });
  });
});

describe('the unit price the law asks for', () => {
  it('converts every unit to the price per kg, l or m', () => {
    expect(unitPriceFor(250, '250', 'ml')?.text).toBe('€\u00a010,00 per l');
    expect(unitPriceFor(250, '25', 'cl')?.text).toBe('€\u00a010,00 per l');
    expect(unitPriceFor(300, '1,5', 'l')?.text).toBe('€\u00a02,00 per l');
    expect(unitPriceFor(300, '2', 'kg')?.text).toBe('€\u00a01,50 per kg');
    expect(unitPriceFor(500, '50', 'cm')?.text).toBe('€\u00a010,00 per m');
    expect(unitPriceFor(500, '2.5', 'm')).toEqual({ cents: 200, per: 'm', text: '€\u00a02,00 per m' });
  });

  it('shows none for goods per piece, a standard quantity or content that is not a positive number', () => {
    expect(unitPriceFor(500, '6', 'st')).toBeNull();
    expect(unitPriceFor(500, '1', 'kg')).toBeNull();
    expect(unitPriceFor(500, '1000', 'ml')).toBeNull();
    expect(unitPriceFor(500, 'veel', 'g')).toBeNull();
    expect(unitPriceFor(500, '0', 'g')).toBeNull();
  });

  it('reads content as typed, with a comma or a dot and at most three decimals', () => {
    expect(parseQuantity(' 0,75 ')).toBe(750);
    expect(parseQuantity('0.5')).toBe(500);
    expect(parseQuantity('2,125')).toBe(2125);
    expect(parseQuantity('2,1255')).toBeNull();
    expect(parseQuantity('ca 2')).toBeNull();
    expect(parseQuantity('2 kg')).toBeNull();
    expect(parseQuantity('0,000')).toBeNull();
  });
});
