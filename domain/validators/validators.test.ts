import { describe, expect, it } from 'vitest';
import { dutchIban, elevenProofVatId, iban, mod97VatId, seeded } from '../test/generate';
import { bicForIban, checkBic } from './bic';
import { checkEmail } from './email';
import { checkIban, formatIban } from './iban';
import { checkKvk } from './kvk';
import { checkPhone } from './phone';
import { checkPostcode } from './postcode';
import { checkVatId, passesElevenTest } from './vatId';

const random = seeded(20_261_128);

describe('KvK-nummer', () => {
  it('accepts 8 digits and strips a branch suffix and separators', () => {
    expect(checkKvk('12345678')).toEqual({ ok: true, value: '12345678' });
    expect(checkKvk(' 1234 5678 ')).toEqual({ ok: true, value: '12345678' });
    expect(checkKvk('12345678/0000')).toEqual({ ok: true, value: '12345678' });
    expect(checkKvk('12345678 / 0001')).toEqual({ ok: true, value: '12345678' });
  });
  it('accepts the common separators alike, with or without a branch suffix (issue 11 item 18)', () => {
    for (const typed of ['1234-5678', '12.34.56.78', '1234 5678', '12345678 0000', '12345678-0000', '1234 5678/0000', '1234.5678 / 0001']) {
      expect(checkKvk(typed), typed).toEqual({ ok: true, value: '12345678' });
    }
  });
  it.each(['1234567', '123456789', '1234567a', '', '123456789012', '1234-567', '12345678/000', '1234567 0000'])('refuses %j', (value) => {
    expect(checkKvk(value)).toEqual({ ok: false, reason: 'kvk.format' });
  });
});

describe('BTW-identificatienummer', () => {
  it('accepts numbers that pass the 11-proef, normalising how they were typed', () => {
    for (let i = 0; i < 50; i++) {
      const id = elevenProofVatId(random);
      expect(checkVatId(id)).toEqual({ ok: true, value: id });
      const typed = `${id.slice(2, 6)}.${id.slice(6, 11)} ${id.slice(11).toLowerCase()}`;
      expect(checkVatId(typed)).toEqual({ ok: true, value: id });
    }
  });
  it('accepts numbers that only pass mod 97-10 (sole traders since 2020)', () => {
    for (let i = 0; i < 50; i++) {
      const id = mod97VatId(random);
      expect(checkVatId(id)).toEqual({ ok: true, value: id });
    }
  });
  it('refuses a number with one digit changed', () => {
    let refused = 0;
    for (let i = 0; i < 50; i++) {
      const id = elevenProofVatId(random);
      const position = 2 + (i % 9);
      const digit = (Number(id[position]) + 1 + (i % 8)) % 10;
      const typo = `${id.slice(0, position)}${digit}${id.slice(position + 1)}`;
      const result = checkVatId(typo);
      if (!result.ok) refused++;
      if (!result.ok) expect(result.reason).toBe('vatId.checksum');
    }
    // Either check may accept a typo by chance (1 in 11 or 1 in 97); almost all must be caught.
    expect(refused).toBeGreaterThanOrEqual(40);
  });
  it('refuses the B00 suffix and the wrong shape', () => {
    const id = elevenProofVatId(random).slice(0, 12) + '00';
    expect(checkVatId(id)).toEqual({ ok: false, reason: 'vatId.suffix' });
    expect(checkVatId('NL1234567890B01')).toEqual({ ok: false, reason: 'vatId.format' });
    expect(checkVatId('BE0123456789')).toEqual({ ok: false, reason: 'vatId.format' });
    expect(checkVatId('NL123456789X01')).toEqual({ ok: false, reason: 'vatId.format' });
  });
  it('refuses all nine digits zero, which passes the 11-proef but is never issued (issue 11 item 18)', () => {
    expect(passesElevenTest('000000000')).toBe(true);
    expect(checkVatId('NL000000000B01')).toEqual({ ok: false, reason: 'vatId.checksum' });
    expect(checkVatId('NL0B01')).toEqual({ ok: false, reason: 'vatId.checksum' });
  });
  it('accepts a number written without its leading zeros and stores it padded (issue 14 item 4)', () => {
    expect(checkVatId('NL4495445B01')).toEqual({ ok: true, value: 'NL004495445B01' });
    expect(checkVatId('4495445b01')).toEqual({ ok: true, value: 'NL004495445B01' });
    expect(checkVatId('NL2455799B11')).toEqual({ ok: true, value: 'NL002455799B11' });
    expect(checkVatId('NL4495446B01')).toEqual({ ok: false, reason: 'vatId.checksum' });
  });
  it('agrees with the examples in DOMAIN.md', () => {
    expect(checkVatId('NL004495445B01').ok).toBe(true);
    expect(checkVatId('NL002455799B11').ok).toBe(true);
    expect(checkVatId('NL123456789B90')).toEqual({ ok: false, reason: 'vatId.checksum' });
  });
});

