/**
 * DNS: A and AAAA for each server host (both reported, so "IPv6 broken, IPv4 fine" can be
 * seen), MX and SRV for the mail domain. With `dnsServer` everything goes to that resolver
 * (node:dns Resolver.setServers); without, host names go through the system resolver
 * (getaddrinfo, like a mail client: /etc/hosts counts). Connections are then made to the
 * resolved addresses explicitly, since net.connect would ignore setServers.
 */
import dns from 'node:dns';
import { dnsServerText, parseDnsServer as parseSharedDnsServer } from '../../shared/models/inputs';
import net from 'node:net';
import { SYSTEM_RESOLVER_UNAVAILABLE, type DnsReport } from '../../shared/models/probe';
import { DNS_TIMEOUT_MS } from './deadlines';
import { errorCode, within } from './wait';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface HostResolution {
  report: DnsReport;
  addresses: ResolvedAddress[];
  /** Set when no address was found. */
  errorCode?: string;
}

/** Parses `host[:port]` / `[v6]:port`; null when it is not an IP address with an optional port. */
export function parseDnsServer(s: string): string | null {
  // One parser for the UI, the contract and the engine (shared/models/inputs.ts); the engine's default port is 53.
  const d = parseSharedDnsServer(s);
  return d ? dnsServerText(d.family === 4 ? { ...d, port: d.port ?? 53 } : d) : null;
}

function makeResolver(server: string | undefined, systemServers?: readonly string[]): dns.promises.Resolver {
  // tries: 2 — one retransmission for a lost UDP packet, still inside DNS_TIMEOUT_MS.
  const r = new dns.promises.Resolver({ timeout: Math.floor(DNS_TIMEOUT_MS / 2), tries: 2 });
  if (server) r.setServers([server]);
  else if (systemServers) r.setServers([...systemServers]);
  return r;
}

/*
 * SYSTEM_RESOLVER_UNAVAILABLE: the *system* resolver list holds only loopback servers and
 * none of them answered. MX/SRV go through c-ares (not getaddrinfo); when c-ares cannot read the
 * OS's resolver list it falls back to 127.0.0.1 (seen with c-ares 1.34.6 on some Windows 11
 * machines, the version some Electron builds carry), so "no answer" then says nothing about the
 * mail domain: it is this machine's resolver setup, and is reported as such.
 *
 * Codes meaning "no server answered" (c-ares' refused/timeout, and our own deadline):
 */
const NO_ANSWER_CODES = new Set(['ECONNREFUSED', 'ETIMEOUT', 'ETIMEDOUT']);

/** Is every server in c-ares' list (`Resolver.getServers()` form: `1.2.3.4`, `[::1]:53`) on this machine? */
export function onlyLoopbackServers(servers: readonly string[]): boolean {
  if (servers.length === 0) return true;
  return servers.every((s) => {
    const host = s.startsWith('[') ? s.slice(1, s.indexOf(']')) : /^[0-9.]+(:\d+)?$/.test(s) ? s.split(':')[0]! : s;
    return host === '::1' || (net.isIPv4(host) && host.startsWith('127.'));
  });
}

const settle = <T>(p: Promise<T>): Promise<{ ok: true; v: T } | { ok: false; code: string }> =>
  p.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => ({ ok: false as const, code: errorCode(e) ?? 'EUNKNOWN' }),
  );

