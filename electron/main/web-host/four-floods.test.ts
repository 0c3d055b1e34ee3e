/**
 * Four flooding servers at once through the web host, as four diagnoses from two pages would
 * run them (the host allows 2 per page, 4 in all). The host is its own process with the real
 * handlers (test/lab/hostile/web-host-child.ts), driven over its WebSocket contract; its peak
 * RSS is read from /proc (VmHWM), so the number is the host's alone. Before the reply caps, one
 * such flood pushed a probe to 300–700 MB and four at once the host to about 1.1 GB.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCases, type HostileCase } from '../../../test/lab/hostile/hostile-cases';
import { hostileEnv, type HostileEnv } from '../../../test/lab/hostile/hostile-run';
import type { ScriptServer } from '../../../test/lab/hostile/script-server';
import { CHILD_START_TIMEOUT_MS, invoke, startWebHostChild, type WebHostChild } from '../../../test/lab/hostile/web-host-child-process';

/** The bound for the whole process, whatever servers send. */
const PEAK_RSS_LIMIT = 256 * 1024 * 1024;
/**
 * Each run's budget. The hostile suite gives the pre-login floods 2.5 s; four floods at once in
 * one process on a shared 2-core machine once let the EHLO flood's budget run out before its
 * 1 000th line arrived. A reply still arriving past PRE_LOGIN_LINES_SEEN_AS_FLOOD lines at the
 * deadline now reads SERVER_FLOODING anyway (all four passed at 2.5 s, in 0.5–0.7 s), but a
 * machine slow enough to see fewer lines by then would read it as a slow server: every run here
 * keeps the after-login floods' 6 s, since the point is memory and the named end, not speed.
 */
const BUDGET_MS = 6000;
/** Every run must be back well before twice its budget. */
const RUNS_DEADLINE_MS = 15_000;

const FLOODS = [
  'IMAP flood of untagged EXISTS after a successful login',
  'POP3 endless CAPA list',
  'SMTP flood after a successful AUTH',
  'SMTP endless 250- EHLO reply',
];

function kib(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) * 1024 : NaN;
}
const procStatus = (pid: number): string => readFileSync(`/proc/${pid}/status`, 'utf8');

let env: HostileEnv;
let host: WebHostChild;
const servers: ScriptServer[] = [];

beforeAll(async () => {
  env = await hostileEnv();
  host = await startWebHostChild();
}, CHILD_START_TIMEOUT_MS + 5000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await host?.stop();
  await env?.close();
});

interface RunResult {
  ok: boolean;
  value?: { findings: Array<{ code: string; evidence?: unknown }>; ok: boolean };
  error?: { code: string };
}

describe('web host: four floods at once', () => {
  it('each ends with SERVER_FLOODING, within its budget, and the host stays under 256 MB', async () => {
    const cases = FLOODS.map((name) => {
      const c = hostileCases().find((x) => x.name === name);
      if (!c) throw new Error(`no hostile case "${name}"`);
      return c;
    });
    for (const c of cases) servers.push(await c.start(env.certs));
    const pages = [await host.open(), await host.open()];
    const before = procStatus(host.child.pid!);
    const started = Date.now();
    const runs = cases.map((c: HostileCase, i) =>
      invoke(pages[i % 2]!, i + 1, 'diagnose:run', {
        runId: `flood-${i}`,
        account: { email: 'alice@hostile.test', ...(c.password ? { password: c.password } : {}), [c.protocol]: { host: '127.0.0.1', port: servers[i]!.port, security: c.security } },
        options: { caPem: env.certs.caPem, dnsServer: env.dns.server, timeoutMs: Math.max(c.budgetMs, BUDGET_MS), tryAlternatives: false },
      }),
    );
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('a flooded run did not come back')), RUNS_DEADLINE_MS));
    const results = (await Promise.race([Promise.all(runs), timeout])) as RunResult[];
    const elapsed = Date.now() - started;
    const after = procStatus(host.child.pid!);
    for (const p of pages) p.close();

    results.forEach((r, i) => {
      expect(r.ok, `${cases[i]!.name}: ${JSON.stringify(r.error)}`).toBe(true);
      expect(r.value!.findings.map((f) => f.code), `${cases[i]!.name}: ${JSON.stringify(r.value!.findings)}`).toContain('SERVER_FLOODING');
      expect(r.value!.ok).toBe(false);
    });
    const peak = kib(after, 'VmHWM');
    const baseline = kib(before, 'VmRSS');
    // Reported for the record (the issue asked for the number), asserted against the bound.
    console.info(`four floods through the web host: ${elapsed} ms, host RSS before ${(baseline / 2 ** 20).toFixed(0)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB`);
    expect(peak).toBeLessThan(PEAK_RSS_LIMIT);
    expect(elapsed).toBeLessThan(BUDGET_MS + 2000);
    // The host is still there and answers after the floods.
    const again = await host.open();
    const info = await invoke(again, 99, 'app:info', {});
    again.close();
    expect(info.ok).toBe(true);
  }, RUNS_DEADLINE_MS + 10_000);
});
