/**
 * Turns the Account screen's drafts into a DiagnoseRequest, or into per-field
 * messages. Validation IS the zod schemas of shared/models (the contract's own), so a
 * request we send is never refused for something we could have said at the field.
 */
import type { z } from 'zod';
import { EmailAddress, HostName, Password, UserName, type Protocol, type ServerSettings } from '../../shared/models/account';
import { LIMITS, TIMEOUT_MS, normalizeTyped, parseDnsServer, parsePortText } from '../../shared/models/inputs';
import { isMessageKey, type MessageKey } from '../../shared/i18n/messages';
import type { DiagnoseRequest } from '../../shared/models/probe';
import type { CaseState, ServerDraft } from '../store/types';

export type FieldErrors = Partial<Record<string, MessageKey>>;

/** A port as typed (`９９３` from an IME counts as 993). */
export const parsePort = parsePortText;

export function isEmail(text: string): boolean {
  return EmailAddress.safeParse(text).success;
}

/** The schema's message for this value (an `input.*` key), or undefined when it passes. */
function problem(schema: z.ZodType, value: unknown): MessageKey | undefined {
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  const msg = r.error.issues[0]?.message ?? '';
  return isMessageKey(msg) ? msg : undefined;
}

/** A server row counts only when the host is filled in; an empty row means "do not test". */
function serverFrom(d: ServerDraft): ServerSettings | undefined {
  const host = HostName.safeParse(d.host);
  const port = parsePort(d.port);
  if (!host.success || port === undefined) return undefined;
  return { host: host.data, port, security: d.security };
}

/** `1.2.3.4`, `1.2.3.4:53`, `2001:db8::53` or `[::1]:53`: the engine's own rule (a name is refused). */
export function isDnsServer(text: string): boolean {
  return parseDnsServer(text) !== null;
}

export function validateAccount(s: Pick<CaseState, 'email' | 'servers' | 'incoming' | 'options'> & Partial<Pick<CaseState, 'user' | 'password'>>): FieldErrors {
  const errors: FieldErrors = {};
  const emailProblem = problem(EmailAddress, s.email);
  if (emailProblem) errors.email = emailProblem;
  const userProblem = s.user ? problem(UserName, s.user.trim()) : undefined;
  if (userProblem) errors.user = userProblem;
  const passwordProblem = s.password ? problem(Password, s.password) : undefined;
  if (passwordProblem) errors.password = passwordProblem;
  const rows: Protocol[] = [s.incoming, 'smtp'];
  let any = false;
  for (const p of rows) {
    const d = s.servers[p];
    // A row without a server name means "do not test this one" (the port has a default).
    if (!d.host.trim()) continue;
    any = true;
    const hostProblem = problem(HostName, d.host);
    if (hostProblem) errors[`${p}.host`] = hostProblem;
    if (parsePort(d.port) === undefined) errors[`${p}.port`] = 'input.port.invalid';
  }
  if (!any) errors.servers = 'account.needServer';
  const tsec = normalizeTyped(s.options.timeoutSec);
  const tms = Math.round(Number(tsec) * 1000);
  if (tsec && !(tms >= TIMEOUT_MS.min && tms <= TIMEOUT_MS.max)) errors.timeout = 'input.timeout.range';
  const pem = s.options.caPem.trim();
  // Measured before anything else looks at it: the contract caps the same bytes.
  if (pem && new TextEncoder().encode(pem).length > LIMITS.caPemBytes) errors.caPem = 'input.caPem.tooLarge';
  else if (pem && !pem.includes('-----BEGIN CERTIFICATE-----')) errors.caPem = 'input.caPem.invalid';
  if (s.options.dnsServer.trim() && !isDnsServer(s.options.dnsServer)) errors.dnsServer = 'input.dnsServer.invalid';
  if (s.options.from.trim() && !isEmail(s.options.from)) errors.from = 'account.envelope.invalid';
  if (s.options.to.trim() && !isEmail(s.options.to)) errors.to = 'account.envelope.invalid';
  return errors;
}

/**
 * Too long for its field, said while typing (a paste of the wrong thing shows at once, and
 * nothing is cut off silently as a maxlength would). The limits are the contract's own (LIMITS).
 */
