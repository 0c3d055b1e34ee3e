/**
 * The desktop app itself. Runs where Electron's binary exists (CI runners after
 * `npx install-electron`); here it cannot be downloaded, so the spec skips and says why.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronBinary } = require('../scripts/electron-binary') as { electronBinary: (root?: string) => string | null };

const root = join(__dirname, '..');
const binary = electronBinary(root);

test.skip(!binary, 'Electron binary not installed on this machine (it cannot be downloaded here); this spec runs on the release workflow runners after `npx install-electron`.');

test('the desktop window loads the UI, sandboxed, with the typed API and no console errors', async () => {
  const app = await electron.launch({ executablePath: binary!, args: [root] });
  const errors: string[] = [];
  const win = await app.firstWindow();
  win.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  win.on('pageerror', (e) => errors.push(e.message));
  await expect(win).toHaveTitle(/Mail Doctor|メールドクター/);
  // Only the contract's API is exposed; Node is not reachable from the page.
  expect(await win.evaluate(() => typeof (window as unknown as Record<string, unknown>).mailDoctor)).toBe('object');
  expect(await win.evaluate(() => typeof (globalThis as Record<string, unknown>).require)).toBe('undefined');
  expect(await win.evaluate(() => typeof (globalThis as Record<string, unknown>).process)).toBe('undefined');
  // Served from the app's own scheme (never file://), so the page has a real origin.
  expect(win.url()).toMatch(/^app:\/\/mail-doctor\//);
  expect(await win.evaluate(() => location.origin)).toBe('app://mail-doctor');
  // The page can read nothing outside the built UI.
  expect(await win.evaluate(() => fetch('app://mail-doctor/../../package.json').then((r) => r.status, () => 'refused'))).not.toBe(200);
  const info = await win.evaluate(() => (window as any).mailDoctor.invoke('app:info', {}));
  expect(info).toMatchObject({ ok: true, value: { transport: 'electron' } });
  await win.screenshot({ path: join(root, 'test-results/screenshots/electron-start.png') });
  expect(errors).toEqual([]);
  await app.close();
});
