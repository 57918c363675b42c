/**
 * Money is integer cents, never a binary float in arithmetic. Rounding is always half away from
 * zero on whole cents (the rule Dutch tills and invoices use), done with integer division only.
 */
export type Cents = number;

/** a / b rounded half away from zero, for integers; exact as long as a stays a safe integer. */
export function divideRounded(a: number, b: number): number {
  // Stryker disable next-line ArithmeticOperator: signs are -1, 0 or 1 and b is never 0, so `/` gives the same sign as `*`.
  const sign = Math.sign(a) * Math.sign(b);
  const [x, y] = [Math.abs(a), Math.abs(b)];
  const quotient = Math.floor(x / y);
  const rest = x - quotient * y;
  return sign * (rest * 2 >= y ? quotient + 1 : quotient);
}

/** Why typed text is not an amount: not a number at all, or readable as two amounts a thousandfold apart. */
export type AmountRefusal = { reason: 'money.invalid' } | { reason: 'money.ambiguous'; small: Cents; large: Cents };
export type AmountReading = { ok: true; cents: Cents } | ({ ok: false } & AmountRefusal);

const invalid: AmountReading = { ok: false, reason: 'money.invalid' };

/** Digits grouped by three the Dutch way: a first group of 1-3 digits not starting with 0, then groups of 3. */
const groupedBy = (mark: string) => new RegExp(`^[1-9]\\d{0,2}(\\${mark}\\d{3})*$`);

/** `whole` is digits by construction (every caller has checked the grouping); the fraction may be too long. */
function cents(whole: string, fraction: string, minus: boolean): AmountReading {
  if (!/^\d{0,2}$/.test(fraction)) return invalid;
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return { ok: true, cents: minus ? -value : value };
}

/**
 * Reads an amount the way Dutch shop staff type it: `12,50`, `1.234,56`, `€ 12`, `12,-`, and the
 * English `12.50` or `1,234.56` where only one reading exists. When both marks appear the last
 * one is the decimal mark. A lone `.` before three digits is the Dutch thousands separator
 * (`1.234` is twelve hundred thirty-four euros); where the text reads as two amounts a
 * thousandfold apart (`0.500`, `1,500`) it is refused with both readings, never guessed.
 */
export function readEuro(input: string): AmountReading {
  const text = input.replace(/€|EUR|\s/gi, '').replace(/,[-–—]{1,2}$/, '');
  const match = /^(-?)(\d[\d.,]*)$/.exec(text);
  if (!match) return invalid;
  const minus = match[1] === '-';
  // Stryker disable next-line StringLiteral: the pattern's second group always matches, the default only satisfies the type.
  const body = match[2] ?? '';
  const [lastComma, lastDot] = [body.lastIndexOf(','), body.lastIndexOf('.')];
  // Stryker disable next-line EqualityOperator: the body starts with a digit, so neither mark can be at position 0.
  if (lastComma >= 0 && lastDot >= 0) {
    // The last mark is the decimal mark, so the other one groups the thousands.
    // Stryker disable next-line EqualityOperator: both marks found means they sit at different positions.
    const thousands = lastComma > lastDot ? '.' : ',';
    const at = Math.max(lastComma, lastDot);
    const whole = body.slice(0, at);
    return groupedBy(thousands).test(whole) ? cents(whole.split(thousands).join(''), body.slice(at + 1), minus) : invalid;
  }
  // Stryker disable next-line EqualityOperator,ConditionalExpression: a mark is never at position 0 (the body starts with a digit), and taking `.` for plain digits splits them into one part, read the same.
  const mark = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  // Stryker disable next-line ConditionalExpression: without a mark, the split below gives one part and reads the digits the same way.
  if (mark === null) return cents(body, '', minus);
  const parts = body.split(mark);
  // Stryker disable next-line StringLiteral: splitting on a mark the body contains always gives two parts or more.
  const [whole = '', fraction = ''] = parts;
  if (parts.length === 2 && /^\d{3}$/.test(fraction)) {
    const grouped = groupedBy(mark).test(body);
    const thousandfold = { ok: false, reason: 'money.ambiguous', small: Number(whole) * 100 + Number(fraction.slice(0, 2)), large: Number(whole + fraction) * 100 } as const;
    // `1.500` is Dutch for 1500. `0.500` is no Dutch grouping and `1,500` is 1,50 in Dutch but
    // 1500 in English: each reads as two amounts a thousandfold apart, so the user is asked.
    if (mark === '.') return grouped ? cents(whole + fraction, '', minus) : fraction.endsWith('0') ? thousandfold : invalid;
    return grouped && fraction.endsWith('0') ? thousandfold : invalid;
  }
  // Stryker disable next-line ConditionalExpression: a body with commas never passes the dot grouping, so the mark test only says why.
  if (parts.length > 2) return mark === '.' && groupedBy('.').test(body) ? cents(parts.join(''), '', minus) : invalid;
  return cents(whole, fraction, minus);
}

/** `readEuro` for callers that only need the amount: null when the text is not one clear amount. */
export function parseEuro(input: string): Cents | null {
  const reading = readEuro(input);
  return reading.ok ? reading.cents : null;
}

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** `123456` → `€ 1.234,56`, the Dutch way. Division here is for display only. */
export function formatEuro(cents: Cents): string {
  return euro.format(cents / 100);
}
