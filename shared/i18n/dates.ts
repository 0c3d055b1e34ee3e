/**
 * Dates as a person reads them: 「2026年11月1日」 / "1 November 2026", never raw ISO UTC.
 * Shown in the computer's time zone (the helpdesk person's), like every clock on the screen.
 */
import type { Lang } from '../models/device';
import { t } from './messages';

const DAY_MS = 86_400_000;

function valid(d: Date): boolean {
  return !Number.isNaN(d.getTime());
}

/** A calendar day: 2026年11月1日 / 1 November 2026. Unparseable input is returned as given. */
export function formatDay(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (!valid(d)) return iso;
  return lang === 'ja' ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日` : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/** Day and time of a run: 2026年12月1日 10:19 / 1 December 2026, 10:19. */
export function formatDateTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (!valid(d)) return iso;
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return lang === 'ja' ? `${formatDay(iso, lang)} ${hm}` : `${formatDay(iso, lang)}, ${hm}`;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / DAY_MS);
}

/**
 * A certificate's validity in one plain phrase, measured against `now`:
 * 「2026年11月1日に期限切れ（30日前）」 / "valid until 3 March 2029 (823 days left)".
 */
export function certValidityText(validFrom: string, validTo: string, now: Date, lang: Lang): string {
  const from = new Date(validFrom);
  const to = new Date(validTo);
  if (valid(from) && from.getTime() > now.getTime()) return t(lang, 'date.notYetValid', { date: formatDay(validFrom, lang) });
  if (!valid(to)) return validTo;
  if (to.getTime() < now.getTime()) {
    const days = daysBetween(to, now);
    return days === 0 ? t(lang, 'date.expiredToday', { date: formatDay(validTo, lang) }) : t(lang, 'date.expiredAgo', { date: formatDay(validTo, lang), days });
  }
  return t(lang, 'date.validUntil', { date: formatDay(validTo, lang), days: daysBetween(now, to) });
}
