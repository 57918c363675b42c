import { mod97, passesElevenTest } from '../validators/vatId';

/**
 * Test numbers made from the published algorithms rather than copied from web pages, so a
 * wrong validator cannot agree with a wrong example. A seeded generator keeps runs repeatable.
 */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const digits = (random: () => number, count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
const numeric = (text: string) => [...text].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');

/** A VAT id whose 9 digits pass the 11-proef (and whose suffix is 01-99). */
export function elevenProofVatId(random: () => number): string {
  for (;;) {
    const first8 = digits(random, 8);
    const weighted = [...first8].reduce((sum, d, i) => sum + Number(d) * (9 - i), 0);
    const check = weighted % 11;
    if (check === 10) continue;
    return `NL${first8}${check}B${String(1 + Math.floor(random() * 98)).padStart(2, '0')}`;
  }
}

/** A VAT id that passes ISO 7064 mod 97-10 over the whole string but fails the 11-proef. */
export function mod97VatId(random: () => number): string {
  for (;;) {
    const head = digits(random, 7);
    const suffix = String(1 + Math.floor(random() * 98)).padStart(2, '0');
    for (let check = 0; check < 100; check++) {
      const nine = `${head}${String(check).padStart(2, '0')}`;
      const id = `NL${nine}B${suffix}`;
      if (mod97(numeric(id)) === 1 && !passesElevenTest(nine)) return id;
    }
  }
}

/** An IBAN with correct check digits for a country code and BBAN. */
export function iban(country: string, bban: string): string {
  const check = 98 - mod97(numeric(`${bban}${country}00`));
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

export function dutchIban(random: () => number, bank = 'ABNA'): string {
  return iban('NL', `${bank}${digits(random, 10)}`);
}
