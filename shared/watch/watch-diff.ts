/**
 * What changed between two runs of the same diagnosis — the timeline of an intermittent fault
 * (「時間帯で不安定」). Pure: two reports in, a list of changes out. `before`/`after` are machine
 * values (finding codes, `working`, login states, addresses), the same in every language; `text`
 * is the change in words from the catalog (watch-text.ts), which the screen words again in the
 * language it shows. A probe is identified across runs by `protocol host:port security`.
 */
import type { Lang } from '../models/device';
import type { DiagnoseReport, ProbeResult } from '../models/probe';
import { changeText } from './watch-text';

export const WATCH_CHANGE_KINDS = [
  'port-refusing', // worked (or connected) before, the connection is refused / times out now
  'port-recovered', // failed before, works now
  'failure-changed', // failed both times, for a different reason
  'cert-rotated', // the server presents another certificate
  'login-slower', // the login step takes clearly longer
  'login-changed', // the login worked before and fails now, or the reverse
  'dns-changed', // a name resolves to other addresses, or stopped / started resolving
] as const;
export type WatchChangeKind = (typeof WATCH_CHANGE_KINDS)[number];

export interface WatchChange {
  kind: WatchChangeKind;
  /** `protocol host:port security` for a probe, the host name for DNS. */
  key: string;
  before: string;
  after: string;
  /** cert-rotated: the new certificate's end of validity (ISO), when the server sent one. */
  validTo?: string;
  text: string;
}

/**
 * A login counts as slower when it takes at least twice as long and at least this much more:
 * Dovecot's auth_failure_delay alone is 2 s, and network jitter on a home line is a few hundred
 * milliseconds, so anything below one second is noise rather than a change worth reporting.
 */
export const LOGIN_SLOWER_MIN_MS = 1_000;

export function probeKey(p: Pick<ProbeResult, 'protocol' | 'host' | 'port' | 'security'>): string {
  return `${p.protocol} ${p.host}:${p.port} ${p.security}`;
}

/** `before` of a probe that worked: a machine value like the codes beside it, the same in every language. */
export const WORKED = 'working';

function outcome(p: ProbeResult): string {
  return p.findings.find((f) => f.severity === 'error')?.code ?? p.status;
}
function loginMs(p: ProbeResult): number | undefined {
  const s = p.steps.find((x) => x.name === 'auth' && x.status === 'ok');
  return s?.durationMs;
}
function shortFp(fp: string | undefined): string {
  return fp ? fp.slice(0, 11) : '—';
}
function addrs(d: DiagnoseReport['dns'][number]): string {
  if (d.error) return d.error;
  const all = [...d.a, ...d.aaaa].sort();
  return all.length ? all.join(', ') : '—';
}

/** Changes from `prev` to `next`; probes cancelled in either run are not compared (a cancel is not a change). */
export function diffRuns(prev: DiagnoseReport, next: DiagnoseReport, lang: Lang): WatchChange[] {
  const out: WatchChange[] = [];
  const push = (kind: WatchChangeKind, key: string, before: string, after: string, validTo?: string): void => {
    const c = { kind, key, before, after, ...(validTo ? { validTo } : {}) };
    out.push({ ...c, text: changeText(c, lang) });
  };
  const before = new Map(prev.probes.map((p) => [probeKey(p), p]));
  for (const b of next.probes) {
    const key = probeKey(b);
    const a = before.get(key);
    if (!a || a.status === 'cancelled' || b.status === 'cancelled') continue;
    if (a.status === 'ok' && b.status === 'failed') push('port-refusing', key, WORKED, outcome(b));
    else if (a.status === 'failed' && b.status === 'ok') push('port-recovered', key, outcome(a), WORKED);
    else if (a.status === 'failed' && b.status === 'failed' && outcome(a) !== outcome(b)) push('failure-changed', key, outcome(a), outcome(b));
    const fa = a.tls?.cert?.fingerprint256;
    const fb = b.tls?.cert?.fingerprint256;
    if (fa && fb && fa !== fb) push('cert-rotated', key, shortFp(fa), shortFp(fb), b.tls?.cert?.validTo || undefined);
    if (a.login !== 'not-tried' && b.login !== 'not-tried' && a.login !== b.login) push('login-changed', key, a.login, b.login);
    const la = loginMs(a);
    const lb = loginMs(b);
    if (la !== undefined && lb !== undefined && lb >= 2 * la && lb - la >= LOGIN_SLOWER_MIN_MS) push('login-slower', key, `${la} ms`, `${lb} ms`);
  }
  const dnsBefore = new Map(prev.dns.map((d) => [d.host, d]));
  for (const d of next.dns) {
    const p = dnsBefore.get(d.host);
    if (!p) continue;
    if (addrs(p) !== addrs(d)) push('dns-changed', d.host, addrs(p), addrs(d));
  }
  return out;
}
