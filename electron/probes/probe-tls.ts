/**
 * TLS evidence for a probe: the verdict of a handshake, and when a handshake fails, what the
 * port really speaks (plaintext mail, HTTP, old TLS only), found on extra short connections.
 */
import type net from 'node:net';
import { classifyGreeting, classifyTlsError, isPendingGreeting, verdictFinding } from '../../shared/findings/classify';
import { providerForHost } from '../../shared/knowledge/providers/catalog';
import type { TlsInfo } from '../../shared/models/probe';
import { interceptionSeverity, judgeTrust, type Interception } from '../../shared/interception/interception';
import { GREETING_TIMEOUT_MS, SNIFF_TIMEOUT_MS, TCP_CONNECT_TIMEOUT_MS, TLS_HANDSHAKE_TIMEOUT_MS } from './deadlines';
import { LineConn } from './line-conn';
import type { ProbeContext } from './probe-context';
import { Stop } from './probe-stop';
import type { Endpoint, ProtocolDialect } from './protocols/dialect';
import { StarttlsTap, type Injection } from './starttls-tap';
import { connectTcp } from './tcp-connect';
import { tlsHandshake, type TlsOptions } from './tls-inspect';
import { CANCELLED_CODE } from './wait';

/**
 * The handshake's verdict becomes the probe's: Node's bundled roots first, then the OS store
 * and the interception rule (shared/interception/interception.ts), so a re-signed certificate is
 * reported as TLS_INTERCEPTED and never blamed on the server. Returns the final TLS info.
 */
export function recordTls(ctx: ProbeContext, raw: TlsInfo, hostnameOk: boolean): TlsInfo {
  const judged = raw.trust
    ? judgeTrust({ verdict: raw.verdict, hostnameOk, trust: raw.trust, issuers: raw.cert?.chain.map((c) => c.issuer) ?? [], providerId: providerForHost(ctx.target.host)?.id })
    : { verdict: raw.verdict };
  const info: TlsInfo = { ...raw, verdict: judged.verdict };
  ctx.tls = info;
  const t = info.trust;
  ctx.note(
    `TLS ${info.protocol ?? '?'} ${info.cipher ?? ''} verdict=${info.verdict}${info.cert ? ` subject=${info.cert.subject}` : ''}` +
      (t ? ` trust: bundled=${t.bundled ? 'yes' : 'no'} os=${t.os} (${t.osSource})${t.anchor ? ` anchor=${t.anchor}` : ''}` : ''),
  );
  if (judged.interception) return recordInterception(ctx, info, judged.interception);
  const code = verdictFinding(info.verdict);
  if (code) {
    ctx.add(code, {
      ...(info.cert ? { cert: info.cert } : {}),
      message: `certificate verdict: ${info.verdict}${info.clockSuspect ? ' (the computer clock may be wrong)' : ''}`,
      details: { verdict: info.verdict, protocol: info.protocol ?? '', ...(info.clockSuspect ? { clockSuspect: true } : {}), ...trustDetails(info) },
    });
    ctx.step('tls', 'failed', info.verdict, { code: 'tls-verdict', params: { verdict: info.verdict } });
  } else {
    ctx.step('tls', 'ok', `${info.protocol ?? ''} ${info.cipher ?? ''}`.trim());
  }
  return info;
}

/** Which store trusted the chain, as finding details (flat: the evidence schema holds scalars). */
function trustDetails(info: TlsInfo): Record<string, string | boolean> {
  const t = info.trust;
  return t ? { trustedByBundled: t.bundled, trustedByOs: t.os, osStore: t.osSource, ...(t.anchor ? { anchor: t.anchor } : {}) } : {};
}

function recordInterception(ctx: ProbeContext, info: TlsInfo, x: Interception): TlsInfo {
  const severity = interceptionSeverity(x);
  const who = x.product ? `the issuer names ${x.product.id}` : x.expectedIssuer ? `the provider's certificates come from ${x.expectedIssuer.label}` : 'only this computer trusts the issuer';
  ctx.add(
    'TLS_INTERCEPTED',
    {
      ...(info.cert ? { cert: info.cert } : {}),
      message: `the certificate was re-signed on the way (${who}; issuer ${x.issuer})${x.trustedBy === 'os' ? ': the operating system trusts it, the bundled roots do not' : ': no trust store this app can read accepts it'}`,
      details: {
        verdict: info.verdict,
        protocol: info.protocol ?? '',
        reason: x.reason,
        issuer: x.issuer.slice(0, 300),
        trustedBy: x.trustedBy,
        ...(x.product ? { product: x.product.id, productKind: x.product.kind, productGrade: x.product.grade } : {}),
        ...(x.expectedIssuer ? { expectedIssuer: x.expectedIssuer.label, expectedIssuerGrade: x.expectedIssuer.grade } : {}),
        ...trustDetails(info),
      },
    },
    { severity },
  );
  ctx.step('tls', severity === 'error' ? 'failed' : 'warning', info.verdict, { code: 'tls-verdict', params: { verdict: info.verdict } });
  return info;
}

/** After silence on a plaintext connection: does the port speak TLS? Or HTTP? */
export async function tlsHelloCheck(ctx: ProbeContext, ep: Endpoint): Promise<'tls' | string | null> {
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
    if (text && notMail(ctx, text)) return text;
  }
  return null;
}

