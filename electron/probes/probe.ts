/**
 * One probe: one protocol on one host/port/security mode.
 *
 * DNS → TCP (per address family) → TLS or plaintext greeting → capabilities → STARTTLS →
 * login (configured probes only; imapflow / nodemailer / our POP3 client) → quota or
 * envelope check. The pre-login stages are spoken raw so every server reply and TLS detail
 * becomes evidence; the libraries then log in on a second, verified connection.
 */
import net from 'node:net';
import type { ProbeResult } from '../../shared/models/probe';
import { classifyConnectError, classifyDnsError, classifyGreeting, classifyTlsError, mechanisms, verdictFinding } from '../../shared/findings/classify';
import {
  COMMAND_TIMEOUT_MS,
  GREETING_TIMEOUT_MS,
  QUIT_WAIT_MS,
  SILENCE_BEFORE_TLS_CHECK_MS,
  SNIFF_TIMEOUT_MS,
  TCP_CONNECT_TIMEOUT_MS,
  TLS_HANDSHAKE_TIMEOUT_MS,
} from './deadlines';
import type { HostResolution } from './dns-resolve';
import { LineConn } from './line-conn';
import { loginImap } from './login-imap';
import { loginPop3 } from './login-pop3';
import { loginSmtp } from './login-smtp';
import type { ProbeContext } from './probe-context';
import { connectTcp, type ConnectOutcome } from './tcp-connect';
import { tlsHandshake, type TlsOptions } from './tls-inspect';
import { CANCELLED_CODE, errorCode, errorMessage, within } from './wait';

/** Sent with EHLO: a neutral name, never the PC's host name (which can identify the user). */
export const NEUTRAL_EHLO_NAME = 'mail-doctor.invalid';

export interface Endpoint {
  address: string;
  family: 4 | 6;
  port: number;
}

/** Everything after the pre-login stage needs: a live line connection and what we learned. */
export interface Session {
  conn: LineConn;
  secure: boolean;
  caps: string[];
  tlsOptions: TlsOptions;
  endpoint: Endpoint;
}

function codeOf(ctx: ProbeContext, e: unknown): string {
  const c = errorCode(e) ?? 'EUNKNOWN';
  return c === CANCELLED_CODE && ctx.budgetExpired ? 'ETIMEDOUT' : c;
}

/** Resolves with null after `ms`; unref'd, so a race that is already decided never keeps the process alive. */
function pause(ms: number): Promise<null> {
  return new Promise((r) => setTimeout(() => r(null), ms).unref());
}

class Stop extends Error {
  constructor() {
    super('probe stopped');
  }
}

export async function runProbe(ctx: ProbeContext, resolve: (host: string) => Promise<HostResolution>): Promise<ProbeResult> {
  try {
    await probeSteps(ctx, resolve);
  } catch (e) {
    if (!(e instanceof Stop)) {
      if (!ctx.cancelled) ctx.note(`probe error: ${errorMessage(e)}`);
    }
  }
  return ctx.result();
}

