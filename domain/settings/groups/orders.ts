import { checkWebUrl } from '../../validators/url';
import { integer, longText, money, pdf, secret, select, text, toggle } from '../fields';
import type { GroupDef, GroupRule, Option } from '../types';

export const orderStatuses: readonly Option[] = [
  { value: 'new', label: { nl: 'Nieuw', en: 'New' } },
  { value: 'processing', label: { nl: 'In behandeling', en: 'Processing' } },
  { value: 'on_hold', label: { nl: 'In de wacht', en: 'On hold' } },
  { value: 'complete', label: { nl: 'Afgerond', en: 'Complete' } },
];

export const ordersProcessing = {
  key: 'orders.processing',
  label: { nl: 'Bestellingen', en: 'Orders' },
  fields: [
    toggle('createInvoiceWithOrder', { nl: 'Factuur aanmaken bij bestelling', en: 'Create invoice with the order' }, { default: true }),
    select('defaultOrderStatus', { nl: 'Standaard bestelstatus', en: 'Default order status' }, orderStatuses, { default: 'new' }),
    toggle('sendOrderConfirmation', { nl: 'Orderbevestiging versturen', en: 'Send order confirmation' }, { default: true }),
  ],
} as const satisfies GroupDef;

const withProvider = { field: 'provider', in: ['myparcel', 'veloyd'] } as const;
const withMyParcel = { field: 'provider', in: ['myparcel'] } as const;

/** MyParcel's own ids, sent as numbers in its API; kept as strings here because they are choices. */
export const myParcelCarriers: readonly Option[] = [
  { value: '1', label: { nl: 'PostNL', en: 'PostNL' } },
  { value: '4', label: { nl: 'DPD', en: 'DPD' } },
  { value: '8', label: { nl: 'UPS', en: 'UPS' } },
  { value: '9', label: { nl: 'DHL For You', en: 'DHL For You' } },
];

const shipmentOptions = ['onlyRecipient', 'signature', 'returnIfNotHome'] as const;

/**
 * Combinations MyParcel refuses, by its API reference (6.A Shipment option combinations). The form
 * has no destination, so only what is impossible for every destination is refused: options and
 * delivery moments exist only for package type 1 (Pakket); DPD, which MyParcel NL uses for
 * Belgium only, carries no mailbox packages, letters or digital stamps (Dutch products), no morning
 * or evening delivery (Dutch addresses only), and no only-recipient, signature or return (which
 * shipments abroad do not have).
 */
const myParcelCombinations: GroupRule = {
  fields: ['provider', 'carrier', 'packageType', 'deliveryType', ...shipmentOptions, 'insuranceAmount'],
  check(values) {
    if (values.provider !== 'myparcel') return null;
    if (values.carrier === '4') {
      if (values.packageType !== '1') return { field: 'packageType', reason: 'shipping.dpdPackagesOnly' };
      if (values.deliveryType === '1' || values.deliveryType === '3') return { field: 'deliveryType', reason: 'shipping.dpdBelgium' };
      for (const option of shipmentOptions) if (values[option] === true) return { field: option, reason: 'shipping.dpdBelgium' };
    }
    if (values.packageType === '1') return null;
    for (const option of shipmentOptions) if (values[option] === true) return { field: option, reason: 'shipping.optionsOnlyForPackage' };
    if (Number(values.insuranceAmount) > 0) return { field: 'insuranceAmount', reason: 'shipping.optionsOnlyForPackage' };
    if (values.deliveryType !== '2') return { field: 'deliveryType', reason: 'shipping.deliveryOnlyForPackage' };
    return null;
  },
};

