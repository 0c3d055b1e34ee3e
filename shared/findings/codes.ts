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
  'TLS_INTERCEPTED',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = 'error' | 'warning' | 'info';
/** `internal`: the probe itself failed (a bug or an unexpected library error), not the server. */
export type FindingStage = 'dns' | 'tcp' | 'tls' | 'greeting' | 'auth' | 'server' | 'smtp-policy' | 'mailbox' | 'config' | 'internal';

/**
 * The groups the knowledge layer reasons with. A code's groups are declared in its FINDING_META
 * entry and nowhere else; `codesIn(group)` is the only way to get a group's members.
 */
export const FINDING_GROUPS = [
  /** Login failures no port or security change can fix: the account or the password is the problem. */
  'account-auth',
  /** Every auth-stage error a customer's "the password is wrong" message can stand for. */
  'auth',
  /** What re-entering or re-issuing the password (or an app password) can fix. */
  'password',
  /** Sending-side refusals and the blocked port 25. */
  'sending',
  /** The TCP connection never came up (refused, silent, reset, no route). */
  'no-connection',
  /** Symptoms of this network's path (DNS resolver, firewall, Wi-Fi, IPv6) rather than the account. */
  'network-path',
  /** What security software or a TLS proxy that inspects mail traffic typically causes. */
  'interception',
  /** Fixed by changing a value on the device (host, port, security, user name form). */
  'device-setting',
] as const;
export type FindingGroup = (typeof FINDING_GROUPS)[number];

export interface FindingMeta {
  stage: FindingStage;
  severity: Severity;
  /** Lower = nearer the root cause; used to rank findings. Gaps leave room for new codes. */
  weight: number;
  groups: readonly FindingGroup[];
}

