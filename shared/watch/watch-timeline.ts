/**
 * The watch timeline: one entry per run, with what changed since the run before. The CLI prints
 * it, the JSON carries it (`watch` beside the last report), the report screen and the report
 * text show it.
 */
import { z } from 'zod';
import type { Lang } from '../models/device';
import type { DiagnoseReport } from '../models/probe';
import { t as tr } from '../i18n/messages';
import { WATCH_CHANGE_KINDS, diffRuns, type WatchChange } from './watch-diff';
import { timelineLines } from './watch-text';

export const WatchRunEntry = z.object({
  index: z.number().int().min(1),
  startedAt: z.string(),
  durationMs: z.number(),
  ok: z.boolean(),
  cancelled: z.boolean(),
  /** Error finding codes of that run, in rank order. */
  codes: z.array(z.string()),
  changes: z.array(z.object({ kind: z.enum(WATCH_CHANGE_KINDS), key: z.string(), before: z.string(), after: z.string(), validTo: z.string().optional(), text: z.string() })),
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

/** Plain-text timeline (CLI): the report's title, then the same lines as the screen and the report. */
export function timelineText(t: WatchTimeline, lang: Lang): string {
  const lines = [tr(lang, 'rep2.watch'), ...timelineLines(t, lang).map((l) => `${'  '.repeat(l.depth)}${l.text}`)];
  return lines.join('\n') + '\n';
}

/** `5m`, `30s`, `1h`, `90` (seconds) → ms; undefined when not a duration. */
export function parseInterval(s: string): number | undefined {
  const m = /^(\d{1,6})(s|m|h)?$/.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n * (m[2] === 'h' ? 3_600_000 : m[2] === 'm' ? 60_000 : 1_000);
}

/** A watch as the host runs it: what the screen shows and what `watch:update` carries. */
export const WatchState = z.object({
  watchId: z.string(),
  email: z.string(),
  caseId: z.string().optional(),
  intervalMs: z.number(),
  count: z.number(),
  /** running: a test is going or the next one is waiting; stopped: done, cancelled or at the time limit. */
  status: z.enum(['running', 'stopped']),
  /** A test is going right now (its index), else undefined. */
  testing: z.number().int().optional(),
  /** When the next test starts (ISO), while waiting. */
  nextAt: z.string().optional(),
  timeline: WatchTimeline,
});
export type WatchState = z.infer<typeof WatchState>;
