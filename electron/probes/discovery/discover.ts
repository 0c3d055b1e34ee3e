/**
 * Autodiscovery: which servers should this address use?
 *
 * All sources start at once — own catalog, the domain's autoconfig (HTTPS,
 * HTTP fallback untrusted), its .well-known autoconfig, Thunderbird's ISPDB,
 * MX → provider, RFC 6186 SRV, and conventional guesses — so a dead source
 * costs its own deadline, not the sum. Everything found comes back with its
 * source and trust, `tried` says what each source returned or why it failed,
 * and `best` takes per protocol the highest-priority source's first setting,
 * trusted before untrusted before unconfirmed. Plain Node: never imports electron.
 */
import type { DiscoverRequest, DiscoveryCandidate, DiscoveryResult, DiscoverySource, Trust } from '../../../shared/models/discovery';
import { DISCOVERY_SOURCES } from '../../../shared/models/discovery';
import { getProvider } from '../../../shared/knowledge/providers/catalog';
import type { Protocol } from '../../../shared/models/account';
import { DISCOVERY_DEADLINES, type DiscoveryDeadlines } from './deadlines';
import { makeResolver } from './dns-records';
import { parseAddress } from './email-domain';
import { resolverLookup } from './http-fetch';
import { DEFAULT_URLS, fromAutoconfigPair, fromCatalog, fromGuesses, fromIspdb, fromMx, fromSrv, type DiscoveryUrls, type SourceResult } from './sources';

/** Test seams and host options; the product passes none. */
export interface DiscoverDeps {
  urls?: Partial<DiscoveryUrls>;
  /** Extra CA certificates (PEM) trusted for HTTPS fetches (tests' local CA). */
  ca?: string | string[];
  deadlines?: Partial<DiscoveryDeadlines>;
  signal?: AbortSignal;
}

const TRUST_RANK: Record<Trust, number> = { trusted: 0, untrusted: 1, unconfirmed: 2 };
const SOURCE_RANK = Object.fromEntries(DISCOVERY_SOURCES.map((s, i) => [s, i])) as Record<DiscoverySource, number>;

