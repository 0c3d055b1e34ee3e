/**
 * The diagnosis orchestrator: account → plan → the configured probes concurrently (each with
 * its own budget, small stagger), each protocol's alternatives only once its configured probe
 * failed or stalled (alternative-gate.ts) → ranked findings. Streams progress; cancellable.
 */
import { osStore } from './trust-store';
import { setMaxListeners } from 'node:events';
import net from 'node:net';
import type { Protocol } from '../../shared/models/account';
import { domainLookupsProblem, type DiagnoseProgress, type DiagnoseReport, type DiagnoseRequest, type DnsReport, type ProbeResult, type ProbeTarget } from '../../shared/models/probe';
import { AppFailure } from '../../shared/result';
import { DEFAULT_PROBE_BUDGET_MS, DNS_TIMEOUT_MS, PROBE_STAGGER_MS } from './deadlines';
import { parseDnsServer, resolveDomain, resolveHost, type HostResolution } from './dns-resolve';
import { buildPlan, domainOf, type PlannedServer } from './plan';
import { configuredSource } from '../../shared/knowledge/composer/server-source';
import { runProbe } from './probe';
import { ProbeContext } from './probe-context';
import { AlternativeGate, gateNote } from './alternative-gate';
import { alternativeRank, deriveFindings, fixableByOtherMode, rankFindings, works } from './rank';
import { sleep, within } from './wait';

export interface DiagnoseOptionsRuntime {
  signal?: AbortSignal;
  onProgress?: (p: DiagnoseProgress) => void;
}

/** Discovery gets two DNS timeouts; after that the plan falls back to guessed host names. */
const DISCOVERY_TIMEOUT_MS = DNS_TIMEOUT_MS * 2;

async function discoveredServers(email: string, dnsServer: string | undefined, signal?: AbortSignal): Promise<Partial<Record<Protocol, PlannedServer>> | undefined> {
  // Loaded only when no server was given: discovery's sources and the autoconfig XML parser
  // (saxes) were about a third of the engine's load time, which a run with servers never needs.
  const { discover } = await import('./discovery/discover.js');
  try {
    const r = await within(discover({ email, ...(dnsServer ? { dnsServer } : {}) }), DISCOVERY_TIMEOUT_MS, signal, 'discovery');
    const out: Partial<Record<Protocol, PlannedServer>> = {};
    for (const p of ['imap', 'pop3', 'smtp'] as const) {
      const c = r.best[p];
      if (c) out[p] = { host: c.host, port: c.port, security: c.security, serverSource: configuredSource(c) as PlannedServer['serverSource'] };
    }
    return out;
  } catch {
    return undefined;
  }
}

