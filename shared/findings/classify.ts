/**
 * Pure classifiers: socket/TLS error codes and server wordings → finding codes.
 * Provider wordings are the servers' own replies as documented or quoted in bug trackers (grades noted where they are not A: vendor documentation).
 * Kept free of I/O so the tables in classify.test.ts pin them down.
 */
import type { FindingCode } from './codes';
import type { Protocol } from '../models/account';
import type { TlsVerdict } from '../models/probe';

/** Our own code for a step that ran out of time (Node has none for "no answer"). */
export const TIMEOUT_CODE = 'ETIMEDOUT';

export function classifyDnsError(code: string | undefined): 'DNS_NOT_FOUND' | 'DNS_FAILURE' {
  // ENOTFOUND = NXDOMAIN, ENODATA = the name exists but has no address of that type.
  return code === 'ENOTFOUND' || code === 'ENODATA' || code === 'NXDOMAIN' ? 'DNS_NOT_FOUND' : 'DNS_FAILURE';
}

/** RFC 1918 / RFC 4193 / link-local addresses: a server on the user's own LAN (an office server, a NAS). */
export function isLocalNetworkAddress(address: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(address.replace(/^::ffff:/i, ''));
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  const v6 = address.toLowerCase();
  return /^f[cd][0-9a-f]{2}:/.test(v6) || /^fe[89ab][0-9a-f]:/.test(v6);
}

/**
 * macOS 15 and later block an app's connections to the local network until the user allows it
 * (System Settings → Privacy & Security → Local Network); the blocked connect fails as
 * EHOSTUNREACH. On a Mac, "host unreachable" to a LAN address is therefore first of all that switch.
 */
export function suspectMacLocalNetworkBlock(code: string | undefined, address: string | undefined, platform: string): boolean {
  return platform === 'darwin' && code === 'EHOSTUNREACH' && address !== undefined && isLocalNetworkAddress(address);
}

export function classifyConnectError(code: string | undefined): 'TCP_REFUSED' | 'TCP_TIMEOUT' | 'TCP_UNREACHABLE' | 'TCP_RESET' {
  switch (code) {
    case 'ECONNREFUSED':
      return 'TCP_REFUSED';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
    case 'ENETDOWN':
    case 'EHOSTDOWN':
      return 'TCP_UNREACHABLE';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return 'TCP_RESET';
    default:
      return 'TCP_TIMEOUT';
  }
}

/** How a TLS hello failed, before we decide what to try next. */
export type TlsFailureKind = 'plain-answer' | 'reset' | 'handshake' | 'timeout';

export function classifyTlsError(code: string | undefined, message = ''): TlsFailureKind {
  if (code === TIMEOUT_CODE) return 'timeout';
  if (
    code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' ||
    code === 'ERR_SSL_UNKNOWN_PROTOCOL' ||
    code === 'ERR_SSL_HTTP_REQUEST' ||
    /wrong version number|packet length too long|unknown protocol/i.test(message)
  )
    return 'plain-answer';
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket disconnected|socket hang up/i.test(message)) return 'reset';
  return 'handshake';
}

/**
 * What the server sent after its STARTTLS/STLS go-ahead, judged on its first bytes. Once it has
 * said "go ahead" a server may send only its TLS handshake: a record of type handshake (0x16) or
 * alert (0x15, a refusal of our hello), whose version starts with 0x03 (SSL 3.0 to TLS 1.3 all write
 * 0x03 0x00–0x04 in the record header). Anything else is plaintext a client would read as if it
 * came over TLS (the STARTTLS command injection class, CVE-2011-0411): a tampering middlebox or
 * server, whether it came in the packet of the go-ahead or in a later one. 'undecided': too few
 * bytes yet. The one rule for this: the queued and the later-packet paths both ask it.
 */
