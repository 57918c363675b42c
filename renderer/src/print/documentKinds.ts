/** The documents Backoffice can preview and print, and the settings sections that shape them. */
export const documentKinds = ['shelfLabels', 'receipt', 'repairDeliveryNote', 'repairReceipt', 'invoice', 'quote'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const printSection = (kind: DocumentKind) => `print:${kind}`;

export function kindOfSection(section: string): DocumentKind | null {
  const kind = section.startsWith('print:') ? section.slice('print:'.length) : '';
  return (documentKinds as readonly string[]).includes(kind) ? (kind as DocumentKind) : null;
}

/** Which previews a settings group offers a "Voorbeeld" button for. */
export const previewsOfGroup: Readonly<Record<string, readonly DocumentKind[]>> = {
  'media.shelfLabels': ['shelfLabels'],
  'media.receiptPrinter': ['receipt'],
  'company.repair': ['repairDeliveryNote', 'repairReceipt'],
  'company.quote': ['quote'],
  'company.billing': ['invoice'],
  'company.general': ['receipt', 'invoice'],
};
