import path from 'node:path';
import { contentSecurityPolicy, contentType } from './staticFiles';

/**
 * What a host serves for a request inside the built renderer, decided once for both hosts (the
 * web host's HTTP server, Electron's app:// protocol), so a page served by either behaves the same.
 */
export interface Served {
  /** The file to send: the one asked for, or the page (index.html) for the app's own deep links. */
  file: string;
  /** The page gets the first screen's answers put in, and is never kept by the browser. */
  page: boolean;
  headers: Readonly<Record<string, string>>;
}

/**
 * `file` is the request's path resolved inside `rendererDir` (resolveInside), `found` whether it
 * is a file there. Null means 404: a missing build file (a page of an earlier build asking for its
 * script) has no page to fall back on, since the page in its place would be refused as a script.
 */
export function servedFor(rendererDir: string, file: string, found: boolean): Served | null {
  // Resolved as resolveInside resolves `file`, so a folder given relative still knows its page.
  const page = path.resolve(rendererDir, 'index.html');
  if (!found && isBuildFile(rendererDir, file)) return null;
  const target = found ? file : page;
  const isPage = target === page;
  return {
    file: target,
    page: isPage,
    headers: {
      'Content-Type': contentType(target),
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      // Nothing the page asks for needs to know where it was asked from.
      'Referrer-Policy': 'no-referrer',
      // The page holds who is signed in (its first answers): never kept, never shown from a cache after sign-out.
      'Cache-Control': isPage ? 'no-store' : cachePolicy(rendererDir, target),
    },
  };
}

/**
 * How long a browser may keep a file: a year for vite's content-hashed build files
 * (`assets/name-HASH.ext`, a new build gives them a new name), and for everything else (the page,
 * favicon.svg) it must ask again, since the same name may hold other bytes after a rebuild.
 */
function cachePolicy(rendererDir: string, file: string): string {
  const [folder, name, ...deeper] = path.relative(rendererDir, file).split(path.sep);
  const hashed = folder === 'assets' && deeper.length === 0 && /^[\w.-]+-[\w-]{8}\.[a-z0-9]+$/i.test(name ?? '');
  return hashed ? 'max-age=31536000, immutable' : 'no-cache';
}

/** A path under /assets/ names a build file. */
function isBuildFile(rendererDir: string, file: string): boolean {
  return path.relative(rendererDir, file).split(path.sep)[0] === 'assets';
}
