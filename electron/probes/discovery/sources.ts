/**
 * The individual autodiscovery sources. Each returns a
 * SourceResult and never throws, so one failing source cannot hide the
 * others; discover.ts runs them in parallel and ranks what comes back.
 */
import type { Resolver } from 'node:dns/promises';
import { expandServerHost, isNotAppMailbox, providerForDomain, providerForMx, usernameFormFor } from '../../../shared/knowledge/providers/catalog';
import { checkAsciiDomain } from '../../../shared/knowledge/providers/idn';
import type { ProviderEntry } from '../../../shared/knowledge/providers/catalog-types';
import type { Protocol, Security } from '../../../shared/models/account';
import type { DiscoveryCandidate, DiscoverySource, Trust } from '../../../shared/models/discovery';
import { AutoconfigParseError, parseAutoconfig } from './autoconfig-xml';
import type { ParsedAddress } from './email-domain';
import { resolveMx, resolveSrv } from './dns-records';
import { fetchText, type FetchOptions } from './http-fetch';

export interface SourceResult {
  source: DiscoverySource;
  candidates: DiscoveryCandidate[];
  outcome: string;
  providerId?: string;
}

/** Where each autoconfig document is fetched from; tests point these at 127.0.0.1. */
export interface DiscoveryUrls {
  autoconfig(asciiDomain: string, email: string): string;
  autoconfigHttp(asciiDomain: string, email: string): string;
  wellKnown(asciiDomain: string, email: string): string;
  wellKnownHttp(asciiDomain: string, email: string): string;
  ispdb(asciiDomain: string): string;
}

export const DEFAULT_URLS: DiscoveryUrls = {
  autoconfig: (d, e) => `https://autoconfig.${d}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(e)}`,
  autoconfigHttp: (d, e) => `http://autoconfig.${d}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(e)}`,
  wellKnown: (d, e) => `https://${d}/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(e)}`,
  wellKnownHttp: (d, e) => `http://${d}/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(e)}`,
  ispdb: (d) => `https://autoconfig.thunderbird.net/v1.1/${d}`,
};

function usernameValue(form: ProviderEntry['username'] | undefined, addr: ParsedAddress): string | undefined {
  if (form === 'email') return addr.email;
  if (form === 'localpart') return addr.localPart;
  return undefined;
}

/**
 * The catalog's servers for this address. A rental server's "{server}" is the
 * MX host that identified it (or the initial domain itself for さくら); when
 * it is unknown the server is left out, never replaced by a guess.
 */
export function catalogCandidates(p: ProviderEntry, addr: ParsedAddress, source: DiscoverySource, trust: Trust, mxHost?: string): DiscoveryCandidate[] {
  return p.servers.flatMap((s) => {
    const host = expandServerHost(p, s, addr.asciiDomain, mxHost);
    if (!host) return [];
    const form = s.username ?? usernameFormFor(p, addr.asciiDomain);
    const user = usernameValue(form, addr);
    return {
      source,
      trust,
      protocol: s.protocol,
      host,
      port: s.port,
      security: s.security,
      username: form,
      ...(user ? { usernameValue: user } : {}),
      providerId: p.id,
      grade: s.grade,
      detail: `catalog: ${p.name.en}`,
    };
  });
}

export function fromCatalog(addr: ParsedAddress): SourceResult {
  const p = providerForDomain(addr.asciiDomain) ?? providerForDomain(addr.domain);
  if (!p) return { source: 'catalog', candidates: [], outcome: 'domain not in the catalog' };
  if (isNotAppMailbox(p)) return { source: 'catalog', candidates: [], outcome: `${p.name.en}: not a mailbox a mail app can use`, providerId: p.id };
  const candidates = catalogCandidates(p, addr, 'catalog', 'trusted');
  const missing = p.servers.length - candidates.length;
  const where = missing > 0 || p.servers.length === 0 ? `; server name from the provider (${p.serverNote?.en ?? 'not known'})` : '';
  return {
    source: 'catalog',
    candidates,
    outcome: `${p.name.en} (${candidates.length} servers, grade ${p.grade})${where}`,
    providerId: p.id,
  };
}

