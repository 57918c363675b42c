import { countries } from '../../countries';
import { receiptCharactersPerLine } from '../../receiptPaper';
import { vatRateOptions } from '../../vat';
import { checkBic, bicForIban } from '../../validators/bic';
import { uppercaseCode } from '../../validators/check';
import { checkEmail } from '../../validators/email';
import { checkIban } from '../../validators/iban';
import { checkKvk } from '../../validators/kvk';
import { checkPhone } from '../../validators/phone';
import { checkPostcode } from '../../validators/postcode';
import { checkVatId } from '../../validators/vatId';
import { image, integer, longText, select, text, toggle } from '../fields';
import type { FieldDef, GroupDef, GroupRule, Option } from '../types';

/** Repair footnotes must fit the widest receipt the shop prints: 80 mm paper. */
const receiptLineWidth = receiptCharactersPerLine[80];

/** Dutch postcodes are checked and written as `1234 AB`; other countries' codes are kept as typed. */
function dutchPostcode(postcodeField: string, countryField: string): GroupRule {
  return {
    fields: [postcodeField, countryField],
    check(values) {
      const postcode = values[postcodeField];
      if (values[countryField] !== 'NL' || typeof postcode !== 'string' || postcode === '') return null;
      const checked = checkPostcode(postcode);
      return checked.ok ? { fill: { [postcodeField]: checked.value } } : { field: postcodeField, reason: checked.reason };
    },
  };
}

/** `street` with no prefix, `billingStreet` with prefix `billing`: the key typed as it is made. */
type Prefixed<P extends string, K extends string> = P extends '' ? K : `${P}${Capitalize<K>}`;

function address<P extends string>(prefix: P, visibleIf?: FieldDef['visibleIf']) {
  const name = <K extends string>(key: K) => (prefix ? `${prefix}${key[0]?.toUpperCase()}${key.slice(1)}` : key) as Prefixed<P, K>;
  const common = visibleIf ? { visibleIf } : {};
  return [
    text(name('street'), { nl: 'Straat', en: 'Street' }, common),
    text(name('houseNumber'), { nl: 'Huisnummer', en: 'House number' }, { ...common, max: 10 }),
    text(name('houseNumberAddition'), { nl: 'Toevoeging', en: 'Addition' }, { ...common, max: 10 }),
    text(name('postcode'), { nl: 'Postcode', en: 'Postcode' }, { ...common, max: 12, input: 'postcode' }),
    text(name('city'), { nl: 'Plaats', en: 'City' }, common),
    select(name('country'), { nl: 'Land', en: 'Country' }, countries, { ...common, default: 'NL' }),
  ] as const;
}

export const companyGeneral = {
  key: 'company.general',
  label: { nl: 'Algemene informatie', en: 'General information' },
  fields: [
    text('backOfficeName', { nl: 'Naam backoffice', en: 'Back office name' }, {
      required: true,
      max: 80,
      help: { nl: 'Staat bovenin het scherm en in e-mails aan medewerkers.', en: 'Shown at the top of the screen and in e-mails to staff.' },
    }),
    text('companyName', { nl: 'Bedrijfsnaam', en: 'Company name' }, {
      policy: true,
      help: { nl: 'De naam zoals die op facturen en bonnen staat.', en: 'The name as printed on invoices and receipts.' },
    }),
    image('logo', { nl: 'Logo', en: 'Logo' }, {
      maxKilobytes: 1024,
      help: { nl: 'PNG, JPEG of SVG, voor facturen, offertes en e-mails.', en: 'PNG, JPEG or SVG, for invoices, quotes and e-mails.' },
    }),
    image('logoMonochrome', { nl: 'Zwart-witlogo voor bonprinter', en: 'Black-and-white logo for receipt printer' }, {
      maxKilobytes: 256,
      help: { nl: 'Alleen zwart en wit, zodat de bonprinter het scherp afdrukt.', en: 'Black and white only, so the receipt printer prints it sharply.' },
    }),
    select('priceMode', { nl: 'Klanttype', en: 'Customer type' }, [
      { value: 'b2c', label: { nl: 'B2C: prijzen inclusief btw leidend', en: 'B2C: prices including VAT lead' } },
      { value: 'b2b', label: { nl: 'B2B: prijzen exclusief btw leidend', en: 'B2B: prices excluding VAT lead' } },
    ], { default: 'b2c' }),
    longText('description', { nl: 'Omschrijving', en: 'Description' }, { max: 2000 }),
  ],
} as const satisfies GroupDef;

