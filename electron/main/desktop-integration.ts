/**
 * Electron glue for the native desktop features: application menu, remembered window
 * bounds, About/licences, native save dialog + printToPDF, update check.
 *
 * Deliberately thin: every decision lives in a pure module with its own tests
 * (menu.ts, window-state.ts, about.ts, licenses.ts, save-file.ts, updates.ts); this file only
 * hands them Electron's objects. It is the one shipping file that imports `electron`, so
 * nothing here is loaded by Vitest.
 */
import { app, BrowserWindow, dialog, Menu, net, screen, shell, type MessageBoxOptions } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../shared/models/device';
import type { SaveFileRequest, SaveFileResult, UpdateCheck } from '../../shared/models/app';
import { langFromLocale } from '../../shared/i18n/translate';
import { showAbout } from './about';
import { collectLicenses, readLicensesFile, type LicenseList } from './licenses';
import { buildMenuTemplate } from './menu';
import { createSaveFile, PDF_OPTIONS } from './save-file';
import { EXTERNAL_LINK_HOSTS, isAllowedExternalUrl } from './security';
import { checkForUpdates as checkFeed, feedUrlFromPackageJson } from './updates';
import { DEFAULT_WINDOW, MIN_WINDOW } from './window-options';
import { readWindowStateSync, restoreBounds, trackWindowState, type RestoredBounds } from './window-state';

/**
 * Must equal `appId` in electron-builder.yml (checked by scripts/workflows.test.ts): Windows groups
 * the taskbar button with the Start-menu shortcut the installer made only when they match.
 */
export const APP_USER_MODEL_ID = 'jp.maildoctor.app';

/** Call once at startup, before any window. */
export function applyAppIdentity(): void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
}

/** dist-electron/electron/main → dist-electron/licenses.json (written by build/before-pack.js). */
const LICENSES_JSON = join(__dirname, '../../licenses.json');

let mainWindow: BrowserWindow | null = null;
let licensesWindow: BrowserWindow | null = null;

/** UI language for native parts (menu, dialogs): the OS's preferred language, ja or en. */
export function nativeLang(): Lang {
  return chosenLang ?? langFromLocale(app.getPreferredSystemLanguages()[0] ?? app.getLocale());
}

/** Set by the renderer's language switch (`app:set-language`); until then the OS language. */
let chosenLang: Lang | null = null;

/** Native parts follow the in-app language switch: rebuild the menu in that language. */
export function setAppLanguage(lang: Lang): void {
  if (chosenLang === lang) return;
  chosenLang = lang;
  installAppMenu(lang);
}

function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

/** Call after app `ready` (needs `screen`), before creating the main window. */
export function restoredMainWindowBounds(): RestoredBounds {
  return restoreBounds(readWindowStateSync(windowStateFile()), screen.getAllDisplays(), screen.getPrimaryDisplay(), DEFAULT_WINDOW, MIN_WINDOW);
}

/** Re-apply maximized/full-screen and keep saving the window's bounds from now on. */
export function trackMainWindow(win: BrowserWindow, restored: RestoredBounds): void {
  mainWindow = win;
  win.once('ready-to-show', () => {
    if (restored.maximized) win.maximize();
    if (restored.fullScreen) win.setFullScreen(true);
  });
  trackWindowState(win, windowStateFile(), { onError: (e) => console.warn('window state not saved:', e) });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
}

function packageJson(): unknown {
  try {
    return JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8'));
  } catch {
    return {};
  }
}

function licenses(): LicenseList | undefined {
  // Packaged: the list written at pack time. Development: collected live from node_modules.
  return readLicensesFile(LICENSES_JSON) ?? (app.isPackaged ? undefined : safeCollect());
}

function safeCollect(): LicenseList | undefined {
  try {
    return collectLicenses(app.getAppPath());
  } catch {
    return undefined;
  }
}

function messageBox(options: MessageBoxOptions) {
  return mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
}

