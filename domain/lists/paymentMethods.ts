import { integer, multiSelectFrom, readOnlyText, select, text, toggle } from '../settings/fields';
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
    multiSelectFrom('offeredOn', { nl: 'Aangeboden op', en: 'Offered on' }, 'salesChannels', {
      default: [],
      help: {
        nl: 'De verkoopkanalen waarop klanten zo kunnen betalen. [Sync betalingsprovider] neemt ze over van de services bij de provider.',
        en: 'The sales channels where customers can pay this way. [Sync payment provider] takes them from the services at the provider.',
      },
    }),
    // Recorded by [Sync betalingsprovider], never typed: what the provider calls the option and whether it still offers it.
    readOnlyText('providerName', { nl: 'Naam bij de provider', en: 'Name at the provider' }, { recordedBy: 'desktop' }),
    select('providerStatus', { nl: 'Bij de provider', en: 'At the provider' }, [
      { value: 'unknown', label: { nl: 'Nog niet gesynchroniseerd', en: 'Not synchronised yet' } },
      { value: 'available', label: { nl: 'Beschikbaar', en: 'Available' } },
      { value: 'dropped', label: { nl: 'Niet meer beschikbaar bij de provider', en: 'No longer available at the provider' } },
    ], { default: 'unknown', readOnly: true, recordedBy: 'desktop' }),
  ],
} as const satisfies CollectionDef;
