/**
 * The app:// handler against real files in a temp folder (the same Request → Response function
 * Electron's protocol.handle calls; Node's fetch classes stand in for Electron's, which are the same API).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCsp } from '../../shared/security/csp';
import { APP_INDEX_URL, APP_ORIGIN, APP_SCHEME_PRIVILEGES, appFilePath, createAppProtocolHandler } from './app-protocol';

let root: string;
let outside: string;
beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'md-app-protocol-'));
  // a folder name with % and a space: the install path that broke file:// URL comparison
  root = join(base, 'Mail%20 Doctor', 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.js.map'), '{}');
  outside = join(base, 'secret.txt');
  await writeFile(outside, 'secret');
});
afterAll(() => rm(join(root, '..', '..'), { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves the built UI with its content type and the strict CSP', async () => {
    const handle = createAppProtocolHandler(root);
    const index = await handle(new Request(APP_INDEX_URL));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(buildCsp());
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('<title>x</title>');
    const js = await handle(new Request(`${APP_ORIGIN}/assets/index-abc.js`));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await handle(new Request(`${APP_ORIGIN}/`))).status).toBe(200);
  });

  it('serves nothing outside the UI folder, no source maps, no other host, no writes', async () => {
    const handle = createAppProtocolHandler(root);
    for (const url of [
      `${APP_ORIGIN}/../../secret.txt`,
      `${APP_ORIGIN}/%2e%2e/%2e%2e/secret.txt`,
      `${APP_ORIGIN}/assets/..%2f..%2f..%2fsecret.txt`,
      `${APP_ORIGIN}/assets%5c..%5c..%5c..%5csecret.txt`,
      `${APP_ORIGIN}/index.html%00.js`,
      `${APP_ORIGIN}/assets/index-abc.js.map`,
      `${APP_ORIGIN}/missing.js`,
      `${APP_ORIGIN}/%E0%A4%A`,
      'app://other-host/index.html',
    ]) {
      const r = await handle(new Request(url));
      expect(r.status, url).toBe(404);
      expect(await r.text(), url).not.toContain('secret');
    }
    expect((await handle(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('maps URLs to files lexically inside the root', () => {
    expect(appFilePath(root, `${APP_ORIGIN}/assets/index-abc.js`)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(appFilePath(root, `${APP_ORIGIN}/`)).toBe(join(root, 'index.html'));
    // the URL parser already clamps dot segments at the root; encoded slashes are caught after decoding
    expect(appFilePath(root, `${APP_ORIGIN}/%2e%2e/x`)).toBe(join(root, 'x'));
    expect(appFilePath(root, `${APP_ORIGIN}/..%2f..%2fx`)).toBeNull();
    expect(appFilePath(root, 'file:///etc/passwd')).toBeNull();
    expect(appFilePath(root, 'nonsense')).toBeNull();
  });

  it('is registered secure and standard, never bypassing CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect('bypassCSP' in APP_SCHEME_PRIVILEGES).toBe(false);
  });
});