export function afterGoAhead(bytes: Uint8Array): 'tls' | 'plaintext' | 'undecided' {
  const [type, major, minor] = bytes;
  if (type === undefined) return 'undecided';
  if (type !== 0x16 && type !== 0x15) return 'plaintext';
  if (major === undefined) return 'undecided';
  if (major !== 0x03) return 'plaintext';
  if (minor === undefined) return 'undecided';
  return minor <= 0x04 ? 'tls' : 'plaintext';
}

/** Node's `authorizationError` (OpenSSL verify result) plus our hostname check → verdict. */
export function certVerdict(authorizationError: string | undefined, hostnameOk: boolean): TlsVerdict {
  switch (authorizationError) {
    case undefined:
    case null:
    case '':
      return hostnameOk ? 'trusted' : 'hostname-mismatch';
    case 'CERT_HAS_EXPIRED':
      return 'expired';
    case 'CERT_NOT_YET_VALID':
      return 'not-yet-valid';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'self-signed';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'HOSTNAME_MISMATCH':
      return 'hostname-mismatch';
    default:
      // SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE (missing intermediate),
      // UNABLE_TO_GET_ISSUER_CERT(_LOCALLY) (unknown CA), CERT_UNTRUSTED, CERT_SIGNATURE_FAILURE, ...
      return 'untrusted';
  }
}

export function verdictFinding(v: TlsVerdict): FindingCode | null {
  switch (v) {
    case 'trusted':
      return null;
    case 'hostname-mismatch':
      return 'TLS_CERT_HOSTNAME_MISMATCH';
    case 'expired':
      return 'TLS_CERT_EXPIRED';
    case 'not-yet-valid':
      return 'TLS_CERT_NOT_YET_VALID';
    case 'self-signed':
      return 'TLS_CERT_SELF_SIGNED';
    case 'untrusted':
      return 'TLS_CERT_UNTRUSTED';
    case 'protocol-too-old':
      return 'TLS_PROTOCOL_TOO_OLD';
    case 'handshake-failed':
      return 'TLS_HANDSHAKE_FAILED';
    case 'os-trusted':
      return 'TLS_INTERCEPTED';
  }
}

/** A verdict under which credentials may go over the connection: a store this computer trusts accepted the chain. */
export function isVerifiedVerdict(v: TlsVerdict | undefined): boolean {
  return v === 'trusted' || v === 'os-trusted';
}

// Google's documented replies (A); iCloud/Yahoo app-password replies as quoted in bug trackers (B).
const APP_PASSWORD = /application-specific password|InvalidSecondFactor|\b5\.7\.9\b|app(lication)? password required/i;
// Microsoft's documented replies (A): consumer IMAP/POP, SMTP AUTH disabled, 5.7.30; security defaults (C).
const BASIC_DISABLED = /basic auth(entication)? is (disabled|not supported)|SmtpClientAuthentication is disabled|\b5\.7\.30\b|security defaults policy/i;
// RFC 5530 PRIVACYREQUIRED; Dovecot's wording; Postfix/Exchange "Must issue a STARTTLS command first".
const PLAINTEXT_DISABLED = /PRIVACYREQUIRED|plaintext auth(entication)? (is )?(disallowed|not allowed)|must issue a STARTTLS command first|encryption required/i;
// Gmail ALERT, Dovecot mail_max_userip_connections, Gmail 454 4.7.0 (documented replies).
const TOO_MANY = /too many (simultaneous |concurrent )?(connections|login attempts|logins|sessions)|maximum number of connections|mail_max_userip_connections|\[IN-USE\]|\[LIMIT\]/i;
const UNAVAILABLE = /\[UNAVAILABLE\]|service not available|temporarily unavailable|shutting down|try again later|\bmaintenance\b/i;
const OVER_QUOTA = /\[OVERQUOTA\]|over quota|quota exceeded|mailbox (is )?full/i;
// Microsoft 5.7.57 (A); Postfix reject_sender_login_mismatch for an anonymous client says "not logged in".
const AUTH_REQUIRED = /authentication required|\b5\.7\.57\b|not authenticated|not logged in|\b530[ -]5\.7\.0 Authentication/i;
// Postfix "Relay access denied" (reply text graded U: well known, not re-verified).
const RELAY_DENIED = /relay(ing)? (access )?(denied|not permitted|prohibited)|unable to relay|relay not (permitted|allowed)/i;
// (B): Postfix reject_sender_login_mismatch; Exchange SendAsDenied.
const SENDER_REJECTED = /sender address rejected|not owned by user|SendAsDenied|\b5\.7\.60\b|sender (is )?not allowed/i;