export async function runDiagnosis(req: DiagnoseRequest, rt: DiagnoseOptionsRuntime = {}): Promise<DiagnoseReport> {
  const started = Date.now();
  const startedAt = new Date().toISOString();
  const options = req.options ?? {};
  // Every probe and DNS query listens on the run's signal: a dozen listeners is by design, not a leak.
  if (rt.signal) setMaxListeners(200, rt.signal);
  // Read the OS trust store (once per process) while DNS and TCP run, not after the first handshake.
  void osStore();
  const emit = (p: DiagnoseProgress): void => {
    try {
      rt.onProgress?.(p);
    } catch {
      /* a listener's bug must not break the run */
    }
  };
  let dnsServer: string | undefined;
  if (options.dnsServer) {
    const parsed = parseDnsServer(options.dnsServer);
    if (!parsed) throw new AppFailure('E_BAD_REQUEST', `dnsServer must be an IP address with an optional port, got "${options.dnsServer}"`, { field: 'dnsServer' });
    dnsServer = parsed;
  }
  const account = req.account;
  // The contract refuses this already; a caller that skipped it must not get the lookups it switched off.
  if (domainLookupsProblem(req)) throw new AppFailure('E_BAD_REQUEST', 'domainLookups: false needs explicit servers', { field: 'domainLookups', reason: 'needs-server' });
  const given = account.imap || account.pop3 || account.smtp;
  const discovered = given ? undefined : await discoveredServers(account.email, options.dnsServer, rt.signal);
  const targets = buildPlan(account, options, discovered);
  const skipDomain = domainLookupSkip(targets, options.domainLookups, dnsServer);
  emit({ kind: 'planned', runId: req.runId, targets });

  const dnsReports: DnsReport[] = [];
  const cache = new Map<string, Promise<HostResolution>>();
  const resolve = (host: string): Promise<HostResolution> => {
    let p = cache.get(host);
    if (!p) {
      p = resolveHost(host, dnsServer, rt.signal).then((r) => {
        dnsReports.push(r.report);
        emit({ kind: 'dns', runId: req.runId, dns: r.report });
        return r;
      });
      cache.set(host, p);
    }
    return p;
  };
  const domain = domainOf(account.email);
  const domainReport: Promise<DnsReport | undefined> = !domain
    ? Promise.resolve(undefined)
    : skipDomain
      ? Promise.resolve(skippedDomainReport(domain, skipDomain)).then((r) => {
          emit({ kind: 'dns', runId: req.runId, dns: r });
          return r;
        })
      : resolveDomain(domain, dnsServer, rt.signal).then((r) => {
          emit({ kind: 'dns', runId: req.runId, dns: r });
          return r;
        }, () => undefined);

  const budget = options.timeoutMs ?? DEFAULT_PROBE_BUDGET_MS;
  const probeAccount = { email: account.email, user: account.user?.trim() || account.email, ...(account.password ? { password: account.password } : {}) };
  // An alternative runs only while its result can still change the answer (see stopMoot).
  const alts = new Map<string, { controller: AbortController; ctx?: ProbeContext; done: boolean; moot?: NonNullable<ProbeResult['notNeeded']> }>();
  for (const t of targets) if (t.role === 'alternative') alts.set(t.id, { controller: new AbortController(), done: false });
  const configuredOf = (t: ProbeTarget): ProbeTarget | undefined => {
    const same = targets.filter((x) => x.role === 'configured' && x.protocol === t.protocol);
    return same.length === 1 ? same[0] : undefined;
  };
  const stopMoot = (which: (t: ProbeTarget) => boolean, why: NonNullable<ProbeResult['notNeeded']>): void => {
    for (const t of targets) {
      const a = alts.get(t.id);
      if (!a || a.done || a.moot || !which(t)) continue;
      a.moot = why;
      if (a.ctx) {
        a.ctx.notNeeded = why;
        a.ctx.note(notNeededNote(why));
      }
      a.controller.abort();
    }
  };
  /** After a probe finished: which alternatives can no longer change the answer. */
  const settle = (t: ProbeTarget, result: ProbeResult): void => {
    if (t.role === 'configured') {
      // Another port/mode matters only when the configured settings fail in a way it could fix.
      if (configuredOf(t) !== t || fixableByOtherMode(result)) return;
      const reason = result.status === 'ok' ? 'configured-works' : 'configured-cause-known';
      stopMoot((x) => x.protocol === t.protocol, { reason, byProbeId: t.id });
      return;
    }
    const cfg = configuredOf(t);
    if (!cfg || !works(result)) return;
    // This alternative works: those the fix would prefer less cannot change the fix any more.
    const mine = alternativeRank(cfg, t);
    stopMoot((x) => x.protocol === t.protocol && x.host === t.host && alternativeRank(cfg, x) > mine, { reason: 'fix-found', byProbeId: t.id });
  };

  // Alternatives wait for their configured probe to end or stall (alternative-gate.ts).
  const gate = new AlternativeGate();
  rt.signal?.addEventListener('abort', () => gate.cancel(), { once: true });
  /** Stagger slot of each probe: configured in plan order; an alternative by its place among its protocol's alternatives, counted from when its gate opens. */
  const slot = new Map<string, number>();
  for (const t of targets) slot.set(t.id, t.role === 'configured' ? slot.size : targets.filter((x) => x.role === 'alternative' && x.protocol === t.protocol).indexOf(t));

  const runOne = async (t: ProbeTarget): Promise<ProbeResult> => {
    const alt = alts.get(t.id);
    const cfg = alt ? configuredOf(t) : undefined;
    const opened = alt ? await gate.wait(t, cfg) : undefined;
    await sleep((slot.get(t.id) ?? 0) * PROBE_STAGGER_MS, rt.signal);
    const signal = alt ? (rt.signal ? AbortSignal.any([rt.signal, alt.controller.signal]) : alt.controller.signal) : rt.signal;
    if (alt && signal) setMaxListeners(200, signal);
    const ctx = new ProbeContext(t, probeAccount, options, budget, signal, (step) => {
      if (!alt) gate.step(t, step);
      emit({ kind: 'step', runId: req.runId, probeId: t.id, step });
    });
    if (!alt) gate.configuredStarted(t);
    if (alt) {
      alt.ctx = ctx;
      if (opened && opened !== 'cancelled' && !alt.moot) ctx.note(gateNote(opened, cfg?.id));
      if (alt.moot) {
        ctx.notNeeded = alt.moot;
        ctx.note(notNeededNote(alt.moot));
      }
    }
    if (rt.signal?.aborted) ctx.note('cancelled before start');
    // Moot before it started (gate or stagger): it never opens a connection.
    const result = alt?.moot ? ctx.result() : await runProbe(ctx, resolve);
    if (alt) alt.done = true;
    emit({ kind: 'probe-done', runId: req.runId, probe: result });
    settle(t, result);
    if (!alt) gate.configuredEnded(t);
    return result;
  };
  const probes = await Promise.all(targets.map((t) => runOne(t)));
  const domainDns = await domainReport;
  if (domainDns) dnsReports.unshift(domainDns);

  const findings = rankFindings([...probes.filter((p) => p.role === 'configured').flatMap((p) => p.findings), ...deriveFindings(probes)]);
  return {
    runId: req.runId,
    email: account.email,
    startedAt,
    durationMs: Date.now() - started,
    ok: !findings.some((f) => f.severity === 'error'),
    cancelled: rt.signal?.aborted === true,
    findings,
    probes,
    dns: dnsReports,
  };
}

/**
 * Whether the mail domain's MX/SRV lookups are left out. They are context for the report, never
 * needed to test a server: so they are skipped when the user switched domain lookups off, and when
 * every server is an IP address with no DNS server named (they would be the only query to leave
 * the machine, to a resolver the user did not choose). With a DNS server named they go there.
 */
export function domainLookupSkip(targets: readonly ProbeTarget[], domainLookups: boolean | undefined, dnsServer: string | undefined): DnsReport['skipped'] {
  if (domainLookups === false) return 'no-domain-lookups';
  if (!dnsServer && targets.length > 0 && targets.every((t) => net.isIP(t.host) !== 0)) return 'ip-servers';
  return undefined;
}

function skippedDomainReport(domain: string, skipped: NonNullable<DnsReport['skipped']>): DnsReport {
  return { host: domain, a: [], aaaa: [], durationMs: 0, resolver: 'none', skipped };
}

function notNeededNote(why: NonNullable<ProbeResult['notNeeded']>): string {
  const because =
    why.reason === 'configured-works'
      ? 'the configured settings work'
      : why.reason === 'configured-cause-known'
        ? 'the configured settings failed for a reason no other port or mode can fix'
        : 'an alternative that would be preferred already works';
  return `not needed: ${because} (${why.byProbeId})`;
}
