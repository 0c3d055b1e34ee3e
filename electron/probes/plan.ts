/** From an account to the list of probes: configured settings first, then the other standard modes. */
import { STANDARD_MODES, type AccountInput, type Protocol, type ServerSettings } from '../../shared/models/account';
import type { DiagnoseOptions, ProbeTarget } from '../../shared/models/probe';
import { parseAddress } from './discovery/email-domain';

/** Guessed host names when the account names no server (and discovery found none). */
const GUESS_PREFIX: Record<Protocol, string> = { imap: 'imap', pop3: 'pop', smtp: 'smtp' };

export function probeId(protocol: Protocol, role: ProbeTarget['role'], s: ServerSettings): string {
  return `${protocol}-${role === 'configured' ? 'cfg' : 'alt'}-${s.port}-${s.security}`;
}

/**
 * The address's domain as DNS and TLS need it: an internationalised domain (日本語.jp) in its
 * ASCII form (xn--wgv71a119e.jp), converted by the same code as discovery. An address whose
 * domain is no valid DNS name (a lab's `user@localhost`) is kept as typed, lower-cased.
 */
export function domainOf(email: string): string {
  try {
    return parseAddress(email).asciiDomain;
  } catch {
    return (email.split('@').pop() ?? '').trim().toLowerCase();
  }
}

/**
 * @param discovered servers found by discovery (or undefined); used only when the account names none.
 */
/** A server to probe, with where it came from when the caller did not give it. */
export type PlannedServer = ServerSettings & Pick<ProbeTarget, 'serverSource'>;

export function buildPlan(account: AccountInput, options: DiagnoseOptions, discovered?: Partial<Record<Protocol, PlannedServer>>): ProbeTarget[] {
  const given = (['imap', 'pop3', 'smtp'] as const).filter((p) => account[p]);
  const servers: Partial<Record<Protocol, PlannedServer>> = {};
  if (given.length > 0) {
    for (const p of given) servers[p] = account[p];
  } else {
    const domain = domainOf(account.email);
    for (const p of ['imap', 'pop3', 'smtp'] as const) {
      const first = STANDARD_MODES[p][0];
      servers[p] = discovered?.[p] ?? (first ? { host: `${GUESS_PREFIX[p]}.${domain}`, ...first, serverSource: 'guess' } : undefined);
    }
  }
  const wanted = options.protocols && options.protocols.length ? new Set(options.protocols) : null;
  const targets: ProbeTarget[] = [];
  for (const p of ['imap', 'pop3', 'smtp'] as const) {
    const s = servers[p];
    if (!s || (wanted && !wanted.has(p))) continue;
    targets.push({ id: probeId(p, 'configured', s), protocol: p, role: 'configured', ...s });
  }
  if (options.tryAlternatives !== false) {
    for (const c of [...targets]) {
      for (const m of STANDARD_MODES[c.protocol]) {
        if (m.port === c.port && m.security === c.security) continue;
        const s = { host: c.host, port: m.port, security: m.security };
        targets.push({ id: probeId(c.protocol, 'alternative', s), protocol: c.protocol, role: 'alternative', ...s });
      }
    }
  }
  return targets;
}