export function lengthErrors(s: Pick<CaseState, 'email' | 'servers' | 'incoming' | 'options'> & Partial<Pick<CaseState, 'user' | 'password'>>): FieldErrors {
  const errors: FieldErrors = {};
  if (normalizeTyped(s.email).length > LIMITS.email) errors.email = 'input.email.tooLong';
  if ((s.user ?? '').trim().length > LIMITS.user) errors.user = 'input.user.tooLong';
  if ((s.password ?? '').length > LIMITS.password) errors.password = 'input.password.tooLong';
  for (const p of [s.incoming, 'smtp'] as const) if (normalizeTyped(s.servers[p].host).length > LIMITS.host) errors[`${p}.host`] = 'input.host.tooLong';
  if (normalizeTyped(s.options.dnsServer).length > LIMITS.dnsServer) errors.dnsServer = 'input.dnsServer.tooLong';
  if (normalizeTyped(s.options.from).length > LIMITS.email) errors.from = 'input.envelope.tooLong';
  if (normalizeTyped(s.options.to).length > LIMITS.email) errors.to = 'input.envelope.tooLong';
  return errors;
}

/** The form field a request path names (`account.imap.host` → `imap.host`, `options.dnsServer` → `dnsServer`). */
const PATH_FIELDS: Record<string, string> = {
  'account.email': 'email',
  'account.user': 'user',
  'account.password': 'password',
  'options.timeoutMs': 'timeout',
  'options.caPem': 'caPem',
  'options.dnsServer': 'dnsServer',
  'options.from': 'from',
  'options.to': 'to',
  'options.domainLookups': 'servers',
};

/** What to say at each field when the engine refused it without a message of its own. */
const FIELD_MESSAGES: Record<string, MessageKey> = {
  email: 'input.email.invalid',
  user: 'input.user.lineBreak',
  password: 'input.password.lineBreak',
  timeout: 'input.timeout.range',
  caPem: 'input.caPem.invalid',
  dnsServer: 'input.dnsServer.invalid',
  from: 'account.envelope.invalid',
  to: 'account.envelope.invalid',
  servers: 'input.domainLookups.needsServer',
};

/**
 * The field a refused run names, from the engine's error details: the contract's schema path
 * and message key (`{ path: 'account.email', issue: 'input.email.tooLong' }`) or the engine's own
 * `{ field: 'email' | 'dnsServer' | 'domainLookups' }`. Undefined when it names none.
 */
export function refusalError(details: Record<string, unknown> | undefined): { field: string; key: MessageKey } | undefined {
  if (!details) return undefined;
  const path = typeof details.path === 'string' ? details.path : undefined;
  const named = typeof details.field === 'string' ? details.field : undefined;
  const server = path?.match(/^account\.(imap|pop3|smtp)\.(host|port)/);
  const field = server ? `${server[1]}.${server[2]}` : path !== undefined ? PATH_FIELDS[path.split('.').slice(0, 2).join('.')] : named === 'domainLookups' ? 'servers' : named;
  if (!field) return undefined;
  const issue = typeof details.issue === 'string' && isMessageKey(details.issue) ? details.issue : undefined;
  const fallback = server ? (server[2] === 'port' ? 'input.port.invalid' : 'input.host.typo') : FIELD_MESSAGES[field];
  const key = issue ?? fallback;
  return key ? { field, key } : undefined;
}

export function buildDiagnoseRequest(s: CaseState, runId: string): DiagnoseRequest {
  const incoming = serverFrom(s.servers[s.incoming]);
  const smtp = serverFrom(s.servers.smtp);
  const o = s.options;
  const tsec = Number(normalizeTyped(o.timeoutSec));
  return {
    runId,
    account: {
      email: normalizeTyped(s.email),
      ...(s.user.trim() ? { user: s.user.trim() } : {}),
      ...(s.password ? { password: s.password } : {}),
      ...(incoming ? { [s.incoming]: incoming } : {}),
      ...(smtp ? { smtp } : {}),
    },
    options: {
      ...(o.timeoutSec.trim() && tsec * 1000 >= TIMEOUT_MS.min ? { timeoutMs: Math.round(tsec * 1000) } : {}),
      ...(o.allowInsecureAuth ? { allowInsecureAuth: true } : {}),
      ...(o.noDomainLookups ? { domainLookups: false } : {}),
      ...(o.dnsServer.trim() ? { dnsServer: normalizeTyped(o.dnsServer) } : {}),
      ...(o.caPem.trim() ? { caPem: o.caPem.trim() } : {}),
      ...(o.from.trim() ? { from: normalizeTyped(o.from) } : {}),
      ...(o.to.trim() ? { to: normalizeTyped(o.to) } : {}),
      protocols: [...(incoming ? [s.incoming] : []), ...(smtp ? (['smtp'] as const) : [])],
    },
  };
}
