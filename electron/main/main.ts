/**
 * Electron main process: lifecycle, the one window, security policy, IPC.
 * The engine (electron/probes) and every handler are shared with the web host.
 */
import { app, BrowserWindow, dialog, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { applyAppIdentity, installAppMenu, nativeLang, restoredMainWindowBounds, trackMainWindow } from './desktop-integration';
import { createElectronServices } from './electron-services';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register-electron';
import { lockDown, shouldGrantPermission } from './security';
import { bringToFront, runStartup, watchMainWindow } from './window-lifecycle';
import { buildWindowOptions } from './window-options';
import { watchNoticeHooks } from './watch-notice';
import { createElectronWatchNotifier } from './watch-notifier-electron';

/** The built UI (Vite's output), served as app://mail-doctor/… (app-protocol.ts). */
const RENDERER_ROOT = join(__dirname, '../../../dist/renderer');
const PRELOAD = join(__dirname, '../../preload.js');

let mainWindow: BrowserWindow | null = null;
const trustedSenders = new Set<number>();

function createWindow(): BrowserWindow {
  // Shipping: reopen where the user left the window (clamped to a visible display).
  const restored = restoredMainWindowBounds();
  const win = new BrowserWindow(buildWindowOptions({ preloadPath: PRELOAD, bounds: restored.bounds }));
  trackMainWindow(win, restored);
  const id = win.webContents.id;
  trustedSenders.add(id);
  win.webContents.once('destroyed', () => trustedSenders.delete(id));
  // Shown on ready-to-show, or anyway after a few seconds; crash / load-failure dialogs.
  watchMainWindow(win, {
    ask: async (w, options) => (await dialog.showMessageBox(w as BrowserWindow, { ...options, noLink: true })).response,
    quit: () => app.quit(),
    lang: nativeLang,
  });
  // Every window, the first and one reopened from the Dock, forgets itself when closed: a later
  // second launch must never touch a destroyed window.
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_INDEX_URL);
  return win;
}

function lockDownContents(): void {
  app.on('web-contents-created', (_e, contents) => lockDown(contents, (url) => void shell.openExternal(url)));
}

function startUi(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(shouldGrantPermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => shouldGrantPermission(permission));
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_ROOT));
  // Throws at startup if a contract channel has no handler.
  // Watches run here in the main process, so they go on while the window is minimised; a
  // notification says when something changed and the person is not looking.
  const watchHooks = watchNoticeHooks(createElectronWatchNotifier(() => mainWindow));
  registerIpc(createHandlers(createElectronServices({ watchHooks })), APP_INDEX_URL, trustedSenders);
  // Shipping: native menu (Edit roles make copy/paste work; Help → About, updates).
  installAppMenu();
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

function main(): void {
  // A second launch focuses the first window instead of opening another app.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => bringToFront(mainWindow));

  // Must happen before `ready`: app:// gets a real origin and is treated as secure.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.enableSandbox();
  lockDownContents();
  // Shipping: taskbar grouping with the installer's Start-menu shortcut (Windows).
  applyAppIdentity();

  // A failure while starting ends in an error box and exit, never an invisible process that
  // keeps the single-instance lock (later double-clicks would do nothing).
  void runStartup(app.whenReady(), startUi, {
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    exit: (code) => app.exit(code),
    lang: nativeLang,
    log: (m, e) => console.error(m, e),
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

main();