export async function resolveHost(host: string, dnsServer: string | undefined, signal?: AbortSignal): Promise<HostResolution> {
  const started = Date.now();
  const resolverName = dnsServer ?? 'system';
  if (net.isIP(host)) {
    const family = net.isIP(host) as 4 | 6;
    return {
      report: { host, a: family === 4 ? [host] : [], aaaa: family === 6 ? [host] : [], durationMs: 0, resolver: 'ip-literal' },
      addresses: [{ address: host, family }],
    };
  }
  if (!dnsServer) {
    const r = await settle(within(dns.promises.lookup(host, { all: true, verbatim: true }), DNS_TIMEOUT_MS, signal, `lookup ${host}`));
    const durationMs = Date.now() - started;
    if (!r.ok) return { report: { host, a: [], aaaa: [], error: r.code, durationMs, resolver: resolverName }, addresses: [], errorCode: r.code };
    const addresses = r.v.map((a) => ({ address: a.address, family: (a.family === 6 ? 6 : 4) as 4 | 6 }));
    return {
      report: { host, a: addresses.filter((a) => a.family === 4).map((a) => a.address), aaaa: addresses.filter((a) => a.family === 6).map((a) => a.address), durationMs, resolver: resolverName },
      addresses,
    };
  }
  const resolver = makeResolver(dnsServer);
  const [a, aaaa] = await Promise.all([
    settle(within(resolver.resolve4(host), DNS_TIMEOUT_MS, signal, `A ${host}`, () => resolver.cancel())),
    settle(within(resolver.resolve6(host), DNS_TIMEOUT_MS, signal, `AAAA ${host}`, () => resolver.cancel())),
  ]);
  const durationMs = Date.now() - started;
  const v4 = a.ok ? a.v : [];
  const v6 = aaaa.ok ? aaaa.v : [];
  const addresses: ResolvedAddress[] = [...v6.map((x) => ({ address: x, family: 6 as const })), ...v4.map((x) => ({ address: x, family: 4 as const }))];
  let code: string | undefined;
  if (addresses.length === 0) {
    const codes = [a, aaaa].map((x) => (x.ok ? 'ENODATA' : x.code));
    code = codes.includes('ENOTFOUND') ? 'ENOTFOUND' : codes.every((c) => c === 'ENODATA') ? 'ENODATA' : codes.find((c) => c !== 'ENODATA');
  }
  return {
    report: { host, a: v4, aaaa: v6, durationMs, resolver: resolverName, ...(code ? { error: code } : {}) },
    addresses,
    ...(code ? { errorCode: code } : {}),
  };
}

const SRV_NAMES = ['_imaps._tcp', '_imap._tcp', '_pop3s._tcp', '_pop3._tcp', '_submissions._tcp', '_submission._tcp'];

/**
 * MX and SRV records of the mail domain (RFC 6186), for the report; never fatal.
 * `systemServers` replaces c-ares' own idea of the system's resolvers (tests).
 */
export async function resolveDomain(domain: string, dnsServer: string | undefined, signal?: AbortSignal, systemServers?: readonly string[]): Promise<DnsReport> {
  const started = Date.now();
  const resolver = makeResolver(dnsServer, systemServers);
  const mx = await settle(within(resolver.resolveMx(domain), DNS_TIMEOUT_MS, signal, `MX ${domain}`, () => resolver.cancel()));
  const srv = await Promise.all(
    SRV_NAMES.map(async (name) => {
      const r = await settle(within(resolver.resolveSrv(`${name}.${domain}`), DNS_TIMEOUT_MS, signal, `SRV ${name}`, () => resolver.cancel()));
      return r.ok ? r.v.map((s) => ({ service: name, name: s.name, port: s.port, priority: s.priority, weight: s.weight })) : [];
    }),
  );
  const systemDown = !dnsServer && !mx.ok && NO_ANSWER_CODES.has(mx.code) && onlyLoopbackServers(resolver.getServers());
  return {
    host: domain,
    a: [],
    aaaa: [],
    mx: mx.ok ? mx.v.map((m) => ({ exchange: m.exchange, priority: m.priority })).sort((x, y) => x.priority - y.priority) : [],
    srv: srv.flat(),
    ...(mx.ok ? {} : { error: systemDown ? SYSTEM_RESOLVER_UNAVAILABLE : mx.code }),
    durationMs: Date.now() - started,
    resolver: dnsServer ?? 'system',
  };
}