export const ordersShipping = {
  key: 'orders.shipping',
  label: { nl: 'Zendingen', en: 'Shipments' },
  fields: [
    select('provider', { nl: 'Standaard verzendprovider', en: 'Default shipping provider' }, [
      { value: 'none', label: { nl: 'Geen', en: 'None' } },
      { value: 'myparcel', label: { nl: 'MyParcel', en: 'MyParcel' } },
      { value: 'veloyd', label: { nl: 'MSG / Veloyd', en: 'MSG / Veloyd' } },
    ], { default: 'none' }),
    secret('providerApiKey', { nl: 'API-sleutel verzendprovider', en: 'Shipping provider API key' }, {
      visibleIf: withProvider,
      help: { nl: 'Te vinden in het account bij de verzendprovider.', en: "Found in your account at the shipping provider." },
    }),
    toggle('veloydTestMode', { nl: 'Testomgeving van Veloyd gebruiken', en: "Use Veloyd's test environment" }, {
      default: false,
      visibleIf: { field: 'provider', in: ['veloyd'] },
    }),
    select('carrier', { nl: 'Standaard vervoerder', en: 'Default carrier' }, myParcelCarriers, { default: '1', visibleIf: withMyParcel }),
    select('packageType', { nl: 'Soort zending', en: 'Package type' }, [
      { value: '1', label: { nl: 'Pakket', en: 'Package' } },
      { value: '2', label: { nl: 'Brievenbuspakje', en: 'Mailbox package' } },
      { value: '3', label: { nl: 'Brief', en: 'Letter' } },
      { value: '4', label: { nl: 'Digitale postzegel', en: 'Digital stamp' } },
    ], { default: '1', visibleIf: withMyParcel }),
    select('deliveryType', { nl: 'Bezorgmoment', en: 'Delivery type' }, [
      { value: '1', label: { nl: 'Ochtend', en: 'Morning' } },
      { value: '2', label: { nl: 'Standaard', en: 'Standard' } },
      { value: '3', label: { nl: 'Avond', en: 'Evening' } },
      { value: '4', label: { nl: 'Ophalen bij afhaalpunt', en: 'Pickup point' } },
    ], { default: '2', visibleIf: withMyParcel }),
    toggle('onlyRecipient', { nl: 'Alleen aan ontvanger bezorgen', en: 'Deliver to recipient only' }, { default: false, visibleIf: withMyParcel }),
    toggle('signature', { nl: 'Handtekening bij ontvangst', en: 'Signature on delivery' }, { default: false, visibleIf: withMyParcel }),
    toggle('returnIfNotHome', { nl: 'Retour bij niet thuis', en: 'Return when not at home' }, { default: false, visibleIf: withMyParcel }),
    money('insuranceAmount', { nl: 'Verzekerd bedrag', en: 'Insured amount' }, { default: 0, visibleIf: withMyParcel }),
    select('labelFormat', { nl: 'Labelformaat', en: 'Label format' }, [
      { value: 'a4', label: { nl: 'A4 (4 labels per vel)', en: 'A4 (4 labels a sheet)' } },
      { value: 'a6', label: { nl: 'A6', en: 'A6' } },
    ], { default: 'a6', visibleIf: withProvider }),
    integer('labelPosition', { nl: 'Startpositie op A4', en: 'Start position on A4' }, {
      default: 1, min: 1, max: 4, visibleIf: { field: 'labelFormat', in: ['a4'] },
      help: { nl: 'Positie 1 is linksboven, 4 rechtsonder.', en: 'Position 1 is top left, 4 bottom right.' },
    }),
  ],
  rules: [myParcelCombinations],
} as const satisfies GroupDef;

export const ordersTerms = {
  key: 'orders.terms',
  label: { nl: 'Voorwaarden', en: 'Terms' },
  fields: [
    longText('emailTermsText', { nl: 'Voorwaarden in e-mails', en: 'Terms in e-mails' }, { max: 5000 }),
    longText('invoiceTermsText', { nl: 'Voorwaarden op facturen', en: 'Terms on invoices' }, { max: 5000 }),
    select('generalTermsFormat', { nl: 'Algemene voorwaarden als', en: 'General terms as' }, [
      { value: 'text', label: { nl: 'Tekst', en: 'Text' } },
      { value: 'pdf', label: { nl: 'PDF-bestand', en: 'PDF file' } },
    ], { default: 'text' }),
    longText('generalTermsText', { nl: 'Algemene voorwaarden', en: 'General terms and conditions' }, {
      max: 100_000, visibleIf: { field: 'generalTermsFormat', in: ['text'] },
    }),
    pdf('generalTermsPdf', { nl: 'Algemene voorwaarden (PDF)', en: 'General terms and conditions (PDF)' }, {
      maxKilobytes: 5120, visibleIf: { field: 'generalTermsFormat', in: ['pdf'] },
    }),
    text('generalTermsUrl', { nl: 'Webadres algemene voorwaarden', en: 'Web address of the general terms' }, { check: checkWebUrl, input: 'url' }),
  ],
} as const satisfies GroupDef;

export const ordersGroups = [ordersProcessing, ordersShipping, ordersTerms] as const;
