import type { StateCreator } from 'zustand';
import type { MailDoctorApi } from '../../shared/ipc/api';
import type { Store } from './types';

/** A slice creator with access to the whole store and to the engine client. */
export type SliceCreator<T> = (api: MailDoctorApi, env: StoreEnv) => StateCreator<Store, [], [], T>;

/** What the store needs from its host page; injected so unit tests run in plain Node. */
export interface StoreEnv {
  /** Browser locale, used until app:info answers. */
  locale(): string | undefined;
  newId(): string;
  now(): Date;
  /** Triggers a browser download (web host) — Electron saves via file:save instead. */
  download(name: string, content: string, mime: string): void;
  print(): void;
  /** Opens a URL outside the app when the host has no shell:open-external (web host: a new tab). */
  openWindow(url: string): void;
  /** The page's own clipboard (navigator.clipboard), used when the host has none (web host). */
  writeClipboard(text: string): Promise<void>;
  /** Delay for the error-text lookup as the user types. */
  lookupDebounceMs: number;
}
