/**
 * TLS handshake with full evidence: protocol, cipher, certificate summary and a verdict,
 * even when verification fails (the handshake itself never rejects on the certificate;
 * the verdict is computed from Node's verify result and our own hostname check).
 */
import net from 'node:net';
import tls from 'node:tls';
import type { CertSummary, TlsInfo, TlsVerdict } from '../../shared/models/probe';
import { certVerdict } from '../../shared/findings/classify';
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

function verdictOf(socket: tls.TLSSocket, hostname: string): { verdict: TlsVerdict; cert?: CertSummary; clockSuspect: boolean } {
  const peer = socket.getPeerCertificate(true) as PeerCert;
  if (!peer || !peer.fingerprint256) return { verdict: 'handshake-failed', clockSuspect: false };
  const auth = socket.authorizationError as unknown;
  const authCode = auth ? String((auth as { code?: string }).code ?? auth) : undefined;
  const hostErr = tls.checkServerIdentity(hostname, peer);
  const verdict = certVerdict(authCode, hostErr === undefined);
  const clockSuspect = verdict === 'not-yet-valid' || Date.now() < MIN_PLAUSIBLE_CLOCK;
  return { verdict, cert: summarizeCert(peer), clockSuspect };
}

/** Handshake on an already connected socket (implicit TLS after connect, or after STARTTLS). */
export async function tlsHandshake(socket: net.Socket, o: TlsOptions, timeoutMs: number, signal?: AbortSignal): Promise<TlsSuccess | TlsFailure> {
  const servername = net.isIP(o.hostname) ? undefined : o.hostname;
  const t = tls.connect({
    socket,
    ...(servername ? { servername } : {}),
    rejectUnauthorized: false,
    // The verdict comes from verdictOf(); Node must not abort the handshake on the name.
    checkServerIdentity: () => undefined,
    ...(o.caPem ? { ca: [...tls.rootCertificates, o.caPem] } : {}),
    ...(o.legacy ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
  });
  try {
    await within(
      new Promise<void>((resolve, reject) => {
        t.once('secureConnect', () => resolve());
        t.once('error', reject);
        t.once('close', () => reject(Object.assign(new Error('connection closed during the TLS handshake'), { code: 'ECONNRESET' })));
      }),
      timeoutMs,
      signal,
      'TLS handshake',
      () => t.destroy(),
    );
  } catch (e) {
    t.destroy();
    return { ok: false, code: errorCode(e) ?? 'EUNKNOWN', message: errorMessage(e) };
  }
  t.removeAllListeners('error');
  t.removeAllListeners('close');
  t.on('error', () => undefined);
  const v = verdictOf(t, o.hostname);
  const info: TlsInfo = {
    protocol: t.getProtocol() ?? undefined,
    cipher: t.getCipher()?.name,
    verdict: o.legacy && (t.getProtocol() === 'TLSv1' || t.getProtocol() === 'TLSv1.1') ? 'protocol-too-old' : v.verdict,
    ...(v.cert ? { cert: v.cert } : {}),
    ...(v.clockSuspect ? { clockSuspect: true } : {}),
  };
  return { ok: true, socket: t, info };
}

/** TLS options for a library (imapflow, nodemailer) once our own handshake has judged the server. */
export function libraryTlsOptions(o: TlsOptions, verified: boolean): tls.ConnectionOptions {
  const servername = net.isIP(o.hostname) ? undefined : o.hostname;
  return {
    ...(servername ? { servername } : {}),
    rejectUnauthorized: verified,
    ...(o.caPem ? { ca: [...tls.rootCertificates, o.caPem] } : {}),
    ...(o.legacy ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
    ...(!verified ? { checkServerIdentity: () => undefined } : { checkServerIdentity: (_h: string, cert: tls.PeerCertificate) => tls.checkServerIdentity(o.hostname, cert) }),
  };
}
