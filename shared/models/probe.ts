import { z } from 'zod';
import { FINDING_CODES } from '../findings/codes';
import { AccountInput, EmailAddress, Protocol, Security, ServerSettings } from './account';
import { LIMITS, TIMEOUT_MS, parseDnsServer } from './inputs';

export const FindingCode = z.enum(FINDING_CODES);
export const Severity = z.enum(['error', 'warning', 'info']);
export const FindingStage = z.enum(['dns', 'tcp', 'tls', 'greeting', 'auth', 'server', 'smtp-policy', 'mailbox', 'config', 'internal']);

/** Plain fields pulled out of Node's (circular) certificate objects. */
export const CertSummary = z.object({
  subject: z.string(),
  subjectAltNames: z.array(z.string()),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  fingerprint256: z.string(),
  selfSigned: z.boolean(),
  /** Leaf first; as much of the chain as the server sent. */
  chain: z.array(z.object({ subject: z.string(), issuer: z.string() })),
});
export type CertSummary = z.infer<typeof CertSummary>;

export const TlsVerdict = z.enum([
  'trusted',
  'hostname-mismatch',
  'expired',
  'not-yet-valid',
  'self-signed',
  'untrusted',
  'protocol-too-old',
  'handshake-failed',
  // Node's bundled roots refuse the chain, the operating system's store accepts it: an
  // inspection product's or a company's own root. Verified for the login, as the OS mail apps do.
  'os-trusted',
]);
export type TlsVerdict = z.infer<typeof TlsVerdict>;

/** Which trust store accepted the chain: Node's bundled roots (with a `--ca` of the user) and the OS store. */
export const TlsTrust = z.object({
  bundled: z.boolean(),
  os: z.enum(['trusted', 'untrusted', 'unavailable']),
  /** Where the OS store was read from: a test's private file, the runtime's API, the Linux bundle. */
  osSource: z.enum(['override', 'system-api', 'linux-bundle', 'unavailable']),
  /** Subject of the root that accepted it (the OS store's when only that one did). */
  anchor: z.string().optional(),
});
export type TlsTrust = z.infer<typeof TlsTrust>;

export const TlsInfo = z.object({
  protocol: z.string().optional(),
  cipher: z.string().optional(),
  cert: CertSummary.optional(),
  verdict: TlsVerdict,
  /** True when the local clock looks wrong (cert validity disagrees with the clock by a suspicious margin). */
  clockSuspect: z.boolean().optional(),
  trust: TlsTrust.optional(),
});
export type TlsInfo = z.infer<typeof TlsInfo>;

