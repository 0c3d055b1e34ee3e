/**
 * The watch's desktop notification in a real Electron main process: the notifier the app uses
 * (electron/main/watch-notifier-electron.ts) sees a minimised window as out of sight and shows
 * Electron's Notification with the text it is given. What to say and when is tested in plain
 * Node (electron/main/watch-notice.test.ts); this checks the Electron side only.
 * Runs where Electron's binary exists (release workflow runners); skips here, where it cannot be
 * downloaded.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronBinary } = require('../scripts/electron-binary') as { electronBinary: (root?: string) => string | null };

const root = join(__dirname, '..');
const binary = electronBinary(root);
const NOTIFIER = join(root, 'dist-electron/electron/main/watch-notifier-electron.js');

test.skip(!binary, 'Electron binary not installed on this machine (it cannot be downloaded here); this spec runs on the release workflow runners after `npx install-electron`.');

test('a minimised window is out of sight, and the notice is shown through Electron’s Notification', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'md-e2e-notify-'));
  const app = await electron.launch({ executablePath: binary!, args: [root, `--user-data-dir=${profile}`] });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { level: 1 })).toBeVisible();
    const result = await app.evaluate(async ({ BrowserWindow, Notification }, modulePath) => {
      const shown: Array<{ title: string; body: string }> = [];
      const original = Notification.prototype.show;
      Notification.prototype.show = function (this: Electron.Notification) {
        shown.push({ title: this.title, body: this.body });
      };
      try {
        // The built module, loaded in this main process the way main.ts loads it.
        const { createElectronWatchNotifier } = (process as unknown as { mainModule: NodeJS.Module }).mainModule.require(modulePath) as typeof import('../electron/main/watch-notifier-electron');
        const w = BrowserWindow.getAllWindows()[0]!;
        const notifier = createElectronWatchNotifier(() => w);
        w.minimize();
        for (let i = 0; i < 20 && !w.isMinimized(); i++) await new Promise((r) => setTimeout(r, 100));
        const minimisedOutOfSight = notifier.outOfSight();
        notifier.show({ title: 'メールドクター: 変化がありました（alice@example.jp）', body: '3回目: 問題あり' });
        return { supported: Notification.isSupported(), minimised: w.isMinimized(), minimisedOutOfSight, shown };
      } finally {
        Notification.prototype.show = original;
      }
    }, NOTIFIER);
    expect(result.minimisedOutOfSight).toBe(true);
    // Where the desktop has no notification service, the notifier shows nothing rather than failing.
    if (result.supported) expect(result.shown).toEqual([{ title: 'メールドクター: 変化がありました（alice@example.jp）', body: '3回目: 問題あり' }]);
    else expect(result.shown).toEqual([]);
  } finally {
    await app.close().catch(() => undefined);
  }
});
