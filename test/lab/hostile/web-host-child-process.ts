/**
 * Starts web-host-child.ts as its own Node process (tsx loader, no build needed) and connects to
 * it over the WebSocket contract the page uses. Tests read the process from outside: its output
 * (the host's logs) and /proc/<pid>/status.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import { TOKEN_PROTOCOL_PREFIX } from '../../../shared/ipc/wire';

/** Starting tsx and the host on a loaded 2-core machine; a healthy start takes ~2 s. */
export const CHILD_START_TIMEOUT_MS = 60_000;

export interface WebHostChild {
  child: ChildProcess;
  url: URL;
  token: string;
  /** The host's data folder (history lives in `history/` under it). */
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  open(): Promise<WebSocket>;
  stop(): Promise<void>;
}

export interface InvokeResult {
  ok: boolean;
  value?: unknown;
  error?: { code: string };
}

export function startWebHostChild(env: Record<string, string> = {}): Promise<WebHostChild> {
  const root = join(__dirname, '../../..');
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'web-host-child.ts')], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${out}`)), CHILD_START_TIMEOUT_MS);
    const onData = (): void => {
      const m = /running at (\S+) token (\S+) data (\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      const url = new URL(m[1]!);
      const token = m[2]!;
      resolve({
        child,
        url,
        token,
        dataDir: m[3]!,
        output: () => out,
        open: () => {
          const ws = new WebSocket(`ws://${url.host}/ipc`, [TOKEN_PROTOCOL_PREFIX + token], { origin: url.origin });
          return new Promise((res, rej) => {
            ws.once('open', () => res(ws));
            ws.once('error', rej);
          });
        },
        stop: async () => {
          if (child.exitCode !== null) return;
          const gone = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await gone;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${out}`)));
  });
}

/** One request; `raw` collects every frame the host sent meanwhile (progress events included). */
export function invoke(ws: WebSocket, id: number, channel: string, payload: unknown, raw?: string[]): Promise<InvokeResult> {
  return new Promise((resolve) => {
    const onMsg = (d: WebSocket.RawData): void => {
      const text = d.toString();
      raw?.push(text);
      const m = JSON.parse(text) as { type: string; id?: number; result?: InvokeResult };
      if (m.type === 'result' && m.id === id) {
        ws.off('message', onMsg);
        resolve(m.result!);
      }
    };
    ws.on('message', onMsg);
    ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
  });
}
