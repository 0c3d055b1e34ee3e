/**
 * BrowserWindow options, built by a pure function so every security setting is
 * asserted in a unit test (importing only Electron's *types* keeps this runnable
 * in plain Node).
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Smallest size at which the probe matrix and the checklist still fit side by side. */
export const MIN_WINDOW = { width: 1024, height: 700 } as const;
/** First-run size: fits a 1280×800 laptop screen with the taskbar/dock. */
export const DEFAULT_WINDOW = { width: 1280, height: 800 } as const;

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export function buildWindowOptions(opts: { preloadPath: string; bounds?: WindowBounds; title?: string; dark?: boolean }): BrowserWindowConstructorOptions {
  const b = opts.bounds ?? DEFAULT_WINDOW;
  return {
    ...b,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    title: opts.title ?? 'メールドクター / Mail Doctor',
    show: false, // shown on ready-to-show: no white flash
    backgroundColor: opts.dark ? '#1b1d21' : '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: opts.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
