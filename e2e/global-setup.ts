import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_ENV_VAR, type E2eEnv } from './fixtures/e2e-env';
import { startWebHostProcess } from './fixtures/web-host-process';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'md-e2e-data-'));
  const host = await startWebHostProcess({ MAIL_DOCTOR_DATA_DIR: dataDir, MAIL_DOCTOR_PORT: '0' });
  const env: E2eEnv = { url: host.url, origin: host.origin, dataDir };
  process.env[E2E_ENV_VAR] = JSON.stringify(env);
  return async () => {
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
