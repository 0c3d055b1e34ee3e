/**
 * `npm run web`: the app in a browser, for machines without the desktop runtime.
 * Prints the URL (with this launch's token) and, with --open, opens the default browser.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from './app-paths';
import { createHandlers } from './ipc/handlers';
import { startWebHost } from './web-host/server';
import { createWebHostServices } from './web-host/web-host-services';

function findStaticDir(): string {
  for (const c of [join(__dirname, '../../../dist/renderer'), join(__dirname, '../../dist/renderer'), join(process.cwd(), 'dist/renderer')]) {
    if (existsSync(join(c, 'index.html'))) return c;
  }
  throw new Error('The UI is not built yet: run `npm run build` first.');
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no browser on this machine: the printed URL is enough
    child.unref();
  } catch {
    // same: the URL is printed
  }
}

async function main(): Promise<void> {
  const port = process.env.MAIL_DOCTOR_PORT ? Number(process.env.MAIL_DOCTOR_PORT) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`MAIL_DOCTOR_PORT must be a port number, got ${process.env.MAIL_DOCTOR_PORT}`);
  const host = await startWebHost({
    staticDir: findStaticDir(),
    handlers: createHandlers(createWebHostServices(defaultDataDir())),
    port,
  });
  // The e2e global setup and humans both read this line; keep its shape.
  process.stdout.write(`Mail Doctor is running at ${host.url}\n`);
  if (process.argv.includes('--open')) openBrowser(host.url);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`mail-doctor web host: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
