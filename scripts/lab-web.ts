/**
 * `npm run lab:web`: the real-server lab and the web host pointed at it, for walking the helpdesk
 * cases in a browser the way the e2e does (the lab's DNS server as the host's resolver, the lab
 * CA trusted like a company CA). Prints the URL and the accounts to try; Ctrl+C stops both.
 * Needs root and the Debian packages (`npm run setup`), like the lab tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHostProcess } from '../e2e/fixtures/web-host-process';
import { startLab } from '../test/lab/lab';

async function main(): Promise<void> {
  const lab = await startLab();
  const dataDir = await mkdtemp(join(tmpdir(), 'md-lab-web-'));
  const host = await startWebHostProcess({
    MAIL_DOCTOR_DATA_DIR: dataDir,
    MAIL_DOCTOR_PORT: process.env.MAIL_DOCTOR_PORT ?? '0',
    MAIL_DOCTOR_DNS_SERVER: lab.dnsServer,
    NODE_EXTRA_CA_CERTS: lab.caFile,
  }).catch(async (e: unknown) => {
    await lab.stop();
    throw e;
  });
  const { alice } = lab.users;
  const lines = [
    `Mail Doctor (web host) against the lab: ${host.url}`,
    '',
    `Provider-like host ${lab.hosts.mail.name}: 993/143 IMAP, 995/110 POP3, 465/587 SMTP answer (real Dovecot/Postfix), port 25 is dropped.`,
    `All ports silent: ${lab.hosts.down.name}; a name that does not exist: ${lab.hosts.nxdomain.name}.`,
    `Account: ${alice.email} / password ${alice.password} (any other password is refused).`,
    'Cases: a wrong password; SMTP on 25 (blocked); IMAP 143 with SSL on or 993 with STARTTLS (mix-up); the silent host (server down).',
    '',
    'Ctrl+C stops the web host and the lab.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.stop();
    await lab.stop();
    await rm(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`lab:web could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
