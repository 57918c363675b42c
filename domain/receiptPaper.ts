/** Characters a line in the receipt printer's standard font (Font A) per paper width in mm. */
export const receiptCharactersPerLine = { 58: 32, 80: 48 } as const;
export type ReceiptPaperWidth = keyof typeof receiptCharactersPerLine;
