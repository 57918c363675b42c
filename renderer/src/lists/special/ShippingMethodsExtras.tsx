import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../../domain/money';
import { excludingVat, type VatRateId } from '../../../../domain/vat';
import type { ListExtras } from '../ListPage';

/** The price excl. VAT is derived, never stored: round(incl / (1 + rate)). */
export function useShippingMethodsExtras(): ListExtras {
  const { t } = useTranslation();
  return {
    extraColumns: [
      {
        title: t('list.priceExcl'),
        render: (item) => formatEuro(excludingVat(Number(item.values.priceInclVat ?? 0), (item.values.vatRate as VatRateId) ?? 'high')),
      },
    ],
  };
}
