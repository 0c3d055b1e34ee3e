/**
 * The watch in words, from the message catalog: what changed between two tests, each test's
 * state and the timeline's lines. One wording for the Connection test screen, the ticket report,
 * the desktop notification and the CLI. Finding codes are said by their conclusion (what is
 * wrong, in plain words), network error codes by their catalog text; values a person can check
 * (host names, addresses, times) are kept as they are.
 */
import type { Lang } from '../models/device';
import { isFindingCode } from '../findings/codes';
import { findingConclusion } from '../knowledge/findings/finding-conclusion';
import { findingTitle } from '../knowledge/findings/finding-title';
import { t } from '../i18n/messages';
import { errorCodeText } from '../i18n/step-text';
import { formatDay } from '../i18n/dates';
import type { WatchChange } from './watch-diff';
import type { WatchRunEntry, WatchTimeline } from './watch-timeline';

const KEY_RE = /^(imap|pop3|smtp) (\S+):(\d+) (tls|starttls|none)$/;

/** `imap mail.example.jp:993 tls` → 「IMAP 993 SSL/TLS（mail.example.jp）」, as the matrix names a connection. */
export function probeKeyText(key: string, lang: Lang): string {
  const m = KEY_RE.exec(key);
  if (!m) return key;
  const [, protocol, host, port, security] = m as unknown as [string, 'imap' | 'pop3' | 'smtp', string, string, 'tls' | 'starttls' | 'none'];
  const label = `${t(lang, `protocol.${protocol}`)} ${port} ${t(lang, `security.${security}`)}`;
  return lang === 'ja' ? `${label}（${host}）` : `${label} (${host})`;
}

/** A failure code of a probe in words: a finding's conclusion, a network error's text. */
function outcomeText(code: string, lang: Lang): string {
  if (isFindingCode(code)) return findingConclusion(code, lang);
  return errorCodeText(code, lang);
}

function seconds(ms: string, lang: Lang): string {
  const n = Number.parseInt(ms, 10);
  return Number.isFinite(n) ? t(lang, 'watch.seconds', { s: (n / 1000).toFixed(1) }) : ms;
}

function addresses(v: string, lang: Lang): string {
  if (v === '—' || v === '') return t(lang, 'watch.change.dns-none');
  // An error code (ENOTFOUND …) instead of addresses: the name stopped resolving.
  return /^[A-Z_]+$/.test(v) ? errorCodeText(v, lang) : v;
}

/** One change in words, in `lang`; built from the change's machine values only, so any language can be shown later. */
export function changeText(c: Pick<WatchChange, 'kind' | 'key' | 'before' | 'after' | 'validTo'>, lang: Lang): string {
  const target = probeKeyText(c.key, lang);
  switch (c.kind) {
    case 'port-refusing':
      return t(lang, 'watch.change.port-refusing', { target, after: outcomeText(c.after, lang) });
    case 'port-recovered':
      return t(lang, 'watch.change.port-recovered', { target, before: outcomeText(c.before, lang) });
    case 'failure-changed':
      return t(lang, 'watch.change.failure-changed', { target, before: outcomeText(c.before, lang), after: outcomeText(c.after, lang) });
    case 'cert-rotated':
      return c.validTo && !Number.isNaN(Date.parse(c.validTo))
        ? t(lang, 'watch.change.cert-rotated.until', { target, date: formatDay(c.validTo, lang) })
        : t(lang, 'watch.change.cert-rotated', { target });
    case 'login-slower':
      return t(lang, 'watch.change.login-slower', { target, before: seconds(c.before, lang), after: seconds(c.after, lang) });
    case 'login-changed':
      return t(lang, c.after === 'ok' ? 'watch.change.login-working' : 'watch.change.login-failing', { target });
    case 'dns-changed':
      return t(lang, 'watch.change.dns-changed', { host: c.key, before: addresses(c.before, lang), after: addresses(c.after, lang) });
  }
}

/** A test's state: 問題なし, キャンセル, or 問題あり with the findings' titles (never their codes). */
export function watchRunState(r: Pick<WatchRunEntry, 'ok' | 'cancelled' | 'codes'>, lang: Lang): string {
  if (r.cancelled) return t(lang, 'probe.cancelled');
  if (r.ok) return t(lang, 'headline.ok');
  const titles = r.codes.map((c) => (isFindingCode(c) ? findingTitle(c, lang) : c));
  if (!titles.length) return t(lang, 'headline.problem');
  return lang === 'ja' ? `${t(lang, 'headline.problem')}（${titles.join('、')}）` : `${t(lang, 'headline.problem')} (${titles.join(', ')})`;
}

/** 5分 / 5 min, 1時間 / 1 h. */
export function formatInterval(ms: number, lang: Lang): string {
  if (ms % 3_600_000 === 0) return lang === 'ja' ? `${ms / 3_600_000}時間` : `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return lang === 'ja' ? `${ms / 60_000}分` : `${ms / 60_000} min`;
  return lang === 'ja' ? `${Math.round(ms / 1000)}秒` : `${Math.round(ms / 1000)} s`;
}

/** Time of day of a test in the computer's time zone (like every clock on the screen): 10:05. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export interface TimelineLine {
  text: string;
  /** 0: a heading line (summary, a test), 1: a change under its test. */
  depth: 0 | 1;
}

/** The timeline as lines: the summary, each test with its changes (none for the first), why it stopped. */
export function timelineLines(w: WatchTimeline, lang: Lang): TimelineLine[] {
  const changed = w.runs.reduce((n, x) => n + x.changes.length, 0);
  const out: TimelineLine[] = [{ text: t(lang, 'rep2.watch.summary', { n: w.runs.length, every: formatInterval(w.intervalMs, lang), changed }), depth: 0 }];
  for (const x of w.runs) {
    out.push({ text: t(lang, 'rep2.watch.run', { i: x.index, at: clockTime(x.startedAt), state: watchRunState(x, lang) }), depth: 0 });
    if (x.index > 1) for (const c of x.changes.length ? x.changes.map((c) => changeText(c, lang)) : [t(lang, 'rep2.watch.noChange')]) out.push({ text: c, depth: 1 });
  }
  if (w.stopped) out.push({ text: t(lang, `rep2.watch.stopped.${w.stopped}`), depth: 0 });
  return out;
}