/** A greeting line: fine, or what it says about the server. */
export function classifyGreeting(protocol: Protocol, text: string): FindingCode | null {
  const t = text.trim();
  const okRe = protocol === 'imap' ? /^\* (OK|PREAUTH)\b/i : protocol === 'pop3' ? /^\+OK\b/ : /^220([ -]|$)/;
  if (okRe.test(t)) return null;
  const refusal = protocol === 'imap' ? /^\* BYE\b/i : protocol === 'pop3' ? /^-ERR\b/ : /^(421|554|450|451)([ -]|$)/;
  if (refusal.test(t)) return TOO_MANY.test(t) ? 'SERVER_TOO_MANY_CONNECTIONS' : 'SERVER_UNAVAILABLE';
  return 'SERVER_NOT_MAIL';
}

/** How a greeting that is still good starts: a partial line that is a prefix of one is a slow server. */
const GREETING_OPENERS: Record<Protocol, string[]> = {
  imap: ['* OK', '* PREAUTH'],
  pop3: ['+OK'],
  smtp: ['220'],
};

/**
 * A partial first line (no line end yet) that is, or begins, the protocol's OK greeting.
 * A server dripping `* O` is slow, not "not a mail server": only bytes that can no longer
 * become a greeting say that.
 */
export function isPendingGreeting(protocol: Protocol, partial: string): boolean {
  const p = partial.replace(/^\s+/, '');
  if (p === '') return true;
  return GREETING_OPENERS[protocol].some((o) => o.startsWith(p.toUpperCase())) || classifyGreeting(protocol, p) === null;
}

/**
 * A refused CAPABILITY / CAPA / EHLO: the server is refusing service for now, which is not
 * "STARTTLS is not offered" (and no reason to change port). Null: a refusal that an old but
 * working server gives (POP3 without CAPA, SMTP 5xx to EHLO → HELO).
 */
export function classifyCapabilityRefusal(protocol: Protocol, text: string): 'SERVER_UNAVAILABLE' | 'SERVER_TOO_MANY_CONNECTIONS' | null {
  const t = text.trim();
  let refused: boolean;
  if (protocol === 'imap') refused = /^(\S+ )?(NO|BAD)\b/i.test(t) || /^\* BYE\b/i.test(t);
  else if (protocol === 'pop3') refused = /^-ERR\b/.test(t) && (/\[(SYS\/TEMP|IN-USE|LOGIN-DELAY)\]/i.test(t) || UNAVAILABLE.test(t) || TOO_MANY.test(t));
  else refused = /^4\d\d([ -]|$)/.test(t);
  if (!refused) return null;
  return TOO_MANY.test(t) ? 'SERVER_TOO_MANY_CONNECTIONS' : 'SERVER_UNAVAILABLE';
}

/** A refused login (IMAP tagged NO/BAD, SMTP 4xx/5xx after AUTH, POP3 -ERR after PASS). */
export function classifyAuthReply(text: string): FindingCode {
  if (APP_PASSWORD.test(text)) return 'AUTH_APP_PASSWORD_REQUIRED';
  if (BASIC_DISABLED.test(text)) return 'AUTH_BASIC_DISABLED';
  if (PLAINTEXT_DISABLED.test(text)) return 'AUTH_PLAINTEXT_DISABLED';
  if (TOO_MANY.test(text)) return 'SERVER_TOO_MANY_CONNECTIONS';
  if (/^(\S+ )?(NO|BAD) \[UNAVAILABLE\]/i.test(text) || /^421[ -]/.test(text)) return 'SERVER_UNAVAILABLE';
  if (/\b(504|534)[ -]5\.7\.4\b|mechanism (not supported|unsupported)|Unrecognized authentication type/i.test(text)) return 'AUTH_MECHANISM_UNSUPPORTED';
  return 'AUTH_FAILED';
}