async function probeSteps(ctx: ProbeContext, resolve: (host: string) => Promise<HostResolution>): Promise<void> {
  const t = ctx.target;
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

  // ---- TCP, one address per family, concurrently
  ctx.step('tcp', 'running');
  const picks = [dns.addresses.find((a) => a.family === 6), dns.addresses.find((a) => a.family === 4)].filter((a): a is NonNullable<typeof a> => !!a);
  const attempts = picks.map((a) => connectTcp(a.address, a.family, t.port, ctx.ms(TCP_CONNECT_TIMEOUT_MS), ctx.signal));
  // First address that connects wins; null when every attempt failed.
  const winner = await new Promise<ConnectOutcome | null>((res) => {
    let pending = attempts.length;
    for (const a of attempts) {
      void a.then((o) => {
        if (o.socket) res(o);
        if (--pending === 0) res(null);
      });
    }
  });
  // The other family finishes in the background; its outcome is recorded at the end.
  const allDone = Promise.all(attempts).then((all) => {
    for (const o of all) {
      if (o.socket && o !== winner) o.socket.destroy();
      if (!ctx.addresses.some((x) => x.address === o.address)) ctx.addresses.push({ address: o.address, family: o.family, outcome: o.code ?? 'connected' });
    }
    return all;
  });
  if (!winner) {
    const all = await allDone;
    if (ctx.cancelled) throw new Stop();
    const main = all.find((o) => o.family === 4) ?? all[0];
    const code = main?.code === CANCELLED_CODE && ctx.budgetExpired ? 'ETIMEDOUT' : main?.code;
    ctx.add(classifyConnectError(code), { errorCode: code, message: main?.message, addresses: all.map((o) => o.address), durationMs: main?.durationMs });
    ctx.step('tcp', 'failed', code);
    throw new Stop();
  }
  const socket = winner.socket as net.Socket;
  ctx.cleanups.push(() => socket.destroy());
  ctx.step('tcp', 'ok', `${winner.address} (${winner.durationMs} ms)`);
  ctx.note(`connected to ${winner.address}:${t.port}`);
  const endpoint: Endpoint = { address: winner.address, family: winner.family, port: t.port };
  const tlsOptions: TlsOptions = { hostname: t.host, ...(ctx.options.caPem ? { caPem: ctx.options.caPem } : {}) };

  try {
    const session = await preLogin(ctx, socket, endpoint, tlsOptions);
    if (session) await afterPreLogin(ctx, session);
  } finally {
    // IPv6 vs IPv4: only meaningful once both attempts are in.
    const all = await within(allDone, ctx.left(), undefined, 'other address family').catch(() => [] as ConnectOutcome[]);
    const v6 = all.find((o) => o.family === 6);
    const v4 = all.find((o) => o.family === 4);
    if (v6?.code && v4 && !v4.code && v6.code !== CANCELLED_CODE) {
      ctx.add('IPV6_UNREACHABLE', { errorCode: v6.code, message: v6.message, addresses: [v6.address, v4.address] });
    }
  }
}

// ------------------------------------------------------------------ pre-login

async function preLogin(ctx: ProbeContext, socket: net.Socket, ep: Endpoint, tlsOptions: TlsOptions): Promise<Session | null> {
  const t = ctx.target;
  let conn: LineConn;
  let secure = false;
  if (t.security === 'tls') {
    ctx.step('tls', 'running');
    const h = await tlsHandshake(socket, tlsOptions, ctx.ms(TLS_HANDSHAKE_TIMEOUT_MS), ctx.signal);
    if (!h.ok) {
      await explainTlsFailure(ctx, ep, tlsOptions, h.code === CANCELLED_CODE && ctx.budgetExpired ? 'ETIMEDOUT' : h.code, h.message, null);
      return null;
    }
    ctx.cleanups.push(() => h.socket.destroy());
    recordTls(ctx, h.info);
    secure = h.info.verdict === 'trusted';
    conn = new LineConn(h.socket, ctx.transcript, ctx.signal);
    ctx.cleanups.push(() => conn.destroy());
    if (!(await readGreeting(ctx, conn, ep, false))) return null;
  } else {
    conn = new LineConn(socket, ctx.transcript, ctx.signal);
    ctx.cleanups.push(() => conn.destroy());
    if (!(await readGreeting(ctx, conn, ep, true))) return null;
  }

  let caps = await capabilities(ctx, conn);
  if (t.security === 'starttls') {
    ctx.step('starttls', 'running');
    const word = t.protocol === 'pop3' ? 'STLS' : 'STARTTLS';
    if (!caps.some((c) => c.toUpperCase() === word)) {
      ctx.add('STARTTLS_NOT_OFFERED', { message: `${word} is not in the server's capability list`, details: { capabilities: caps.join(' ').slice(0, 300) } });
      ctx.step('starttls', 'failed', `no ${word}`);
      await politeQuit(ctx, conn);
      return null;
    }
    const reply = await command(ctx, conn, t.protocol === 'imap' ? 'STARTTLS' : word);
    if (!reply.ok) {
      ctx.add('STARTTLS_NOT_OFFERED', { serverReply: reply.text, message: `${word} was refused` });
      ctx.step('starttls', 'failed', reply.text);
      return null;
    }
    ctx.step('starttls', 'ok');
    ctx.step('tls', 'running');
    const raw = conn.detach();
    const h = await tlsHandshake(raw, tlsOptions, ctx.ms(TLS_HANDSHAKE_TIMEOUT_MS), ctx.signal);
    if (!h.ok) {
      await explainTlsFailure(ctx, ep, tlsOptions, h.code === CANCELLED_CODE && ctx.budgetExpired ? 'ETIMEDOUT' : h.code, h.message, 'starttls');
      return null;
    }
    ctx.cleanups.push(() => h.socket.destroy());
    recordTls(ctx, h.info);
    secure = h.info.verdict === 'trusted';
    conn = new LineConn(h.socket, ctx.transcript, ctx.signal);
    ctx.cleanups.push(() => conn.destroy());
    caps = await capabilities(ctx, conn);
  } else if (t.security === 'none') {
    ctx.add('INSECURE_CONNECTION', { message: 'no encryption: the password and all mail would cross the network in clear text' });
  }
  ctx.capabilities = caps;

  // What the server allows on this connection, before any credential is sent.
  const mv = mechanisms(t.protocol, caps);
  const plaintextChannel = t.security === 'none';
  if (plaintextChannel) {
    const upper = caps.map((c) => c.toUpperCase());
    const refusesPlain =
      (t.protocol === 'imap' && upper.includes('LOGINDISABLED')) ||
      (t.protocol === 'smtp' && mv.noAuth && upper.includes('STARTTLS')) ||
      (t.protocol === 'pop3' && !mv.password && upper.includes('STLS'));
    if (refusesPlain) {
      ctx.add('AUTH_PLAINTEXT_DISABLED', { message: 'the server offers password login only after TLS', details: { capabilities: caps.join(' ').slice(0, 300) } });
    }
  }
  return { conn, secure, caps, tlsOptions, endpoint: ep };
}

