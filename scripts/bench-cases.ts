/**
 * The product's side of the benchmark: one diagnosis (the engine the app, the CLI and the web
 * host run) timed from the call to the report, with the time of the first result on screen
 * (first probe done) and of the first finding, plus what the latency proxy counted.
 */
import { runDiagnosis } from '../electron/probes/diagnose';
import type { AccountInput } from '../shared/models/account';
import type { DiagnoseOptions, DiagnoseReport } from '../shared/models/probe';
import type { BenchEnv } from './bench-env';

export interface ProductRun {
  wallMs: number;
  /** First probe-done event (the first line of the result a person sees). */
  firstResultMs: number | null;
  /** First probe-done event that carried a finding. */
  firstFindingMs: number | null;
  report: DiagnoseReport;
  connections: number;
  /** Round trips the proxy saw, all connections together. */
  turns: number;
}

export async function runProduct(env: BenchEnv, account: AccountInput, options: DiagnoseOptions = {}, runId = `bench-${Date.now()}`): Promise<ProductRun> {
  await env.resetCounts();
  const t0 = performance.now();
  let firstResultMs: number | null = null;
  let firstFindingMs: number | null = null;
  const report = await runDiagnosis(
    { runId, account, options: { dnsServer: env.dnsServer, caPem: env.lab.caPem, ...options } },
    {
      onProgress: (p) => {
        if (p.kind !== 'probe-done') return;
        const at = performance.now() - t0;
        firstResultMs ??= at;
        if (p.probe.findings.length) firstFindingMs ??= at;
      },
    },
  );
  const wallMs = performance.now() - t0;
  const conns = await env.connections();
  return { wallMs, firstResultMs, firstFindingMs, report, connections: conns.length, turns: conns.reduce((n, c) => n + c.turns, 0) };
}

type User = { email: string; user: string; password: string };

/** (a) healthy IMAPS + POP3S + submission on one host. */
export function healthyAccount(host: string, u: User, password = u.password): AccountInput {
  return {
    email: u.email,
    user: u.user,
    password,
    imap: { host, port: 993, security: 'tls' },
    pop3: { host, port: 995, security: 'tls' },
    smtp: { host, port: 587, security: 'starttls' },
  };
}

/** (b) the same, but SMTP configured on port 25, which drops SYNs. */
export function blockedPortAccount(host: string, u: User): AccountInput {
  return { ...healthyAccount(host, u), smtp: { host, port: 25, security: 'starttls' } };
}

/** (d) a healthy IMAPS + submission account on the host whose port 25 (an alternative) drops SYNs. */
export function irrelevantBlackHoleAccount(host: string, u: User): AccountInput {
  const { pop3: _pop3, ...rest } = healthyAccount(host, u);
  return rest;
}

/** The configured probes of a report, by protocol. */
export function configured(report: DiagnoseReport): DiagnoseReport['probes'] {
  return report.probes.filter((p) => p.role === 'configured');
}
