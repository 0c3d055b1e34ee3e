/**
 * TLS handshake with full evidence: protocol, cipher, certificate summary and a verdict,
 * even when verification fails (the handshake itself never rejects on the certificate;
 * the verdict is computed from Node's verify result and our own hostname check).
 */
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { CertSummary, TlsInfo, TlsVerdict } from '../../shared/models/probe';
import { certVerdict } from '../../shared/findings/classify';
import { chainTrust } from './trust-store';
import { errorCode, errorMessage, within } from './wait';

/** Before this date the local clock is certainly wrong (the app did not exist yet). */
const MIN_PLAUSIBLE_CLOCK = Date.parse('2026-01-01T00:00:00Z');

export interface TlsOptions {
  /** Host name for SNI and the certificate check; the IP when the user gave an IP. */
  hostname: string;
  caPem?: string;
  /** Allow TLS 1.0/1.1 and weak ciphers: only to tell "server too old" from other failures. */
  legacy?: boolean;
}

export interface TlsSuccess {
  ok: true;
  socket: tls.TLSSocket;
  info: TlsInfo;
  /** The certificate names the host (the interception rule needs it apart from the verdict). */
  hostnameOk: boolean;
}
export interface TlsFailure {
  ok: false;
  code: string;
  message: string;
}

type PeerCert = tls.DetailedPeerCertificate;

