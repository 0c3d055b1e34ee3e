/**
 * The benchmark's arithmetic and its readings of what the tools print: summaries (median, p90,
 * min, max), the Markdown table, the server's deliberate login delay read from a transcript, and
 * whether a manual check (openssl s_client, curl, swaks) really did what it stands for. Kept apart
 * from scripts/bench.ts so they are tested without servers (scripts/bench-stats.test.ts).
 */
import type { ProbeResult } from '../shared/models/probe';

export interface Summary {
  n: number;
  median: number;
  p90: number;
  min: number;
  max: number;
}

/** Median (mean of the middle two for an even count) and p90 by nearest rank. */
export function summarize(xs: number[]): Summary {
  if (xs.length === 0) return { n: 0, median: NaN, p90: NaN, min: NaN, max: NaN };
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? (s[Math.floor(mid)] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  const p90 = s[Math.max(0, Math.ceil(0.9 * s.length) - 1)] as number;
  return { n: s.length, median, p90, min: s[0] as number, max: s[s.length - 1] as number };
}

/** `1234 ms` style cell: median, then p90 and min–max. */
export function msCell(s: Summary): string {
  if (!s.n) return '—';
  const r = (x: number): string => String(Math.round(x));
  return `${r(s.median)} (p90 ${r(s.p90)}, ${r(s.min)}–${r(s.max)})`;
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** What a login command looks like in a (redacted) transcript: the line that carried the credentials. */
const CREDENTIAL_LINE = /^(\S+ )?(AUTHENTICATE |LOGIN |AUTH (PLAIN|LOGIN|CRAM-MD5)\b|PASS )/i;

/**
 * How long the server sat on the credentials: from the client line that carried them to the next
 * server line, minus one round trip of the line (that part is the network, not the server).
 * Null when the transcript has no answered login.
 */
export function serverLoginHoldMs(probe: Pick<ProbeResult, 'transcript'>, rttMs: number): number | null {
  const lines = probe.transcript;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (!l || l.dir !== 'c' || !CREDENTIAL_LINE.test(l.text)) continue;
    const reply = lines.slice(i + 1).find((x) => x.dir === 's');
    return reply ? Math.max(0, reply.t - l.t - rttMs) : null;
  }
  return null;
}

/** The verdict of one manual step from the tool's exit status and output. */
export interface ManualVerdict {
  ok: boolean;
  why: string;
}

/** `openssl s_client -brief` reached a verified handshake (the certificate a person would look at). */
export function opensslVerdict(status: number | null, output: string): ManualVerdict {
  const verified = /Verification: OK/.test(output);
  const proto = /Protocol version: (\S+)/.exec(output)?.[1];
  if (status === 0 && verified) return { ok: true, why: `verified, ${proto ?? 'TLS'}` };
  const err = /verify error:[^\n]*|Verification error: [^\n]*/.exec(output)?.[0];
  return { ok: false, why: err ?? `exit ${status}` };
}

/** curl's exit code: 0 is a login and a listing; 67 is a refused login (CURLE_LOGIN_DENIED). */
export function curlVerdict(status: number | null, stdout: string, protocol: 'imap' | 'pop3'): ManualVerdict {
  if (status === 0) {
    const listed = protocol === 'imap' ? /^\* LIST /m.test(stdout) : /^\d+ \d+/m.test(stdout) || stdout.trim() === '';
    return listed ? { ok: true, why: 'logged in and listed' } : { ok: false, why: 'exit 0 but no listing' };
  }
  if (status === 67) return { ok: false, why: 'login denied (67)' };
  return { ok: false, why: `exit ${status}` };
}

/** swaks' transcript: TLS started, AUTH accepted (235), RCPT accepted (250). */
export function swaksVerdict(status: number | null, output: string): ManualVerdict & { tls: boolean; auth?: string; rcpt?: string } {
  const tls = /<~? +220 .*(TLS|Ready)/i.test(output) || /TLS started/i.test(output);
  const auth = /^<~\*? +(\d{3})[ -].*$/m.exec(output.split(/^ ?~> AUTH /m)[1] ?? '')?.[1];
  const rcpt = /^<~\*? +(\d{3})[ -].*$/m.exec(output.split(/^ ?~> RCPT TO:/m)[1] ?? '')?.[1];
  const ok = status === 0 && tls && auth === '235' && rcpt === '250';
  return { ok, tls, ...(auth ? { auth } : {}), ...(rcpt ? { rcpt } : {}), why: ok ? 'TLS, AUTH 235, RCPT 250' : `exit ${status}, tls ${tls}, auth ${auth ?? '-'}, rcpt ${rcpt ?? '-'}` };
}
