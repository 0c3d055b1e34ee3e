/**
 * The shipping features in a real Electron window: application menu, About → licences window,
 * native save (markdown and printToPDF), update check default, window size remembered across
 * launches. Runs where Electron's binary exists (release workflow runners after
 * `npx install-electron`); skips here, where it cannot be downloaded.
 *
 * Native dialogs would block a headless run, so `dialog.showSaveDialog`/`showMessageBox` are
 * replaced inside the main process with answers a user would give; everything after the
 * answer (file writing, printToPDF, windows) is the app's real code.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronBinary } = require('../scripts/electron-binary') as { electronBinary: (root?: string) => string | null };

const root = join(__dirname, '..');
const binary = electronBinary(root);

test.skip(!binary, 'Electron binary not installed on this machine (it cannot be downloaded here); this spec runs on the release workflow runners after `npx install-electron`.');

interface Invoke {
  mailDoctor: { invoke(channel: string, req: unknown): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: unknown }> };
}

async function launch(): Promise<ElectronApplication> {
  return electron.launch({ executablePath: binary!, args: [root] });
}

test('menu, About → licences, native save and PDF, update check, remembered window size', async () => {
  const out = await mkdtemp(join(tmpdir(), 'md-e2e-save-'));
  let app = await launch();
  try {
    const win = await app.firstWindow();
    await win.waitForLoadState('domcontentloaded');

    // Application menu: the edit roles that make copy/paste work, zoom, and no devtools-only
    // surprises missing from the top level.
    const menu = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).map((i) => ({ label: i.label, roles: (i.submenu?.items ?? []).map((s) => s.role ?? '') })),
    );
    const roles = menu.flatMap((m) => m.roles.map((r) => r.toLowerCase()));
    for (const r of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectall', 'zoomin', 'zoomout', 'resetzoom', 'togglefullscreen']) expect(roles, r).toContain(r);
    expect(menu.map((m) => m.label)).toEqual(expect.arrayContaining([expect.stringMatching(/^(編集|Edit)$/), expect.stringMatching(/^(ヘルプ|Help)$/)]));

    // Help → About, answer "Licences…": a second, scriptless window with the notices opens.
    await app.evaluate(({ dialog }) => {
      dialog.showMessageBox = (async () => ({ response: 1, checkboxChecked: false })) as typeof dialog.showMessageBox;
    });
    await app.evaluate(({ Menu }) => {
      const all = (items: Electron.MenuItem[]): Electron.MenuItem[] => items.flatMap((i) => [i, ...all(i.submenu?.items ?? [])]);
      const about = all(Menu.getApplicationMenu()!.items).find((i) => /について|^About /.test(i.label));
      if (!about) throw new Error('About item not found');
      about.click();
    });
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => ({ url: w.webContents.getURL().slice(0, 22), title: w.getTitle() }))))
      .toEqual(expect.arrayContaining([{ url: 'data:text/html;charset', title: expect.stringMatching(/サードパーティ ライセンス|Third-party licences/) }]));

    // file:save markdown and PDF: the user "chooses" a path, the app writes the file.
    const mdPath = join(out, 'report.md');
    const pdfPath = join(out, 'report.pdf');
    await app.evaluate(({ dialog }, paths) => {
      const queue = [...paths];
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: queue.shift() })) as unknown as typeof dialog.showSaveDialog;
    }, [mdPath, pdfPath]);
    const md = await win.evaluate(() => (window as unknown as Invoke).mailDoctor.invoke('file:save', { suggestedName: '診断レポート', kind: 'markdown', content: '# 診断結果\n' }));
    expect(md).toMatchObject({ ok: true, value: { saved: true, path: mdPath } });
    expect(await readFile(mdPath, 'utf8')).toBe('# 診断結果\n');
    const pdf = await win.evaluate(() => (window as unknown as Invoke).mailDoctor.invoke('file:save', { suggestedName: 'report', kind: 'pdf' }));
    expect(pdf).toMatchObject({ ok: true, value: { saved: true, path: pdfPath } });
    const bytes = await readFile(pdfPath);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1_000);

    // No feed configured in package.json: the check says so, without touching the network.
    const upd = await win.evaluate(() => (window as unknown as Invoke).mailDoctor.invoke('updates:check', {}));
    expect(upd).toMatchObject({ ok: true, value: { status: 'disabled' } });

    // Window size survives a restart. 1024×710 fits every runner's screen (Windows runners have
    // 1024×768) and differs from the first-run size there (1024×728 after fitting).
    await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows().find((x) => !x.webContents.getURL().startsWith('data:'))!;
      w.setSize(1024, 710);
    });
    const stateFile = join(await app.evaluate(({ app: a }) => a.getPath('userData')), 'window-state.json');
    await app.close();
    expect(existsSync(stateFile)).toBe(true);
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toMatchObject({ width: 1024, height: 710 });

    app = await launch();
    const again = await app.firstWindow();
    await again.waitForLoadState('domcontentloaded');
    const size = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getSize());
    expect(size).toEqual([1024, 710]);
  } finally {
    await app.close().catch(() => undefined);
    await rm(out, { recursive: true, force: true });
  }
});
