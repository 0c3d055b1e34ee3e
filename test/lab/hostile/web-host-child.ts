/**
 * The web host as its own process, with the real handlers and the real host services (history
 * in a temp data dir), for tests that measure it from outside (peak RSS from /proc). Only the
 * static files differ from `npm run web`: one placeholder page, so no build is needed.
 * Prints `running at <url> token <token> data <dir>` once listening; SIGTERM closes it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import { startWebHost } from '../../../electron/main/web-host/server';
import { createWebHostServices } from '../../../electron/main/web-host/web-host-services';

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'md-webhost-child-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Mail Doctor</title>');
  const host = await startWebHost({ staticDir: dir, handlers: createHandlers(createWebHostServices(join(dir, 'data'))), port: 0 });
  process.stdout.write(`running at ${host.url} token ${host.token} data ${join(dir, 'data')}\n`);
  process.on('SIGTERM', () => void host.close().then(() => rm(dir, { recursive: true, force: true })).then(() => process.exit(0)));
}

main().catch((e: unknown) => {
  process.stderr.write(`web-host-child: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