async function fetchAutoconfig(
  url: string,
  addr: ParsedAddress,
  fetchOpts: FetchOptions,
): Promise<{ ok: true; candidates: Omit<DiscoveryCandidate, 'source' | 'trust'>[]; secure: boolean; url: string } | { ok: false; reason: string }> {
  const res = await fetchText(url, fetchOpts);
  if (!res.ok) return res;
  try {
    const doc = parseAutoconfig(res.body, addr.email);
    return {
      ok: true,
      secure: res.secure,
      url: res.finalUrl,
      candidates: doc.servers.map((s) => ({
        protocol: s.protocol,
        host: s.host,
        port: s.port,
        security: s.security,
        ...(s.username ? { username: s.username } : {}),
        ...(s.usernameValue ? { usernameValue: s.usernameValue } : {}),
        detail: `${res.finalUrl}${s.authentication.length ? ` (auth: ${s.authentication.join(', ')})` : ''}`,
      })),
    };
  } catch (e) {
    return { ok: false, reason: e instanceof AutoconfigParseError ? `bad autoconfig XML: ${e.message}` : String(e) };
  }
}

/**
 * An autoconfig document fetched over HTTPS, with the plain-HTTP URL tried
 * at the same time as a fallback whose results are marked untrusted (anyone
 * on the path could have written them).
 */
export async function fromAutoconfigPair(
  source: 'autoconfig' | 'autoconfig-wellknown',
  httpsUrl: string,
  httpUrl: string,
  addr: ParsedAddress,
  fetchOpts: FetchOptions,
): Promise<SourceResult> {
  const [secure, plain] = await Promise.all([fetchAutoconfig(httpsUrl, addr, fetchOpts), fetchAutoconfig(httpUrl, addr, fetchOpts)]);
  if (secure.ok) {
    const trust: Trust = secure.secure ? 'trusted' : 'untrusted';
    return { source, candidates: secure.candidates.map((c) => ({ source, trust, ...c })), outcome: `${secure.candidates.length} servers from ${secure.url}${secure.secure ? '' : ' (redirected to plain HTTP: untrusted)'}` };
  }
  if (plain.ok) {
    return {
      source,
      candidates: plain.candidates.map((c) => ({ source, trust: 'untrusted' as const, ...c })),
      outcome: `${plain.candidates.length} servers over plain HTTP only (untrusted); HTTPS: ${secure.reason}`,
    };
  }
  return { source, candidates: [], outcome: `HTTPS: ${secure.reason}; HTTP: ${plain.reason}` };
}

export async function fromIspdb(url: string, addr: ParsedAddress, fetchOpts: FetchOptions, source: DiscoverySource = 'ispdb', trust: Trust = 'trusted'): Promise<SourceResult> {
  const res = await fetchAutoconfig(url, addr, fetchOpts);
  if (!res.ok) return { source, candidates: [], outcome: res.reason === 'HTTP 404' ? 'not in ISPDB (HTTP 404)' : res.reason };
  const t: Trust = res.secure ? trust : 'untrusted';
  return { source, candidates: res.candidates.map((c) => ({ source, trust: t, ...c })), outcome: `${res.candidates.length} servers from ${res.url}` };
}

/** Second-level labels under which registrations sit one level deeper (example.co.jp). */
const SECOND_LEVEL = new Set(['co', 'ne', 'or', 'ac', 'go', 'ad', 'ed', 'gr', 'lg', 'com', 'net', 'org', 'gov', 'edu']);

/** The registrable-looking domain of an MX host: mx1.mail.hoster.co.jp → hoster.co.jp. */
export function mxBaseDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const take = labels.length >= 3 && labels[labels.length - 1]!.length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/**
 * MX → provider: an MX in the catalog (Google, Microsoft 365, Yahoo) gives
 * its settings; otherwise the ISPDB entry of the MX's own domain (the
 * hosting company), as Thunderbird does, marked untrusted because the
 * hoster's domain is a heuristic.
 */
export async function fromMx(
  resolver: Resolver,
  addr: ParsedAddress,
  dnsMs: number,
  ispdbUrl: (d: string) => string,
  fetchOpts: FetchOptions,
): Promise<SourceResult> {
  const mx = await resolveMx(resolver, addr.asciiDomain, dnsMs);
  if (!mx.ok) return { source: 'mx', candidates: [], outcome: `MX lookup: ${mx.reason}` };
  const hosts = [...mx.records].sort((a, b) => a.priority - b.priority).map((r) => r.exchange.toLowerCase().replace(/\.$/, '')).filter(Boolean);
  if (hosts.length === 0) return { source: 'mx', candidates: [], outcome: 'no MX records' };
  for (const h of hosts) {
    const p = providerForMx(h);
    // A rental server's MX host is the hosting server itself: its own name is the one on its certificate.
    if (p) return { source: 'mx', candidates: catalogCandidates(p, addr, 'mx', 'trusted', h), outcome: `MX ${h} → ${p.name.en}`, providerId: p.id };
  }
  const base = mxBaseDomain(hosts[0]!);
  if (base === addr.asciiDomain) return { source: 'mx', candidates: [], outcome: `MX ${hosts[0]} is the domain itself: no hosting provider to look up` };
  const r = await fromIspdb(ispdbUrl(base), addr, fetchOpts, 'mx', 'untrusted');
  return { ...r, outcome: `MX ${hosts[0]} → ${base}: ${r.outcome}` };
}

