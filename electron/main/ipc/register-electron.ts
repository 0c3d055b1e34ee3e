/**
 * Electron glue for the contract: one ipcMain.handle per channel, each checking
 * the sender (our own window's top frame) before the shared dispatcher validates
 * the payload. This and the preload are the only places that touch ipcMain/ipcRenderer.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS } from '../../../shared/ipc/contract';
import { err } from '../../../shared/result';
import { isTrustedSender } from '../security';
import { createDispatcher } from './dispatch';
import type { Handlers } from './handlers';

export function registerIpc(handlers: Handlers, appIndexUrl: string, trusted: Set<number>): void {
  const dispatch = createDispatcher(handlers);
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown) => {
      const fromOurWindow = isTrustedSender({ senderId: event.sender.id, frame: event.senderFrame, mainFrame: event.sender.mainFrame }, trusted, appIndexUrl);
      if (!fromOurWindow) return err('E_FORBIDDEN', `untrusted sender for ${channel}`);
      return dispatch(channel, raw, emitterFor(event.sender));
    });
  }
}

function emitterFor(wc: WebContents) {
  return {
    emit(event: string, payload: unknown) {
      if (!wc.isDestroyed()) wc.send(event, payload);
    },
  };
}
