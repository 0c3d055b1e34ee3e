/**
 * The provider's own restrictions (catalog `restrictions`) as extra fix steps
 * where they bear on a finding: "iCloud has no POP" under a POP failure,
 * "TLS 1.2 required" under a TLS failure, "service ends" under a login failure.
 * Restrictions of kind 'other' are too varied to place; the composer lists
 * every restriction in `Diagnosis.providerNotes` instead.
 */
import { FINDING_META, inGroup } from '../../findings/codes';
import type { Grade, Lang } from '../../models/device';
import type { Finding } from '../../models/probe';
import { assertNever } from '../../result';
import type { ProviderEntry, ProviderRestriction } from './catalog-types';
import { L, pick, type FixStep } from '../findings/fix-types';

/** Does this restriction explain (part of) this finding? */
export function restrictionApplies(r: ProviderRestriction, f: Finding): boolean {
  const stage = FINDING_META[f.code].stage;
  switch (r.kind) {
    case 'no-pop':
      return f.protocol === 'pop3';
    case 'imap-must-be-enabled':
    case 'plan-dependent':
      return stage === 'auth' && f.code !== 'LOGIN_NOT_TRIED';
    case 'op25b':
      // Port 25 blocked on the line: every sending failure except a refused sender address, which
      // is the server's policy about who may send, not the line's.
      return f.protocol === 'smtp' && (inGroup(f.code, 'no-connection') || inGroup(f.code, 'sending')) && f.code !== 'SMTP_SENDER_REJECTED';
    case 'tls12-minimum':
      return stage === 'tls';
    case 'service-ending':
      return f.severity === 'error' && (stage === 'auth' || stage === 'dns' || stage === 'tcp' || stage === 'server');
    case 'not-app-mailbox':
      // Nothing a mail app does can work: the note belongs under every failure.
      return f.severity === 'error';
    case 'other':
      return false;
    default:
      return assertNever(r.kind, 'restriction kind');
  }
}

/** The provider's notes that bear on this finding, as steps (each with the note's own grade). */
export function providerNoteSteps(provider: ProviderEntry | undefined, f: Finding, lang: Lang): FixStep[] {
  if (!provider) return [];
  const name = pick(provider.name, lang);
  return provider.restrictions
    .filter((r) => restrictionApplies(r, f))
    .map((r) => ({ text: pick(L(`${name}の注意: ${r.text.ja}`, `${name} note: ${r.text.en}`), lang), grade: r.grade }));
}

/** Every restriction of the provider, for a "provider notes" box. */
export function providerNotes(provider: ProviderEntry | undefined, lang: Lang): { text: string; grade: Grade }[] {
  if (!provider) return [];
  return provider.restrictions.map((r) => ({ text: pick(r.text, lang), grade: r.grade }));
}
