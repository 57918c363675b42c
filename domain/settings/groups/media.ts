import { checkHostname } from '../../validators/hostname';
import { integer, select, text, toggle } from '../fields';
import type { GroupDef, GroupRule, Option } from '../types';

export const imageSettings = {
  key: 'media.images',
  label: { nl: 'Afbeeldingen', en: 'Images' },
  fields: [
    integer('productMaxWidth', { nl: 'Productafbeelding, maximale breedte', en: 'Product image, maximum width' }, {
      default: 2000, min: 100, max: 10_000, unit: { nl: 'px', en: 'px' },
    }),
    integer('productMaxHeight', { nl: 'Productafbeelding, maximale hoogte', en: 'Product image, maximum height' }, {
      default: 2000, min: 100, max: 10_000, unit: { nl: 'px', en: 'px' },
    }),
    integer('thumbnailWidth', { nl: 'Miniatuur, breedte', en: 'Thumbnail width' }, { default: 300, min: 16, max: 2000, unit: { nl: 'px', en: 'px' } }),
    integer('thumbnailHeight', { nl: 'Miniatuur, hoogte', en: 'Thumbnail height' }, { default: 300, min: 16, max: 2000, unit: { nl: 'px', en: 'px' } }),
    select('fit', { nl: 'Passend maken', en: 'Fit' }, [
      { value: 'pad', label: { nl: 'Aanvullen (hele afbeelding, witte randen)', en: 'Pad (whole image, white borders)' } },
      { value: 'cover', label: { nl: 'Vullen (bijsnijden)', en: 'Cover (crop)' } },
      { value: 'scale-down', label: { nl: 'Alleen verkleinen', en: 'Scale down only' } },
    ], { default: 'pad' }),
  ],
} as const satisfies GroupDef;

/** A4 label sheets and label rolls; their exact geometry lives with the label templates. */
export const labelSheets: readonly Option[] = [
  { value: 'avery-l7651', label: { nl: 'Avery L7651 (38,1 × 21,2 mm, 65 per vel)', en: 'Avery L7651 (38.1 × 21.2 mm, 65 a sheet)' } },
  { value: 'avery-l7160', label: { nl: 'Avery L7160 (63,5 × 38,1 mm, 21 per vel)', en: 'Avery L7160 (63.5 × 38.1 mm, 21 a sheet)' } },
  { value: 'avery-l7163', label: { nl: 'Avery L7163 (99,1 × 38,1 mm, 14 per vel)', en: 'Avery L7163 (99.1 × 38.1 mm, 14 a sheet)' } },
  { value: 'zweckform-3474', label: { nl: 'Zweckform 3474 (70 × 37 mm, 24 per vel)', en: 'Zweckform 3474 (70 × 37 mm, 24 a sheet)' } },
  { value: 'herma-4608', label: { nl: 'Herma 4608 (48,3 × 25,4 mm, 44 per vel)', en: 'Herma 4608 (48.3 × 25.4 mm, 44 a sheet)' } },
  { value: 'custom', label: { nl: 'Eigen vel', en: 'Custom sheet' } },
];

export const labelRolls: readonly Option[] = [
  { value: 'dymo-57x32', label: { nl: 'Dymo 57 × 32 mm', en: 'Dymo 57 × 32 mm' } },
  { value: 'brother-ql-62', label: { nl: 'Brother QL 62 mm doorlopend', en: 'Brother QL 62 mm continuous' } },
  { value: 'zebra-4in', label: { nl: 'Zebra 4 inch (8 dots/mm)', en: 'Zebra 4 inch (8 dots/mm)' } },
];

const onSheet = { field: 'medium', in: ['sheet'] } as const;
const customSheet = { field: 'sheetTemplate', in: ['custom'] } as const;
const mm = { nl: 'mm', en: 'mm' };

/** An A4 sheet is 210 × 297 mm: a custom sheet whose labels add up to more cannot be printed. */
const customSheetFitsA4: GroupRule = {
  fields: ['sheetTemplate', 'customLabelWidthMm', 'customLabelHeightMm', 'customColumns', 'customRows'],
  check(values) {
    if (values.sheetTemplate !== 'custom') return null;
    const width = Number(values.customLabelWidthMm) * Number(values.customColumns);
    const height = Number(values.customLabelHeightMm) * Number(values.customRows);
    if (width > 210) return { field: 'customColumns', reason: 'labels.sheetTooWide', values: { size: width } };
    if (height > 297) return { field: 'customRows', reason: 'labels.sheetTooHigh', values: { size: height } };
    return null;
  },
};

