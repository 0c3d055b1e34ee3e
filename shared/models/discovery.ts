import { z } from 'zod';
import { Protocol, Security } from './account';
import { Grade } from './device';

/** Where a candidate setting came from, in priority order. */
export const DISCOVERY_SOURCES = ['catalog', 'autoconfig', 'autoconfig-wellknown', 'ispdb', 'mx', 'srv', 'guess'] as const;
export const DiscoverySource = z.enum(DISCOVERY_SOURCES);
export type DiscoverySource = z.infer<typeof DiscoverySource>;

export const Trust = z.enum(['trusted', 'untrusted', 'unconfirmed']);
export type Trust = z.infer<typeof Trust>;

/** What goes in the device's user-name field. */
export const UsernameForm = z.enum(['email', 'localpart', 'provider-id']);
export type UsernameForm = z.infer<typeof UsernameForm>;

export const DiscoveryCandidate = z.object({
  source: DiscoverySource,
  trust: Trust,
  protocol: Protocol,
  host: z.string(),
  port: z.number(),
  security: Security,
  username: UsernameForm.optional(),
  /** The literal user name to use when known (e.g. the address itself). */
  usernameValue: z.string().optional(),
  providerId: z.string().optional(),
  grade: Grade.optional(),
  /** Free detail such as the URL fetched or the SRV record name. */
  detail: z.string().optional(),
});
export type DiscoveryCandidate = z.infer<typeof DiscoveryCandidate>;

export const DiscoverRequest = z.object({
  email: z.string().trim().min(3).max(320),
  /** Custom resolver `host[:port]`; tests point it at a local DNS server. */
  dnsServer: z.string().max(300).optional(),
  /** Skip network lookups (catalog + guesses only). */
  offline: z.boolean().optional(),
});
export type DiscoverRequest = z.infer<typeof DiscoverRequest>;

export const DiscoveryResult = z.object({
  email: z.string(),
  domain: z.string(),
  asciiDomain: z.string(),
  providerId: z.string().optional(),
  /** Every candidate found, with source and trust, best first. */
  candidates: z.array(DiscoveryCandidate),
  /** The winning setting per protocol (highest-priority successful source). */
  best: z.object({
    imap: DiscoveryCandidate.optional(),
    pop3: DiscoveryCandidate.optional(),
    smtp: DiscoveryCandidate.optional(),
  }),
  /** Sources that failed or had nothing, with a short reason (for "where this came from"). */
  tried: z.array(z.object({ source: DiscoverySource, outcome: z.string() })),
});
export type DiscoveryResult = z.infer<typeof DiscoveryResult>;
