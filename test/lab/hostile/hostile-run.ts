/**
 * Runs one diagnosis against a scripted listener and measures it: wall time, peak RSS sampled
 * every 10 ms, and the event-loop resources (sockets, servers, timers) left afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Protocol, Security } from '../../../shared/models/account';
import type { DiagnoseOptions, DiagnoseReport } from '../../../shared/models/probe';
import { runDiagnosis, type DiagnoseOptionsRuntime } from '../../../electron/probes/diagnose';
import { makeLabCerts, type LabCerts } from '../lab-certs';
import { startLabDns, type LabDns } from '../lab-dns';

/** Resource types that a finished probe must not leave behind. */
const WATCHED = ['TCPSocketWrap', 'TCPServerWrap', 'TLSWrap', 'Timeout', 'UDPWrap', 'PipeWrap'];

export function activeHandles(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) if (WATCHED.includes(r)) out[r] = (out[r] ?? 0) + 1;
  return out;
}

/** Handles above `before`; waits up to `ms` for sockets that are closing to go. */
export async function leakedHandles(before: Record<string, number>, ms = 1500): Promise<Record<string, number>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const now = activeHandles();
    const extra: Record<string, number> = {};
    for (const [k, n] of Object.entries(now)) if (n > (before[k] ?? 0)) extra[k] = n - (before[k] ?? 0);
    if (Object.keys(extra).length === 0 || Date.now() > deadline) return extra;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Sampler {
  stop(): number;
}

export function sampleRss(everyMs = 10): Sampler {
  let peak = process.memoryUsage.rss();
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), everyMs);
  return {
    stop: () => {
      clearInterval(t);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

export interface HostileEnv {
  certs: LabCerts;
  dns: LabDns;
  close(): Promise<void>;
}

/** Certificates for 127.0.0.1 (lab CA) and a DNS server answering NXDOMAIN: nothing leaves the machine. */
export async function hostileEnv(): Promise<HostileEnv> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'md-hostile-'));
  const certs = await makeLabCerts(dir, {
    dns: ['hostile.test'],
    ips: ['127.0.0.1'],
    expiredName: 'expired.hostile.test',
    notYetValidName: 'future.hostile.test',
    selfSignedName: 'self.hostile.test',
    untrustedName: 'untrusted.hostile.test',
  });
  const dns = await startLabDns({ a: {}, aaaa: {}, mx: {}, srv: {}, servfail: [] });
  return {
    certs,
    dns,
    close: async () => {
      await dns.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

let runs = 0;

export function diagnoseAt(
  env: HostileEnv,
  t: { protocol: Protocol; security: Security; port: number; password?: string; budgetMs: number },
  extra: DiagnoseOptions = {},
  rt: DiagnoseOptionsRuntime = {},
): Promise<DiagnoseReport> {
  return runDiagnosis(
    {
      runId: `hostile-${++runs}`,
      account: {
        email: 'alice@hostile.test',
        ...(t.password ? { password: t.password } : {}),
        [t.protocol]: { host: '127.0.0.1', port: t.port, security: t.security },
      },
      options: { caPem: env.certs.caPem, dnsServer: env.dns.server, timeoutMs: t.budgetMs, tryAlternatives: false, ...extra },
    },
    rt,
  );
}
