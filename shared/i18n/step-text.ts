/**
 * The words for what the probe engine reports by code: step names, network error codes,
 * per-address outcomes. The engine keeps codes and verbatim server text; people read these.
 */
import type { Lang } from '../models/device';
import type { StepName, StepNote, TlsVerdict } from '../models/probe';
import { en, t, type MessageKey } from './messages';

export function stepName(name: StepName, lang: Lang): string {
  return t(lang, `step.${name}`);
}

/** An error code the engine or a library names (ECONNREFUSED, EAUTH, ERR_SSL_…, TCP_TIMEOUT). */
export function isErrorCode(text: string): boolean {
  return /^[A-Z][A-Z0-9_]{2,}$/.test(text);
}

/** Words for an error code; an unknown code is named as an error with the code in brackets. */
export function errorCodeText(code: string, lang: Lang): string {
  const key = `net.${code}`;
  return key in en ? t(lang, key as MessageKey) : t(lang, 'net.other', { code });
}

/** What happened on one address of a server ("connected" or an error code). */
export function addressOutcomeText(outcome: string, lang: Lang): string {
  return outcome === 'connected' ? t(lang, 'net.connected') : errorCodeText(outcome, lang);
}

/**
 * A step's detail for display: an error code becomes words; anything else is a value the
 * engine measured or the server sent (address, TLS version, greeting, user name) and is
 * shown verbatim, marked as such.
 */
export function stepNoteText(note: StepNote, lang: Lang): string {
  const params = { ...(note.params ?? {}) };
  if (note.code === 'tls-verdict' && typeof params.verdict === 'string') params.verdict = t(lang, `tls.${params.verdict as TlsVerdict}`);
  return t(lang, `stepNote.${note.code}`, params);
}

export function stepDetailText(step: { detail?: string; status: string; note?: StepNote }, lang: Lang): { text: string; verbatim: boolean } | undefined {
  // The engine's reason, worded for the reader; its English `detail` is for the CLI.
  if (step.note) return { text: stepNoteText(step.note, lang), verbatim: false };
  // A skipped step without a note: the status word says "skipped", the rest is English.
  if (!step.detail || step.status === 'skipped') return undefined;
  if (isErrorCode(step.detail)) return { text: errorCodeText(step.detail, lang), verbatim: false };
  return { text: step.detail, verbatim: true };
}
