import path from 'node:path';

/**
 * Maps a request path onto a file inside `root`, or null when it would leave it. Used by both
 * hosts (the web host's HTTP server, Electron's app:// protocol). Decodes first, then resolves,
 * then compares against the root with a trailing separator, so `..`, encoded `%2e%2e`,
 * backslashes and sibling folders that share a prefix (`/dist/renderer-evil`) are all refused.
 */
export function resolveInside(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split(/[?#]/)[0] ?? '');
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = path.resolve(root);
  const target = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  return target === base || target.startsWith(base + path.sep) ? target : null;
}

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function contentType(file: string): string {
  return types[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The Content-Security-Policy of every page: scripts only from the app itself (no inline, no
 * eval), no plugins, no framing. Inline styles are allowed because antd writes its CSS-in-JS
 * into <style> elements; images may be data: URLs because logos are kept that way.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