function dn(x: Record<string, string | string[] | undefined> | undefined): string {
  if (!x) return '';
  return Object.entries(x)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v ?? ''}`)
    .join(', ');
}

/** Plain fields out of Node's circular certificate object: safe to JSON and to send over IPC. */
export function summarizeCert(cert: PeerCert): CertSummary {
  const chain: CertSummary['chain'] = [];
  const seen = new Set<string>();
  let c: PeerCert | undefined = cert;
  while (c && c.fingerprint256 && !seen.has(c.fingerprint256) && chain.length < 10) {
    seen.add(c.fingerprint256);
    chain.push({ subject: dn(c.subject as never), issuer: dn(c.issuer as never) });
    c = c.issuerCertificate;
  }
  const sans = (cert.subjectaltname ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const selfSigned = dn(cert.subject as never) === dn(cert.issuer as never) && (cert.issuerCertificate === undefined || cert.issuerCertificate === cert || cert.issuerCertificate.fingerprint256 === cert.fingerprint256);
  return {
    subject: dn(cert.subject as never),
    subjectAltNames: sans,
    issuer: dn(cert.issuer as never),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    fingerprint256: cert.fingerprint256,
    selfSigned,
    chain,
  };
}

interface Verdict {
  verdict: TlsVerdict;
  cert?: CertSummary;
  clockSuspect: boolean;
  hostnameOk: boolean;
  peer?: PeerCert;
  /** Node verified the chain against its bundled roots (plus the user's CA). */
  bundledOk: boolean;
}

function verdictOf(socket: tls.TLSSocket, hostname: string): Verdict {
  const peer = socket.getPeerCertificate(true) as PeerCert;
  if (!peer || !peer.fingerprint256) return { verdict: 'handshake-failed', clockSuspect: false, hostnameOk: false, bundledOk: false };
  const auth = socket.authorizationError as unknown;
  const authCode = auth ? String((auth as { code?: string }).code ?? auth) : undefined;
  const hostnameOk = tls.checkServerIdentity(hostname, peer) === undefined;
  const verdict = certVerdict(authCode, hostnameOk);
  const clockSuspect = verdict === 'not-yet-valid' || Date.now() < MIN_PLAUSIBLE_CLOCK;
  return { verdict, cert: summarizeCert(peer), clockSuspect, hostnameOk, peer, bundledOk: !authCode };
}

/**
 * OpenSSL 3 refuses TLS 1.0/1.1 at its default security level (SHA-1 signatures), so the
 * legacy retry lowers it with `@SECLEVEL=0`. BoringSSL (Electron's Node) has no security
 * levels and refuses the whole cipher string, but allows TLS 1.0 with its default list. The
 * string is chosen by trying it, not by guessing the runtime from version strings.
 */
export const OPENSSL_LEGACY_CIPHERS = 'DEFAULT@SECLEVEL=0';

/** TLS options that let a handshake fall back to TLS 1.0/1.1: `ciphers` only where the library understands it. */
export function legacyTlsOptions(): { minVersion: 'TLSv1'; ciphers?: string } {
  try {
    tls.createSecureContext({ minVersion: 'TLSv1', ciphers: OPENSSL_LEGACY_CIPHERS });
    return { minVersion: 'TLSv1', ciphers: OPENSSL_LEGACY_CIPHERS };
  } catch {
    return { minVersion: 'TLSv1' };
  }
}

/**
 * Secure contexts that trust an extra CA (the user's corporate or self-signed CA), kept per CA
 * and legacy mode. Building one parses Node's ~140 root certificates: 20-30 ms of CPU on an
 * idle machine and 200 ms on a loaded 2-core one, paid on every TLS handshake of every probe
 * when a CA is given. A run has one CA; 8 covers a few runs with different CAs in one process.
 */
const CA_CONTEXTS = new Map<string, tls.SecureContext>();
const MAX_CA_CONTEXTS = 8;

function contextWithCa(caPem: string, legacy: boolean): tls.SecureContext {
  // The legacy options come from a feature test of the TLS library; they are part of the key.
  const extra = legacy ? legacyTlsOptions() : {};
  const key = `${JSON.stringify(extra)}\n${caPem}`;
  let c = CA_CONTEXTS.get(key);
  if (!c) {
    c = tls.createSecureContext({ ca: [...tls.rootCertificates, caPem], ...extra });
    const oldest = CA_CONTEXTS.keys().next();
    if (CA_CONTEXTS.size >= MAX_CA_CONTEXTS && !oldest.done) CA_CONTEXTS.delete(oldest.value);
    CA_CONTEXTS.set(key, c);
  }
  return c;
}

function failure(e: unknown): TlsFailure {
  return { ok: false, code: errorCode(e) ?? 'EUNKNOWN', message: errorMessage(e) };
}

/**
 * Handshake on an already connected socket (implicit TLS after connect), or on the stream that
 * taps one after STARTTLS (starttls-tap.ts).
 * Never throws for what the network or the TLS library does: every socket call sits inside the
 * error handling, and on failure both the TLS socket and the raw socket are destroyed.
 */
export async function tlsHandshake(socket: net.Socket | Duplex, o: TlsOptions, timeoutMs: number, signal?: AbortSignal): Promise<TlsSuccess | TlsFailure> {
  const servername = net.isIP(o.hostname) ? undefined : o.hostname;
  let t: tls.TLSSocket | undefined;
  const destroyAll = (): void => {
    t?.destroy();
    socket.destroy();
  };
  try {
    const tlsSocket = tls.connect({
      socket,
      ...(servername ? { servername } : {}),
      rejectUnauthorized: false,
      // The verdict comes from verdictOf(); Node must not abort the handshake on the name.
      checkServerIdentity: () => undefined,
      // A given secureContext replaces the context options (ca, minVersion, ciphers): it carries them.
      ...(o.caPem ? { secureContext: contextWithCa(o.caPem, !!o.legacy) } : o.legacy ? legacyTlsOptions() : {}),
    });
    t = tlsSocket;
    await within(
      new Promise<void>((resolve, reject) => {
        tlsSocket.once('secureConnect', () => resolve());
        tlsSocket.once('error', reject);
        tlsSocket.once('close', () => reject(Object.assign(new Error('connection closed during the TLS handshake'), { code: 'ECONNRESET' })));
      }),
      timeoutMs,
      signal,
      'TLS handshake',
      () => tlsSocket.destroy(),
    );
  } catch (e) {
    destroyAll();
    return failure(e);
  }
  const done = t;
  done.removeAllListeners('error');
  done.removeAllListeners('close');
  done.on('error', () => undefined);
  try {
    const v = verdictOf(done, o.hostname);
    // Which store accepts the chain: the bundled roots (Node's verdict) and the OS store.
    const trust = v.peer ? await chainTrust(v.peer, v.bundledOk) : undefined;
    const protocol = done.getProtocol() ?? undefined;
    const info: TlsInfo = {
      protocol,
      cipher: done.getCipher()?.name,
      verdict: o.legacy && (protocol === 'TLSv1' || protocol === 'TLSv1.1') ? 'protocol-too-old' : v.verdict,
      ...(v.cert ? { cert: v.cert } : {}),
      ...(v.clockSuspect ? { clockSuspect: true } : {}),
      ...(trust ? { trust } : {}),
    };
    return { ok: true, socket: done, info, hostnameOk: v.hostnameOk };
  } catch (e) {
    // Reading the certificate failed: not a network outcome. The caller's probe fails as internal.
    destroyAll();
    throw e;
  }
}
