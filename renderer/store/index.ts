/**
 * The app's store instance, its React hook and the push-event bridge.
 * Components read through `useApp(selector)` and call actions; they never touch the client.
 */
import { useStore } from 'zustand';
import { api } from '../ipc/client';
import { createAppStore, type AppStore } from './create-store';
import type { StoreEnv } from './slice-types';
import type { Store } from './types';

/** Long enough to skip most keystrokes while typing an error text, short enough to feel live. */
const LOOKUP_DEBOUNCE_MS = 250;

function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const browserEnv: StoreEnv = {
  locale: () => (typeof navigator !== 'undefined' ? navigator.language : undefined),
  newId,
  now: () => new Date(),
  download: (name, content, mime) => {
    const url = URL.createObjectURL(new Blob([content], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
  print: () => window.print(),
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  openWindow: (url) => void window.open(url, '_blank', 'noopener,noreferrer'),
  lookupDebounceMs: LOOKUP_DEBOUNCE_MS,
};

export const appStore: AppStore = createAppStore(api, browserEnv);

export function useApp<T>(selector: (s: Store) => T): T {
  return useStore(appStore, selector);
}

/** The only subscriber to push events; writes into the store: one place turns events into state, so no component can miss or double-apply one. */
export function startBridge(store: AppStore = appStore): () => void {
  const offProgress = api.on('diagnose:progress', (p) => store.getState().applyProgress(p));
  const offWatch = api.on('watch:update', (w) => store.getState().applyWatch(w));
  // A watch runs in the host: a reloaded page, or one coming back to the front (its WebSocket may
  // have been re-opened meanwhile), asks for it again and receives its updates from then on.
  const resume = (): void => void store.getState().resumeWatches();
  resume();
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') resume();
  };
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
  return () => {
    offProgress();
    offWatch();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
  };
}
