/**
 * MX and SRV lookups for autodiscovery through node:dns's Resolver, which
 * can be pointed at a given server (`--dns-server`, tests' local DNS).
 * Never throws: failures come back as a short reason.
 */
import { dnsServerText, parseDnsServer as parseSharedDnsServer } from '../../../shared/models/inputs';
import { Resolver } from 'node:dns/promises';
import { AppFailure } from '../../../shared/result';

export type DnsOutcome<T> = { ok: true; records: T[] } | { ok: false; reason: string };

/**
 * Parses `host[:port]` / `[v6]:port` into the form Resolver.setServers takes.
 * Only IP addresses: a name would itself need a resolver.
 */
export function parseDnsServer(spec: string): string {
  // One parser for the UI, the contract and the engine (shared/models/inputs.ts).
  const d = parseSharedDnsServer(spec);
  if (!d) throw new AppFailure('E_BAD_REQUEST', `DNS server must be an IP address (host[:port]), got "${spec}"`, { field: 'dnsServer' });
  return dnsServerText(d);
}

export function makeResolver(timeoutMs: number, dnsServer?: string): Resolver {
  // Two tries so one lost UDP datagram is retried. c-ares doubles the timeout
  // on the retry (t + 2t), so t = deadline / 3 makes both fit in the deadline.
  const r = new Resolver({ timeout: Math.max(50, Math.floor(timeoutMs / 3)), tries: 2 });
  if (dnsServer) r.setServers([parseDnsServer(dnsServer)]);
  return r;
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'ENODATA':
      return 'no records';
    case 'ETIMEOUT':
      return 'DNS timed out';
    case 'ECONNREFUSED':
      return 'DNS server refused';
    case 'ESERVFAIL':
      return 'DNS server failure (SERVFAIL)';
    case 'ECANCELLED':
      return 'cancelled';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

/**
 * Races a query against its deadline. The query itself is left to the
 * resolver's own timeout (same length); discover() cancels leftovers at the end.
 */
async function withDeadline<T>(timeoutMs: number, q: Promise<T[]>): Promise<DnsOutcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DnsOutcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `DNS timed out after ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([q.then((records) => ({ ok: true as const, records })).catch((e: unknown) => ({ ok: false as const, reason: reason(e) })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function resolveMx(r: Resolver, domain: string, timeoutMs: number) {
  return withDeadline(timeoutMs, r.resolveMx(domain));
}

export function resolveSrv(r: Resolver, name: string, timeoutMs: number) {
  return withDeadline(timeoutMs, r.resolveSrv(name));
}