export const Evidence = z.object({
  /** What the server said, verbatim (redacted). */
  serverReply: z.string().optional(),
  /** Node / library error code, e.g. ECONNREFUSED, ERR_SSL_WRONG_VERSION_NUMBER. */
  errorCode: z.string().optional(),
  message: z.string().optional(),
  addresses: z.array(z.string()).optional(),
  cert: CertSummary.optional(),
  durationMs: z.number().optional(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Finding = z.object({
  code: FindingCode,
  severity: Severity,
  stage: FindingStage,
  protocol: Protocol.optional(),
  host: z.string().optional(),
  port: z.number().optional(),
  security: Security.optional(),
  /** The probe that produced it; `alternative` probes only suggest and never outrank configured ones. */
  probeId: z.string().optional(),
  role: z.enum(['configured', 'alternative']).optional(),
  evidence: Evidence,
  /** Settings that were seen to work, when the fix is a setting change. */
  fix: ServerSettings.optional(),
});
export type Finding = z.infer<typeof Finding>;

export const StepName = z.enum(['dns', 'tcp', 'tls', 'greeting', 'starttls', 'auth', 'mailbox', 'envelope']);
export type StepName = z.infer<typeof StepName>;
export const StepStatus = z.enum(['pending', 'running', 'ok', 'failed', 'skipped', 'warning']);
export type StepStatus = z.infer<typeof StepStatus>;

/**
 * Why a step ended as it did, as a code the UI words in the reader's language (the English
 * `detail` stays for the CLI and the JSON). Codes are only ever added.
 */
export const STEP_NOTE_CODES = [
  'alternative-no-login', // alternatives never send credentials
  'no-password',
  'password-not-sent-plaintext', // the run did not allow credentials in clear
  'password-not-sent-unverified', // TLS failed verification; the run did not allow it
  'plaintext-login-refused', // the server refuses logins before TLS
  'no-common-login-method',
  'no-auth-offered', // SMTP without AUTH
  'expects-tls', // plaintext greeting never came, a TLS handshake completes
  'not-mail-server',
  'starttls-not-offered',
  'starttls-injection', // plaintext after the STARTTLS go-ahead, before any TLS record
  'tls-verdict', // params.verdict: a TlsVerdict
  'tls-too-old', // params.protocol
  'no-quota-info',
  'no-storage-limit',
  'quota-not-read',
  'envelope-failed',
] as const;
export const StepNote = z.object({
  code: z.enum(STEP_NOTE_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type StepNote = z.infer<typeof StepNote>;

export const ProbeStep = z.object({
  name: StepName,
  status: StepStatus,
  durationMs: z.number().optional(),
  /** Short neutral detail, e.g. "TLSv1.3", "Dovecot ready.", "192.0.2.1". */
  detail: z.string().optional(),
  note: StepNote.optional(),
});
export type ProbeStep = z.infer<typeof ProbeStep>;

export const TranscriptLine = z.object({
  /** Milliseconds since the probe started. */
  t: z.number(),
  /** c = client sent, s = server sent, i = probe's own note. */
  dir: z.enum(['c', 's', 'i']),
  text: z.string(),
});
export type TranscriptLine = z.infer<typeof TranscriptLine>;

export const ProbeTarget = ServerSettings.extend({
  id: z.string(),
  protocol: Protocol,
  role: z.enum(['configured', 'alternative']),
  /**
   * Where a configured server came from when the caller gave none: the engine's discovery
   * (`catalog`, `discovered` = a trusted source) or a `guess` (imap.<domain>, or an untrusted
   * source). Absent for servers the caller gave (typed) and for alternatives.
   */
  serverSource: z.enum(['catalog', 'discovered', 'guess']).optional(),
});
export type ProbeTarget = z.infer<typeof ProbeTarget>;

export const ProbeResult = ProbeTarget.extend({
  /**
   * `not-needed`: an alternative stopped (or never started) because its result could no longer
   * change the answer; `notNeeded` says why. Not a failure and not a user cancel.
   */
  status: z.enum(['ok', 'failed', 'cancelled', 'not-needed']),
  notNeeded: z
    .object({
      /**
       * `configured-works`: the configured probe of this protocol works; `configured-cause-known`: it
       * failed for a reason no other port or mode can fix (e.g. a refused password); `fix-found`: an
       * alternative that would be preferred over this one already works.
       */
      reason: z.enum(['configured-works', 'configured-cause-known', 'fix-found']),
      /** The probe whose result made this one moot. */
      byProbeId: z.string(),
    })
    .optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  steps: z.array(ProbeStep),
  findings: z.array(Finding),
  transcript: z.array(TranscriptLine),
  tls: TlsInfo.optional(),
  greeting: z.string().optional(),
  capabilities: z.array(z.string()).optional(),
  login: z.enum(['ok', 'failed', 'not-tried']),
  /** Round trips the probe waited for: TCP connect, TLS handshake(s), greeting, each command turn (pipelined commands count once). */
  roundTrips: z.number().int().min(0).optional(),
  quota: z.object({ usedKiB: z.number(), limitKiB: z.number() }).optional(),
  /** Addresses tried and what happened on each (IPv4 vs IPv6). */
  addresses: z.array(z.object({ address: z.string(), family: z.union([z.literal(4), z.literal(6)]), outcome: z.string() })).optional(),
});
export type ProbeResult = z.infer<typeof ProbeResult>;

/**
 * `DnsReport.error` of a domain lookup when the system's resolver list is only loopback servers
 * and none answered: a problem of this computer's DNS setup, not of the mail domain.
 */
export const SYSTEM_RESOLVER_UNAVAILABLE = 'SYSTEM_RESOLVER_UNAVAILABLE';

export const DnsReport = z.object({
  host: z.string(),
  a: z.array(z.string()),
  aaaa: z.array(z.string()),
  mx: z.array(z.object({ exchange: z.string(), priority: z.number() })).optional(),
  srv: z.array(z.object({ service: z.string(), name: z.string(), port: z.number(), priority: z.number(), weight: z.number() })).optional(),
  error: z.string().optional(),
  durationMs: z.number(),
  resolver: z.string().optional(),
  /**
   * The mail domain's MX/SRV lookups were not made: `no-domain-lookups` (the user switched them
   * off), `ip-servers` (every server was given as an IP address and no DNS server was named, so
   * these context-only queries would have been the one thing leaving the machine).
   */
  skipped: z.enum(['no-domain-lookups', 'ip-servers']).optional(),
});
export type DnsReport = z.infer<typeof DnsReport>;

export const DiagnoseOptions = z.object({
  /** Each probe's own budget in ms. */
  timeoutMs: z.number().int().min(TIMEOUT_MS.min, 'input.timeout.range').max(TIMEOUT_MS.max, 'input.timeout.range').optional(),
  /** Allow credentials over plaintext or over TLS that failed verification, for this run only. */
  allowInsecureAuth: z.boolean().optional(),
  /** Extra CA certificates (PEM text) to trust for this run, e.g. a corporate CA. */
  caPem: z.string().max(LIMITS.caPemBytes, 'input.caPem.tooLarge').refine((s) => s.includes('-----BEGIN CERTIFICATE-----'), 'input.caPem.invalid').optional(),
  /** Custom resolver: an IP address with an optional port (a name would need DNS to find DNS). */
  dnsServer: z.string().max(LIMITS.dnsServer, 'input.dnsServer.invalid').refine((s) => parseDnsServer(s) !== null, 'input.dnsServer.invalid').optional(),
  /** SMTP envelope check: MAIL FROM (defaults to the account address). */
  from: EmailAddress.optional(),
  /** SMTP envelope check: RCPT TO (defaults to the account address). */
  to: EmailAddress.optional(),
  /** Also try the other standard ports/security modes (default true). */
  tryAlternatives: z.boolean().optional(),
  /** Which protocols to diagnose when none are given explicitly (default all discovered). */
  protocols: z.array(Protocol).optional(),
  /**
   * Look up the address's domain (discovery, MX, SRV; default true). false keeps every query on
   * the servers the user named: only their host names are resolved, and only when they are names.
   */
  domainLookups: z.boolean().optional(),
});
export type DiagnoseOptions = z.infer<typeof DiagnoseOptions>;

/** Domain lookups switched off but no server given: the plan would have to find the servers in the domain, the very lookups switched off. */
export function domainLookupsProblem(r: { account: Pick<AccountInput, 'imap' | 'pop3' | 'smtp'>; options?: { domainLookups?: boolean | undefined } | undefined }): boolean {
  return r.options?.domainLookups === false && !(r.account.imap || r.account.pop3 || r.account.smtp);
}

export const DiagnoseRequest = z.object({
  /** Chosen by the caller so progress events and cancel can refer to the run. */
  runId: z.string().min(1).max(100),
  account: AccountInput,
  options: DiagnoseOptions.default({}),
}).refine((r) => !domainLookupsProblem(r), { message: 'input.domainLookups.needsServer', path: ['options', 'domainLookups'] });
export type DiagnoseRequest = z.infer<typeof DiagnoseRequest>;

export const DiagnoseReport = z.object({
  runId: z.string(),
  email: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  /** True when there is no error-severity finding. */
  ok: z.boolean(),
  cancelled: z.boolean(),
  /** Ranked: most likely root cause first; alternative-port suggestions never outrank configured findings. */
  findings: z.array(Finding),
  probes: z.array(ProbeResult),
  dns: z.array(DnsReport),
});
export type DiagnoseReport = z.infer<typeof DiagnoseReport>;

/** Streamed while a diagnosis runs. */
export const DiagnoseProgress = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('planned'), runId: z.string(), targets: z.array(ProbeTarget) }),
  z.object({ kind: z.literal('step'), runId: z.string(), probeId: z.string(), step: ProbeStep }),
  z.object({ kind: z.literal('dns'), runId: z.string(), dns: DnsReport }),
  z.object({ kind: z.literal('probe-done'), runId: z.string(), probe: ProbeResult }),
]);
export type DiagnoseProgress = z.infer<typeof DiagnoseProgress>;