export function showAboutBox(): Promise<void> {
  return showAbout({
    facts: {
      productName: app.getName(),
      version: app.getVersion(),
      versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
      platform: `${process.platform} ${process.getSystemVersion()}`,
      arch: process.arch,
    },
    lang: nativeLang(),
    licenses,
    showMessageBox: messageBox,
    openLicensesWindow: (url, options) => {
      if (licensesWindow && !licensesWindow.isDestroyed()) {
        licensesWindow.focus();
        return;
      }
      const win = new BrowserWindow({ ...options, parent: mainWindow ?? undefined });
      licensesWindow = win;
      win.setMenu(null);
      win.once('ready-to-show', () => win.show());
      win.on('closed', () => (licensesWindow = null));
      void win.loadURL(url);
    },
  });
}

/**
 * `updates:check` for HostServices: the configured feed, this version, the OS language.
 * Through Electron's net.fetch (Chromium's network stack): it uses the system proxy settings
 * (PAC/WPAD included) and the OS trust store, like the browser on that PC. Node's fetch knows
 * neither, so behind a company proxy or a TLS-inspecting gateway it would only ever fail.
 */
export function checkForUpdates(): Promise<UpdateCheck> {
  return checkFeed({ current: app.getVersion(), feedUrl: feedUrlFromPackageJson(packageJson()), lang: nativeLang(), fetchImpl: net.fetch as typeof fetch });
}

const UPDATE_TEXT = {
  ja: { title: 'アップデートの確認', open: 'ダウンロード ページを開く', close: '閉じる', disabled: 'このビルドでは更新の確認が設定されていません。' },
  en: { title: 'Check for updates', open: 'Open download page', close: 'Close', disabled: 'Update checks are not configured for this build.' },
} as const satisfies Record<Lang, Record<string, string>>;

/** Menu → Check for Updates: run the check and tell the user; never downloads anything itself. */
async function checkForUpdatesInteractive(): Promise<void> {
  const lang = nativeLang();
  const t = UPDATE_TEXT[lang];
  const r = await checkForUpdates();
  const canOpen = r.status === 'available' && r.url !== undefined && isAllowedExternalUrl(r.url, [...EXTERNAL_LINK_HOSTS, ...feedHost()]);
  const { response } = await messageBox({
    type: r.status === 'error' ? 'warning' : 'info',
    title: t.title,
    message: r.status === 'disabled' ? t.disabled : (r.message ?? r.status),
    buttons: canOpen ? [t.open, t.close] : [t.close],
    defaultId: 0,
    cancelId: canOpen ? 1 : 0,
    noLink: true,
  });
  if (canOpen && response === 0) await shell.openExternal(r.url!);
}

/** The release page may live on the feed's own host (it is our configured, https-only server). */
function feedHost(): string[] {
  const url = feedUrlFromPackageJson(packageJson());
  try {
    return url ? [new URL(url).hostname] : [];
  } catch {
    return [];
  }
}

export function installAppMenu(lang: Lang = nativeLang()): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    lang,
    isDev: !app.isPackaged,
    appName: app.getName(),
    actions: {
      about: () => void showAboutBox(),
      // Only builds with a feed (set by the release job) offer the menu item.
      ...(feedUrlFromPackageJson(packageJson()) ? { checkForUpdates: () => void checkForUpdatesInteractive() } : {}),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** `file:save` for HostServices: native dialog on the main window; PDF of that window. */
export function nativeSaveFile(): (req: SaveFileRequest) => Promise<SaveFileResult> {
  const target = () => {
    const w = mainWindow ?? BrowserWindow.getFocusedWindow();
    if (!w) throw new Error('no window to save from');
    return w;
  };
  return createSaveFile({
    showSaveDialog: (options) => dialog.showSaveDialog(target(), options),
    printToPDF: () => target().webContents.printToPDF(PDF_OPTIONS),
    defaultDir: () => app.getPath('documents'),
    lang: nativeLang,
  });
}
