/**
 * The one rule for what a delivered file may carry silently: a value that was seen to work or
 * that a trusted party published. A guess or an untested typed value is delivered only with a
 * warning the helpdesk sees before sending, and plaintext settings always get one.
 */
import type { Protocol } from '../models/account';
import type { Lang } from '../models/device';
import type { DeliveryWarning, SourcedSettings } from './delivery-types';
import { VOUCHED_SOURCES } from './delivery-types';
import { warning } from './delivery-text';

export function sourceWarnings(settings: SourcedSettings, protocols: readonly Protocol[], lang: Lang): DeliveryWarning[] {
  const out: DeliveryWarning[] = [];
  for (const p of protocols) {
    const s = settings[p];
    if (!s) continue;
    const value = `${s.host}:${s.port}`;
    if (!VOUCHED_SOURCES.has(s.source)) out.push(warning(s.source === 'guess' ? 'guess-value' : 'untested-value', lang, { field: p, value }));
    if (s.security === 'none') out.push(warning('plaintext', lang, { field: p }));
  }
  const u = settings.user;
  if (u && !VOUCHED_SOURCES.has(u.source)) out.push(warning(u.source === 'guess' ? 'guess-value' : 'untested-value', lang, { field: 'user', value: u.value }));
  return out;
}

/** The incoming protocol a delivered account uses: IMAP when known (mail stays on the server for every device), else POP. */
export function incomingOf(settings: SourcedSettings, prefer?: 'imap' | 'pop3'): 'imap' | 'pop3' | undefined {
  if (prefer && settings[prefer]) return prefer;
  return settings.imap ? 'imap' : settings.pop3 ? 'pop3' : undefined;
}