describe('IBAN', () => {
  it('accepts Dutch IBANs made with correct check digits, stored compact and shown in groups of 4', () => {
    for (let i = 0; i < 50; i++) {
      const value = dutchIban(random);
      const spaced = formatIban(value);
      expect(spaced).toMatch(/^NL\d{2} [A-Z]{4} \d{4} \d{4} \d{2}$/);
      expect(checkIban(spaced.toLowerCase())).toEqual({ ok: true, value });
    }
  });
  it('accepts other SEPA countries by their own length', () => {
    expect(checkIban(iban('BE', '539007547034')).ok).toBe(true);
    expect(checkIban(iban('DE', '370400440532013000')).ok).toBe(true);
  });
  it('refuses swapped digits, wrong length and unknown countries with the reason', () => {
    const value = dutchIban(random);
    const swapped = value.slice(0, 10) + value[11] + value[10] + value.slice(12);
    if (swapped !== value) expect(checkIban(swapped)).toEqual({ ok: false, reason: 'iban.checksum' });
    expect(checkIban(iban('NL', 'ABNA012345678'))).toEqual({ ok: false, reason: 'iban.length' });
    expect(checkIban(iban('XX', 'ABNA0123456789'))).toEqual({ ok: false, reason: 'iban.country' });
    expect(checkIban('hello')).toEqual({ ok: false, reason: 'iban.format' });
  });
  it('accepts an IBAN written with dots (issue 14 item 4)', () => {
    expect(checkIban('NL91.ABNA.0417.1643.00')).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
    expect(checkIban('nl91abna.0417.164300')).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
  });
  it('does not apply the old Dutch account elfproef', () => {
    // 0123456780 fails the elfproef (weighted sum 10·0+9·1+…+1·0 = 240, 240 mod 11 ≠ 0) yet is a valid IBAN.
    expect(checkIban(iban('NL', 'INGB0123456780')).ok).toBe(true);
  });
});

describe('BIC', () => {
  it('accepts 8 and 11 characters and derives it from a Dutch IBAN', () => {
    expect(checkBic('abnanl2a')).toEqual({ ok: true, value: 'ABNANL2A' });
    expect(checkBic('RABONL2UXXX')).toEqual({ ok: true, value: 'RABONL2UXXX' });
    expect(checkBic('ABNANL2')).toEqual({ ok: false, reason: 'bic.format' });
    expect(checkBic('1BNANL2A')).toEqual({ ok: false, reason: 'bic.format' });
    expect(bicForIban(dutchIban(random, 'RABO'))).toBe('RABONL2U');
    expect(bicForIban(dutchIban(random, 'KNAB'))).toBe('KNABNL2H');
    expect(bicForIban(dutchIban(random, 'ZZZZ'))).toBeUndefined();
  });
  it('refuses a BIC whose country part is not a country, as peers do (issue 14 item 4)', () => {
    expect(checkBic('MULTIPLE')).toEqual({ ok: false, reason: 'bic.country', values: { country: 'IP' } });
    expect(checkBic('ABCDXX2A')).toEqual({ ok: false, reason: 'bic.country', values: { country: 'XX' } });
    expect(checkBic('DEUTDEFF500')).toEqual({ ok: true, value: 'DEUTDEFF500' });
    expect(checkBic('BOFAUS3N')).toEqual({ ok: true, value: 'BOFAUS3N' });
  });
});

describe('postcode', () => {
  it('writes every accepted postcode as 1234 AB', () => {
    expect(checkPostcode('1234ab')).toEqual({ ok: true, value: '1234 AB' });
    expect(checkPostcode(' 9999  ZZ ')).toEqual({ ok: true, value: '9999 ZZ' });
  });
  it('drops the NL- prefix of international mail (issue 14 item 4)', () => {
    expect(checkPostcode('NL-1234 AB')).toEqual({ ok: true, value: '1234 AB' });
    expect(checkPostcode('nl 1234ab')).toEqual({ ok: true, value: '1234 AB' });
    expect(checkPostcode('NL-1234 SA')).toEqual({ ok: false, reason: 'postcode.reserved' });
    expect(checkPostcode('BE-1234 AB')).toEqual({ ok: false, reason: 'postcode.format' });
  });
  it.each([['0123 AB', 'postcode.format'], ['123 AB', 'postcode.format'], ['1234 A', 'postcode.format'], ['1234 SA', 'postcode.reserved'], ['1234 sd', 'postcode.reserved'], ['1234SS', 'postcode.reserved']])(
    'refuses %j',
    (value, reason) => expect(checkPostcode(value)).toEqual({ ok: false, reason }),
  );
});

describe('phone and e-mail', () => {
  it('reads Dutch numbers without country code and stores them internationally', () => {
    expect(checkPhone('020 123 4567')).toEqual({ ok: true, value: '+31 20 123 4567' });
    expect(checkPhone('06-12345678')).toEqual({ ok: true, value: '+31 6 12345678' });
    expect(checkPhone('+32 2 555 12 12').ok).toBe(true);
    expect(checkPhone('12345')).toEqual({ ok: false, reason: 'phone.invalid' });
  });
  it('lower-cases addresses and refuses malformed ones', () => {
    expect(checkEmail(' Info@Winkel.NL ')).toEqual({ ok: true, value: 'info@winkel.nl' });
    expect(checkEmail('info@winkel')).toEqual({ ok: false, reason: 'email.invalid' });
    expect(checkEmail('info winkel.nl')).toEqual({ ok: false, reason: 'email.invalid' });
  });
});
