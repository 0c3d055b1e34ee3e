/**
 * Wall time of a full diagnosis beside its slowest single probe, against the real-server lab.
 * Shows that probes run concurrently (wall ≈ slowest probe, not the sum).
 *
 *   npx tsx scripts/bench-diagnose.ts [runs=5]
 *
 * Needs root (the lab binds standard ports on 127.77.x.x and runs Dovecot/Postfix).
 */
import { runDiagnosis } from '../electron/probes/diagnose';
import { startLab } from '../test/lab/lab';
import type { AccountInput } from '../shared/models/account';
import type { DiagnoseOptions } from '../shared/models/probe';

interface Scenario {
  name: string;
  account: AccountInput;
  options?: DiagnoseOptions;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const t0 = Date.now();
  const lab = await startLab();
  console.log(`lab started in ${Date.now() - t0} ms`);
  const a = lab.users.alice;
  const mail = lab.hosts.mail.name;
  const scenarios: Scenario[] = [
    {
      name: 'healthy IMAP+POP3+SMTP (with alternatives)',
      account: { email: a.email, password: a.password, imap: { host: mail, port: 993, security: 'tls' }, pop3: { host: mail, port: 995, security: 'tls' }, smtp: { host: mail, port: 587, security: 'starttls' } },
    },
    {
      name: 'wrong password IMAP+POP3+SMTP (Dovecot ~2 s failure delay)',
      account: { email: a.email, password: 'wrong', imap: { host: mail, port: 993, security: 'tls' }, pop3: { host: mail, port: 995, security: 'tls' }, smtp: { host: mail, port: 587, security: 'starttls' } },
    },
    {
      name: 'SMTP on blocked port 25 + IMAP (budget 3 s)',
      account: { email: a.email, password: a.password, imap: { host: mail, port: 993, security: 'tls' }, smtp: { host: mail, port: 25, security: 'starttls' } },
      options: { timeoutMs: 3000 },
    },
  ];
  try {
    for (const s of scenarios) {
      const walls: number[] = [];
      const slowest: number[] = [];
      const sums: number[] = [];
      let probes = 0;
      for (let i = 0; i < runs; i++) {
        const t = Date.now();
        const r = await runDiagnosis({ runId: `bench-${i}`, account: s.account, options: { dnsServer: lab.dnsServer, caPem: lab.caPem, ...s.options } });
        walls.push(Date.now() - t);
        slowest.push(Math.max(...r.probes.map((p) => p.durationMs)));
        sums.push(r.probes.reduce((n, p) => n + p.durationMs, 0));
        probes = r.probes.length;
      }
      const med = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
      console.log(
        `${s.name}: ${probes} probes, median of ${runs}: wall ${med(walls)} ms | slowest probe ${med(slowest)} ms | sum of probes ${med(sums)} ms` +
          ` (min/max wall ${Math.min(...walls)}/${Math.max(...walls)} ms)`,
      );
    }
  } finally {
    await lab.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
