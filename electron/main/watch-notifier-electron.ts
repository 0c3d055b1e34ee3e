/**
 * The desktop notification of a watch: Electron's Notification, shown from the main process
 * (never from electron/probes). Clicking it brings the window back. What to say and when is
 * decided in watch-notice.ts, tested in plain Node.
 */
import { Notification, type BrowserWindow } from 'electron';
import type { WatchNotifier } from './watch-notice';
import { bringToFront } from './window-lifecycle';

export function createElectronWatchNotifier(window: () => BrowserWindow | null): WatchNotifier {
  return {
    outOfSight() {
      const w = window();
      return !w || w.isDestroyed() || w.isMinimized() || !w.isVisible() || !w.isFocused();
    },
    show({ title, body }) {
      // Linux without a notification daemon, or notifications turned off for the app: nothing to show.
      if (!Notification.isSupported()) return;
      const n = new Notification({ title, body, silent: false });
      n.on('click', () => bringToFront(window()));
      n.show();
    },
  };
}