export const companyContact = {
  key: 'company.contact',
  label: { nl: 'Contactinformatie', en: 'Contact information' },
  help: { nl: 'Wat klanten van u zien.', en: 'What customers see of you.' },
  fields: [
    text('email', { nl: 'E-mailadres', en: 'E-mail address' }, { required: true, check: checkEmail, input: 'email' }),
    text('phone', { nl: 'Telefoonnummer', en: 'Phone number' }, { check: checkPhone, input: 'tel' }),
    ...address(''),
  ],
  rules: [dutchPostcode('postcode', 'country')],
} as const satisfies GroupDef;

const billingSeparate = { field: 'sameAsContact', in: [false] } as const;

export const companyBilling = {
  key: 'company.billing',
  label: { nl: 'Factuurinformatie', en: 'Invoice information' },
  fields: [
    toggle('sameAsContact', { nl: 'Factuuradres gelijk aan contactadres', en: 'Billing address same as contact address' }, { default: true }),
    ...address('billing', billingSeparate),
    text('invoiceEmail', { nl: 'E-mailadres voor facturen', en: 'E-mail address for invoices' }, { check: checkEmail, input: 'email' }),
    integer('paymentTermDays', { nl: 'Betalingstermijn', en: 'Payment term' }, {
      default: 14, min: 0, max: 90, unit: { nl: 'dagen', en: 'days' },
    }),
    text('invoiceNumberPrefix', { nl: 'Voorvoegsel factuurnummer', en: 'Invoice number prefix' }, {
      default: 'F',
      max: 10,
      check: uppercaseCode(/^[A-Z0-9-]{1,10}$/, 'invoice.prefix'),
    }),
    integer('nextInvoiceNumber', { nl: 'Volgend factuurnummer', en: 'Next invoice number' }, {
      default: 1, min: 1, max: 999_999_999,
      help: { nl: 'Factuurnummers lopen door en worden nooit hergebruikt.', en: 'Invoice numbers are consecutive and never reused.' },
    }),
    longText('invoiceFooter', { nl: 'Voettekst factuur', en: 'Invoice footer' }, { max: 1000 }),
  ],
  rules: [dutchPostcode('billingPostcode', 'billingCountry')],
  transitions: [
    {
      fields: ['nextInvoiceNumber'],
      check(before, after) {
        const [current, next] = [Number(before.nextInvoiceNumber), Number(after.nextInvoiceNumber)];
        return next < current ? { field: 'nextInvoiceNumber', reason: 'invoice.numberReused', values: { current } } : null;
      },
    },
  ],
} as const satisfies GroupDef;

export const legalForms: readonly Option[] = [
  { value: 'eenmanszaak', label: { nl: 'Eenmanszaak', en: 'Sole proprietorship' } },
  { value: 'vof', label: { nl: 'Vennootschap onder firma (vof)', en: 'General partnership (vof)' } },
  { value: 'maatschap', label: { nl: 'Maatschap', en: 'Professional partnership' } },
  { value: 'cv', label: { nl: 'Commanditaire vennootschap (cv)', en: 'Limited partnership (cv)' } },
  { value: 'bv', label: { nl: 'Besloten vennootschap (bv)', en: 'Private limited company (bv)' } },
  { value: 'nv', label: { nl: 'Naamloze vennootschap (nv)', en: 'Public limited company (nv)' } },
  { value: 'stichting', label: { nl: 'Stichting', en: 'Foundation' } },
  { value: 'vereniging', label: { nl: 'Vereniging', en: 'Association' } },
  { value: 'cooperatie', label: { nl: 'Coöperatie', en: 'Cooperative' } },
  { value: 'other', label: { nl: 'Anders', en: 'Other' } },
];

