/**
 * A pasted text that is a raw server reply or a Node/OpenSSL error string,
 * classified by the very rules the probe engine applies to what it sees
 * (classify.ts). The error-text lookup calls this first, so a text the engine
 * can classify gets the same finding whether it came from a probe or from a
 * customer's screen. Returns null for anything that is not such a text (the
 * lookup's fuzzy matching takes over).
 */
import { certVerdict, classifyAuthReply, classifyConnectError, classifyDnsError, classifyEnvelopeReply, classifyGreeting, classifyTlsError, verdictFinding } from './classify';
import type { FindingCode } from './codes';

export interface TextClassification {
  code: FindingCode;
  /** Which rule recognised it: shown as the "platform" of the lookup match. */
  kind: 'server-reply' | 'node-error';
}

/**
 * Node's messages for OpenSSL verify results (tls.TLSSocket#authorizationError
 * text) → the verify code certVerdict reads. Node prints the message, the
 * engine sees the code; both name the same verdict.
 */
const VERIFY_MESSAGES: ReadonlyArray<[RegExp, string]> = [
  [/certificate has expired|\bCERT_HAS_EXPIRED\b/i, 'CERT_HAS_EXPIRED'],
  [/certificate is not yet valid|\bCERT_NOT_YET_VALID\b/i, 'CERT_NOT_YET_VALID'],
  [/self[- ]signed certificate in certificate chain|\bSELF_SIGNED_CERT_IN_CHAIN\b/i, 'SELF_SIGNED_CERT_IN_CHAIN'],
  [/\bself[- ]signed certificate\b|\bDEPTH_ZERO_SELF_SIGNED_CERT\b/i, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  [/unable to verify the first certificate|\bUNABLE_TO_VERIFY_LEAF_SIGNATURE\b/i, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  [/unable to get (local )?issuer certificate|\bUNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?\b/i, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
  [/certificate (signature failure|not trusted)|\bCERT_UNTRUSTED\b|\bCERT_SIGNATURE_FAILURE\b/i, 'CERT_UNTRUSTED'],
  [/does not match certificate'?s altnames|is not in the cert'?s altnames|\bERR_TLS_CERT_ALTNAME_INVALID\b|\bHOSTNAME_MISMATCH\b/i, 'ERR_TLS_CERT_ALTNAME_INVALID'],
];

/** Node's socket error codes as they appear in its messages ("connect ECONNREFUSED 192.0.2.1:993"). */
const CONNECT_CODE = /\b(?:connect|read|write)\s+(ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EADDRNOTAVAIL|ENETDOWN|EHOSTDOWN|EPIPE|ECONNABORTED)\b|^\s*(?:Error:\s*)?(ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET)\b/;
const DNS_CODE = /\b(?:getaddrinfo|query(?:A|AAAA|Mx|Srv|Txt)?|resolve\w*|lookup)\s+(ENOTFOUND|ENODATA|NXDOMAIN|EAI_AGAIN|ESERVFAIL|ETIMEOUT|EREFUSED|ECONNREFUSED)\b/i;
/** OpenSSL's "wrong version number" & co. (a plain-text answer to a TLS hello) and Node's ERR_SSL_* codes. */
const TLS_CODE = /\b(ERR_SSL_[A-Z0-9_]+)\b/;
const TLS_WORDS = /SSL routines|wrong version number|packet length too long|unknown protocol|alert handshake failure|sslv3 alert|tlsv1 alert|no protocols available|unsupported protocol/i;

/** A server's reply line: IMAP tagged/untagged status, POP3 -ERR, SMTP 4xx/5xx. */
const IMAP_REPLY = /^(?:[A-Za-z0-9.]{1,10} |\* )(NO|BAD|BYE)\b/;
const POP_ERR = /^-ERR\b/;
const SMTP_REPLY = /^([45]\d\d)(?:[ -]|$)/;
/** SMTP replies to AUTH (RFC 4954: 454, 530 with 5.7.0 "Must issue STARTTLS", 534, 535, 538) and 504 for an unknown mechanism. */
const SMTP_AUTH_REPLY = /^(454|504|534|535|538)$/;

export function classifyErrorText(raw: string): TextClassification | null {
  const text = raw.normalize('NFKC').trim();
  if (!text) return null;

  for (const [re, verifyCode] of VERIFY_MESSAGES) {
    if (re.test(text)) {
      const code = verdictFinding(certVerdict(verifyCode, true));
      if (code) return { code, kind: 'node-error' };
    }
  }
  const dns = DNS_CODE.exec(text);
  if (dns) return { code: classifyDnsError(dns[1]!.toUpperCase()), kind: 'node-error' };
  const conn = CONNECT_CODE.exec(text);
  if (conn) return { code: classifyConnectError(conn[1] ?? conn[2]), kind: 'node-error' };
  const tlsCode = TLS_CODE.exec(text)?.[1];
  if (tlsCode || TLS_WORDS.test(text)) {
    const kind = classifyTlsError(tlsCode, text);
    if (kind === 'plain-answer') return { code: 'TLS_ON_PLAIN_PORT', kind: 'node-error' };
    if (kind === 'reset') return { code: 'TCP_RESET', kind: 'node-error' };
    return { code: 'TLS_HANDSHAKE_FAILED', kind: 'node-error' };
  }

  // Only the first line is the reply's status; continuation lines repeat it.
  if (IMAP_REPLY.test(text)) {
    if (/^\* BYE\b/i.test(text)) {
      const code = classifyGreeting('imap', text);
      return code ? { code, kind: 'server-reply' } : null;
    }
    return { code: classifyAuthReply(text), kind: 'server-reply' };
  }
  if (POP_ERR.test(text)) {
    // POP3 says -ERR to a refused greeting and to a refused PASS alike; only the words tell them apart.
    const code = /auth|log ?in|password|credential|user/i.test(text) ? classifyAuthReply(text) : classifyGreeting('pop3', text);
    return code ? { code, kind: 'server-reply' } : null;
  }
  const smtp = SMTP_REPLY.exec(text);
  if (smtp) {
    const status = smtp[1]!;
    if (SMTP_AUTH_REPLY.test(status)) return { code: classifyAuthReply(text), kind: 'server-reply' };
    if (status === '421') {
      const code = classifyGreeting('smtp', text);
      return code ? { code, kind: 'server-reply' } : null;
    }
    // A refusal of MAIL FROM / RCPT TO, else an AUTH refusal worded specifically (550 5.7.30);
    // null = one we have no code for (unknown recipient, a full mailbox).
    const envelope = classifyEnvelopeReply('rcpt', text);
    if (envelope) return { code: envelope, kind: 'server-reply' };
    const auth = classifyAuthReply(text);
    return auth !== 'AUTH_FAILED' ? { code: auth, kind: 'server-reply' } : null;
  }
  return null;
}
