/**
 * A server that speaks only TLS 1.0, diagnosed in a real Electron window: Electron's Node uses
 * BoringSSL, which refuses OpenSSL's `@SECLEVEL` cipher syntax, so the engine's legacy retry must
 * pick its cipher string by feature test — otherwise the run reads as "no problem". The server is
 * a Node TLS listener on 127.0.0.1 limited to TLS 1.0 (the test runner's Node is OpenSSL, which
 * can serve it at security level 0), with a throw-away certificate made by the openssl CLI.
 * Runs where Electron's binary exists (release workflow runners); skips here, where it cannot be
 * downloaded, and wherever the openssl CLI is missing.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { findingConclusion } from '../shared/knowledge/findings/finding-conclusion';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronBinary } = require('../scripts/electron-binary') as { electronBinary: (root?: string) => string | null };

const root = join(__dirname, '..');
const binary = electronBinary(root);
const run = promisify(execFile);

test.skip(!binary, 'Electron binary not installed on this machine (it cannot be downloaded here); this spec runs on the release workflow runners after `npx install-electron`.');

test('a TLS-1.0-only server is reported as TLS_PROTOCOL_TOO_OLD, never as "no problem"', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'md-e2e-tls10-'));
  const openssl = await run('openssl', ['version']).then(() => true, () => false);
  test.skip(!openssl, 'the openssl CLI is not on this runner: no certificate for the TLS 1.0 listener');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1']);
  const server = tls.createServer(
    { key: await readFile(join(dir, 'k.pem')), cert: await readFile(join(dir, 'c.pem')), minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' },
    (s) => {
      s.on('error', () => undefined);
      s.write('* OK IMAP4rev1 old server ready\r\n');
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const profile = await mkdtemp(join(tmpdir(), 'md-e2e-tls10-profile-'));
  const app = await electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${profile}`] });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { level: 1 })).toBeVisible();
    await win.locator('.header-tools select').first().selectOption('en');
    await win.locator('.nav-item[data-screen="account"]').click();
    await win.locator('#srv-in-sec').selectOption('tls');
    await win.locator('#srv-in-host').fill('127.0.0.1');
    await win.locator('#srv-in-port').fill(String(port));
    await win.locator('#email').fill('alice@example.invalid');
    await win.locator('#password').fill('not-a-real-password');
    await win.locator('form button[type="submit"]').click();
    await expect(win.locator('.nav-item[data-screen="diagnosis"]')).toBeEnabled({ timeout: 60_000 });
    await win.locator('.nav-item[data-screen="diagnosis"]').click();
    await expect(win.getByText(findingConclusion('TLS_PROTOCOL_TOO_OLD', 'en'), { exact: false }).first()).toBeVisible();
    await win.locator('.nav-item[data-screen="report"]').click();
    await expect(win.getByTestId('report-text')).toContainText('TLS_PROTOCOL_TOO_OLD');
  } finally {
    await app.close().catch(() => undefined);
    await new Promise<void>((r) => server.close(() => r()));
    await rm(profile, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
});
