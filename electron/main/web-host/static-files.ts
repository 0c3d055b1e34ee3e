import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of the files the UI is built into (also served by the desktop app's app:// protocol). */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Resolve a URL path to a file inside `root`, refusing anything that escapes it
 * (`..`, encoded slashes, symlinks pointing outside). Returns null when not servable: also for a
 * folder (a 404, not a read error) and for source maps, which would hand out the source to any page.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<{ file: string; type: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const rootReal = await realpath(resolve(root)).catch(() => null);
  if (!rootReal) return null;
  const candidate = resolve(join(rootReal, rel));
  const real = await realpath(candidate).catch(() => null);
  if (!real || (real !== rootReal && !real.startsWith(rootReal + sep))) return null;
  if (extname(real).toLowerCase() === '.map') return null;
  if (!(await stat(real).catch(() => null))?.isFile()) return null;
  return { file: real, type: MIME[extname(real).toLowerCase()] ?? 'application/octet-stream' };
}

export async function readStatic(file: string): Promise<Buffer> {
  return readFile(file);
}
