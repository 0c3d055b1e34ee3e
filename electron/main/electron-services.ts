/**
 * Host abilities of the desktop app: the same handlers as the web host, plus
 * native ones (system browser now; save dialog and printToPDF are wired in by
 * the shipping work through `saveFile`).
 */
import { app, clipboard, shell } from 'electron';
import { join } from 'node:path';
import type { HostServices } from './ipc/handlers';
import { checkForUpdates, nativeSaveFile, setAppLanguage } from './desktop-integration';
import { createHistoryStore } from './history-store';
import { isAllowedExternalUrl } from './security';

export function createElectronServices(extra: Pick<HostServices, 'watchHooks'> = {}): HostServices {
  return {
    ...extra,
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      locale: app.getLocale(),
      transport: 'electron',
      capabilities: { saveFile: true, printToPdf: true, openExternal: true },
    }),
    history: createHistoryStore(join(app.getPath('userData'), 'history')),
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) return false;
      await shell.openExternal(url);
      return true;
    },
    saveFile: nativeSaveFile(),
    checkForUpdates,
    writeClipboard: (text) => clipboard.writeText(text),
    setLanguage: setAppLanguage,
  };
}