const SRV_NAMES: ReadonlyArray<{ prefix: string; protocol: Protocol; security: Security }> = [
  { prefix: '_imaps._tcp', protocol: 'imap', security: 'tls' },
  { prefix: '_imap._tcp', protocol: 'imap', security: 'starttls' },
  { prefix: '_pop3s._tcp', protocol: 'pop3', security: 'tls' },
  { prefix: '_pop3._tcp', protocol: 'pop3', security: 'starttls' },
  { prefix: '_submissions._tcp', protocol: 'smtp', security: 'tls' },
  { prefix: '_submission._tcp', protocol: 'smtp', security: 'starttls' },
];

/**
 * RFC 6186 / 8314 SRV records. A target outside the mail domain is marked
 * untrusted: RFC 6186 §6 asks clients to confirm such targets, since plain
 * DNS answers can be forged.
 */
export async function fromSrv(resolver: Resolver, addr: ParsedAddress, dnsMs: number): Promise<SourceResult> {
  const answers = await Promise.all(SRV_NAMES.map(async (n) => ({ n, res: await resolveSrv(resolver, `${n.prefix}.${addr.asciiDomain}`, dnsMs) })));
  const candidates: DiscoveryCandidate[] = [];
  const notes: string[] = [];
  for (const { n, res } of answers) {
    if (!res.ok) {
      if (res.reason !== 'no records') notes.push(`${n.prefix}: ${res.reason}`);
      continue;
    }
    const sorted = [...res.records].sort((a, b) => a.priority - b.priority || b.weight - a.weight);
    for (const r of sorted) {
      const target = r.name.toLowerCase().replace(/\.$/, '');
      // "." as target means "this service is decidedly not available" (RFC 2782).
      if (!target || r.port === 0) continue;
      // DNS data is not validated by anyone: only well-formed host names become candidates.
      if (!checkAsciiDomain(target).ok) {
        notes.push(`${n.prefix}: ignored malformed target`);
        continue;
      }
      const inDomain = target === addr.asciiDomain || target.endsWith(`.${addr.asciiDomain}`);
      candidates.push({
        source: 'srv',
        trust: inDomain ? 'trusted' : 'untrusted',
        protocol: n.protocol,
        host: target,
        port: r.port,
        security: n.security,
        username: 'email',
        usernameValue: addr.email,
        detail: `${n.prefix}.${addr.asciiDomain}`,
      });
    }
  }
  // Six names failing the same way (an unreachable resolver) read better as one line.
  const reasons = new Set(notes.map((n) => n.slice(n.indexOf(': ') + 2)));
  const failures = notes.length === SRV_NAMES.length && reasons.size === 1 ? `all ${SRV_NAMES.length} SRV names: ${[...reasons][0]}` : notes.join('; ');
  const outcome = candidates.length ? `${candidates.length} SRV records` : failures || 'no SRV records';
  return { source: 'srv', candidates, outcome: failures && candidates.length ? `${outcome}; ${failures}` : outcome };
}

/** Conventional host names. Nobody vouches for them: the probes confirm or drop them. */
export function fromGuesses(addr: ParsedAddress): SourceResult {
  const d = addr.asciiDomain;
  const g = (protocol: Protocol, host: string, port: number, security: Security): DiscoveryCandidate => ({
    source: 'guess',
    trust: 'unconfirmed',
    protocol,
    host,
    port,
    security,
    username: 'email',
    usernameValue: addr.email,
    detail: 'guessed from the domain',
  });
  const candidates = [
    g('imap', `imap.${d}`, 993, 'tls'),
    g('imap', `mail.${d}`, 993, 'tls'),
    g('imap', d, 993, 'tls'),
    g('pop3', `pop.${d}`, 995, 'tls'),
    g('pop3', `mail.${d}`, 995, 'tls'),
    g('pop3', d, 995, 'tls'),
    g('smtp', `smtp.${d}`, 587, 'starttls'),
    g('smtp', `smtp.${d}`, 465, 'tls'),
    g('smtp', `mail.${d}`, 587, 'starttls'),
    g('smtp', d, 587, 'starttls'),
  ];
  return { source: 'guess', candidates, outcome: `${candidates.length} guesses (unconfirmed)` };
}
