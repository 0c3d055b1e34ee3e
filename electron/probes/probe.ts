/**
 * One probe: one protocol on one host/port/security mode. This file keeps the stage order;
 * what each protocol says at each stage is its dialect (protocols/), and the stages with
 * their own evidence rules have their own modules.
 *
 * DNS → TCP (per address family) → TLS or plaintext greeting → capabilities → STARTTLS →
 * login gate → login and post-login checks (quota / mailbox / envelope). The pre-login stages
 * are spoken raw so every server reply and TLS detail becomes evidence.
 */
import net from 'node:net';
import type { ProbeResult } from '../../shared/models/probe';
import { classifyDnsError, isVerifiedVerdict, mechanisms } from '../../shared/findings/classify';
import { TLS_HANDSHAKE_TIMEOUT_MS } from './deadlines';
import type { HostResolution } from './dns-resolve';
import type { LineConn } from './line-conn';
import type { ProbeContext } from './probe-context';
import { readGreeting } from './probe-greeting';
import { loginOrExplain } from './probe-login-gate';
import { Stop } from './probe-stop';
import { tcpStage } from './probe-tcp';
import { explainTlsFailure, recordTls } from './probe-tls';
import { tlsAfterGoAhead } from './probe-starttls';
import type { Endpoint, ProtocolDialect, Session } from './protocols/dialect';
import { dialectFor } from './protocols/index';
import { politeQuit } from './protocols/quit';
import { tlsHandshake, type TlsOptions } from './tls-inspect';
import { CANCELLED_CODE, errorCode, errorMessage } from './wait';
import { isFlood, recordFlood } from './probe-flood';

export async function runProbe(ctx: ProbeContext, resolve: (host: string) => Promise<HostResolution>): Promise<ProbeResult> {
  try {
    await probeSteps(ctx, resolve);
  } catch (e) {
    if (!(e instanceof Stop) && !ctx.cancelled) failInternally(ctx, e);
  }
  return ctx.result();
}

/**
 * An exception no stage expected (a bug, a library that throws where it should report) is
 * never "no problem": the probe fails with PROBE_INTERNAL_ERROR and so does the run's headline.
 * A flood that escaped a stage is still a flood.
 */
export function failInternally(ctx: ProbeContext, e: unknown): void {
  if (isFlood(e)) return recordFlood(ctx, errorMessage(e), 'a probe stage');
  const stage = [...ctx.steps].reverse().find((s) => s.status === 'running')?.name ?? ctx.steps.at(-1)?.name ?? 'dns';
  ctx.note(`internal error during ${stage}: ${errorMessage(e)}`);
  ctx.add('PROBE_INTERNAL_ERROR', { message: `${errorMessage(e)}`, errorCode: errorCode(e) ?? (e instanceof Error ? e.name : 'EUNKNOWN'), details: { stage } });
  if (ctx.steps.some((s) => s.name === stage)) ctx.step(stage, 'failed', 'internal error');
}

async function probeSteps(ctx: ProbeContext, resolve: (host: string) => Promise<HostResolution>): Promise<void> {
  const t = ctx.target;
  const dialect = dialectFor(t.protocol);
  // ---- DNS
  ctx.step('dns', 'running');
  const dns = await resolve(t.host);
  if (ctx.cancelled) throw new Stop();
  if (dns.addresses.length === 0) {
    const code = classifyDnsError(dns.errorCode);
    ctx.add(code, { errorCode: dns.errorCode, message: `${t.host}: ${dns.errorCode ?? 'no address'}`, durationMs: dns.report.durationMs, details: { resolver: dns.report.resolver ?? 'system' } });
    ctx.step('dns', 'failed', dns.errorCode);
    throw new Stop();
  }
  ctx.step('dns', net.isIP(t.host) ? 'skipped' : 'ok', dns.addresses.map((a) => a.address).join(', '));

  // ---- TCP
  const tcp = await tcpStage(ctx, dns);
  const tlsOptions: TlsOptions = { hostname: t.host, ...(ctx.options.caPem ? { caPem: ctx.options.caPem } : {}) };
  try {
    const session = await preLogin(ctx, dialect, tcp.socket, tcp.endpoint, tlsOptions);
    if (session) await loginOrExplain(ctx, dialect, session);
  } finally {
    await tcp.finish();
  }
}