function recordTls(ctx: ProbeContext, info: NonNullable<ProbeContext['tls']>): void {
  ctx.tls = info;
  ctx.note(`TLS ${info.protocol ?? '?'} ${info.cipher ?? ''} verdict=${info.verdict}${info.cert ? ` subject=${info.cert.subject}` : ''}`);
  const code = verdictFinding(info.verdict);
  if (code) {
    ctx.add(code, {
      ...(info.cert ? { cert: info.cert } : {}),
      message: `certificate verdict: ${info.verdict}${info.clockSuspect ? ' (the computer clock may be wrong)' : ''}`,
      details: { verdict: info.verdict, protocol: info.protocol ?? '', ...(info.clockSuspect ? { clockSuspect: true } : {}) },
    });
    ctx.step('tls', 'failed', info.verdict);
  } else {
    ctx.step('tls', 'ok', `${info.protocol ?? ''} ${info.cipher ?? ''}`.trim());
  }
}

/** Greeting; for plaintext modes, also tells "this port wants TLS" from "this server is slow/silent". */
async function readGreeting(ctx: ProbeContext, conn: LineConn, ep: Endpoint, plain: boolean): Promise<boolean> {
  const t = ctx.target;
  ctx.step('greeting', 'running');
  const greetingDeadline = ctx.ms(GREETING_TIMEOUT_MS);
  const greeting = conn.readLine(greetingDeadline, 'greeting').then(
    (line) => ({ line }),
    (e: unknown) => ({ error: codeOf(ctx, e), message: errorMessage(e) }),
  );
  let result: { line: string } | { error: string; message: string } | 'tls' | { notMail: string };
  if (plain) {
    const early = await Promise.race([greeting, pause(Math.min(SILENCE_BEFORE_TLS_CHECK_MS, greetingDeadline))]);
    if (early) result = early;
    else {
      ctx.note(`no greeting after ${SILENCE_BEFORE_TLS_CHECK_MS} ms: trying a TLS hello on a second connection`);
      const check = tlsHelloCheck(ctx, ep).then((r) => r, () => null);
      const first = await Promise.race([greeting, check.then((r) => (r === 'tls' ? ('tls' as const) : r ? { notMail: r } : null))]);
      result = first ?? (await greeting);
    }
  } else {
    result = await greeting;
  }
  if (result === 'tls') {
    ctx.add('PLAIN_ON_TLS_PORT', { message: `port ${ep.port} sends nothing in plaintext but completes a TLS handshake: it expects SSL/TLS from the first byte`, details: { tlsHandshake: 'ok' } });
    ctx.step('greeting', 'failed', 'port expects TLS');
    return false;
  }
  if ('notMail' in result) {
    ctx.add('SERVER_NOT_MAIL', { serverReply: result.notMail, message: 'something other than a mail server answers on this port' });
    ctx.step('greeting', 'failed', result.notMail);
    return false;
  }
  if ('error' in result) {
    if (result.error === CANCELLED_CODE) throw new Stop();
    if (result.error === 'ETIMEDOUT') {
      ctx.add('GREETING_TIMEOUT', { errorCode: result.error, message: result.message, durationMs: greetingDeadline });
    } else {
      // The server hung up or reset before saying anything.
      ctx.add(result.error === 'ECONNRESET' ? 'TCP_RESET' : 'SERVER_UNAVAILABLE', { errorCode: result.error, message: result.message, serverReply: conn.pending() || undefined });
    }
    ctx.step('greeting', 'failed', result.error);
    return false;
  }
  if (t.protocol === 'smtp' && /^\d{3}-/.test(result.line)) {
    // Multi-line SMTP greeting (RFC 5321 §4.2; postscreen and big providers send them): read to the last line.
    const rest = await conn.readSmtpReply(ctx.ms(COMMAND_TIMEOUT_MS), 'greeting').catch(() => null);
    if (rest) result = { line: [result.line, ...rest.lines].join('\n') };
  }
  ctx.greeting = result.line;
  const code = classifyGreeting(t.protocol, result.line);
  if (code) {
    ctx.add(code, { serverReply: result.line });
    ctx.step('greeting', 'failed', result.line);
    return false;
  }
  ctx.step('greeting', 'ok', (result.line.split('\n').pop() ?? '').slice(0, 120));
  return true;
}