export const companyBusiness = {
  key: 'company.business',
  label: { nl: 'Zakelijke informatie', en: 'Business information' },
  fields: [
    text('kvkNumber', { nl: 'KvK-nummer', en: 'Chamber of Commerce number' }, { check: checkKvk, input: 'kvk', policy: true }),
    select('legalForm', { nl: 'Rechtsvorm', en: 'Legal form' }, legalForms, { default: 'eenmanszaak', policy: true }),
    text('vatId', { nl: 'Btw-identificatienummer', en: 'VAT identification number' }, { check: checkVatId, input: 'vatId', policy: true }),
    text('accountHolder', { nl: 'Rekeninghouder', en: 'Account holder' }, { policy: true }),
    text('iban', { nl: 'IBAN', en: 'IBAN' }, { check: checkIban, input: 'iban', policy: true }),
    text('bic', { nl: 'BIC', en: 'BIC' }, {
      check: checkBic,
      input: 'bic',
      policy: true,
      help: {
        nl: 'Volgt het IBAN als de bank bekend is; een BIC die u zelf invult blijft staan.',
        en: 'Follows the IBAN when the bank is known; a BIC you type yourself stays.',
      },
    }),
  ],
  rules: [
    {
      fields: ['iban', 'bic'],
      // The BIC follows the IBAN while it is empty or still the one derived from the stored IBAN;
      // a BIC the user typed (now or before) is theirs and is never replaced.
      check(values, before) {
        const derived = (iban: unknown) => (typeof iban === 'string' ? (bicForIban(iban) ?? '') : '');
        const typedNow = values.bic !== before.bic;
        const following = before.bic === '' || before.bic === derived(before.iban);
        if (typedNow ? values.bic !== '' : !following) return null;
        const bic = derived(values.iban);
        return bic !== values.bic ? { fill: { bic } } : null;
      },
    },
  ],
} as const satisfies GroupDef;

export const companySupport = {
  key: 'company.support',
  label: { nl: 'Support', en: 'Support' },
  fields: [
    text('supportName', { nl: 'Contactpersoon', en: 'Contact person' }, {
      help: { nl: 'De persoon met wie klanten het meest te maken hebben.', en: 'The person customers deal with most.' },
    }),
    text('supportEmail', { nl: 'E-mailadres', en: 'E-mail address' }, { check: checkEmail, input: 'email' }),
    text('supportPhone', { nl: 'Telefoonnummer', en: 'Phone number' }, { check: checkPhone, input: 'tel' }),
  ],
} as const satisfies GroupDef;

export const companyVat = {
  key: 'company.vat',
  label: { nl: 'BTW-informatie', en: 'VAT information' },
  fields: [
    select('productVatRate', { nl: 'Standaard btw-tarief producten', en: 'Default VAT rate for products' }, vatRateOptions, { default: 'high' }),
    select('shippingVatRate', { nl: 'Btw-tarief verzendkosten', en: 'VAT rate for shipping costs' }, vatRateOptions, { default: 'high' }),
    select('paymentCostVatRate', { nl: 'Btw-tarief betaalkosten', en: 'VAT rate for payment costs' }, vatRateOptions, { default: 'high' }),
  ],
} as const satisfies GroupDef;

export const companyRepair = {
  key: 'company.repair',
  label: { nl: 'Reparatie-informatie', en: 'Repair information' },
  fields: [
    longText('deliveryNoteFootnote', { nl: 'Voetnoot leveringsbon', en: 'Delivery note footnote' }, {
      max: 1000,
      lineWidth: receiptLineWidth,
      help: { nl: 'Platte tekst; elke regel hoogstens 48 tekens (bon van 80 mm).', en: 'Plain text; each line at most 48 characters (80 mm receipt).' },
    }),
    longText('receiptFootnote', { nl: 'Voetnoot kwitantie', en: 'Receipt footnote' }, {
      max: 1000,
      lineWidth: receiptLineWidth,
      help: { nl: 'Platte tekst; elke regel hoogstens 48 tekens (bon van 80 mm).', en: 'Plain text; each line at most 48 characters (80 mm receipt).' },
    }),
  ],
} as const satisfies GroupDef;

export const companyQuote = {
  key: 'company.quote',
  label: { nl: 'Offerte-informatie', en: 'Quote information' },
  fields: [
    longText('quoteNote', { nl: 'Standaardopmerking op offertes', en: 'Default note on quotes' }, { max: 2000 }),
  ],
} as const satisfies GroupDef;

export const companyGroups = [
  companyGeneral,
  companyContact,
  companyBilling,
  companyBusiness,
  companySupport,
  companyVat,
  companyRepair,
  companyQuote,
] as const;
