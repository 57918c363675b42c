import { describe, expect, it } from 'vitest';
import { bicForIban, checkBic } from './bic';

describe('BIC typed on the company form', () => {
  it('refuses a real BIC with junk before or after it as a malformed BIC, not as a bad country', () => {
    expect(checkBic('XABNANL2A')).toEqual({ ok: false, reason: 'bic.format' });
    expect(checkBic('ABNANL2AX')).toEqual({ ok: false, reason: 'bic.format' });
    expect(checkBic('ABNANL2AXXXX')).toEqual({ ok: false, reason: 'bic.format' });
    expect(checkBic('1RABONL2UXXX')).toEqual({ ok: false, reason: 'bic.format' });
  });

  it('accepts a BIC with or without its three-character branch, whatever the spacing', () => {
    expect(checkBic(' rabo nl 2u ')).toEqual({ ok: true, value: 'RABONL2U' });
    expect(checkBic('INGBNL2A123')).toEqual({ ok: true, value: 'INGBNL2A123' });
  });

  it('fills in the BIC only for a Dutch IBAN of a known bank', () => {
    expect(bicForIban('NL91ABNA0417164300')).toBe('ABNANL2A');
    // A German IBAN whose bank-code positions happen to spell a Dutch bank gets no Dutch BIC.
    expect(bicForIban('DE89ABNA0417164300')).toBeUndefined();
  });
});
