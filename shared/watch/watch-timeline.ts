/**
 * The watch timeline: one entry per run, with what changed since the run before. The CLI prints
 * it, the JSON carries it (`watch` beside the last report), the report screen and the report
 * text show it.
 */
import { z } from 'zod';
import type { Lang } from '../models/device';
import type { DiagnoseReport } from '../models/probe';
import { L, pick } from '../knowledge/findings/fix-types';
import { WATCH_CHANGE_KINDS, diffRuns, type WatchChange } from './watch-diff';

/**
 * Bounds of a watch. At most 288 runs (every 5 minutes for a day) and at most 24 hours in all:
 * an intermittent fault shows within a working day, and a forgotten watch must end by itself.
 * At least 1 second apart, so a test can use seconds and a user cannot hammer a server.
 */
export const WATCH_MAX_RUNS = 288;
export const WATCH_MAX_TOTAL_MS = 24 * 60 * 60 * 1000;
export const WATCH_MIN_INTERVAL_MS = 1_000;

export const WatchRunEntry = z.object({
  index: z.number().int().min(1),
  startedAt: z.string(),
  durationMs: z.number(),
  ok: z.boolean(),
  cancelled: z.boolean(),
  /** Error finding codes of that run, in rank order. */
  codes: z.array(z.string()),
  changes: z.array(z.object({ kind: z.enum(WATCH_CHANGE_KINDS), key: z.string(), before: z.string(), after: z.string(), text: z.string() })),
});
export type WatchRunEntry = z.infer<typeof WatchRunEntry>;

export const WatchTimeline = z.object({
  intervalMs: z.number(),
  plannedRuns: z.number(),
  /** Why the watch stopped: all runs done, stopped by the user, or the time limit. */
  stopped: z.enum(['done', 'cancelled', 'time-limit']).optional(),
  runs: z.array(WatchRunEntry),
});
export type WatchTimeline = z.infer<typeof WatchTimeline>;

export function startTimeline(intervalMs: number, plannedRuns: number): WatchTimeline {
  return { intervalMs, plannedRuns, runs: [] };
}

/** Adds a run (the previous report, if any, gives the changes); returns the new entry. */
export function addRun(t: WatchTimeline, report: DiagnoseReport, prev: DiagnoseReport | undefined, lang: Lang): WatchRunEntry {
  const changes: WatchChange[] = prev && !prev.cancelled && !report.cancelled ? diffRuns(prev, report, lang) : [];
  const entry: WatchRunEntry = {
    index: t.runs.length + 1,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    ok: report.ok,
    cancelled: report.cancelled,
    codes: [...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.code))],
    changes,
  };
  t.runs.push(entry);
  return entry;
}

const T = {
  title: L('経過の記録（定期診断）', 'Watch timeline (repeated diagnosis)'),
  summary: (n: number, every: string, changed: number) =>
    L(`${every}ごとに ${n} 回診断し、変化は ${changed} 件でした。`, `Diagnosed ${n} times, every ${every}; ${changed} change(s).`),
  run: (i: number, at: string, ok: boolean, codes: string) =>
    L(`#${i} ${at} ${ok ? '問題なし' : `問題あり（${codes}）`}`, `#${i} ${at} ${ok ? 'no problem' : `problem (${codes})`}`),
  noChange: L('  変化なし', '  no change'),
  stopped: { done: L('予定の回数を終えました。', 'All planned runs done.'), cancelled: L('途中で止めました。', 'Stopped by the user.'), 'time-limit': L('時間の上限で止めました。', 'Stopped at the time limit.') },
};

export function formatInterval(ms: number, lang: Lang): string {
  if (ms % 3_600_000 === 0) return lang === 'ja' ? `${ms / 3_600_000}時間` : `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return lang === 'ja' ? `${ms / 60_000}分` : `${ms / 60_000} min`;
  return lang === 'ja' ? `${Math.round(ms / 1000)}秒` : `${Math.round(ms / 1000)} s`;
}

/** Plain-text timeline (CLI, report text). Times as HH:MM:SS UTC from the run's ISO timestamp. */
export function timelineText(t: WatchTimeline, lang: Lang): string {
  const changed = t.runs.reduce((n, r) => n + r.changes.length, 0);
  const lines = [pick(T.title, lang), pick(T.summary(t.runs.length, formatInterval(t.intervalMs, lang), changed), lang)];
  for (const r of t.runs) {
    lines.push(pick(T.run(r.index, r.startedAt.slice(11, 19), r.ok, r.codes.join(', ')), lang));
    if (r.index > 1) lines.push(...(r.changes.length ? r.changes.map((c) => `  ${c.text}`) : [pick(T.noChange, lang)]));
  }
  if (t.stopped) lines.push(pick(T.stopped[t.stopped], lang));
  return lines.join('\n') + '\n';
}

/** `5m`, `30s`, `1h`, `90` (seconds) → ms; undefined when not a duration. */
export function parseInterval(s: string): number | undefined {
  const m = /^(\d{1,6})(s|m|h)?$/.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n * (m[2] === 'h' ? 3_600_000 : m[2] === 'm' ? 60_000 : 1_000);
}
