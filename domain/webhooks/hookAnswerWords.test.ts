import { describe, expect, it } from 'vitest';
import { describeHookAnswer } from './hookOutcome';
import { hookOutcomeSchema } from './hookProtocol';

/** What the Webhooks list says after Verbinden or Ontkoppelen, in the user's language. */
const answer = (status: string, responseCode: string | number | null, problem: string | null) => ({ status, responseCode, problem });

describe("a webshop's answer in words", () => {
  it('connected, with the code the webshop answered', () => {
    expect(describeHookAnswer(answer('connected', 200, null), 'nl')).toBe('Verbonden: de webshop antwoordde 200.');
    expect(describeHookAnswer(answer('connected', null, null), 'en')).toBe('Connected: the web shop answered —.');
  });

  it('a refused token, a failure code, no answer in time and an unreachable webshop', () => {
    expect(describeHookAnswer(answer('unauthorized', 401, 'tokenRefused'), 'nl')).toMatch(/^Mislukt: de webshop weigert het token \(401\)/);
    expect(describeHookAnswer(answer('error', 500, 'failed'), 'en')).toBe('Failed: the web shop answered with code 500.');
    expect(describeHookAnswer(answer('error', 503, null), 'nl')).toBe('Mislukt: de webshop antwoordde met code 503.');
    expect(describeHookAnswer(answer('error', null, 'noAnswer:2.5'), 'nl')).toBe('Mislukt: geen antwoord binnen 2,5 s.');
    expect(describeHookAnswer(answer('error', null, 'noAnswer:2.5'), 'en')).toBe('Failed: no answer within 2.5 s.');
    expect(describeHookAnswer(answer('error', null, 'unreachable:ECONNREFUSED'), 'en')).toBe('Failed: the web shop cannot be reached (ECONNREFUSED).');
    expect(describeHookAnswer(answer('error', null, 'unreachable:getaddrinfo:ENOTFOUND'), 'en')).toBe('Failed: the web shop cannot be reached (getaddrinfo:ENOTFOUND).');
    expect(describeHookAnswer(answer('error', null, 'unreachable'), 'nl')).toBe('Mislukt: de webshop is niet bereikbaar (?).');
  });

  it('disconnected, and disconnected while the webshop never heard of it', () => {
    expect(describeHookAnswer(answer('disconnected', null, null), 'nl')).toBe('Niet verbonden.');
    expect(describeHookAnswer(answer('disconnected', null, 'noAnswer:10'), 'en')).toBe(
      'Disconnected, but the web shop did not get the message: Failed: no answer within 10 s. The cloud no longer accepts messages from this web shop.',
    );
  });
});

describe("the cloud's answer to Verbinden", () => {
  it('reads back whole, with each attempt', () => {
    const outcome = {
      status: 'connected',
      responseCode: 200,
      deliveredAt: '2026-11-29T06:00:00Z',
      problem: null,
      attempts: [{ attempt: 1, at: '2026-11-29T06:00:00Z', responseCode: 200, outcome: 'accepted', detail: null }],
    };
    expect(hookOutcomeSchema.parse(outcome)).toEqual(outcome);
    expect(hookOutcomeSchema.safeParse({ ...outcome, status: 'maybe' }).success).toBe(false);
  });
});
