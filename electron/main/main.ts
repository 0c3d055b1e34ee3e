/**
 * Electron main process: lifecycle, the one window, security policy, IPC.
 * The engine (electron/probes) and every handler are shared with the web host.
 */
import { app, BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyAppIdentity, installAppMenu, restoredMainWindowBounds, trackMainWindow } from './desktop-integration';
import { createElectronServices } from './electron-services';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register-electron';
import { isAllowedExternalUrl, shouldAllowNavigation, shouldGrantPermission } from './security';
import { buildWindowOptions } from './window-options';

const INDEX_HTML = join(__dirname, '../../../dist/renderer/index.html');
const PRELOAD = join(__dirname, '../../preload.js');
const APP_INDEX_URL = pathToFileURL(INDEX_HTML).toString();

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
  win.once('ready-to-show', () => win.show());
  void win.loadFile(INDEX_HTML);
  return win;
}

function lockDownContents(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!shouldAllowNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function main(): void {
  // A second launch focuses the first window instead of opening another app.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.enableSandbox();
  lockDownContents();
  // Shipping: taskbar grouping with the installer's Start-menu shortcut (Windows).
  applyAppIdentity();

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(shouldGrantPermission(permission)));
    session.defaultSession.setPermissionCheckHandler((_wc, permission) => shouldGrantPermission(permission));
    // Throws at startup if a contract channel has no handler.
    registerIpc(createHandlers(createElectronServices()), APP_INDEX_URL, trustedSenders);
    // Shipping: native menu (Edit roles make copy/paste work; Help → About, updates).
    installAppMenu();
    mainWindow = createWindow();
    mainWindow.on('closed', () => (mainWindow = null));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

main();
