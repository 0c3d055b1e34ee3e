/**
 * When the desktop app tells the helpdesk person about a watch, and what it says. Plain Node
 * (no electron): the logic is tested here; the Electron call sits behind WatchNotifier
 * (watch-notifier-electron.ts).
 *
 * The rule: only when the window is minimised, hidden or in the background (a person looking
 * at the screen sees the timeline grow), and only when something changed between two tests, or
 * when the watch has ended. A quiet test is never a notification: twelve "no change" pop-ups
 * would teach the person to ignore them.
 */
import type { Lang } from '../../shared/models/device';
import { t } from '../../shared/i18n/messages';
import { changeText, timelineLines, watchRunState } from '../../shared/watch/watch-text';
import type { WatchRunEntry, WatchState } from '../../shared/watch/watch-timeline';

export interface Notice {
  title: string;
  body: string;
}

/** What the desktop host gives the watch: is the window out of sight, and a way to show a notice. */
export interface WatchNotifier {
  /** True when the person cannot see the window (minimised, hidden, or another app in front). */
  outOfSight(): boolean;
  show(n: Notice): void;
}

/** Longest body: notification centres cut around here (Windows shows about four lines). */
export const NOTICE_BODY_MAX = 240;

function clip(s: string): string {
  return s.length <= NOTICE_BODY_MAX ? s : `${s.slice(0, NOTICE_BODY_MAX - 1)}…`;
}

/** The notice for a test that changed something, else undefined. */
export function changeNotice(state: WatchState, entry: WatchRunEntry, lang: Lang): Notice | undefined {
  if (!entry.changes.length || entry.cancelled) return undefined;
  const [first, ...rest] = entry.changes;
  const lines = [t(lang, 'watch.notify.state', { i: entry.index, state: watchRunState(entry, lang) }), changeText(first!, lang)];
  if (rest.length) lines.push(t(lang, 'watch.notify.more', { n: rest.length }));
  return { title: t(lang, 'watch.notify.title', { email: state.email }), body: clip(lines.join('\n')) };
}

/** The notice when a watch has ended: how many tests and changes, and why it stopped. */
export function endNotice(state: WatchState, lang: Lang): Notice {
  const lines = timelineLines(state.timeline, lang);
  const summary = lines[0]?.text ?? '';
  const why = state.timeline.stopped ? t(lang, `rep2.watch.stopped.${state.timeline.stopped}`) : '';
  return { title: t(lang, 'watch.notify.endedTitle', { email: state.email }), body: clip([summary, why].filter(Boolean).join('\n')) };
}

/** The watch hooks of the desktop host: a notice when out of sight and something changed, or at the end. */
export function watchNoticeHooks(n: WatchNotifier) {
  return {
    onRun(state: WatchState, entry: WatchRunEntry, lang: Lang): void {
      if (!n.outOfSight()) return;
      const notice = changeNotice(state, entry, lang);
      if (notice) n.show(notice);
    },
    onEnd(state: WatchState, lang: Lang): void {
      // Stopped by the person at the screen: they know.
      if (state.timeline.stopped === 'cancelled' || !n.outOfSight()) return;
      n.show(endNotice(state, lang));
    },
  };
}
