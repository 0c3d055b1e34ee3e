/**
 * `npm run bench`: the product against the manual baseline on the real-server lab behind a
 * userspace latency proxy (scripts/bench-env.ts), at several round-trip times; prints Markdown
 * tables (median, p90, min–max) and checks the speed targets. A benchmark, never a test: the
 * numbers depend on the machine. docs/performance.md has the method and the last results.
 *
 *   npm run bench [-- --runs 5] [-- --rtt 0,40,80] [-- --only a,b,c,d,e,f] [-- --out results.json]
 *
 * Needs root (the lab binds the standard ports and runs Dovecot/Postfix), openssl, curl and
 * swaks (`npm run setup -- --bench`), and the build for (f) (`npm run bench` builds first).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runDiagnosis } from '../electron/probes/diagnose';
import { blockedPortAccount, configured, healthyAccount, irrelevantBlackHoleAccount, runProduct, type ProductRun } from './bench-cases';
import { built, cliDiagnose, cliStartCases, rendererGzipBytes, timeSpawn, webHostFirstPaint } from './bench-client';
import { startBenchEnv, type BenchEnv } from './bench-env';
import { runManual } from './bench-manual';
import { markdownTable, msCell, serverLoginHoldMs, summarize, type Summary } from './bench-stats';

/** The targets, each with where it comes from in the product's speed goals. */
const TARGETS = {
  /** (a) at 80 ms RTT: the product at least this many times faster than the manual sequence. */
  speedupAt80: 3,
  imapsRoundTrips: 6,
  submissionRoundTrips: 9,
  /** (b) wall within the per-probe budget plus this share. */
  budgetSlack: 0.1,
  /** (d) the full answer under this, whatever an irrelevant black-holed port does. */
  irrelevantBlackHoleMs: 3000,
  /** (e) 20 accounts at once within this many times one account's wall. */
  batchFactor: 2,
  peakRssMB: 120,
  /** CLI start (and diagnose's first progress line) within this many times a bare `node -e 0`. */
  cliStartFactor: 3,
  rendererGzipKB: 300,
} as const;

/** (b)'s per-probe budget: short, so the SYN-dropped port's cost is the budget, not the 8 s TCP deadline. */
const BLOCKED_BUDGET_MS = 3000;
const BATCH = 20;

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, rtt: { type: 'string', default: '0,40,80' }, only: { type: 'string', default: 'a,b,c,d,e,f' }, out: { type: 'string' } },
});
const RUNS = Math.max(1, Number(args.runs));
const RTTS = args.rtt.split(',').map(Number);
const ONLY = new Set(args.only.split(','));

const s = (xs: number[]): Summary => summarize(xs);
const fmt = (x: number | null | undefined, digits = 0): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
const verdict = (met: boolean): string => (met ? 'met' : '**NOT met**');
const results: Record<string, unknown> = { runs: RUNS, rtts: RTTS, machine: machine() };
const targetLines: string[] = [];
const problems: string[] = [];

function machine(): Record<string, unknown> {
  return { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), load1: os.loadavg()[0] };
}

function rt(run: ProductRun, protocol: 'imap' | 'pop3' | 'smtp'): number | undefined {
  return configured(run.report).find((p) => p.protocol === protocol)?.roundTrips;
}

