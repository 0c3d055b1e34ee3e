/**
 * The one-line conclusion of a cause, for the top of the diagnosis: a plain sentence of what
 * is wrong, not the cause's category (「送信だけできない（送信ポート・SMTP認証）」 frames the
 * problem; 「ポート25番が回線で止められています」 says it).
 */
import { FINDING_META, type FindingCode } from '../../findings/codes';
import type { Lang } from '../../models/device';
import { findingConclusion } from '../findings/finding-conclusion';
import type { Cause } from './composer-types';

/**
 * Triage causes that only frame the findings they took over: the most specific of those
 * findings is the conclusion. The other triage causes (outage, network filter, password
 * changed, device side…) are conclusions themselves: the codes they absorbed are symptoms
 * (a timeout is not "blocked on the way" when the whole server is down).
 */
const FRAMING_CAUSES: ReadonlySet<string> = new Set(['sending-only', 'device-settings']);

/** Codes that say what was tried or what else works, never what is wrong. */
const NOT_A_FAULT: ReadonlySet<FindingCode> = new Set<FindingCode>(['ALTERNATIVE_WORKS', 'LOGIN_NOT_TRIED']);

export function causeConclusion(cause: Cause, lang: Lang): string {
  if (cause.kind !== 'triage') {
    const code = cause.codes[0];
    return code ? findingConclusion(code, lang) : cause.title;
  }
  if (FRAMING_CAUSES.has(cause.id)) {
    const faults = cause.codes.filter((c) => !NOT_A_FAULT.has(c));
    const specific = faults.find((c) => FINDING_META[c].severity === 'error') ?? faults[0];
    if (specific) return findingConclusion(specific, lang);
  }
  return cause.title;
}
