import { countries } from '../countries';
import { vatRateOptions } from '../vat';
import { money, multiSelect, select, text, toggle } from '../settings/fields';
import type { CollectionDef } from '../settings/types';

export const shippingMethods = {
  key: 'shippingMethods',
  label: { nl: 'Verzendmethoden', en: 'Shipping methods' },
  itemLabel: { nl: 'Verzendmethode', en: 'Shipping method' },
  titleField: 'name',
  ordered: true,
  fields: [
    text('name', { nl: 'Naam', en: 'Name' }, { required: true, max: 80 }),
    select('type', { nl: 'Soort', en: 'Type' }, [
      { value: 'Parcel', label: { nl: 'Pakket', en: 'Parcel' } },
      { value: 'TruckDelivery', label: { nl: 'Bezorging per vrachtwagen', en: 'Truck delivery' } },
      { value: 'PickupAtStore', label: { nl: 'Afhalen in de winkel', en: 'Pickup at store' } },
    ], { default: 'Parcel' }),
    toggle('enabled', { nl: 'Ingeschakeld', en: 'Enabled' }, { default: true }),
    multiSelect('countries', { nl: 'Landen', en: 'Countries' }, countries, {
      default: [],
      help: { nl: 'Leeg betekent: het land van het eigen bedrijf.', en: "Empty means the company's own country." },
    }),
    money('priceInclVat', { nl: 'Prijs inclusief btw', en: 'Price including VAT' }, { default: 0 }),
    select('vatRate', { nl: 'Btw-tarief', en: 'VAT rate' }, vatRateOptions, { default: 'high' }),
    toggle('freeAboveEnabled', { nl: 'Gratis vanaf een bedrag', en: 'Free from an amount' }, { default: false }),
    money('freeFromInclVat', { nl: 'Gratis vanaf (inclusief btw)', en: 'Free from (including VAT)' }, {
      default: 0, visibleIf: { field: 'freeAboveEnabled', in: [true] },
    }),
  ],
  rules: [
    {
      // "Free from € 0" is every order free: that is a price of € 0, not a threshold.
      fields: ['freeAboveEnabled', 'freeFromInclVat'],
      check: (values) =>
        values.freeAboveEnabled === true && Number(values.freeFromInclVat) <= 0 ? { field: 'freeFromInclVat', reason: 'shipping.freeFromZero' } : null,
    },
  ],
} as const satisfies CollectionDef;
