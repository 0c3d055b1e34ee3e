/** Child processes and waits shared by the lab's server starters. */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/** How long a lab server may take to open its ports: Dovecot needs ~1 s, Postfix ~1–2 s on a busy 2-core CI box. */
export const LAB_PORT_WAIT_MS = 15_000;

export function waitForPort(host: string, port: number, timeoutMs = LAB_PORT_WAIT_MS): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const s = net.connect({ host, port });
      s.once('connect', () => {
        s.destroy();
        resolve();
      });
      s.once('error', () => {
        s.destroy();
        if (Date.now() > until) reject(new Error(`lab: ${host}:${port} did not open within ${timeoutMs} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

export interface Spawned {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts a long-running server process, keeps its output for error messages, kills it on stop. */
export function spawnServer(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Spawned {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-8000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-8000)));
  child.on('error', (e) => (out += `\n${e.message}`));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  };
  return { child, output: () => out, stop };
}
