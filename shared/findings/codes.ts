/**
 * The closed list of finding codes: a public contract.
 *
 * Helpdesk scripts read these from `mail-doctor diagnose --json`, so a code is
 * never renamed or dropped; new codes are appended (docs/findings.md lists them).
 * Each entry says the stage it belongs to, its default severity and its rank
 * weight: a lower weight is closer to the root cause (a DNS failure outranks
 * the TLS failures it causes).
 */
export const FINDING_CODES = [
  'DNS_NOT_FOUND',
  'DNS_FAILURE',
  'IPV6_UNREACHABLE',
  'TCP_REFUSED',
  'TCP_TIMEOUT',
  'TCP_UNREACHABLE',
  'TCP_RESET',
  'PORT25_BLOCKED',
  'GREETING_TIMEOUT',
  'TLS_ON_PLAIN_PORT',
  'PLAIN_ON_TLS_PORT',
  'STARTTLS_NOT_OFFERED',
  'TLS_CERT_HOSTNAME_MISMATCH',
  'TLS_CERT_EXPIRED',
  'TLS_CERT_NOT_YET_VALID',
  'TLS_CERT_SELF_SIGNED',
  'TLS_CERT_UNTRUSTED',
  'TLS_PROTOCOL_TOO_OLD',
  'TLS_HANDSHAKE_FAILED',
  'SERVER_UNAVAILABLE',
  'SERVER_NOT_MAIL',
  'SERVER_TOO_MANY_CONNECTIONS',
  'AUTH_FAILED',
  'AUTH_APP_PASSWORD_REQUIRED',
  'AUTH_BASIC_DISABLED',
  'AUTH_PLAINTEXT_DISABLED',
  'AUTH_MECHANISM_UNSUPPORTED',
  'SMTP_AUTH_REQUIRED',
  'SMTP_RELAY_DENIED',
  'SMTP_SENDER_REJECTED',
  'MAILBOX_OVER_QUOTA',
  'MAILBOX_NEAR_QUOTA',
  'INSECURE_CONNECTION',
  'LOGIN_NOT_TRIED',
  'ALTERNATIVE_WORKS',
  'LOGIN_UNANSWERED',
  'STARTTLS_INJECTION',
  'SERVER_FLOODING',
  'PROBE_INTERNAL_ERROR',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = 'error' | 'warning' | 'info';
/** `internal`: the probe itself failed (a bug or an unexpected library error), not the server. */
export type FindingStage = 'dns' | 'tcp' | 'tls' | 'greeting' | 'auth' | 'server' | 'smtp-policy' | 'mailbox' | 'config' | 'internal';

export interface FindingMeta {
  stage: FindingStage;
  severity: Severity;
  /** Lower = nearer the root cause; used to rank findings. Gaps leave room for new codes. */
  weight: number;
}

export const FINDING_META = {
  DNS_NOT_FOUND: { stage: 'dns', severity: 'error', weight: 10 },
  DNS_FAILURE: { stage: 'dns', severity: 'error', weight: 11 },
  IPV6_UNREACHABLE: { stage: 'tcp', severity: 'warning', weight: 25 },
  TCP_REFUSED: { stage: 'tcp', severity: 'error', weight: 20 },
  TCP_TIMEOUT: { stage: 'tcp', severity: 'error', weight: 21 },
  TCP_UNREACHABLE: { stage: 'tcp', severity: 'error', weight: 19 },
  TCP_RESET: { stage: 'tcp', severity: 'error', weight: 22 },
  PORT25_BLOCKED: { stage: 'tcp', severity: 'error', weight: 18 },
  GREETING_TIMEOUT: { stage: 'greeting', severity: 'error', weight: 30 },
  TLS_ON_PLAIN_PORT: { stage: 'config', severity: 'error', weight: 28 },
  PLAIN_ON_TLS_PORT: { stage: 'config', severity: 'error', weight: 28 },
  STARTTLS_NOT_OFFERED: { stage: 'tls', severity: 'error', weight: 40 },
  TLS_CERT_HOSTNAME_MISMATCH: { stage: 'tls', severity: 'error', weight: 41 },
  TLS_CERT_EXPIRED: { stage: 'tls', severity: 'error', weight: 41 },
  TLS_CERT_NOT_YET_VALID: { stage: 'tls', severity: 'error', weight: 41 },
  TLS_CERT_SELF_SIGNED: { stage: 'tls', severity: 'error', weight: 42 },
  TLS_CERT_UNTRUSTED: { stage: 'tls', severity: 'error', weight: 42 },
  TLS_PROTOCOL_TOO_OLD: { stage: 'tls', severity: 'error', weight: 39 },
  TLS_HANDSHAKE_FAILED: { stage: 'tls', severity: 'error', weight: 43 },
  SERVER_UNAVAILABLE: { stage: 'server', severity: 'error', weight: 31 },
  SERVER_NOT_MAIL: { stage: 'greeting', severity: 'error', weight: 29 },
  SERVER_TOO_MANY_CONNECTIONS: { stage: 'server', severity: 'error', weight: 32 },
  AUTH_FAILED: { stage: 'auth', severity: 'error', weight: 55 },
  AUTH_APP_PASSWORD_REQUIRED: { stage: 'auth', severity: 'error', weight: 50 },
  AUTH_BASIC_DISABLED: { stage: 'auth', severity: 'error', weight: 50 },
  AUTH_PLAINTEXT_DISABLED: { stage: 'auth', severity: 'error', weight: 51 },
  AUTH_MECHANISM_UNSUPPORTED: { stage: 'auth', severity: 'error', weight: 52 },
  SMTP_AUTH_REQUIRED: { stage: 'smtp-policy', severity: 'error', weight: 60 },
  SMTP_RELAY_DENIED: { stage: 'smtp-policy', severity: 'error', weight: 61 },
  SMTP_SENDER_REJECTED: { stage: 'smtp-policy', severity: 'error', weight: 62 },
  MAILBOX_OVER_QUOTA: { stage: 'mailbox', severity: 'error', weight: 65 },
  MAILBOX_NEAR_QUOTA: { stage: 'mailbox', severity: 'warning', weight: 80 },
  INSECURE_CONNECTION: { stage: 'config', severity: 'warning', weight: 85 },
  LOGIN_NOT_TRIED: { stage: 'auth', severity: 'info', weight: 90 },
  ALTERNATIVE_WORKS: { stage: 'config', severity: 'info', weight: 95 },
  // Just after AUTH_FAILED: a login left unanswered is most often a wrong password the server is slow to refuse.
  LOGIN_UNANSWERED: { stage: 'auth', severity: 'error', weight: 56 },
  // Plaintext after the STARTTLS go-ahead: proof of a tampering middlebox, so nearer the cause than any other TLS finding.
  STARTTLS_INJECTION: { stage: 'tls', severity: 'error', weight: 38 },
  SERVER_FLOODING: { stage: 'server', severity: 'error', weight: 33 },
  // Says nothing about the server: ranked after every server finding, but an error so the run is never "ok".
  PROBE_INTERNAL_ERROR: { stage: 'internal', severity: 'error', weight: 70 },
} as const satisfies Record<FindingCode, FindingMeta>;

export function isFindingCode(x: string): x is FindingCode {
  return (FINDING_CODES as readonly string[]).includes(x);
}
