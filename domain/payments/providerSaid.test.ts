import { describe, expect, it } from 'vitest';
import { plainProviderText, providerSaidLimit } from './providerSaid';

describe("a provider's words, made fit to show and log", () => {
  it('stay as they are when they are one short line already, quotes included', () => {
    expect(plainProviderText('Service SL-3333-4444 not found.')).toBe('Service SL-3333-4444 not found.');
    expect(plainProviderText('Field "serviceId" is "SL-1"')).toBe('Field "serviceId" is "SL-1"');
  });

  it('become one trimmed line: newlines, escapes and runs of spaces are one space each', () => {
    expect(plainProviderText('  first\r\nsecond\u001b[31m \t third\u0000 ')).toBe('first second [31m third');
    expect(plainProviderText('ok\n2026-11-29T14:00:00Z INFO payments.providerSynced {"added":9}')).toBe('ok 2026-11-29T14:00:00Z INFO payments.providerSynced {"added":9}');
    expect(plainProviderText(' \n\u0007 ')).toBe('');
  });

  it('are clipped to 200 characters, never a whole page', () => {
    expect(providerSaidLimit).toBe(200);
    const page = `first ${'x'.repeat(10_000)}`;
    expect(plainProviderText(page)).toBe(page.slice(0, 200));
    expect(plainProviderText('y'.repeat(200))).toHaveLength(200);
  });
});
