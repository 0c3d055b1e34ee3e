/**
 * "Copy text" / "Copy Markdown" on the report in a real Electron window, read back from the system
 * clipboard: the app denies every web permission (clipboard-sanitized-write included), so the copy
 * must go through the main process (clipboard:write-text). The diagnosis runs against a closed
 * port on 127.0.0.1 (refused at once; no mail server needed). Runs where Electron's binary exists
 * (release workflow runners); skips here, where it cannot be downloaded.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronBinary } = require('../scripts/electron-binary') as { electronBinary: (root?: string) => string | null };

const root = join(__dirname, '..');
const binary = electronBinary(root);

test.skip(!binary, 'Electron binary not installed on this machine (it cannot be downloaded here); this spec runs on the release workflow runners after `npx install-electron`.');

/** A TCP port on 127.0.0.1 that was free a moment ago and has no listener now. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

test('Copy text and Copy Markdown put the report on the system clipboard', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'md-e2e-copy-'));
  const app = await electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${profile}`] });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { level: 1 })).toBeVisible();
    await win.locator('.header-tools select').first().selectOption('en');
    const port = await closedPort();
    await app.evaluate(({ clipboard }) => clipboard.writeText('before'));

    await win.locator('.nav-item[data-screen="account"]').click();
    for (const prefix of ['srv-in', 'srv-out']) {
      await win.locator(`#${prefix}-sec`).selectOption('tls');
      await win.locator(`#${prefix}-host`).fill('127.0.0.1');
      await win.locator(`#${prefix}-port`).fill(String(port));
    }
    await win.locator('#email').fill('alice@example.invalid');
    await win.locator('#password').fill('not-a-real-password');
    await win.locator('form button[type="submit"]').click();
    await expect(win.locator('.nav-item[data-screen="diagnosis"]')).toBeEnabled({ timeout: 60_000 });
    await win.locator('.nav-item[data-screen="report"]').click();
    const shown = await win.getByTestId('report-text').innerText();
    expect(shown).toContain('alice@example.invalid');

    await win.getByRole('button', { name: 'Copy as text' }).click();
    await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText())).toContain('alice@example.invalid');
    const text = await app.evaluate(({ clipboard }) => clipboard.readText());
    expect(text).not.toContain('not-a-real-password');
    await expect(win.getByText('Copied to the clipboard', { exact: false })).toBeVisible();

    await win.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => app.evaluate(({ clipboard }) => clipboard.readText())).toMatch(/^#/m);
  } finally {
    await app.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
});
