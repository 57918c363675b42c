import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../../test/loopbackServer';
import { createCloudClient } from './cloudClient';

/**
 * How the cloud client reads an error answer: a stand-in cloud on 127.0.0.1 answers every request
 * with the status and body the test sets, as a cloud that may be broken or hostile could.
 */
describe("the cloud client's reading of an error answer", () => {
  let answer: { status: number; body: string } = { status: 500, body: '' };
  let cloud: Awaited<ReturnType<typeof listenOnLoopback>>;
  beforeAll(async () => {
    cloud = await listenOnLoopback(
      http.createServer((request, response) => {
        request.resume();
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(answer.body);
      }),
    );
  });
  afterAll(() => cloud.stop());

  const failureFor = async (status: number, body: unknown) => {
    answer = { status, body: typeof body === 'string' ? body : JSON.stringify(body) };
    const result = await createCloudClient({ baseUrl: cloud.url, token: 't'.repeat(32) }).forget();
    if (result.ok) throw new Error('the stand-in answered an error; the client read it as success');
    return result.failure;
  };
  const said = (detail: unknown) => ({ error: { code: 'provider_unknown_service', message: 'Pay.nl does not know service SL-3333-4444 for this token.', detail } });

  it("carries the provider's words as detail on a temporary and a permanent failure, beside the code and message", async () => {
    expect(await failureFor(502, said('Service SL-3333-4444 not found.'))).toEqual({
      kind: 'temporary',
      code: 'provider_unknown_service',
      message: 'Pay.nl does not know service SL-3333-4444 for this token.',
      detail: 'Service SL-3333-4444 not found.',
      retryAfterMs: undefined,
    });
    expect(await failureFor(409, { error: { code: 'provider_not_linked', message: 'No link.', detail: 'Ask IT.' } })).toEqual({ kind: 'permanent', status: 409, code: 'provider_not_linked', message: 'No link.', detail: 'Ask IT.' });
    expect(await failureFor(401, { error: { code: 'unauthorized', message: 'Pair again.', detail: 'Token revoked.' } })).toEqual({ kind: 'unauthorized', message: 'Pair again.' });
  });

  it('makes a hostile detail one plain line of at most 200 characters, and drops one that is no text, keeping the code and message', async () => {
    expect(await failureFor(502, said(`Gone.\n2026-11-29 INFO forged\u001b[2J${'x'.repeat(10_240)}`))).toMatchObject({ detail: `Gone. 2026-11-29 INFO forged [2J${'x'.repeat(168)}` });
    for (const notText of [{ said: 'Service not found.' }, ['Service not found.'], 404, null, false, '\n\t\u0000 ']) {
      const failure = await failureFor(502, said(notText));
      expect(failure).toMatchObject({ kind: 'temporary', code: 'provider_unknown_service', message: 'Pay.nl does not know service SL-3333-4444 for this token.' });
      expect('detail' in failure).toBe(false);
    }
    expect(await failureFor(502, '<html>Bad Gateway</html>')).toEqual({ kind: 'temporary', message: 'HTTP 502', retryAfterMs: undefined });
  });

  it("reads a hostile cloud's own message as one plain line of at most 300 characters, for the manager's text and the log", async () => {
    const forged = `Busy.\n2026-11-29 INFO forged\u001b[2J${'x'.repeat(10_240)}`;
    const failure = await failureFor(400, { error: { code: 'invalid', message: forged } });
    const shown = 'Busy. 2026-11-29 INFO forged [2J';
    expect(failure).toMatchObject({ kind: 'permanent', code: 'invalid', message: `${shown}${'x'.repeat(300 - shown.length)}` });
    expect('message' in failure && failure.message).toHaveLength(300);
  });
});
