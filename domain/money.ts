/**
 * Money is integer cents, never a binary float in arithmetic. Rounding is always half away from
 * zero on whole cents (the rule Dutch tills and invoices use), done with integer division only.
 */
export type Cents = number;

/** a / b rounded half away from zero, for integers; exact as long as a stays a safe integer. */
export function divideRounded(a: number, b: number): number {
  const sign = Math.sign(a) * Math.sign(b);
  const [x, y] = [Math.abs(a), Math.abs(b)];
  const quotient = Math.floor(x / y);
  const rest = x - quotient * y;
  return sign * (rest * 2 >= y ? quotient + 1 : quotient);
}

/**
 * Reads an amount as people type it: `12,50`, `1.234,56`, `€ 12`, `12.5`. When both separators
 * appear the last one is the decimal mark; a lone `.` followed by exactly three digits is a
 * thousands separator (`1.234` is twelve hundred thirty-four euros in Dutch). Returns null when
 * the text is not an amount or has more than two decimals.
 */
export function parseEuro(input: string): Cents | null {
  const text = input.replace(/€|EUR|\s/gi, '');
  const match = /^(-?)([\d.,]+)$/.exec(text);
  if (!match) return null;
  const [, minus, body = ''] = match;
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  let decimalMark: ',' | '.' | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimalMark = lastComma > lastDot ? ',' : '.';
  else if (lastComma >= 0) decimalMark = ',';
  else if (lastDot >= 0 && !/^\d{1,3}(\.\d{3})+$/.test(body)) decimalMark = '.';
  const thousands = decimalMark === '.' ? ',' : '.';
  const [whole = '', fraction = '', extra] = body.split(thousands).join('').split(decimalMark ?? '\u0000');
  if (extra !== undefined || !/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return null;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return minus ? -cents : cents;
}

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** `123456` → `€ 1.234,56`, the Dutch way. Division here is for display only. */
export function formatEuro(cents: Cents): string {
  return euro.format(cents / 100);
}
