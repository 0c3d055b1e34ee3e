/**
 * The renderer's one client for the engine. Electron's preload exposes
 * `window.mailDoctor`; without it (a browser on the local web host) the
 * WebSocket transport is used. Store actions are the only callers.
 */
import { API_GLOBAL, type MailDoctorApi } from '../../shared/ipc/api';
import { createWebSocketApi, readToken } from './ws-transport';

let current: MailDoctorApi | null = null;

function resolveApi(): MailDoctorApi {
  if (current) return current;
  const exposed = (globalThis as Record<string, unknown>)[API_GLOBAL] as MailDoctorApi | undefined;
  if (exposed) {
    current = exposed;
  } else {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    current = createWebSocketApi({ url: `${scheme}//${location.host}/ipc`, token: readToken(location, sessionStorage, history) });
  }
  return current;
}

/** Lazy, so importing the store in unit tests (no window) does not open a socket. */
export const api: MailDoctorApi = {
  get transport() {
    return resolveApi().transport;
  },
  invoke: (channel, req) => resolveApi().invoke(channel, req),
  on: (event, listener) => resolveApi().on(event, listener),
};

/** Unit tests swap in a fake implementation of the same interface. */
export function setApiForTests(fake: MailDoctorApi | null): void {
  current = fake;
}
