import fs from 'node:fs';
import { protocol } from 'electron';
import { contentSecurityPolicy, contentType, resolveInside } from '../services/hosting/staticFiles';

/** Must run before the app is ready: app:// behaves like https (secure, standard, fetch allowed). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * Serves the built renderer at app://backoffice/ instead of file://, so the page has a real
 * origin, a CSP header, and no way to read other files: every path is checked to stay inside
 * the renderer folder.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const file = url.host === 'backoffice' ? resolveInside(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : `${rendererDir}/index.html`;
    return new Response(fs.readFileSync(target), {
      headers: { 'Content-Type': contentType(target), 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
