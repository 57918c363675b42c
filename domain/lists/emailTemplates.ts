import { longText, text, toggle } from '../settings/fields';
import type { CollectionDef } from '../settings/types';
import type { Text } from '../text';

export type Audience = 'customer' | 'supplier' | 'shop';

/** Placeholders by the object they come from; a template offers only the objects it is sent with. */
const shop = ['shop.name', 'shop.email', 'shop.phone', 'shop.address'];
const customer = ['customer.name', 'customer.email'];
const order = ['order.number', 'order.date', 'order.total', 'order.url'];
const invoice = ['invoice.number', 'invoice.date', 'invoice.total', 'invoice.dueDate'];
const payment = ['payment.url', 'payment.amount'];
const shipment = ['shipment.carrier', 'shipment.trackingCode', 'shipment.trackingUrl'];
const repair = ['repair.number', 'repair.device', 'repair.description', 'repair.quoteAmount'];
const quote = ['quote.number', 'quote.total', 'quote.validUntil', 'quote.url'];
const account = ['account.loginUrl'];
const giftCard = ['giftCard.code', 'giftCard.amount', 'giftCard.validUntil'];
const supplier = ['supplier.name', 'purchaseOrder.number', 'purchaseOrder.lines'];
const stock = ['product.name', 'product.sku', 'product.stock', 'product.minimumStock'];

export interface TemplateKind {
  key: string;
  audience: Audience;
  label: Text;
  placeholders: readonly string[];
}

const kind = (key: string, audience: Audience, label: Text, ...objects: string[][]): TemplateKind => ({
  key,
  audience,
  label,
  placeholders: [...shop, ...objects.flat()],
});

export const templateKinds: readonly TemplateKind[] = [
  kind('orderConfirmation', 'customer', { nl: 'Orderbevestiging', en: 'Order confirmation' }, customer, order),
  kind('paymentRequest', 'customer', { nl: 'Betaalverzoek', en: 'Payment request' }, customer, order, payment),
  kind('invoice', 'customer', { nl: 'Factuur', en: 'Invoice' }, customer, order, invoice),
  kind('paymentReminder', 'customer', { nl: 'Betalingsherinnering', en: 'Payment reminder' }, customer, invoice, payment),
  kind('shipmentSent', 'customer', { nl: 'Zending verzonden', en: 'Shipment sent' }, customer, order, shipment),
  kind('readyForPickup', 'customer', { nl: 'Klaar om af te halen', en: 'Ready for pickup' }, customer, order),
  kind('orderCancelled', 'customer', { nl: 'Bestelling geannuleerd', en: 'Order cancelled' }, customer, order),
  kind('refund', 'customer', { nl: 'Terugbetaling', en: 'Refund' }, customer, order, payment),
  kind('repairReceived', 'customer', { nl: 'Reparatie ontvangen', en: 'Repair received' }, customer, repair),
  kind('repairQuote', 'customer', { nl: 'Offerte reparatie', en: 'Repair quote' }, customer, repair),
  kind('repairReady', 'customer', { nl: 'Reparatie gereed', en: 'Repair ready' }, customer, repair),
  kind('quote', 'customer', { nl: 'Offerte', en: 'Quote' }, customer, quote),
  kind('accountCreated', 'customer', { nl: 'Account aangemaakt', en: 'Account created' }, customer, account),
  kind('passwordReset', 'customer', { nl: 'Wachtwoord herstellen', en: 'Password reset' }, customer, ['account.resetUrl']),
  kind('giftCard', 'customer', { nl: 'Cadeaubon', en: 'Gift card' }, customer, giftCard),
  kind('supplierOrder', 'supplier', { nl: 'Inkooporder leverancier', en: 'Supplier order' }, supplier),
  kind('internalNewOrder', 'shop', { nl: 'Intern: nieuwe bestelling', en: 'Internal: new order' }, customer, order),
  kind('internalLowStock', 'shop', { nl: 'Intern: lage voorraad', en: 'Internal: low stock' }, stock),
];