/** After silence on a plaintext connection: does the port speak TLS? Or HTTP? */
async function tlsHelloCheck(ctx: ProbeContext, ep: Endpoint): Promise<'tls' | string | null> {
  const c = await connectTcp(ep.address, ep.family, ep.port, ctx.ms(TCP_CONNECT_TIMEOUT_MS), ctx.signal);
  if (!c.socket) return null;
  const h = await tlsHandshake(c.socket, { hostname: ctx.target.host }, ctx.ms(TLS_HANDSHAKE_TIMEOUT_MS), ctx.signal);
  if (h.ok) {
    ctx.note(`TLS hello on a second connection succeeded (${h.info.protocol ?? ''})`);
    h.socket.destroy();
    return 'tls';
  }
  ctx.note(`TLS hello on a second connection failed: ${h.code}`);
  if (classifyTlsError(h.code, h.message) === 'plain-answer') {
    const text = await sniff(ctx, ep, true);
    if (text && classifyGreeting(ctx.target.protocol, text) === 'SERVER_NOT_MAIL') return text;
  }
  return null;
}

/** What answers on a port in plaintext: the greeting, or what it says to a poke (HTTP answers "400"). */
async function sniff(ctx: ProbeContext, ep: Endpoint, pokeFirst: boolean): Promise<string | null> {
  const c = await connectTcp(ep.address, ep.family, ep.port, ctx.ms(TCP_CONNECT_TIMEOUT_MS), ctx.signal);
  if (!c.socket) return null;
  const conn = new LineConn(c.socket, ctx.transcript, ctx.signal);
  try {
    if (!pokeFirst) {
      const line = await conn.readLine(ctx.ms(SNIFF_TIMEOUT_MS), 'plaintext greeting').catch(() => null);
      if (line !== null) return line;
    }
    conn.write('QUIT');
    return await conn.readLine(ctx.ms(SNIFF_TIMEOUT_MS), 'answer to QUIT').catch(() => (conn.pending() ? conn.pending() : null));
  } finally {
    conn.destroy();
  }
}

