/**
 * The one rule for "is this connection intercepted?": from Node's verdict (bundled roots),
 * which store accepted the chain, the issuers the server sent and the provider it belongs to.
 *
 * - Bundled roots refuse, the OS store accepts (and the name matches): an antivirus mail/web
 *   shield, a corporate TLS proxy or a company CA put their root there. Verdict `os-trusted`,
 *   TLS_INTERCEPTED as a warning: the customer's mail app (OS store) connects as this app did.
 * - No store we can read accepts it, but an issuer names a known inspection product, or a
 *   catalog provider's chain comes from outside the issuer family it really uses: still
 *   TLS_INTERCEPTED instead of TLS_CERT_UNTRUSTED (the server is not to blame), as an error,
 *   and the certificate stays unverified (no credentials without the user's consent).
 * - Anything else keeps Node's verdict. Expired, not-yet-valid and a wrong name are never
 *   explained away: those are what the certificate itself says.
 */
import type { Grade } from '../models/device';
import type { Severity } from '../findings/codes';
import type { TlsTrust, TlsVerdict } from '../models/probe';
import { matchInspectionProduct, type InspectionProduct } from './inspection-products';
import { issuerFamilyOf } from './provider-issuers';

export type InterceptionReason = 'os-only' | 'product' | 'provider-issuer';

export interface Interception {
  reason: InterceptionReason;
  /** The issuer of the server's certificate, as it was sent. */
  issuer: string;
  product?: Pick<InspectionProduct, 'id' | 'kind' | 'grade'>;
  /** The provider's own issuer family, when the chain came from outside it. */
  expectedIssuer?: { label: string; grade: Grade };
  /** Accepted by the OS store (so verified), or by no store this app can read. */
  trustedBy: 'os' | 'none';
}

export interface TrustJudgement {
  verdict: TlsVerdict;
  interception?: Interception;
}

/** The verdicts that mean only "no root I know signed this": the ones an interceptor causes. */
const TRUST_FAILURES: ReadonlySet<TlsVerdict> = new Set(['untrusted', 'self-signed']);

export interface TrustInput {
  /** Node's verdict: bundled roots (plus a CA the user gave) and the host-name check. */
  verdict: TlsVerdict;
  hostnameOk: boolean;
  trust: TlsTrust;
  /** Issuer text of each certificate the server sent, leaf first ("C=US, O=…, CN=…"). */
  issuers: readonly string[];
  /** The catalog provider the server host belongs to. */
  providerId?: string;
}

export function judgeTrust(i: TrustInput): TrustJudgement {
  if (!TRUST_FAILURES.has(i.verdict) || i.trust.bundled) return { verdict: i.verdict };
  const issuer = i.issuers[0] ?? '';
  const hit = i.issuers.map((x) => matchInspectionProduct(x)).find((p) => p !== undefined);
  const family = issuerFamilyOf(i.providerId);
  const outsideFamily = family !== undefined && i.issuers.length > 0 && !i.issuers.some((x) => family.issuer.test(x));
  const evidence = {
    issuer,
    ...(hit ? { product: { id: hit.id, kind: hit.kind, grade: hit.grade } } : {}),
    ...(outsideFamily ? { expectedIssuer: { label: family.label, grade: family.grade } } : {}),
  };
  if (i.trust.os === 'trusted') {
    // A re-signed certificate copies the server's names; a name that does not match is the server's own problem.
    if (!i.hostnameOk) return { verdict: 'hostname-mismatch' };
    return { verdict: 'os-trusted', interception: { reason: hit ? 'product' : outsideFamily ? 'provider-issuer' : 'os-only', trustedBy: 'os', ...evidence } };
  }
  if (hit) return { verdict: i.verdict, interception: { reason: 'product', trustedBy: 'none', ...evidence } };
  if (outsideFamily) return { verdict: i.verdict, interception: { reason: 'provider-issuer', trustedBy: 'none', ...evidence } };
  return { verdict: i.verdict };
}

/** A warning when a store this computer trusts accepted the chain, an error when none did. */
export function interceptionSeverity(x: Interception): Severity {
  return x.trustedBy === 'os' ? 'warning' : 'error';
}
