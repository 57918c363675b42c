import { integer, multiSelectFrom, toggle } from '../fields';
import type { GroupDef } from '../types';

const limitedStock = { field: 'unlimitedStock', in: [false] } as const;

export const productDefaults = {
  key: 'products.defaults',
  label: { nl: 'Productinstellingen', en: 'Product settings' },
  help: {
    nl: 'Standaardwaarden voor nieuwe producten. Het standaard btw-tarief staat bij Bedrijfsinformatie › BTW-informatie.',
    en: 'Defaults for new products. The default VAT rate is at Company information › VAT information.',
  },
  fields: [
    toggle('active', { nl: 'Actief', en: 'Active' }, { default: true }),
    toggle('orderable', { nl: 'Bestelbaar', en: 'Orderable' }, { default: true }),
    toggle('orderableOutOfStock', { nl: 'Ook bestelbaar zonder voorraad', en: 'Orderable when out of stock' }, { default: false }),
    toggle('unlimitedStock', { nl: 'Onbeperkte voorraad', en: 'Unlimited stock' }, { default: false }),
    integer('minimumStock', { nl: 'Minimale voorraad', en: 'Minimum stock' }, { default: 0, min: 0, max: 1_000_000, visibleIf: limitedStock }),
    integer('maximumStock', { nl: 'Maximale voorraad', en: 'Maximum stock' }, { default: 100, min: 0, max: 1_000_000, visibleIf: limitedStock }),
  ],
  rules: [
    {
      fields: ['minimumStock', 'maximumStock'],
      check(values) {
        const [min, max] = [Number(values.minimumStock), Number(values.maximumStock)];
        return values.unlimitedStock !== true && min > max
          ? { field: 'minimumStock', reason: 'stock.minAboveMax', values: { min, max } }
          : null;
      },
    },
  ],
} as const satisfies GroupDef;

export const salesChannelDefaults = {
  key: 'salesChannels.defaults',
  label: { nl: 'Standaard verkoopkanalen', en: 'Default sales channels' },
  fields: [
    multiSelectFrom('publishOn', { nl: 'Nieuwe actieve producten publiceren op', en: 'Publish new active products on' }, 'salesChannels', {
      default: [],
      help: { nl: 'Op deze verkoopkanalen verschijnt een nieuw actief product automatisch.', en: 'A new active product appears on these sales channels automatically.' },
    }),
  ],
} as const satisfies GroupDef;
