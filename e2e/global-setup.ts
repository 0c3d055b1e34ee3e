import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labInfo, startLab } from '../test/lab/lab';
import { E2E_ENV_VAR, type E2eEnv } from './fixtures/e2e-env';
import { startWebHostProcess } from './fixtures/web-host-process';

/**
 * Starts the real-server lab and the built web host pointed at it: the lab's DNS
 * server as the host's default resolver (so `mail.lab.test` resolves) and the lab
 * CA trusted the way a company CA is on a managed PC (NODE_EXTRA_CA_CERTS).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // The release runners (Windows/macOS) run only the Electron specs, which need no mail servers
  // and have no Dovecot/Postfix/root: they set MAIL_DOCTOR_E2E_NO_LAB=1.
  if (process.env.MAIL_DOCTOR_E2E_NO_LAB === '1') return async () => undefined;
  const lab = await startLab();
  const dataDir = await mkdtemp(join(tmpdir(), 'md-e2e-data-'));
  try {
    const host = await startWebHostProcess({
      MAIL_DOCTOR_DATA_DIR: dataDir,
      MAIL_DOCTOR_PORT: '0',
      MAIL_DOCTOR_DNS_SERVER: lab.dnsServer,
      NODE_EXTRA_CA_CERTS: lab.caFile,
    });
    const env: E2eEnv = { url: host.url, origin: host.origin, dataDir, lab: labInfo(lab) };
    process.env[E2E_ENV_VAR] = JSON.stringify(env);
    return async () => {
      await host.stop();
      await lab.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  } catch (e) {
    await lab.stop();
    throw e;
  }
}
