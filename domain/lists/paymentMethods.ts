import { integer, select, text, toggle } from '../settings/fields';
import type { CollectionDef } from '../settings/types';

/** Pay.nl payment option ids of the methods Dutch shops use most. */
export const payNlOptionIds = { ideal: 10, paypal: 138, visaMastercard: 706, bancontact: 436, applePay: 2277 } as const;

export const paymentMethods = {
  key: 'paymentMethods',
  label: { nl: 'Betaalmethoden', en: 'Payment methods' },
  itemLabel: { nl: 'Betaalmethode', en: 'Payment method' },
  titleField: 'nameNl',
  ordered: true,
  fields: [
    text('nameNl', { nl: 'Naam (Nederlands)', en: 'Name (Dutch)' }, { required: true, max: 80 }),
    text('nameEn', { nl: 'Naam (Engels)', en: 'Name (English)' }, { max: 80 }),
    integer('providerOptionId', { nl: 'Betaaloptie-id bij provider', en: 'Provider payment option id' }, {
      default: payNlOptionIds.ideal, min: 1, max: 999_999,
      help: { nl: 'Het id bij Pay.nl, bijvoorbeeld 10 voor iDEAL.', en: 'The id at Pay.nl, for example 10 for iDEAL.' },
    }),
    select('type', { nl: 'Soort', en: 'Type' }, [
      { value: 'web', label: { nl: 'Webshop', en: 'Web shop' } },
      { value: 'giftcard', label: { nl: 'Cadeaukaart', en: 'Gift card' } },
      { value: 'pos', label: { nl: 'Kassa', en: 'Point of sale' } },
    ], { default: 'web' }),
    toggle('active', { nl: 'Actief', en: 'Active' }, { default: true }),
  ],
} as const satisfies CollectionDef;
