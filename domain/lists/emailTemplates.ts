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
export const emailTemplates: CollectionDef = {
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
};
