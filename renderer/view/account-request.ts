/**
 * Turns the Account screen's drafts into a DiagnoseRequest, or into per-field
 * messages. Validation mirrors the zod schemas in shared/models so a request we
 * send is never refused with E_BAD_REQUEST for something we could have said first.
 */
import { EmailAddress, HostName, type Protocol, type ServerSettings } from '../../shared/models/account';
import type { DiagnoseRequest } from '../../shared/models/probe';
import type { MessageKey } from '../../shared/i18n/messages';
import type { CaseState, ServerDraft } from '../store/types';

export type FieldErrors = Partial<Record<string, MessageKey>>;

export function parsePort(text: string): number | undefined {
  if (!/^\s*\d{1,5}\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= 65535 ? n : undefined;
}

export function isEmail(text: string): boolean {
  return EmailAddress.safeParse(text).success;
}

/** A server row counts only when the host is filled in; an empty row means "do not test". */
function serverFrom(d: ServerDraft): ServerSettings | undefined {
  const host = HostName.safeParse(d.host);
  const port = parsePort(d.port);
  if (!host.success || port === undefined) return undefined;
  return { host: host.data, port, security: d.security };
}

/** `host`, `host:port`, `1.2.3.4:53` or `[::1]:53`, as the engine's resolver option takes it. */
export function isDnsServer(text: string): boolean {
  const v = text.trim();
  const m = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(v) ?? /^([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(v) ?? /^([0-9A-Fa-f:]+:[0-9A-Fa-f:]*)$/.exec(v);
  if (!m) return false;
  return m[2] === undefined || parsePort(m[2]) !== undefined;
}

export function validateAccount(s: Pick<CaseState, 'email' | 'servers' | 'incoming' | 'options'>): FieldErrors {
  const errors: FieldErrors = {};
  if (!isEmail(s.email)) errors.email = 'account.email.invalid';
  const rows: Protocol[] = [s.incoming, 'smtp'];
  let any = false;
  for (const p of rows) {
    const d = s.servers[p];
    // A row without a server name means "do not test this one" (the port has a default).
    if (!d.host.trim()) continue;
    any = true;
    if (!HostName.safeParse(d.host).success) errors[`${p}.host`] = 'account.host.invalid';
    if (parsePort(d.port) === undefined) errors[`${p}.port`] = 'account.port.invalid';
  }
  if (!any) errors.servers = 'account.needServer';
  const tsec = s.options.timeoutSec.trim();
  if (tsec && !(Number(tsec) >= 1 && Number(tsec) <= 120)) errors.timeout = 'account.timeout.invalid';
  if (s.options.caPem.trim() && !s.options.caPem.includes('-----BEGIN CERTIFICATE-----')) errors.caPem = 'account.caPem.invalid';
  if (s.options.dnsServer.trim() && !isDnsServer(s.options.dnsServer)) errors.dnsServer = 'account.dnsServer.invalid';
  if (s.options.from.trim() && !isEmail(s.options.from)) errors.from = 'account.envelope.invalid';
  if (s.options.to.trim() && !isEmail(s.options.to)) errors.to = 'account.envelope.invalid';
  return errors;
}

export function buildDiagnoseRequest(s: CaseState, runId: string): DiagnoseRequest {
  const incoming = serverFrom(s.servers[s.incoming]);
  const smtp = serverFrom(s.servers.smtp);
  const o = s.options;
  const tsec = Number(o.timeoutSec.trim());
  return {
    runId,
    account: {
      email: s.email.trim(),
      ...(s.user.trim() ? { user: s.user.trim() } : {}),
      ...(s.password ? { password: s.password } : {}),
      ...(incoming ? { [s.incoming]: incoming } : {}),
      ...(smtp ? { smtp } : {}),
    },
    options: {
      ...(o.timeoutSec.trim() && tsec >= 1 ? { timeoutMs: Math.round(tsec * 1000) } : {}),
      ...(o.allowInsecureAuth ? { allowInsecureAuth: true } : {}),
      ...(o.dnsServer.trim() ? { dnsServer: o.dnsServer.trim() } : {}),
      ...(o.caPem.trim() ? { caPem: o.caPem.trim() } : {}),
      ...(o.from.trim() ? { from: o.from.trim() } : {}),
      ...(o.to.trim() ? { to: o.to.trim() } : {}),
      protocols: [...(incoming ? [s.incoming] : []), ...(smtp ? (['smtp'] as const) : [])],
    },
  };
}
