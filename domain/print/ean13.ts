import { accept, refuse, type Check } from '../validators/check';

/** The GS1 check digit: weights 1 and 3 alternating from the left over the first 12 digits. */
export function ean13CheckDigit(first12: string): number {
  const sum = [...first12].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10;
}

export function checkEan13(input: string): Check {
  const code = input.replace(/\s/g, '');
  if (!/^\d{13}$/.test(code)) return refuse('ean.format');
  return Number(code[12]) === ean13CheckDigit(code.slice(0, 12)) ? accept(code) : refuse('ean.checkDigit');
}
