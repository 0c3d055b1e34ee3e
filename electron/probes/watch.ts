/**
 * Watch an intermittent fault: the same diagnosis every `intervalMs`, `count` runs in all,
 * with a timeline of what changed between runs. Bounded twice: by the count and by
 * WATCH_MAX_TOTAL_MS of wall time, and it stops at once when the signal aborts (the run still
 * going is cancelled and recorded as such). Used by the CLI (`diagnose --watch`) and by the
 * desktop/web host (the "watch" switch), which keeps running while the window is minimised.
 */
import type { Lang } from '../../shared/models/device';
import type { DiagnoseReport, DiagnoseRequest } from '../../shared/models/probe';
import { WATCH_MAX_RUNS, WATCH_MAX_TOTAL_MS } from '../../shared/models/watch';
import { addRun, startTimeline, type WatchRunEntry, type WatchTimeline } from '../../shared/watch/watch-timeline';
import { runDiagnosis, type DiagnoseOptionsRuntime } from './diagnose';

export interface WatchOptions {
  intervalMs: number;
  count: number;
  lang: Lang;
  signal?: AbortSignal;
  /** Progress of each run, as for a single diagnosis. */
  onProgress?: DiagnoseOptionsRuntime['onProgress'];
  /** After each run: its entry (with the changes since the run before) and its report. */
  onRun?: (entry: WatchRunEntry, report: DiagnoseReport) => void | Promise<void>;
  /** Before each wait: when the next run starts (epoch ms). */
  onWait?: (nextAt: number) => void;
  /** Before each run (1-based index). */
  onRunStart?: (index: number) => void;
  /** For tests: the diagnosis to repeat (default: the real engine). */
  runOnce?: (req: DiagnoseRequest, rt: DiagnoseOptionsRuntime) => Promise<DiagnoseReport>;
  /** The clock (default: the real one); tests inject one so a watch of minutes runs in milliseconds. */
  clock?: WatchClock;
}

export interface WatchClock {
  now(): number;
  /** Resolves after `ms`, or at once when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface WatchResult {
  timeline: WatchTimeline;
  last: DiagnoseReport;
}

export const realClock: WatchClock = { now: () => Date.now(), sleep };

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function runWatch(req: DiagnoseRequest, o: WatchOptions): Promise<WatchResult> {
  const count = Math.min(Math.max(1, Math.floor(o.count)), WATCH_MAX_RUNS);
  const clock = o.clock ?? realClock;
  const now = (): number => clock.now();
  const run = o.runOnce ?? runDiagnosis;
  const deadline = now() + WATCH_MAX_TOTAL_MS;
  const timeline = startTimeline(o.intervalMs, count);
  let prev: DiagnoseReport | undefined;
  let last: DiagnoseReport | undefined;
  for (let i = 0; i < count; i++) {
    const started = now();
    o.onRunStart?.(i + 1);
    const report = await run({ ...req, runId: `${req.runId}-w${i + 1}` }, { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) });
    const entry = addRun(timeline, report, prev, o.lang);
    await o.onRun?.(entry, report);
    last = report;
    if (!report.cancelled) prev = report;
    if (o.signal?.aborted) {
      timeline.stopped = 'cancelled';
      break;
    }
    if (i === count - 1) {
      timeline.stopped = 'done';
      break;
    }
    // The interval runs from the start of a run, so runs stay on a steady rhythm.
    const wait = Math.max(0, o.intervalMs - (now() - started));
    if (now() + wait > deadline) {
      timeline.stopped = 'time-limit';
      break;
    }
    o.onWait?.(now() + wait);
    await clock.sleep(wait, o.signal);
    if (o.signal?.aborted) {
      timeline.stopped = 'cancelled';
      break;
    }
  }
  return { timeline, last: last! };
}