export const FINDING_META = {
  DNS_NOT_FOUND: { stage: 'dns', severity: 'error', weight: 10, groups: ['device-setting'] },
  DNS_FAILURE: { stage: 'dns', severity: 'error', weight: 11, groups: ['network-path'] },
  IPV6_UNREACHABLE: { stage: 'tcp', severity: 'warning', weight: 25, groups: ['network-path'] },
  TCP_REFUSED: { stage: 'tcp', severity: 'error', weight: 20, groups: ['no-connection', 'device-setting'] },
  TCP_TIMEOUT: { stage: 'tcp', severity: 'error', weight: 21, groups: ['no-connection', 'network-path'] },
  TCP_UNREACHABLE: { stage: 'tcp', severity: 'error', weight: 19, groups: ['no-connection', 'network-path'] },
  TCP_RESET: { stage: 'tcp', severity: 'error', weight: 22, groups: ['no-connection', 'network-path'] },
  PORT25_BLOCKED: { stage: 'tcp', severity: 'error', weight: 18, groups: ['sending'] },
  GREETING_TIMEOUT: { stage: 'greeting', severity: 'error', weight: 30, groups: [] },
  TLS_ON_PLAIN_PORT: { stage: 'config', severity: 'error', weight: 28, groups: ['device-setting'] },
  PLAIN_ON_TLS_PORT: { stage: 'config', severity: 'error', weight: 28, groups: ['device-setting'] },
  STARTTLS_NOT_OFFERED: { stage: 'tls', severity: 'error', weight: 40, groups: ['device-setting'] },
  TLS_CERT_HOSTNAME_MISMATCH: { stage: 'tls', severity: 'error', weight: 41, groups: ['device-setting'] },
  TLS_CERT_EXPIRED: { stage: 'tls', severity: 'error', weight: 41, groups: [] },
  TLS_CERT_NOT_YET_VALID: { stage: 'tls', severity: 'error', weight: 41, groups: [] },
  TLS_CERT_SELF_SIGNED: { stage: 'tls', severity: 'error', weight: 42, groups: ['interception'] },
  TLS_CERT_UNTRUSTED: { stage: 'tls', severity: 'error', weight: 42, groups: ['interception'] },
  TLS_PROTOCOL_TOO_OLD: { stage: 'tls', severity: 'error', weight: 39, groups: [] },
  TLS_HANDSHAKE_FAILED: { stage: 'tls', severity: 'error', weight: 43, groups: ['interception'] },
  SERVER_UNAVAILABLE: { stage: 'server', severity: 'error', weight: 31, groups: [] },
  SERVER_NOT_MAIL: { stage: 'greeting', severity: 'error', weight: 29, groups: ['device-setting'] },
  SERVER_TOO_MANY_CONNECTIONS: { stage: 'server', severity: 'error', weight: 32, groups: [] },
  AUTH_FAILED: { stage: 'auth', severity: 'error', weight: 55, groups: ['account-auth', 'auth', 'password'] },
  AUTH_APP_PASSWORD_REQUIRED: { stage: 'auth', severity: 'error', weight: 50, groups: ['account-auth', 'auth', 'password'] },
  AUTH_BASIC_DISABLED: { stage: 'auth', severity: 'error', weight: 50, groups: ['account-auth', 'auth'] },
  AUTH_PLAINTEXT_DISABLED: { stage: 'auth', severity: 'error', weight: 51, groups: ['auth', 'device-setting'] },
  AUTH_MECHANISM_UNSUPPORTED: { stage: 'auth', severity: 'error', weight: 52, groups: ['auth'] },
  SMTP_AUTH_REQUIRED: { stage: 'smtp-policy', severity: 'error', weight: 60, groups: ['sending'] },
  SMTP_RELAY_DENIED: { stage: 'smtp-policy', severity: 'error', weight: 61, groups: ['sending'] },
  SMTP_SENDER_REJECTED: { stage: 'smtp-policy', severity: 'error', weight: 62, groups: ['sending'] },
  MAILBOX_OVER_QUOTA: { stage: 'mailbox', severity: 'error', weight: 65, groups: [] },
  MAILBOX_NEAR_QUOTA: { stage: 'mailbox', severity: 'warning', weight: 80, groups: [] },
  INSECURE_CONNECTION: { stage: 'config', severity: 'warning', weight: 85, groups: ['device-setting'] },
  LOGIN_NOT_TRIED: { stage: 'auth', severity: 'info', weight: 90, groups: [] },
  ALTERNATIVE_WORKS: { stage: 'config', severity: 'info', weight: 95, groups: ['device-setting'] },
  // Just after AUTH_FAILED: a login left unanswered is most often a wrong password the server is slow to refuse.
  LOGIN_UNANSWERED: { stage: 'auth', severity: 'error', weight: 56, groups: [] },
  // Plaintext after the STARTTLS go-ahead: proof of a tampering middlebox, so nearer the cause than any other TLS finding.
  STARTTLS_INJECTION: { stage: 'tls', severity: 'error', weight: 38, groups: [] },
  SERVER_FLOODING: { stage: 'server', severity: 'error', weight: 33, groups: [] },
  // Says nothing about the server: ranked after every server finding, but an error so the run is never "ok".
  PROBE_INTERNAL_ERROR: { stage: 'internal', severity: 'error', weight: 70, groups: [] },
  // Something on this PC or network re-signs the server's certificate. A warning when the OS store
  // trusts it (the customer's mail app connects as this app did); an error, per finding, when no
  // store we can read does. Before the certificate errors it replaces: the server is not to blame.
  TLS_INTERCEPTED: { stage: 'tls', severity: 'warning', weight: 40, groups: ['interception'] },
} as const satisfies Record<FindingCode, FindingMeta>;

const GROUP_MEMBERS = new Map<FindingGroup, ReadonlySet<FindingCode>>(
  FINDING_GROUPS.map((g) => [
    g,
    new Set(FINDING_CODES.filter((c) => (FINDING_META[c].groups as readonly FindingGroup[]).includes(g))),
  ]),
);

/** The codes of one group, in FINDING_CODES order. */
export function codesIn(group: FindingGroup): ReadonlySet<FindingCode> {
  return GROUP_MEMBERS.get(group) ?? new Set();
}

export function inGroup(code: FindingCode, group: FindingGroup): boolean {
  return (FINDING_META[code].groups as readonly FindingGroup[]).includes(group);
}

export function isFindingCode(x: string): x is FindingCode {
  return (FINDING_CODES as readonly string[]).includes(x);
}