async function caseA(env: BenchEnv): Promise<{ product: number[] }> {
  const a = env.lab.users.alice;
  const target = { host: env.lat.name, ip: env.lat.ip, caFile: env.lab.caFile, user: a.user, password: a.password, email: a.email };
  // Warm-up, not counted: JIT, Dovecot's and Postfix's first auth processes.
  await runProduct(env, healthyAccount(env.lat.name, a));
  await runManual(target);
  const product: ProductRun[] = [];
  const manual: Array<{ ms: number; connections: number; turns: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate who goes first, so neither always meets a warmer server.
    const order = i % 2 ? ['manual', 'product'] : ['product', 'manual'];
    for (const who of order) {
      if (who === 'product') {
        const r = await runProduct(env, healthyAccount(env.lat.name, a), {}, `bench-a-${i}`);
        if (!r.report.ok) problems.push(`(a) ${env.rttMs} ms: product run not ok: ${r.report.findings.map((f) => f.code).join(',')}`);
        product.push(r);
      } else {
        await env.resetCounts();
        const m = await runManual(target);
        for (const st of m.steps) if (!st.verdict.ok) problems.push(`(a) ${env.rttMs} ms: manual ${st.name}: ${st.verdict.why} — ${st.output.slice(-300)}`);
        const conns = await env.connections();
        manual.push({ ms: m.ms, connections: conns.length, turns: conns.reduce((n, c) => n + c.turns, 0) });
      }
    }
  }
  const pw = s(product.map((r) => r.wallMs));
  const mw = s(manual.map((r) => r.ms));
  const row = {
    rtt: env.rttMs,
    product: pw,
    manual: mw,
    speedup: mw.median / pw.median,
    productConnections: s(product.map((r) => r.connections)).median,
    manualConnections: s(manual.map((r) => r.connections)).median,
    productTurns: s(product.map((r) => r.turns)).median,
    manualTurns: s(manual.map((r) => r.turns)).median,
    roundTrips: { imaps: s(product.map((r) => rt(r, 'imap') ?? NaN)).max, pop3s: s(product.map((r) => rt(r, 'pop3') ?? NaN)).max, submission: s(product.map((r) => rt(r, 'smtp') ?? NaN)).max },
  };
  ((results.a ??= []) as unknown[]).push(row);
  return { product: product.map((r) => r.wallMs) };
}

async function caseB(env: BenchEnv): Promise<void> {
  const runs: ProductRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runProduct(env, blockedPortAccount(env.latbh.name, env.lab.users.alice), { timeoutMs: BLOCKED_BUDGET_MS }, `bench-b-${i}`));
  for (const r of runs) if (!r.report.findings.some((f) => f.code === 'PORT25_BLOCKED')) problems.push(`(b) ${env.rttMs} ms: no PORT25_BLOCKED: ${r.report.findings.map((f) => f.code).join(',')}`);
  ((results.b ??= []) as unknown[]).push({
    rtt: env.rttMs,
    budgetMs: BLOCKED_BUDGET_MS,
    wall: s(runs.map((r) => r.wallMs)),
    firstResult: s(runs.map((r) => r.firstResultMs ?? NaN)),
    firstFinding: s(runs.map((r) => r.firstFindingMs ?? NaN)),
  });
}

async function caseC(env: BenchEnv): Promise<void> {
  const runs: ProductRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runProduct(env, healthyAccount(env.lat.name, env.lab.users.alice, 'not-the-password'), {}, `bench-c-${i}`));
  const per = (protocol: 'imap' | 'pop3' | 'smtp'): { hold: Summary; ours: Summary; probe: Summary } => {
    const probes = runs.map((r) => configured(r.report).find((p) => p.protocol === protocol));
    const hold = probes.map((p) => (p ? (serverLoginHoldMs(p, env.rttMs) ?? NaN) : NaN));
    return { hold: s(hold), ours: s(probes.map((p, i) => (p ? p.durationMs - (hold[i] as number) : NaN))), probe: s(probes.map((p) => p?.durationMs ?? NaN)) };
  };
  for (const r of runs) if (!configured(r.report).every((p) => p.findings.some((f) => f.code === 'AUTH_FAILED'))) problems.push(`(c) ${env.rttMs} ms: not AUTH_FAILED everywhere: ${r.report.findings.map((f) => f.code).join(',')}`);
  ((results.c ??= []) as unknown[]).push({ rtt: env.rttMs, wall: s(runs.map((r) => r.wallMs)), imap: per('imap'), pop3: per('pop3'), smtp: per('smtp') });
}

