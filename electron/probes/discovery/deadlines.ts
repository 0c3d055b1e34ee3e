/**
 * Time limits for autodiscovery. Every source runs in parallel,
 * so the slowest one decides how long the helpdesk waits: each network step
 * has its own deadline and the whole discovery a total budget, and nothing
 * waits past them even when the machine is offline.
 */
export const DISCOVERY_DEADLINES = {
  /**
   * One HTTP(S) fetch (autoconfig, well-known, ISPDB): DNS + TCP + TLS + a
   * few KB of XML. Healthy servers answer in well under 1 s even from Japan to
   * Europe; 5 s leaves room for a slow shared host without making a dead
   * autoconfig.<domain> (the common case: it does not exist) hold up the rest.
   */
  httpMs: 5_000,
  /**
   * One DNS query (MX, SRV) to the configured resolver. Local and ISP
   * resolvers answer in < 100 ms; 3 s covers one lost UDP packet and a retry
   * (the resolver gets 2 tries: 1 s, then 2 s).
   */
  dnsMs: 3_000,
  /**
   * The whole discovery. Slightly above the slowest single step chained after
   * a DNS lookup (MX → ISPDB fetch of the MX's domain = 3 s + 5 s), so each
   * source can finish on its own deadline; anything still running is reported
   * as timed out and the answer goes out with what arrived.
   */
  totalMs: 8_500,
} as const;

export type DiscoveryDeadlines = { httpMs: number; dnsMs: number; totalMs: number };

/** Largest autoconfig document accepted. Real ISPDB files are 1–6 KB; 64 KB is generous and still harmless. */
export const MAX_AUTOCONFIG_BYTES = 64 * 1024;
/** Redirects followed per fetch (well-known paths often redirect to www.<domain>). */
export const MAX_REDIRECTS = 2;
