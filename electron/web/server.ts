import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { apiTable } from '../api/table';
import { mayReceive } from '../services/access/eventAccess';
import { createDispatch } from '../api/dispatch';
import { askFirstAnswers } from '../api/firstAnswers';
import { pageWithFirstAnswers } from '../../domain/firstAnswers';
import type { Backoffice } from '../services/backoffice';
import { servedFor } from '../services/hosting/rendererAnswers';
import { resolveInside } from '../services/hosting/staticFiles';
import { createRendererFiles } from './rendererFiles';
import { isAllowedHost, isSameOrigin, presentedToken, readCookie, tokensMatch } from './guards';

export interface WebHostOptions {
  backoffice: Backoffice;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
}

const maxBody = 16 * 1024 * 1024;
const cookie = (name: string, value: string, maxAge?: number) =>
  `${name}=${value}; HttpOnly; SameSite=Strict; Path=/${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;

function send(response: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) reject(new Error('too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * The web host: the same dispatch as the desktop app, over HTTP on 127.0.0.1 only. A per-launch
 * token proves the browser was opened by whoever started the host; it arrives once in the URL,
 * is moved into an HttpOnly cookie, and every /api request must carry it. Sign-in then binds a
 * session cookie. Events reach the page as server-sent events.
 */
export async function startWebHost({ backoffice, rendererDir, port }: WebHostOptions) {
  const token = randomBytes(24).toString('base64url');
  const dispatch = createDispatch({ table: apiTable, services: backoffice.services, logger: backoffice.logger });
  // Each event stream belongs to the session that opened it, and hears only what that session may see.
  const streams = new Map<http.ServerResponse, string>();
  let boundPort = port;
  let closing = false;

  async function handleCall(name: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    let input: unknown;
    try {
      const body = await readBody(request);
      input = body === '' ? {} : JSON.parse(body);
    } catch {
      return send(response, 400, { ok: false, error: { code: 'invalid_json', message: 'Body is not JSON or too large.' } });
    }
    const sessionId = readCookie(request.headers.cookie, 'bo_session');
    const setCookies: string[] = [];
    const result = await dispatch(name, input, {
      session: backoffice.services.access.session(sessionId),
      bindSession: (id) => setCookies.push(id ? cookie('bo_session', id) : cookie('bo_session', '', 0)),
    });
    send(response, 200, result, setCookies.length > 0 ? { 'Set-Cookie': setCookies } : {});
  }

  function handleEvents(request: http.IncomingMessage, response: http.ServerResponse): void {
    const sessionId = readCookie(request.headers.cookie, 'bo_session');
    if (!sessionId || !backoffice.services.access.session(sessionId)) {
      return send(response, 401, { ok: false, error: { code: 'not_signed_in' } });
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.set(response, sessionId);
    response.on('close', () => streams.delete(response));
  }

  const files = createRendererFiles();

  async function serveStatic(urlPath: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const file = resolveInside(rendererDir, urlPath);
    if (!file) return send(response, 404, { ok: false, error: { code: 'not_found' } });
    // Unknown paths are the app's own deep links, answered with the page; a missing build file is a 404 (servedFor).
    const found = await files.open(file);
    const served = servedFor(rendererDir, file, found !== null);
    const opened = served && (found ?? (await files.open(served.file)));
    if (!served || !opened) return send(response, 404, { ok: false, error: { code: 'not_found' } });
    const { file: target, headers } = served;
    if (!opened.body && !served.page) return streamFile(target, request, response, headers);
    // The page gets the answers put in, so it is read whole even in the unlikely case it is too big to keep.
    let body = opened.body ?? (await fs.promises.readFile(target));
    // The page carries the first screen's answers, so its first render draws that screen instead
    // of asking over HTTP once its scripts have run. Only for the browser the launch token was
    // given to, with its session: what /api/call would answer it, guarded the same way.
    // They only spare a round trip: when asking fails the page is served without them and asks over /api.
    if (served.page && tokensMatch(readCookie(request.headers.cookie, 'bo_launch'), token)) {
      try {
        const answers = await askFirstAnswers(dispatch, { session: backoffice.services.access.session(readCookie(request.headers.cookie, 'bo_session')), bindSession: () => undefined });
        body = Buffer.from(pageWithFirstAnswers(body.toString('utf8'), answers));
      } catch (error) {
        backoffice.logger.error('web.firstAnswersFailed', { error: (error as Error).message });
      }
    }
    response.writeHead(200, { ...headers, 'Content-Length': body.length });
    response.end(body);
  }

  async function streamFile(file: string, request: http.IncomingMessage, response: http.ServerResponse, headers: http.OutgoingHttpHeaders): Promise<void> {
    const opened = request.method === 'HEAD' ? await files.open(file) : await files.stream(file);
    if (!opened) return send(response, 404, { ok: false, error: { code: 'not_found' } });
    response.writeHead(200, { ...headers, 'Content-Length': opened.size });
    if (!('bytes' in opened)) return void response.end();
    pipeline(opened.bytes, response, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') backoffice.logger.error('web.fileFailed', { error: error.message });
    });
  }

  const server = http.createServer((request, response) => {
    // While shutting down nothing new starts; an EventSource would otherwise reconnect at once
    // and keep the server open forever.
    if (closing) return send(response, 503, { ok: false, error: { code: 'shutting_down' } }, { Connection: 'close' });
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!isAllowedHost(request.headers.host, boundPort)) return send(response, 421, { ok: false, error: { code: 'wrong_host' } });
    if (url.pathname.startsWith('/api/')) {
      if (!tokensMatch(presentedToken(request.headers), token)) return send(response, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong launch token.' } });
      if (url.pathname === '/api/events' && request.method === 'GET') return handleEvents(request, response);
      const call = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
      if (call?.[1] && request.method === 'POST') {
        if (!isSameOrigin(request.headers.origin, boundPort)) return send(response, 403, { ok: false, error: { code: 'cross_origin' } });
        void handleCall(call[1], request, response).catch((error: Error) => {
          backoffice.logger.error('web.callFailed', { error: error.message });
          if (!response.headersSent) send(response, 500, { ok: false, error: { code: 'internal' } });
        });
        return;
      }
      return send(response, 404, { ok: false, error: { code: 'not_found' } });
    }
    if (url.searchParams.has('token')) {
      if (!tokensMatch(url.searchParams.get('token'), token)) return send(response, 401, { ok: false, error: { code: 'unauthorized' } });
      url.searchParams.delete('token');
      response.writeHead(303, { Location: `${url.pathname}${url.search}${url.hash}`, 'Set-Cookie': cookie('bo_launch', token) });
      return response.end();
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { ok: false, error: { code: 'method_not_allowed' } });
    void serveStatic(url.pathname, request, response).catch((error: Error) => {
      backoffice.logger.error('web.pageFailed', { error: error.message });
      if (!response.headersSent) send(response, 500, { ok: false, error: { code: 'internal' } });
    });
  });

  const unsubscribe = backoffice.events.subscribe((name, payload) => {
    for (const [stream, sessionId] of streams) {
      const session = backoffice.services.access.session(sessionId);
      // A session that ended (signed out, idle, demoted away) loses its stream; the page reconnects after signing in again.
      if (!session) stream.end();
      else if (mayReceive(session.role, name, payload)) stream.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    }
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams.keys()) stream.write(': keep-alive\n\n');
  }, 25_000);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  boundPort = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${boundPort}/?token=${token}`,
    port: boundPort,
    token,
    async close(): Promise<void> {
      closing = true;
      clearInterval(heartbeat);
      unsubscribe();
      for (const stream of streams.keys()) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A call still running gets a moment to answer; its transaction has committed or not at all.
      const deadline = setTimeout(() => server.closeAllConnections(), 2000);
      await closed;
      clearTimeout(deadline);
    },
  };
}