async function explainTlsFailure(ctx: ProbeContext, ep: Endpoint, tlsOptions: TlsOptions, code: string, message: string, via: 'starttls' | null): Promise<void> {
  if (code === CANCELLED_CODE) throw new Stop();
  const kind = classifyTlsError(code, message);
  ctx.note(`TLS handshake failed: ${code} ${message}`);
  if (kind === 'plain-answer' && via === null) {
    const text = await sniff(ctx, ep, false);
    if (text && classifyGreeting(ctx.target.protocol, text) === 'SERVER_NOT_MAIL') {
      ctx.add('SERVER_NOT_MAIL', { serverReply: text, errorCode: code, message: 'something other than a mail server answers on this port' });
      ctx.step('tls', 'failed', 'not a mail server');
      return;
    }
    ctx.add('TLS_ON_PLAIN_PORT', {
      errorCode: code,
      ...(text ? { serverReply: text } : {}),
      message: `port ${ep.port} answers in plaintext: it expects STARTTLS (or no encryption), not SSL/TLS from the first byte`,
    });
    ctx.step('tls', 'failed', code);
    return;
  }
  if (kind === 'timeout') {
    ctx.add('GREETING_TIMEOUT', { errorCode: code, message: 'the server never answered the TLS hello' });
    ctx.step('tls', 'failed', code);
    return;
  }
  // A reset or a handshake alert: is it a server that only speaks TLS 1.0/1.1?
  const legacy = await legacyHandshake(ctx, ep, tlsOptions, via);
  if (legacy) {
    ctx.tls = legacy;
    ctx.add('TLS_PROTOCOL_TOO_OLD', {
      errorCode: code,
      message: `the server completes a handshake only with ${legacy.protocol ?? 'TLS 1.0/1.1'}, which current mail apps refuse`,
      ...(legacy.cert ? { cert: legacy.cert } : {}),
      details: { protocol: legacy.protocol ?? '', cipher: legacy.cipher ?? '' },
    });
    ctx.step('tls', 'failed', legacy.protocol);
    return;
  }
  if (kind === 'reset') {
    ctx.add('TCP_RESET', { errorCode: code, message: 'the connection was reset during the TLS handshake (also with old TLS versions)' });
  } else {
    ctx.tls = { verdict: 'handshake-failed' };
    ctx.add('TLS_HANDSHAKE_FAILED', { errorCode: code, message });
  }
  ctx.step('tls', 'failed', code);
}

async function legacyHandshake(ctx: ProbeContext, ep: Endpoint, tlsOptions: TlsOptions, via: 'starttls' | null): Promise<ProbeContext['tls'] | null> {
  const c = await connectTcp(ep.address, ep.family, ep.port, ctx.ms(TCP_CONNECT_TIMEOUT_MS), ctx.signal);
  if (!c.socket) return null;
  let sock = c.socket;
  if (via === 'starttls') {
    const conn = new LineConn(sock, ctx.transcript, ctx.signal);
    try {
      await conn.readLine(ctx.ms(GREETING_TIMEOUT_MS), 'greeting (legacy TLS check)');
      if (ctx.target.protocol === 'smtp') {
        conn.write(`EHLO ${NEUTRAL_EHLO_NAME}`);
        await conn.readSmtpReply(ctx.ms(COMMAND_TIMEOUT_MS), 'EHLO');
      }
      const r = await command(ctx, conn, ctx.target.protocol === 'pop3' ? 'STLS' : 'STARTTLS');
      if (!r.ok) {
        conn.destroy();
        return null;
      }
    } catch {
      conn.destroy();
      return null;
    }
    sock = conn.detach();
  }
  ctx.note('retrying the TLS handshake allowing TLS 1.0/1.1');
  const h = await tlsHandshake(sock, { ...tlsOptions, legacy: true }, ctx.ms(TLS_HANDSHAKE_TIMEOUT_MS), ctx.signal);
  if (!h.ok) {
    sock.destroy();
    return null;
  }
  h.socket.destroy();
  return h.info.protocol === 'TLSv1' || h.info.protocol === 'TLSv1.1' ? { ...h.info, verdict: 'protocol-too-old' } : null;
}

let tagCounter = 0;