export async function discover(req: DiscoverRequest, deps: DiscoverDeps = {}): Promise<DiscoveryResult> {
  const addr = parseAddress(req.email);
  const deadlines = { ...DISCOVERY_DEADLINES, ...deps.deadlines };
  const urls = { ...DEFAULT_URLS, ...deps.urls };

  // One controller ends every fetch still running when the answer goes out.
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  deps.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const resolver = req.offline ? undefined : makeResolver(deadlines.dnsMs, req.dnsServer);
  const fetchOpts = {
    timeoutMs: deadlines.httpMs,
    signal: stop.signal,
    ...(deps.ca ? { ca: deps.ca } : {}),
    // A named resolver applies to the HTTP fetches' host names too, not only to MX/SRV.
    ...(resolver && req.dnsServer ? { lookup: resolverLookup(resolver) } : {}),
  };

  const catalog = fromCatalog(addr);
  const immediate: SourceResult[] = [catalog, fromGuesses(addr)];
  const network: Array<{ source: DiscoverySource; run: () => Promise<SourceResult> }> = [];
  if (resolver) {
    network.push(
      { source: 'autoconfig', run: () => fromAutoconfigPair('autoconfig', urls.autoconfig(addr.asciiDomain, addr.email), urls.autoconfigHttp(addr.asciiDomain, addr.email), addr, fetchOpts) },
      { source: 'autoconfig-wellknown', run: () => fromAutoconfigPair('autoconfig-wellknown', urls.wellKnown(addr.asciiDomain, addr.email), urls.wellKnownHttp(addr.asciiDomain, addr.email), addr, fetchOpts) },
      { source: 'ispdb', run: () => fromIspdb(urls.ispdb(addr.asciiDomain), addr, fetchOpts) },
      { source: 'mx', run: () => fromMx(resolver, addr, deadlines.dnsMs, urls.ispdb, fetchOpts) },
      { source: 'srv', run: () => fromSrv(resolver, addr, deadlines.dnsMs) },
    );
  }

  let budgetTimer: NodeJS.Timeout | undefined;
  const budget = new Promise<'budget'>((resolve) => {
    budgetTimer = setTimeout(() => resolve('budget'), deadlines.totalMs);
  });
  const cancelled = new Promise<'cancelled'>((resolve) => {
    if (deps.signal?.aborted) resolve('cancelled');
    deps.signal?.addEventListener('abort', () => resolve('cancelled'), { once: true });
  });

  let results: SourceResult[];
  try {
    results = await Promise.all(
      network.map(async ({ source, run }) => {
        const outcome = await Promise.race([
          run().catch((e: unknown): SourceResult => ({ source, candidates: [], outcome: `failed: ${e instanceof Error ? e.message : String(e)}` })),
          budget,
          cancelled,
        ]);
        if (outcome === 'budget') return { source, candidates: [], outcome: `not finished within the ${deadlines.totalMs} ms budget` };
        if (outcome === 'cancelled') return { source, candidates: [], outcome: 'cancelled' };
        return outcome;
      }),
    );
  } finally {
    clearTimeout(budgetTimer);
    stop.abort();
    resolver?.cancel();
    deps.signal?.removeEventListener('abort', onOuterAbort);
  }
  const skipped: SourceResult[] = req.offline
    ? (['autoconfig', 'autoconfig-wellknown', 'ispdb', 'mx', 'srv'] as const).map((source) => ({ source, candidates: [], outcome: 'skipped (offline)' }))
    : [];

  const providerId = catalog.providerId ?? results.find((r) => r.source === 'mx')?.providerId;
  const provider = providerId ? getProvider(providerId) : undefined;
  // A catalog provider's servers are known: conventional guesses beside them would only offer hosts that
  // do not exist (imap.<domain>) or carry the wrong certificate (mail.<own domain> at a rental server).
  const withoutGuesses = (r: SourceResult): SourceResult =>
    provider && r.source === 'guess' ? { source: 'guess', candidates: [], outcome: `not offered: ${provider.name.en} is in the catalog` } : r;
  const all = [...immediate, ...results, ...skipped].map(withoutGuesses).sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source]);
  const candidates = rank(dedupe(all.flatMap((r) => r.candidates)));
  // A provider known to have no POP (iCloud, docomo, SoftBank) must not get a guessed POP server as "best".
  const noPop = provider?.restrictions.some((x) => x.kind === 'no-pop') ?? false;
  return {
    email: addr.email,
    domain: addr.domain,
    asciiDomain: addr.asciiDomain,
    ...(providerId ? { providerId } : {}),
    candidates,
    best: { imap: pickBest(candidates, 'imap'), pop3: pickBest(noPop ? candidates.filter((c) => c.source !== 'guess') : candidates, 'pop3'), smtp: pickBest(candidates, 'smtp') },
    tried: all.map((r) => ({ source: r.source, outcome: r.outcome })),
  };
}

function dedupe(cs: DiscoveryCandidate[]): DiscoveryCandidate[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const k = `${c.source}|${c.protocol}|${c.host}|${c.port}|${c.security}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Source priority first, trust second; the order inside a source is kept (Array.prototype.sort is stable). */
function rank(cs: DiscoveryCandidate[]): DiscoveryCandidate[] {
  return [...cs].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || TRUST_RANK[a.trust] - TRUST_RANK[b.trust]);
}

function pickBest(cs: DiscoveryCandidate[], protocol: Protocol): DiscoveryCandidate | undefined {
  const forProtocol = cs.filter((c) => c.protocol === protocol);
  for (const trust of ['trusted', 'untrusted', 'unconfirmed'] as const) {
    const c = forProtocol.find((x) => x.trust === trust);
    if (c) return c;
  }
  return undefined;
}