/** TLS (implicit or after STARTTLS), greeting and capabilities: everything before a credential is sent. */
async function preLogin(ctx: ProbeContext, dialect: ProtocolDialect, socket: net.Socket, ep: Endpoint, tlsOptions: TlsOptions): Promise<Session | null> {
  const t = ctx.target;
  let conn: LineConn;
  let secure = false;
  if (t.security === 'tls') {
    ctx.step('tls', 'running');
    const h = await tlsHandshake(socket, tlsOptions, ctx.ms(TLS_HANDSHAKE_TIMEOUT_MS), ctx.signal);
    if (!h.ok) {
      await explainTlsFailure(ctx, dialect, ep, tlsOptions, h.code === CANCELLED_CODE && ctx.budgetExpired ? 'ETIMEDOUT' : h.code, h.message, null);
      return null;
    }
    ctx.cleanups.push(() => h.socket.destroy());
    countHandshake(ctx, h.info.protocol);
    secure = isVerifiedVerdict(recordTls(ctx, h.info, h.hostnameOk).verdict);
    conn = ctx.lineConn(h.socket, true);
    if (!(await readGreeting(ctx, dialect, conn, ep, false))) return null;
  } else {
    conn = ctx.lineConn(socket, true);
    if (!(await readGreeting(ctx, dialect, conn, ep, true))) return null;
  }

  let caps = await dialect.capabilities(ctx, conn, false);
  if (t.security === 'starttls') {
    ctx.step('starttls', 'running');
    const word = dialect.starttls.capability;
    if (!caps.some((c) => c.toUpperCase() === word)) {
      ctx.add('STARTTLS_NOT_OFFERED', { message: `${word} is not in the server's capability list`, details: { capabilities: caps.join(' ').slice(0, 300) } });
      ctx.step('starttls', 'failed', `no ${word}`, { code: 'starttls-not-offered' });
      politeQuit(conn, dialect);
      return null;
    }
    const reply = await dialect.command(ctx, conn, dialect.starttls.command);
    if (!reply.ok) {
      ctx.add('STARTTLS_NOT_OFFERED', { serverReply: reply.text, message: `${word} was refused` });
      ctx.step('starttls', 'failed', reply.text);
      return null;
    }
    const h = await tlsAfterGoAhead(ctx, dialect, conn, reply.text, ep, tlsOptions);
    if (!h) return null;
    ctx.cleanups.push(() => h.socket.destroy());
    countHandshake(ctx, h.info.protocol);
    secure = isVerifiedVerdict(recordTls(ctx, h.info, h.hostnameOk).verdict);
    conn = ctx.lineConn(h.socket);
    caps = await dialect.capabilities(ctx, conn, true);
  } else if (t.security === 'none') {
    ctx.add('INSECURE_CONNECTION', { message: 'no encryption: the password and all mail would cross the network in clear text' });
  }
  ctx.capabilities = caps;

  // What the server allows on this connection, before any credential is sent.
  if (t.security === 'none' && dialect.refusesPlaintextLogin(caps, mechanisms(t.protocol, caps))) {
    ctx.add('AUTH_PLAINTEXT_DISABLED', { message: 'the server offers password login only after TLS', details: { capabilities: caps.join(' ').slice(0, 300) } });
  }
  return { conn, secure, caps, tlsOptions, endpoint: ep };
}

/** A full TLS 1.3 handshake costs one round trip before the client may send; TLS 1.2 two. */
function countHandshake(ctx: ProbeContext, protocol: string | undefined): void {
  ctx.turns.n += protocol === 'TLSv1.3' ? 1 : 2;
}
