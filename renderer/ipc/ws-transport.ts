/**
 * Transport B: the local web host's WebSocket, speaking the same contract as
 * Electron's preload. The per-launch token arrives in the URL fragment (never
 * sent to the server in a request line or Referer), is kept in sessionStorage
 * for reloads, and travels as a WebSocket subprotocol (browsers cannot set
 * headers on a WebSocket).
 */
import type { MailDoctorApi } from '../../shared/ipc/api';
import type { Channel, EventName, EventPayload, Req, Res } from '../../shared/ipc/contract';
import { TOKEN_PROTOCOL_PREFIX, type WireMessage } from '../../shared/ipc/wire';
import { err, type Result } from '../../shared/result';

const TOKEN_KEY = 'mail-doctor.token';
/** Reconnect backoff: quick first retry (host restarting), capped so a dead host is not hammered. */
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

export function readToken(loc: Location, storage: Storage, history: History): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(loc.hash);
  if (m?.[1]) {
    storage.setItem(TOKEN_KEY, m[1]);
    // Keep the token out of the address bar, screenshots and bookmarks.
    history.replaceState(null, '', loc.pathname + loc.search);
    return m[1];
  }
  return storage.getItem(TOKEN_KEY);
}

export function createWebSocketApi(opts: { url: string; token: string | null }): MailDoctorApi {
  let ws: WebSocket | null = null;
  let nextId = 1;
  let backoff = RECONNECT_MIN_MS;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const outbox: string[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();

  function connect(): void {
    if (!opts.token) return;
    const sock = new WebSocket(opts.url, [TOKEN_PROTOCOL_PREFIX + opts.token]);
    ws = sock;
    sock.onopen = () => {
      backoff = RECONNECT_MIN_MS;
      while (outbox.length) sock.send(outbox.shift()!);
    };
    sock.onmessage = (ev) => {
      let msg: WireMessage;
      try {
        msg = JSON.parse(String(ev.data)) as WireMessage;
      } catch {
        return;
      }
      if (msg.type === 'result') {
        const done = pending.get(msg.id);
        pending.delete(msg.id);
        done?.(msg.result as Result<unknown>);
      } else if (msg.type === 'event') {
        listeners.get(msg.event)?.forEach((l) => l(msg.payload));
      }
    };
    sock.onclose = () => {
      ws = null;
      // Calls in flight cannot be answered any more: fail them, never leave them hanging.
      for (const [id, done] of pending) {
        pending.delete(id);
        done(err('E_INTERNAL', 'connection to the local host was lost'));
      }
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, RECONNECT_MAX_MS);
    };
  }
  connect();

  return {
    transport: 'web',
    invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>> {
      if (!opts.token) return Promise.resolve(err('E_FORBIDDEN', 'no access token: open the URL the host printed'));
      const id = nextId++;
      const frame = JSON.stringify({ type: 'invoke', id, channel, payload: req });
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: Result<unknown>) => void);
        if (ws && ws.readyState === WebSocket.OPEN) ws.send(frame);
        else outbox.push(frame);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
  };
}