async function caseD(env: BenchEnv): Promise<void> {
  const runs: ProductRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runProduct(env, irrelevantBlackHoleAccount(env.latbh.name, env.lab.users.alice), {}, `bench-d-${i}`));
  for (const r of runs) if (!r.report.ok) problems.push(`(d) ${env.rttMs} ms: not ok: ${r.report.findings.map((f) => f.code).join(',')}`);
  const port25 = runs.map((r) => r.report.probes.find((p) => p.port === 25));
  ((results.d ??= []) as unknown[]).push({ rtt: env.rttMs, wall: s(runs.map((r) => r.wallMs)), port25: [...new Set(port25.map((p) => (p ? `${p.status}${p.notNeeded ? `/${p.notNeeded.reason}` : ''}` : 'not planned')))].join(', ') });
}

async function caseE(env: BenchEnv, oneMs: number[]): Promise<void> {
  const u = env.lab.users;
  // Four users in turn: Dovecot allows 10 IMAP sessions per user and address (mail_max_userip_connections).
  const users = [u.alice, u.bob, u.nearFull, u.full];
  const walls: number[] = [];
  let notOk = 0;
  const why = new Set<string>();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const reports = await Promise.all(
      Array.from({ length: BATCH }, (_x, k) => {
        const user = users[k % users.length] as (typeof users)[number];
        return runDiagnosis({ runId: `bench-e-${i}-${k}`, account: healthyAccount(env.lat.name, user), options: { dnsServer: env.dnsServer, caPem: env.lab.caPem } });
      }),
    );
    walls.push(performance.now() - t0);
    // `full@` is over quota by design (an error finding); what must not happen is a failed connection or login.
    for (const r of reports) {
      const bad = r.probes.filter((p) => p.role === 'configured' && p.login !== 'ok');
      if (!bad.length) continue;
      notOk++;
      for (const p of bad) why.add(`${p.protocol}: ${p.findings.map((f) => f.code).join('+') || p.status} after ${Math.round(p.durationMs)} ms`);
    }
  }
  if (notOk) problems.push(`(e) ${env.rttMs} ms: ${notOk} of ${BATCH * RUNS} batch diagnoses did not log in everywhere: ${[...why].slice(0, 8).join('; ')}`);
  const one = s(oneMs);
  const batch = s(walls);
  ((results.e ??= []) as unknown[]).push({ rtt: env.rttMs, one, batch, factor: batch.median / one.median });
}

async function caseF(env: BenchEnv): Promise<void> {
  if (!built()) {
    problems.push('(f) skipped: not built (npm run build)');
    return;
  }
  const start: Record<string, Summary> = {};
  for (const c of cliStartCases()) {
    await timeSpawn(c.args); // warm the file cache
    const xs: number[] = [];
    for (let i = 0; i < Math.max(RUNS, 10); i++) xs.push((await timeSpawn(c.args)).ms);
    start[c.name] = s(xs);
  }
  const a = env.lab.users.alice;
  const diag = [];
  for (let i = 0; i < RUNS; i++) diag.push(await cliDiagnose({ email: a.email, host: env.lat.name, password: a.password, dnsServer: env.dnsServer, caFile: env.lab.caFile }));
  for (const d of diag) if (d.run.status !== 0) problems.push(`(f) CLI diagnose exit ${d.run.status}: ${d.run.stderr.slice(-400)}`);
  const gz = rendererGzipBytes();
  let paint: number[] = [];
  try {
    paint = await webHostFirstPaint(RUNS);
  } catch (e) {
    problems.push(`(f) web host first paint not measured: ${String(e).slice(0, 300)}`);
  }
  results.f = {
    rtt: env.rttMs,
    start,
    diagnoseFirstProgress: s(diag.map((d) => d.firstProgressMs ?? NaN)),
    diagnoseWall: s(diag.map((d) => d.run.ms)),
    peakRssMB: s(diag.map((d) => d.peakRssMB ?? NaN)),
    renderer: gz,
    firstPaint: s(paint),
  };
}

