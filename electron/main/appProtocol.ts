import fs from 'node:fs';
import { protocol } from 'electron';
import { pageWithFirstAnswers, type FirstAnswers } from '../../domain/firstAnswers';
import { servedFor } from '../services/hosting/rendererAnswers';
import { resolveInside } from '../services/hosting/staticFiles';
import type { Logger } from '../services/logger';

/** Must run before the app is ready: app:// behaves like https (secure, standard, fetch allowed). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The answers only spare the page a round trip; a failure to get them must not fail the page
 * (the window is shown on ready-to-show, so a failed load would leave nothing on screen).
 * Without them the page asks over the bridge.
 */
async function askedSafely(firstAnswers: () => Promise<FirstAnswers> | null, logger: Logger): Promise<FirstAnswers | null> {
  try {
    return await firstAnswers();
  } catch (error) {
    logger.error('app.firstAnswersFailed', { error: (error as Error).message });
    return null;
  }
}

/**
 * Serves the built renderer at app://backoffice/ instead of file://, so the page has a real
 * origin, a CSP header, and no way to read other files: every path is checked to stay inside
 * the renderer folder. What is served with which headers (a missing build file is a 404, the
 * page is never kept) is the web host's decision too (servedFor). The page carries the first
 * screen's answers for the window's session (`firstAnswers`, from the IPC binding), as the web
 * host's page does.
 */
export function serveRenderer(rendererDir: string, firstAnswers: () => Promise<FirstAnswers> | null, logger: Logger): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'backoffice' ? resolveInside(rendererDir, url.pathname) : null;
    const served = file ? servedFor(rendererDir, file, fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true) : null;
    if (!served) return new Response('Not found', { status: 404 });
    const answers = served.page ? await askedSafely(firstAnswers, logger) : null;
    const body = answers ? pageWithFirstAnswers(fs.readFileSync(served.file, 'utf8'), answers) : fs.readFileSync(served.file);
    return new Response(body, { headers: served.headers });
  });
}
