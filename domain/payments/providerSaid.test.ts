import { describe, expect, it } from 'vitest';
import { providerSaidIn, withProviderSaid } from './providerSaid';

describe("Pay.nl's words in the cloud's error message", () => {
  it('are read back as written, and nothing is read when Pay.nl said nothing', () => {
    const message = withProviderSaid('Pay.nl does not know service SL-3333-4444 for this token.', 'Service SL-3333-4444 not found.');
    expect(message).toBe('Pay.nl does not know service SL-3333-4444 for this token. Pay.nl says: "Service SL-3333-4444 not found."');
    expect(providerSaidIn(message)).toBe('Service SL-3333-4444 not found.');
    expect(withProviderSaid('Pay.nl gave an unexpected answer (HTTP 502).', null)).toBe('Pay.nl gave an unexpected answer (HTTP 502).');
    expect(providerSaidIn('Pay.nl gave an unexpected answer (HTTP 502).')).toBeNull();
  });

  it('keep quotes inside the words, and come back as one clipped line whatever the message carries', () => {
    expect(providerSaidIn(withProviderSaid('Refused.', 'Field "serviceId" is "SL-1"'))).toBe('Field "serviceId" is "SL-1"');
    const read = providerSaidIn(`Refused. Pay.nl says: "first\nsecond\u001b[31m ${'x'.repeat(400)}"`);
    expect(read).toMatch(/^first second \[31m x+$/);
    expect(read).toHaveLength(200);
  });
});
