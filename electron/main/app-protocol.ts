/**
 * The desktop UI is served from `app://mail-doctor/…`, a privileged custom scheme, instead of
 * `file://`:
 * - the page has a real origin (`app://mail-doctor`), so CSP 'self', ES-module scripts and the IPC
 *   sender check work on origins, whatever the install path looks like (a `%`, spaces or
 *   non-ASCII in `C:\Users\山田\AppData\…` made percent-encoded file URLs compare unequal);
 * - the page gets none of file://'s extra powers (the grantFileProtocolExtraPrivileges fuse is off):
 *   it can read only the files of the built UI, nothing else on the disk.
 *
 * No `electron` import: main.ts registers the scheme and hands `protocol.handle` this handler,
 * which is a plain `Request → Response` function and runs in Node under Vitest with real files.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { buildCsp } from '../../shared/security/csp';
import { MIME } from './web-host/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'mail-doctor';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`: `standard` (relative URLs, a real origin,
 * web storage), `secure` (treated like https: no mixed-content downgrade), `supportFetchAPI` and
 * `corsEnabled` (Vite's `<script type="module" crossorigin>` loads through CORS). Never `bypassCSP`:
 * the page's CSP must hold.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } as const;

/** Headers on every app:// answer: the same strict CSP the HTML carries, and no MIME sniffing. */
function headers(type: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Security-Policy': buildCsp(),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

/**
 * The file inside `root` that an app:// URL names, or null: another host, an encoded or plain `..`
 * that leaves the folder, a NUL, a source map (never served), or a URL that does not parse.
 * Lexical on purpose: the built UI sits inside app.asar, which has no symlinks of ours.
 */
export function appFilePath(root: string, rawUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(rawUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const rel = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, rel);
  if (!file.startsWith(base + sep)) return null;
  if (file.endsWith('.map')) return null;
  return file;
}

/** `protocol.handle(APP_SCHEME, …)`: GET/HEAD of the built UI's files; 404 for anything else. */
export function createAppProtocolHandler(root: string, read: (file: string) => Promise<Buffer> = (f) => readFile(f)): (req: Request) => Promise<Response> {
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return new Response(null, { status: 405, headers: headers('text/plain; charset=utf-8') });
    const file = appFilePath(root, req.url);
    if (!file) return new Response(null, { status: 404, headers: headers('text/plain; charset=utf-8') });
    let body: Buffer;
    try {
      body = await read(file);
    } catch {
      return new Response(null, { status: 404, headers: headers('text/plain; charset=utf-8') });
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(type) });
  };
}
