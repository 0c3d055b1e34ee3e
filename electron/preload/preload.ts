/**
 * Transport A: exposes exactly the contract's channels and events on
 * `window.mailDoctor` — never ipcRenderer itself, never Electron's event object.
 * Bundled by scripts/bundle-preload.js (a sandboxed preload cannot require our modules).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, type MailDoctorApi } from '../../shared/ipc/api';
import { isChannelName, isEventNameString } from '../../shared/ipc/names';

const api: MailDoctorApi = {
  transport: 'electron',
  invoke: (channel, req) =>
    isChannelName(channel)
      ? ipcRenderer.invoke(channel, req)
      : Promise.resolve({ ok: false, error: { code: 'E_BAD_REQUEST', message: 'unknown channel' } }),
  on: (event, listener) => {
    if (!isEventNameString(event)) return () => undefined;
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld(API_GLOBAL, api);
