/**
 * The certificate issuers a catalog provider's mail servers really use. Only consulted when
 * Node's bundled roots refuse a provider's chain: a public CA change cannot cause that, so an
 * issuer outside the family then means something re-signed the certificate on the way.
 *
 * Only providers whose issuer could be graded are listed; a provider not listed is no evidence
 * either way. Grades as in the rest of the knowledge (A documented, B several independent
 * observations, C one source or inference; U is never listed).
 * - Gmail (imap/smtp/pop.gmail.com): "O=Google Trust Services" (also "… LLC") in openssl chains
 *   quoted in public bug reports from 2018 to 2026 (GIAG3, GTS CA 1O1, GTS CA 1C3, WR2) — B.
 * - Outlook.com / Microsoft 365 (outlook.office365.com, smtp.office365.com): "Microsoft IT SSL
 *   SHA2" (O=Microsoft Corporation) in 2016, "DigiCert Cloud Services CA-1" (O=DigiCert Inc)
 *   2020–2023; what it is today was not seen — C.
 */
import type { Grade } from '../models/device';

export interface ProviderIssuerFamily {
  /** Matched against the issuer text of each certificate the server sent (leaf upward). */
  issuer: RegExp;
  /** How the family is named to people (organisation names: the same in both languages). */
  label: string;
  grade: Exclude<Grade, 'U'>;
}

export const PROVIDER_ISSUERS: Readonly<Record<string, ProviderIssuerFamily>> = {
  gmail: { issuer: /\bO=Google Trust Services\b/i, label: 'Google Trust Services', grade: 'B' },
  'outlook-com': { issuer: /\bO=(DigiCert Inc|Microsoft Corporation)\b/i, label: 'DigiCert / Microsoft', grade: 'C' },
  'microsoft-365': { issuer: /\bO=(DigiCert Inc|Microsoft Corporation)\b/i, label: 'DigiCert / Microsoft', grade: 'C' },
};

export function issuerFamilyOf(providerId: string | undefined): ProviderIssuerFamily | undefined {
  return providerId ? PROVIDER_ISSUERS[providerId] : undefined;
}