/** Text that cannot be (the start of) this protocol's greeting: a slow greeting is not "not mail". */
function notMail(ctx: ProbeContext, text: string): boolean {
  return classifyGreeting(ctx.target.protocol, text) === 'SERVER_NOT_MAIL' && !isPendingGreeting(ctx.target.protocol, text);
}

/** What answers on a port in plaintext: the greeting, or what it says to a poke (HTTP answers "400"). */
async function sniff(ctx: ProbeContext, ep: Endpoint, pokeFirst: boolean): Promise<string | null> {
  ctx.note('second connection: a failed TLS hello leaves the first unusable; reading what the port says in plaintext');
  const c = await connectTcp(ep.address, ep.family, ep.port, ctx.ms(TCP_CONNECT_TIMEOUT_MS), ctx.signal);
  if (!c.socket) return null;
  const conn = new LineConn(c.socket, ctx.transcript, ctx.signal, ctx.input);
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

export async function explainTlsFailure(
  ctx: ProbeContext,
  dialect: ProtocolDialect,
  ep: Endpoint,
  tlsOptions: TlsOptions,
  code: string,
  message: string,
  via: 'starttls' | null,
): Promise<void> {
  if (code === CANCELLED_CODE) throw new Stop();
  const kind = classifyTlsError(code, message);
  ctx.note(`TLS handshake failed: ${code} ${message}`);
  if (kind === 'plain-answer' && via === null) {
    const text = await sniff(ctx, ep, false);
    if (text && notMail(ctx, text)) {
      ctx.add('SERVER_NOT_MAIL', { serverReply: text, errorCode: code, message: 'something other than a mail server answers on this port' });
      ctx.step('tls', 'failed', 'not a mail server', { code: 'not-mail-server' });
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
  if (kind === 'timeout' && via === 'starttls') {
    // It said "go ahead" and then never did: a broken server, or a middlebox that stripped TLS.
    ctx.tls = { verdict: 'handshake-failed' };
    ctx.add('TLS_HANDSHAKE_FAILED', { errorCode: code, message: 'the server accepted STARTTLS but never answered the TLS hello' });
    ctx.step('tls', 'failed', code);
    return;
  }
  if (kind === 'timeout') {
    ctx.add('GREETING_TIMEOUT', { errorCode: code, message: 'the server never answered the TLS hello' });
    ctx.step('tls', 'failed', code);
    return;
  }
  // A reset or a handshake alert: is it a server that only speaks TLS 1.0/1.1?
  const legacy = await legacyHandshake(ctx, dialect, ep, tlsOptions, via);
  if (legacy) {
    ctx.tls = legacy;
    ctx.add('TLS_PROTOCOL_TOO_OLD', {
      errorCode: code,
      message: `the server completes a handshake only with ${legacy.protocol ?? 'TLS 1.0/1.1'}, which current mail apps refuse`,
      ...(legacy.cert ? { cert: legacy.cert } : {}),
      details: { protocol: legacy.protocol ?? '', cipher: legacy.cipher ?? '' },
    });
    ctx.step('tls', 'failed', legacy.protocol, { code: 'tls-too-old', params: { protocol: legacy.protocol ?? 'TLS 1.0/1.1' } });
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

async function legacyHandshake(ctx: ProbeContext, dialect: ProtocolDialect, ep: Endpoint, tlsOptions: TlsOptions, via: 'starttls' | null): Promise<ProbeContext['tls'] | null> {
  ctx.note('second connection: the failed handshake ended the first; trying TLS 1.0/1.1 there');
  const c = await connectTcp(ep.address, ep.family, ep.port, ctx.ms(TCP_CONNECT_TIMEOUT_MS), ctx.signal);
  if (!c.socket) return null;
  let sock: net.Socket | StarttlsTap = c.socket;
  if (via === 'starttls') {
    const conn = new LineConn(sock, ctx.transcript, ctx.signal, ctx.input);
    try {
      await conn.readLine(ctx.ms(GREETING_TIMEOUT_MS), 'greeting (legacy TLS check)');
      await dialect.beforeStarttls(ctx, conn);
      const r = await dialect.command(ctx, conn, dialect.starttls.command);
      if (!r.ok) {
        conn.destroy();
        return null;
      }
    } catch {
      conn.destroy();
      return null;
    }
    // The same tap as the first connection's: plaintext after this go-ahead is not dropped unseen.
    const { socket, queued } = conn.handOver();
    const tap = new StarttlsTap(socket, queued);
    if (tap.injection) return noteInjection(ctx, tap.injection);
    sock = tap;
  }
  ctx.note('retrying the TLS handshake allowing TLS 1.0/1.1');
  const h = await tlsHandshake(sock, { ...tlsOptions, legacy: true }, ctx.ms(TLS_HANDSHAKE_TIMEOUT_MS), ctx.signal);
  const injected = sock instanceof StarttlsTap ? sock.injection : null;
  if (injected) {
    if (h.ok) h.socket.destroy();
    return noteInjection(ctx, injected);
  }
  if (!h.ok) {
    sock.destroy();
    return null;
  }
  h.socket.destroy();
  return h.info.protocol === 'TLSv1' || h.info.protocol === 'TLSv1.1' ? { ...h.info, verdict: 'protocol-too-old' } : null;
}

/** Plaintext after the go-ahead on the extra connection: evidence in the transcript, and no verdict from it. */
function noteInjection(ctx: ProbeContext, x: Injection): null {
  ctx.note(`legacy TLS check: ${x.bytes} bytes of plaintext after the go-ahead (${x.text.slice(0, 200)}); no TLS verdict from this connection`);
  return null;
}