/** One command with a success/failure answer, in the protocol's own syntax. */
export async function command(ctx: ProbeContext, conn: LineConn, cmd: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<{ ok: boolean; text: string; lines: string[] }> {
  const p = ctx.target.protocol;
  try {
    if (p === 'imap') {
      const tag = `md${++tagCounter}`;
      conn.write(`${tag} ${cmd}`);
      const r = await conn.readImapTagged(tag, ctx.ms(timeoutMs), cmd);
      return { ok: /^\S+ OK/i.test(r.tagged), text: r.tagged, lines: r.untagged };
    }
    if (p === 'pop3') {
      conn.write(cmd);
      const l = await conn.readLine(ctx.ms(timeoutMs), cmd.split(' ')[0] ?? cmd);
      return { ok: l.startsWith('+OK'), text: l, lines: [] };
    }
    conn.write(cmd);
    const r = await conn.readSmtpReply(ctx.ms(timeoutMs), cmd.split(' ')[0] ?? cmd);
    return { ok: r.code >= 200 && r.code < 400, text: r.text, lines: r.lines };
  } catch (e) {
    const code = codeOf(ctx, e);
    if (code === CANCELLED_CODE) throw new Stop();
    return { ok: false, text: `${code}: ${errorMessage(e)}`, lines: [] };
  }
}

async function capabilities(ctx: ProbeContext, conn: LineConn): Promise<string[]> {
  const p = ctx.target.protocol;
  if (p === 'imap') {
    const r = await command(ctx, conn, 'CAPABILITY');
    const line = r.lines.find((l) => /^\* CAPABILITY /i.test(l));
    return line ? line.replace(/^\* CAPABILITY /i, '').split(/\s+/).filter(Boolean) : [];
  }
  if (p === 'pop3') {
    const r = await command(ctx, conn, 'CAPA');
    if (!r.ok) return [];
    try {
      return await conn.readPopMulti(ctx.ms(COMMAND_TIMEOUT_MS), 'CAPA list');
    } catch {
      return [];
    }
  }
  const r = await command(ctx, conn, `EHLO ${NEUTRAL_EHLO_NAME}`);
  if (r.ok) return r.lines.slice(1).map((l) => l.slice(4));
  await command(ctx, conn, `HELO ${NEUTRAL_EHLO_NAME}`);
  return [];
}

async function politeQuit(ctx: ProbeContext, conn: LineConn): Promise<void> {
  const cmd = ctx.target.protocol === 'imap' ? 'LOGOUT' : 'QUIT';
  // Best effort with a short wait: the answer carries no information.
  await Promise.race([command(ctx, conn, cmd), pause(QUIT_WAIT_MS)]).catch(() => undefined);
  conn.destroy();
}

// ------------------------------------------------------------------ login

async function afterPreLogin(ctx: ProbeContext, s: Session): Promise<void> {
  const t = ctx.target;
  if (t.role === 'alternative') {
    // Alternatives only show that a port/security mode answers properly; they never send credentials.
    ctx.step('auth', 'skipped', 'alternative: no login');
    await politeQuit(ctx, s.conn);
    return;
  }
  const hasError = ctx.findings.some((f) => f.severity === 'error');
  const mv = mechanisms(t.protocol, s.caps);
  const noPasswordMethod = !mv.password && !(t.protocol === 'smtp' && mv.noAuth);
  if (noPasswordMethod && t.security !== 'none') {
    // Known without any credential: over TLS the capability list is the server's real offer.
    ctx.add(mv.oauthOnly ? 'AUTH_BASIC_DISABLED' : 'AUTH_MECHANISM_UNSUPPORTED', {
      message: `the server offers no password login method here (offers: ${mv.mechanisms.join(' ') || 'none'})`,
      details: { mechanisms: mv.mechanisms.join(' ') },
    });
    ctx.step('auth', 'failed', mv.mechanisms.join(' ') || 'no mechanism');
    ctx.login = 'failed';
    await politeQuit(ctx, s.conn);
    return;
  }
  if (!ctx.account.password) {
    ctx.add('LOGIN_NOT_TRIED', { message: 'no password was given', details: { reason: 'no-password' } });
    ctx.step('auth', 'skipped', 'no password');
    await politeQuit(ctx, s.conn);
    return;
  }
  const insecure = t.security === 'none' || !s.secure;
  if (insecure && !ctx.options.allowInsecureAuth) {
    const reason = t.security === 'none' ? 'plaintext' : 'tls-unverified';
    ctx.add('LOGIN_NOT_TRIED', {
      message: reason === 'plaintext' ? 'the password would cross the network unencrypted' : `the TLS certificate failed verification (${ctx.tls?.verdict ?? '?'})`,
      details: { reason },
    });
    ctx.step('auth', 'skipped', reason);
    await politeQuit(ctx, s.conn);
    return;
  }
  if (hasError && ctx.has('AUTH_PLAINTEXT_DISABLED')) {
    ctx.step('auth', 'skipped', 'server refuses plaintext login');
    await politeQuit(ctx, s.conn);
    return;
  }
  if (noPasswordMethod) {
    // Plaintext channel (allowed for this run): no password method offered in clear.
    ctx.add('AUTH_PLAINTEXT_DISABLED', { message: `the server offers no password login method without TLS (offers: ${mv.mechanisms.join(' ') || 'none'})`, details: { mechanisms: mv.mechanisms.join(' ') } });
    ctx.step('auth', 'failed', mv.mechanisms.join(' ') || 'no mechanism');
    ctx.login = 'failed';
    await politeQuit(ctx, s.conn);
    return;
  }
  if (t.protocol === 'pop3') return loginPop3(ctx, s);
  await politeQuit(ctx, s.conn);
  if (t.protocol === 'imap') return loginImap(ctx, s);
  return loginSmtp(ctx, s, mv.noAuth);
}
