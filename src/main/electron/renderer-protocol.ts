// The packaged renderer is served from a privileged app:// scheme instead of file:// (Electron
// security checklist, "use a custom protocol"): the page gets a real origin for the IPC sender
// check, and every response carries the CSP header, which file:// pages cannot receive.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

export const RENDERER_SCHEME = 'app';
export const RENDERER_HOST = 'toiawase';
export const RENDERER_ORIGIN = `${RENDERER_SCHEME}://${RENDERER_HOST}`;
export const RENDERER_INDEX_URL = `${RENDERER_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** The file under `rootDir` a request URL names, or null for anything outside the bundle. */
export function resolveRendererFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${RENDERER_SCHEME}:` || url.host !== RENDERER_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.slice(1);
  const root = normalize(rootDir + sep);
  const file = normalize(join(root, relative));
  return file.startsWith(root) ? file : null;
}

/** A `protocol.handle` handler serving `rootDir` with the CSP on every response. */
export function createRendererHandler(
  rootDir: string,
  csp: string,
): (request: Request) => Promise<Response> {
  const headers = (type: string): Record<string, string> => ({
    'Content-Type': type,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  return async (request) => {
    const file = request.method === 'GET' ? resolveRendererFile(rootDir, request.url) : null;
    if (file === null)
      return new Response('Not found', { status: 404, headers: headers('text/plain') });
    try {
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(new Uint8Array(body), { status: 200, headers: headers(type) });
    } catch {
      return new Response('Not found', { status: 404, headers: headers('text/plain') });
    }
  };
}
