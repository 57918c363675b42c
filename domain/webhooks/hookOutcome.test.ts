import { describe, expect, it } from 'vitest';
import { describeHookAnswer } from './hookOutcome';

/** The answers the cloud records when Ontkoppelen could not tell the webshop, or Verbinden lost its URL. */
describe('a webshop answer in words', () => {
  it('Ontkoppelen to a refused address: disconnected all the same, and why the webshop was not told', () => {
    const answer = { status: 'disconnected', responseCode: null, problem: 'blocked:127.0.0.1' };
    expect(describeHookAnswer(answer, 'nl')).toBe(
      'Ontkoppeld, maar de webshop kreeg het bericht niet: Mislukt: de Webhook-URL wijst naar 127.0.0.1, een adres waar de cloud niet naartoe stuurt. De cloud neemt geen berichten van deze webshop meer aan.',
    );
    expect(describeHookAnswer(answer, 'en')).toContain('the webhook URL points to 127.0.0.1, an address the cloud does not deliver to.');
  });

  it('Verbinden whose URL changed meanwhile: failed, and the new address was not contacted', () => {
    const answer = { status: 'error', responseCode: '200', problem: 'urlChanged' };
    expect(describeHookAnswer(answer, 'nl')).toBe('Mislukt: de Webhook-URL is gewijzigd terwijl de webshop antwoordde; het nieuwe adres is niet benaderd. Kies opnieuw Verbinden.');
    expect(describeHookAnswer(answer, 'en')).toBe('Failed: the webhook URL was changed while the web shop was answering; the new address was not contacted. Choose Connect again.');
  });

  it('a blocked problem without an address still reads as a sentence', () => {
    expect(describeHookAnswer({ status: 'error', responseCode: null, problem: 'blocked' }, 'en')).toBe('Failed: the webhook URL points to ?, an address the cloud does not deliver to.');
  });
});
