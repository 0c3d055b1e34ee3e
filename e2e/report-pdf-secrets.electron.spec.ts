/**
 * The desktop app's own PDF holds no password: a diagnosis against scripted servers (a
 * succeeding IMAP and a failing POP3 login, SMTP with each), the Report screen saved as PDF
 * through file:save (webContents.printToPDF with PDF_OPTIONS), the file's text layer searched by
 * the same flow the web spec runs with Chromium's page.pdf() (e2e/fixtures/pdf-secrets.ts).
 * Runs where Electron's binary exists (release workflow runners after `npx install-electron`)
 * and pdftotext is installed; skips here, where Electron cannot be downloaded.
 *
 * The native save dialog would block a headless run, so `dialog.showSaveDialog` answers with
 * the path a user would choose; writing the PDF is the app's real code.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { pdftotextMissing, scriptedPdfCase, SCRIPTED_CASES } from './fixtures/pdf-secrets';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronBinary } = require('../scripts/electron-binary') as { electronBinary: (root?: string) => string | null };

const root = join(__dirname, '..');
const binary = electronBinary(root);

test.skip(!binary, 'Electron binary not installed on this machine (it cannot be downloaded here); this spec runs on the release workflow runners after `npx install-electron`.');
const noPdftotext = pdftotextMissing();
test.skip(noPdftotext !== null, noPdftotext ?? '');

interface Invoke {
  mailDoctor: { invoke(channel: string, req: unknown): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: unknown }> };
}

for (const c of SCRIPTED_CASES) {
  test(`report PDF through file:save (${c.lang}, ${c.incoming} login ${c.login}): no form of the password, the address present`, async () => {
    test.setTimeout(120_000);
    const app = await electron.launch({ executablePath: binary!, args: [root] });
    try {
      const win = await app.firstWindow();
      await win.waitForLoadState('domcontentloaded');
      await win.locator('.header-tools select').first().selectOption(c.lang);
      await expect(win.locator('html')).toHaveAttribute('lang', c.lang);
      await scriptedPdfCase(win, c, async (file) => {
        await app.evaluate(({ dialog }, path) => {
          dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as unknown as typeof dialog.showSaveDialog;
        }, file);
        const saved = await win.evaluate(() => (window as unknown as Invoke).mailDoctor.invoke('file:save', { suggestedName: 'report', kind: 'pdf' }));
        expect(saved).toMatchObject({ ok: true, value: { saved: true, path: file } });
      });
    } finally {
      await app.close().catch(() => undefined);
    }
  });
}