export const shelfLabelSettings = {
  key: 'media.shelfLabels',
  label: { nl: 'Schapkaartjes', en: 'Shelf labels' },
  help: {
    nl: 'De verkoopprijs inclusief btw staat altijd op het schapkaartje (Besluit prijsaanduiding producten).',
    en: 'The selling price including VAT is always on the shelf label (Dutch price indication decree).',
  },
  fields: [
    select('medium', { nl: 'Afdrukken op', en: 'Print on' }, [
      { value: 'sheet', label: { nl: 'A4-etiketvel', en: 'A4 label sheet' } },
      { value: 'roll', label: { nl: 'Etiketrol', en: 'Label roll' } },
    ], { default: 'sheet' }),
    select('sheetTemplate', { nl: 'Etiketvel', en: 'Label sheet' }, labelSheets, { default: 'avery-l7160', visibleIf: onSheet }),
    integer('customLabelWidthMm', { nl: 'Breedte etiket', en: 'Label width' }, { default: 50, min: 10, max: 210, unit: mm, visibleIf: customSheet }),
    integer('customLabelHeightMm', { nl: 'Hoogte etiket', en: 'Label height' }, { default: 30, min: 10, max: 297, unit: mm, visibleIf: customSheet }),
    integer('customColumns', { nl: 'Kolommen', en: 'Columns' }, { default: 4, min: 1, max: 10, visibleIf: customSheet }),
    integer('customRows', { nl: 'Rijen', en: 'Rows' }, { default: 9, min: 1, max: 30, visibleIf: customSheet }),
    select('rollTemplate', { nl: 'Etiketrol', en: 'Label roll' }, labelRolls, { default: 'dymo-57x32', visibleIf: { field: 'medium', in: ['roll'] } }),
    toggle('showUnitPrice', { nl: 'Prijs per eenheid tonen', en: 'Show unit price' }, {
      default: true,
      help: { nl: 'Verplicht voor de meeste producten die per gewicht, volume of lengte worden verkocht.', en: 'Required for most goods sold by weight, volume or length.' },
    }),
    toggle('showBarcode', { nl: 'EAN-13-streepjescode tonen', en: 'Show EAN-13 barcode' }, { default: true }),
    toggle('showSku', { nl: 'Artikelnummer (SKU) tonen', en: 'Show SKU' }, { default: false }),
    toggle('showBrand', { nl: 'Merk tonen', en: 'Show brand' }, { default: true }),
    toggle('showWasPrice', { nl: 'Van-/voor-prijs tonen', en: 'Show was/now price' }, {
      default: false,
      help: { nl: 'Alleen als de oude prijs echt gehanteerd is.', en: 'Only when the old price was really charged.' },
    }),
    integer('priceFontSizePt', { nl: 'Lettergrootte prijs', en: 'Price font size' }, { default: 24, min: 8, max: 96, unit: { nl: 'pt', en: 'pt' } }),
    integer('startAtLabel', { nl: 'Beginnen bij etiket', en: 'Start at label' }, {
      default: 1, min: 1, max: 300, visibleIf: onSheet, scope: 'workstation',
      help: { nl: 'Voor een deels gebruikt vel: etiketten tellen per rij van links naar rechts.', en: 'For a partly used sheet: labels count row by row, left to right.' },
    }),
  ],
  rules: [customSheetFitsA4],
} as const satisfies GroupDef;

export const receiptPrinterSettings = {
  key: 'media.receiptPrinter',
  label: { nl: 'Bonprinter', en: 'Receipt printer' },
  // The printer stands at this counter: another workstation of the shop has its own.
  help: {
    nl: 'Een bonprinter in het netwerk die ESC/POS spreekt (poort 9100), zoals Epson TM of Star.',
    en: 'A network receipt printer that speaks ESC/POS (port 9100), such as Epson TM or Star.',
  },
  fields: [
    text('host', { nl: 'Adres van de printer', en: 'Printer address' }, {
      check: checkHostname, scope: 'workstation',
      policy: true,
      help: { nl: 'IP-adres of naam in het winkelnetwerk, bijvoorbeeld 192.168.1.50.', en: 'IP address or name on the shop network, for example 192.168.1.50.' },
    }),
    integer('port', { nl: 'Poort', en: 'Port' }, { default: 9100, min: 1, max: 65_535, scope: 'workstation', policy: true }),
    select('paperWidth', { nl: 'Papierbreedte', en: 'Paper width' }, [
      { value: '80', label: { nl: '80 mm (48 tekens per regel)', en: '80 mm (48 characters a line)' } },
      { value: '58', label: { nl: '58 mm (32 tekens per regel)', en: '58 mm (32 characters a line)' } },
    ], { default: '80', scope: 'workstation' }),
    select('codePage', { nl: 'Tekenset', en: 'Code page' }, [
      { value: 'cp858', label: { nl: 'PC858 (met €)', en: 'PC858 (with €)' } },
      { value: 'cp1252', label: { nl: 'Windows-1252 (met €)', en: 'Windows-1252 (with €)' } },
    ], { default: 'cp858', scope: 'workstation' }),
    toggle('cut', { nl: 'Papier afsnijden na de bon', en: 'Cut the paper after the receipt' }, { default: true, scope: 'workstation' }),
    toggle('drawerKick', { nl: 'Kassalade openen', en: 'Open the cash drawer' }, { default: false, scope: 'workstation' }),
  ],
} as const satisfies GroupDef;

export const mediaGroups = [imageSettings, shelfLabelSettings, receiptPrinterSettings] as const;