function report(): string {
  const out: string[] = [];
  const A = (results.a ?? []) as Array<any>;
  if (A.length) {
    out.push('### (a) healthy IMAPS + POP3S + submission: product vs manual sequence (ms)');
    out.push(markdownTable(['RTT', 'product wall', 'manual sequence', 'speed-up', 'connections (product / manual)', 'round trips seen by the proxy (product / manual)', 'product round trips IMAPS / POP3S / 587'],
      A.map((r) => [`${r.rtt} ms`, msCell(r.product), msCell(r.manual), `${fmt(r.speedup, 1)}×`, `${r.productConnections} / ${r.manualConnections}`, `${r.productTurns} / ${r.manualTurns}`, `${r.roundTrips.imaps} / ${r.roundTrips.pop3s} / ${r.roundTrips.submission}`])));
    const at80 = A.find((r) => r.rtt === 80);
    if (at80) targetLines.push(`(a) at 80 ms RTT ≥ ${TARGETS.speedupAt80}× the manual sequence: ${fmt(at80.speedup, 1)}× — ${verdict(at80.speedup >= TARGETS.speedupAt80)}`);
    const worst = (k: 'imaps' | 'submission'): number => Math.max(...A.map((r) => r.roundTrips[k]));
    targetLines.push(`(a) IMAPS probe ≤ ${TARGETS.imapsRoundTrips} round trips: ${worst('imaps')} — ${verdict(worst('imaps') <= TARGETS.imapsRoundTrips)}`);
    targetLines.push(`(a) submission probe ≤ ${TARGETS.submissionRoundTrips} round trips: ${worst('submission')} — ${verdict(worst('submission') <= TARGETS.submissionRoundTrips)}`);
  }
  const B = (results.b ?? []) as Array<any>;
  if (B.length) {
    out.push(`\n### (b) the same with SMTP on port 25, SYN dropped (per-probe budget ${BLOCKED_BUDGET_MS} ms)`);
    out.push(markdownTable(['RTT', 'wall', 'first result on screen', 'first finding'], B.map((r) => [`${r.rtt} ms`, msCell(r.wall), msCell(r.firstResult), msCell(r.firstFinding)])));
    const worst = Math.max(...B.map((r) => r.wall.p90));
    targetLines.push(`(b) wall ≤ budget + ${TARGETS.budgetSlack * 100} % (${Math.round(BLOCKED_BUDGET_MS * (1 + TARGETS.budgetSlack))} ms), worst p90: ${fmt(worst)} ms — ${verdict(worst <= BLOCKED_BUDGET_MS * (1 + TARGETS.budgetSlack))}`);
  }
  const C = (results.c ?? []) as Array<any>;
  if (C.length) {
    out.push('\n### (c) wrong password on real Dovecot/Postfix: the server\'s deliberate delay apart from ours (ms, medians)');
    out.push(markdownTable(['RTT', 'wall', 'IMAPS probe: server hold / ours', 'POP3S probe: server hold / ours', '587 probe: server hold / ours'],
      C.map((r) => [`${r.rtt} ms`, msCell(r.wall), ...(['imap', 'pop3', 'smtp'] as const).map((p) => `${fmt(r[p].hold.median)} / ${fmt(r[p].ours.median)}`)])));
  }
  const D = (results.d ?? []) as Array<any>;
  if (D.length) {
    out.push('\n### (d) healthy IMAPS + 587 on a host whose port 25 drops SYNs (default budget 20 s)');
    out.push(markdownTable(['RTT', 'time to the full answer', 'port-25 alternative'], D.map((r) => [`${r.rtt} ms`, msCell(r.wall), r.port25])));
    const worst = Math.max(...D.map((r) => r.wall.p90));
    targetLines.push(`(d) full answer < ${TARGETS.irrelevantBlackHoleMs} ms, worst p90: ${fmt(worst)} ms — ${verdict(worst < TARGETS.irrelevantBlackHoleMs)}`);
  }
  const E = (results.e ?? []) as Array<any>;
  if (E.length) {
    out.push(`\n### (e) ${BATCH} accounts at once vs one account (the (a) account)`);
    out.push(markdownTable(['RTT', 'one account', `${BATCH} at once`, 'factor'], E.map((r) => [`${r.rtt} ms`, msCell(r.one), msCell(r.batch), `${fmt(r.factor, 2)}×`])));
    const worst = Math.max(...E.map((r) => r.factor));
    targetLines.push(`(e) ${BATCH} accounts within ${TARGETS.batchFactor}× one, worst: ${fmt(worst, 2)}× — ${verdict(worst <= TARGETS.batchFactor)}`);
  }
  const F = results.f as any;
  if (F) {
    const bare = F.start['node -e 0'].median as number;
    out.push(`\n### (f) client side (built app, RTT ${F.rtt} ms for diagnose)`);
    out.push(markdownTable(['what', 'ms', '× node -e 0'], [
      ...Object.entries(F.start as Record<string, Summary>).map(([k, v]) => [k, msCell(v), `${fmt(v.median / bare, 2)}×`]),
      ['mail-doctor diagnose: first progress line', msCell(F.diagnoseFirstProgress), `${fmt(F.diagnoseFirstProgress.median / bare, 2)}×`],
      ['mail-doctor diagnose: whole run', msCell(F.diagnoseWall), ''],
    ]));
    out.push(`\nPeak RSS of a CLI diagnosis (maxRSS): ${msCell(F.peakRssMB)} MB. Renderer JS: ${F.renderer.files} files, ${fmt(F.renderer.rawBytes / 1024)} KB raw, ${fmt(F.renderer.gzipBytes / 1024, 1)} KB gzip. Web host first contentful paint in Chromium: ${msCell(F.firstPaint)} ms.`);
    const worstCli = Math.max(...Object.entries(F.start as Record<string, Summary>).filter(([k]) => k !== 'node -e 0').map(([, v]) => v.median / bare));
    targetLines.push(`(f) CLI start within ${TARGETS.cliStartFactor}× bare node (worst of --version/--help/lookup): ${fmt(worstCli, 2)}× — ${verdict(worstCli <= TARGETS.cliStartFactor)}`);
    targetLines.push(`(f) diagnose's first progress line within ${TARGETS.cliStartFactor}× bare node: ${fmt(F.diagnoseFirstProgress.median / bare, 2)}× — ${verdict(F.diagnoseFirstProgress.median / bare <= TARGETS.cliStartFactor)}`);
    targetLines.push(`(f) peak RSS < ${TARGETS.peakRssMB} MB: ${fmt(F.peakRssMB.max)} MB — ${verdict(F.peakRssMB.max < TARGETS.peakRssMB)}`);
    targetLines.push(`(f) renderer < ${TARGETS.rendererGzipKB} KB gzip: ${fmt(F.renderer.gzipBytes / 1024, 1)} KB — ${verdict(F.renderer.gzipBytes / 1024 < TARGETS.rendererGzipKB)}`);
  }
  const m = results.machine as Record<string, unknown>;
  out.unshift(`Machine: ${m.cpus} × ${m.cpu}, ${m.memGB} GB, Node ${m.node}, load ${fmt(m.load1 as number, 2)} at start; ${RUNS} runs per cell (median (p90, min–max)).\n`);
  out.push('\n### Targets');
  out.push(...targetLines.map((l) => `- ${l}`));
  if (problems.length) out.push('\n### Problems seen during the runs', ...problems.map((p) => `- ${p}`));
  return out.join('\n');
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const env = await startBenchEnv();
  console.error(`bench: lab up in ${Date.now() - t0} ms; ${RUNS} runs at RTT ${RTTS.join('/')} ms; cases ${[...ONLY].join(',')}`);
  try {
    for (const r of RTTS) {
      await env.setRtt(r);
      console.error(`bench: RTT ${r} ms`);
      let one: number[] = [];
      if (ONLY.has('a') || ONLY.has('e')) one = (await caseA(env)).product;
      if (ONLY.has('b')) await caseB(env);
      if (ONLY.has('c')) await caseC(env);
      if (ONLY.has('d')) await caseD(env);
      if (ONLY.has('e')) await caseE(env, one);
    }
    if (ONLY.has('f')) {
      await env.setRtt(0);
      await caseF(env);
    }
  } finally {
    await env.stop();
  }
  results.machine = { ...(results.machine as object), load1End: os.loadavg()[0] };
  if (args.out) writeFileSync(args.out, JSON.stringify(results, null, 2));
  console.log(report());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
