import { uppercaseCode } from '../validators/check';
import { checkWebUrl } from '../validators/url';
import { select, text, toggle } from '../settings/fields';
import type { CollectionDef } from '../settings/types';

export const salesChannels = {
  key: 'salesChannels',
  label: { nl: 'Verkoopkanalen', en: 'Sales channels' },
  itemLabel: { nl: 'Verkoopkanaal', en: 'Sales channel' },
  titleField: 'name',
  ordered: false,
  fields: [
    text('name', { nl: 'Naam', en: 'Name' }, { required: true, max: 80 }),
    select('type', { nl: 'Soort', en: 'Type' }, [
      { value: 'webshop', label: { nl: 'Webshop', en: 'Web shop' } },
      { value: 'pos', label: { nl: 'Kassa (winkel)', en: 'Point of sale (store)' } },
      { value: 'marketplace', label: { nl: 'Marktplaats', en: 'Marketplace' } },
    ], { default: 'webshop' }),
    text('url', { nl: 'Webadres', en: 'Web address' }, { check: checkWebUrl, input: 'url', visibleIf: { field: 'type', in: ['webshop', 'marketplace'] } }),
    text('orderNumberPrefix', { nl: 'Voorvoegsel bestelnummer', en: 'Order number prefix' }, {
      required: true,
      max: 6,
      check: uppercaseCode(/^[A-Z0-9]{1,6}$/, 'orderPrefix.format'),
      help: { nl: 'Uniek per kanaal, bijvoorbeeld S4.', en: 'Unique per channel, for example S4.' },
    }),
    select('language', { nl: 'Taal', en: 'Language' }, [
      { value: 'nl', label: { nl: 'Nederlands', en: 'Dutch' } },
      { value: 'en', label: { nl: 'Engels', en: 'English' } },
      { value: 'de', label: { nl: 'Duits', en: 'German' } },
      { value: 'fr', label: { nl: 'Frans', en: 'French' } },
    ], { default: 'nl' }),
    toggle('published', { nl: 'Gepubliceerd', en: 'Published' }, { default: true }),
    toggle('isDefault', { nl: 'Standaardkanaal', en: 'Default channel' }, { default: false }),
  ],
} as const satisfies CollectionDef;
