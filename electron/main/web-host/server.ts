/**
 * The local web host: serves the built renderer on 127.0.0.1 and speaks the IPC
 * contract over a WebSocket, calling the very same handlers as Electron's main.
 *
 * Who may talk to it: only a page from this host (Origin check), on this host's
 * name (Host check against DNS rebinding), holding this launch's random token
 * (WebSocket subprotocol, compared in constant time).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { buildCsp } from '../../../shared/security/csp';
import { TOKEN_PROTOCOL_PREFIX, WireRequest } from '../../../shared/ipc/wire';
import { err } from '../../../shared/result';
import { createDispatcher } from '../ipc/dispatch';
import type { Handlers } from '../ipc/handlers';
import { readStatic, resolveStatic } from './static-files';

/** Largest frame accepted: a saved report (SaveFileRequest caps content at 5 MB) plus envelope. */
export const WS_MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** Ping interval that notices a closed browser tab so its runs are not kept alive for nothing. */
export const WS_HEARTBEAT_MS = 15_000;
/**
 * Diagnoses at once from one tab: the UI runs one at a time (a second is a re-run racing the
 * first's cancel). Each run opens up to nine probes, so this also bounds one page's sockets.
 */
export const MAX_RUNS_PER_CONNECTION = 2;
/** Diagnoses at once in the whole host (several tabs): keeps memory and sockets bounded on a helpdesk PC. */
export const MAX_RUNS_TOTAL = 4;

export interface WebHostOptions {
  staticDir: string;
  handlers: Handlers;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': buildCsp(),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedHosts(port).some((h) => origin === `http://${h}`);
}

export function tokenFromProtocols(header: string | undefined): string | null {
  if (!header) return null;
  const p = header
    .split(',')
    .map((s) => s.trim())
    .find((s) => s.startsWith(TOKEN_PROTOCOL_PREFIX));
  return p ? p.slice(TOKEN_PROTOCOL_PREFIX.length) : null;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const dispatch = createDispatcher(opts.handlers);
  let port = 0;
  let runsInFlight = 0;

  const server = createServer((req, res) => void serveStatic(req, res));

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts(port).includes(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    const hit = await resolveStatic(opts.staticDir, req.url ?? '/');
    if (!hit) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('not found');
      return;
    }
    try {
      const body = await readStatic(hit.file);
      res.writeHead(200, { 'Content-Type': hit.type, ...SECURITY_HEADERS });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('cannot read file');
    }
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: WS_MAX_PAYLOAD_BYTES,
    handleProtocols: (protocols) => {
      for (const p of protocols) if (p.startsWith(TOKEN_PROTOCOL_PREFIX)) return p;
      return false;
    },
  });

  server.on('upgrade', (req, socket, head) => {
    const given = tokenFromProtocols(req.headers['sec-websocket-protocol']);
    const okRequest =
      (req.url ?? '').split('?')[0] === '/ipc' &&
      allowedHosts(port).includes(req.headers.host ?? '') &&
      isAllowedOrigin(req.headers.origin, port) &&
      given !== null &&
      sameToken(given, token);
    if (!okRequest) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket): void {
    let alive = true;
    ws.on('pong', () => (alive = true));
    const beat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, WS_HEARTBEAT_MS);
    beat.unref();
    const myRuns = new Set<string>();
    const emitter = {
      emit(event: string, payload: unknown) {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'event', event, payload }));
      },
    };
    ws.on('message', async (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        return; // not JSON: nothing to answer to
      }
      const parsed = WireRequest.safeParse(frame);
      if (!parsed.success) return;
      const reply = (result: unknown) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id: parsed.data.id, result }));
      };
      if (parsed.data.channel !== 'diagnose:run') return reply(await dispatch(parsed.data.channel, parsed.data.payload, emitter));
      if (myRuns.size >= MAX_RUNS_PER_CONNECTION || runsInFlight >= MAX_RUNS_TOTAL) {
        return reply(err('E_BUSY', `too many diagnoses at once (at most ${MAX_RUNS_PER_CONNECTION} per page, ${MAX_RUNS_TOTAL} in all)`, { reason: 'too-many-runs' }));
      }
      const p = parsed.data.payload as { runId?: unknown } | null;
      const runId = typeof p?.runId === 'string' ? p.runId : `#${parsed.data.id}`;
      myRuns.add(runId);
      runsInFlight++;
      try {
        reply(await dispatch(parsed.data.channel, parsed.data.payload, emitter));
      } finally {
        myRuns.delete(runId);
        runsInFlight--;
      }
    });
    ws.on('close', () => {
      clearInterval(beat);
      // Nobody is left to read these runs' reports: stop their probes now.
      for (const runId of myRuns) void dispatch('diagnose:cancel', { runId }, emitter);
    });
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