/** A refused MAIL FROM / RCPT TO in the envelope check. Null: refused for a reason we have no code for. */
export function classifyEnvelopeReply(stage: 'mail' | 'rcpt', text: string): FindingCode | null {
  if (AUTH_REQUIRED.test(text)) return 'SMTP_AUTH_REQUIRED';
  if (PLAINTEXT_DISABLED.test(text)) return 'AUTH_PLAINTEXT_DISABLED';
  if (RELAY_DENIED.test(text)) return 'SMTP_RELAY_DENIED';
  if (SENDER_REJECTED.test(text)) return 'SMTP_SENDER_REJECTED';
  if (TOO_MANY.test(text)) return 'SERVER_TOO_MANY_CONNECTIONS';
  if (/^421[ -]/.test(text) || UNAVAILABLE.test(text)) return 'SERVER_UNAVAILABLE';
  if (OVER_QUOTA.test(text)) return null; // the recipient's mailbox, not this account's problem
  return stage === 'mail' && /^5\d\d[ -]5\.[17]\./.test(text) ? 'SMTP_SENDER_REJECTED' : null;
}

/** Share of the quota that counts as "nearly full": above this, warn. */
export const NEAR_QUOTA_RATIO = 0.9;

export function classifyQuota(usedKiB: number, limitKiB: number): 'MAILBOX_OVER_QUOTA' | 'MAILBOX_NEAR_QUOTA' | null {
  if (!(limitKiB > 0)) return null;
  if (usedKiB >= limitKiB) return 'MAILBOX_OVER_QUOTA';
  if (usedKiB / limitKiB > NEAR_QUOTA_RATIO) return 'MAILBOX_NEAR_QUOTA';
  return null;
}

export interface MechanismView {
  /** A password login is possible on this connection. */
  password: boolean;
  /** The server offers only token (OAuth) sign-in. */
  oauthOnly: boolean;
  /** The server advertises no AUTH at all (SMTP: maybe it needs none). */
  noAuth: boolean;
  mechanisms: string[];
}

const OAUTH = new Set(['XOAUTH2', 'OAUTHBEARER']);
const PASSWORD_MECHS = new Set(['PLAIN', 'LOGIN', 'CRAM-MD5']);

export function mechanisms(protocol: Protocol, caps: string[]): MechanismView {
  const up = caps.map((c) => c.toUpperCase());
  if (protocol === 'imap') {
    const mechs = up.filter((c) => c.startsWith('AUTH=')).map((c) => c.slice(5));
    const loginCmd = !up.includes('LOGINDISABLED');
    const password = loginCmd || mechs.some((m) => PASSWORD_MECHS.has(m));
    return { password, oauthOnly: !password && mechs.some((m) => OAUTH.has(m)), noAuth: false, mechanisms: mechs };
  }
  if (protocol === 'pop3') {
    const sasl = up.find((c) => c.startsWith('SASL'))?.split(/\s+/).slice(1) ?? [];
    // No CAPA answer at all (old servers): assume USER/PASS, which RFC 1939 makes the default.
    const password = caps.length === 0 || up.includes('USER') || sasl.some((m) => PASSWORD_MECHS.has(m));
    return { password, oauthOnly: !password && sasl.some((m) => OAUTH.has(m)), noAuth: false, mechanisms: sasl };
  }
  const authLine = up.find((c) => /^AUTH[ =]/.test(c));
  const mechs = authLine ? authLine.slice(5).trim().split(/\s+/).filter(Boolean) : [];
  const password = mechs.some((m) => PASSWORD_MECHS.has(m));
  return { password, oauthOnly: !password && mechs.some((m) => OAUTH.has(m)), noAuth: !authLine, mechanisms: mechs };
}
