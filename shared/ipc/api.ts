import type { Result } from '../result';
import type { Channel, EventName, EventPayload, Req, Res } from './contract';

/**
 * The one interface the renderer talks through. Two transports implement it:
 * the Electron preload (contextBridge → ipcMain) and the web host's WebSocket.
 */
export interface MailDoctorApi {
  readonly transport: 'electron' | 'web';
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>>;
  /** Subscribe to a push event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Name of the global the preload exposes (window.mailDoctor). */
export const API_GLOBAL = 'mailDoctor';
