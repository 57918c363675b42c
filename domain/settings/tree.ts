import type { TreeNode } from './types';

/**
 * The settings tree: the 15 sections in the order shop owners know them, with their Dutch names.
 * A node opens a settings group, a list, or an information page.
 */
export const settingsTree: readonly TreeNode[] = [
  { key: 'backoffice', label: { nl: 'BackOffice-instellingen', en: 'Back office settings' }, content: { kind: 'group', group: 'backoffice' } },
  {
    key: 'company',
    label: { nl: 'Bedrijfsinformatie', en: 'Company information' },
    children: [
      { key: 'company.general', label: { nl: 'Algemene informatie', en: 'General information' }, content: { kind: 'group', group: 'company.general' } },
      { key: 'company.contact', label: { nl: 'Contactinformatie', en: 'Contact information' }, content: { kind: 'group', group: 'company.contact' } },
      { key: 'company.billing', label: { nl: 'Factuurinformatie', en: 'Invoice information' }, content: { kind: 'group', group: 'company.billing' } },
      { key: 'company.business', label: { nl: 'Zakelijke informatie', en: 'Business information' }, content: { kind: 'group', group: 'company.business' } },
      { key: 'company.support', label: { nl: 'Support', en: 'Support' }, content: { kind: 'group', group: 'company.support' } },
      { key: 'company.vat', label: { nl: 'BTW-informatie', en: 'VAT information' }, content: { kind: 'group', group: 'company.vat' } },
      { key: 'company.repair', label: { nl: 'Reparatie-informatie', en: 'Repair information' }, content: { kind: 'group', group: 'company.repair' } },
      { key: 'company.quote', label: { nl: 'Offerte-informatie', en: 'Quote information' }, content: { kind: 'group', group: 'company.quote' } },
    ],
  },
  {
    key: 'orders',
    label: { nl: 'Bestelling', en: 'Orders' },
    children: [
      { key: 'orders.processing', label: { nl: 'Bestellingen', en: 'Orders' }, content: { kind: 'group', group: 'orders.processing' } },
      { key: 'orders.shipping', label: { nl: 'Zendingen', en: 'Shipments' }, content: { kind: 'group', group: 'orders.shipping' } },
      { key: 'orders.terms', label: { nl: 'Voorwaarden', en: 'Terms' }, content: { kind: 'group', group: 'orders.terms' } },
    ],
  },
  { key: 'paymentMethods', label: { nl: 'Betalingsprovider', en: 'Payment provider' }, content: { kind: 'list', collection: 'paymentMethods' } },
  { key: 'email', label: { nl: 'E-mailinstellingen', en: 'E-mail settings' }, content: { kind: 'group', group: 'email' } },
  { key: 'emailTemplates', label: { nl: 'E-mailsjablonen', en: 'E-mail templates' }, content: { kind: 'list', collection: 'emailTemplates' } },
  {
    key: 'media',
    label: { nl: 'Media-instellingen', en: 'Media settings' },
    children: [
      { key: 'media.images', label: { nl: 'Afbeeldingen', en: 'Images' }, content: { kind: 'group', group: 'media.images' } },
      { key: 'media.shelfLabels', label: { nl: 'Schapkaartjes', en: 'Shelf labels' }, content: { kind: 'group', group: 'media.shelfLabels' } },
      { key: 'media.receiptPrinter', label: { nl: 'Bonprinter', en: 'Receipt printer' }, content: { kind: 'group', group: 'media.receiptPrinter' } },
    ],
  },
  { key: 'products', label: { nl: 'Productinstellingen', en: 'Product settings' }, content: { kind: 'group', group: 'products.defaults' } },
  { key: 'salesChannelDefaults', label: { nl: 'Standaard verkoopkanalen', en: 'Default sales channels' }, content: { kind: 'group', group: 'salesChannels.defaults' } },
  { key: 'storekeeperPayments', label: { nl: 'StoreKeeper Payments', en: 'StoreKeeper Payments' }, content: { kind: 'info', page: 'storekeeperPayments' } },
  { key: 'system', label: { nl: 'Systeeminformatie', en: 'System information' }, content: { kind: 'info', page: 'system' } },
  { key: 'users', label: { nl: 'Systeemgebruikers', en: 'System users' }, content: { kind: 'list', collection: 'users' } },
  {
    key: 'salesChannels',
    label: { nl: 'Verkoopkanaal-instellingen', en: 'Sales channel settings' },
    children: [
      { key: 'salesChannels.list', label: { nl: 'Verkoopkanalen', en: 'Sales channels' }, content: { kind: 'list', collection: 'salesChannels' } },
      { key: 'salesChannels.report', label: { nl: 'Rapportage', en: 'Report' }, content: { kind: 'info', page: 'salesReport' } },
    ],
  },
  { key: 'shippingMethods', label: { nl: 'Verzendmethoden', en: 'Shipping methods' }, content: { kind: 'list', collection: 'shippingMethods' } },
  { key: 'webhooks', label: { nl: 'Webhooks', en: 'Webhooks' }, content: { kind: 'list', collection: 'webhooks' } },
];