/** One record per template kind, keyed by the kind; the fields are what the shop edits. */
export const emailTemplates = {
  key: 'emailTemplates',
  label: { nl: 'E-mailsjablonen', en: 'E-mail templates' },
  itemLabel: { nl: 'E-mailsjabloon', en: 'E-mail template' },
  titleField: 'subjectNl',
  ordered: false,
  fields: [
    toggle('enabled', { nl: 'Ingeschakeld', en: 'Enabled' }, { default: true }),
    text('subjectNl', { nl: 'Onderwerp (Nederlands)', en: 'Subject (Dutch)' }, { required: true, max: 200 }),
    longText('bodyNl', { nl: 'Tekst (Nederlands)', en: 'Body (Dutch)' }, { required: true, max: 50_000 }),
    text('subjectEn', { nl: 'Onderwerp (Engels)', en: 'Subject (English)' }, { max: 200 }),
    longText('bodyEn', { nl: 'Tekst (Engels)', en: 'Body (English)' }, { max: 50_000 }),
    toggle('attachInvoice', { nl: 'Factuur (PDF) bijvoegen', en: 'Attach invoice (PDF)' }, { default: false }),
    toggle('attachTerms', { nl: 'Algemene voorwaarden bijvoegen', en: 'Attach general terms' }, { default: false }),
  ],
} as const satisfies CollectionDef;

/** What the preview fills in: realistic values for every placeholder a template can offer. */
export const samplePlaceholderValues: Readonly<Record<string, string>> = {
  'shop.name': 'Fietsenwinkel De Spaak',
  'shop.email': 'info@despaak.nl',
  'shop.phone': '+31 30 123 4567',
  'shop.address': 'Oudegracht 12, 3511 AB Utrecht',
  'customer.name': 'Jan Jansen',
  'customer.email': 'jan@example.nl',
  'order.number': 'S4-10023',
  'order.date': '5 maart 2026',
  'order.total': '€ 1.234,56',
  'order.url': 'https://despaak.nl/bestelling/S4-10023',
  'invoice.number': 'F2026-0042',
  'invoice.date': '5 maart 2026',
  'invoice.total': '€ 1.234,56',
  'invoice.dueDate': '19 maart 2026',
  'payment.url': 'https://betalen.example/abc123',
  'payment.amount': '€ 89,95',
  'shipment.carrier': 'PostNL',
  'shipment.trackingCode': '3SABCD123456789',
  'shipment.trackingUrl': 'https://postnl.nl/tracktrace/3SABCD123456789',
  'repair.number': 'R-2026-118',
  'repair.device': 'e-bike Gazelle Ultimate',
  'repair.description': 'Achterrem slijt snel, piept bij remmen',
  'repair.quoteAmount': '€ 74,50',
  'quote.number': 'O-2026-007',
  'quote.total': '€ 2.499,00',
  'quote.validUntil': '4 april 2026',
  'quote.url': 'https://despaak.nl/offerte/O-2026-007',
  'account.loginUrl': 'https://despaak.nl/inloggen',
  'account.resetUrl': 'https://despaak.nl/wachtwoord/nieuw?code=…',
  'giftCard.code': 'CADEAU-7H2K-99QX',
  'giftCard.amount': '€ 25,00',
  'giftCard.validUntil': '5 maart 2028',
  'supplier.name': 'Velo Groothandel bv',
  'purchaseOrder.number': 'I-2026-031',
  'purchaseOrder.lines': '10 × Binnenband 28 inch\n4 × Remblokset Shimano',
  'product.name': 'Binnenband 28 inch',
  'product.sku': 'BB-28-700C',
  'product.stock': '3',
  'product.minimumStock': '10',
};

/** The template kind for a record id (templates are keyed by their kind). */
export function findTemplateKind(key: string): TemplateKind | undefined {
  return templateKinds.find((kind) => kind.key === key);
}
