/**
 * A watch: the same diagnosis repeated every N minutes to catch a fault that comes and goes
 * (「時間帯で不安定」). The bounds live here once: the CLI's --watch/--count, the Connection test
 * screen's switch and the host's loop all read them.
 */
import { z } from 'zod';
import { Lang } from './device';
import { DiagnoseRequest } from './probe';

/**
 * At least one minute between runs: every run logs in to each configured server, and providers
 * lock an account or an address after a burst of logins (SERVER_TOO_MANY_CONNECTIONS). A fault
 * that comes and goes during the day shows over minutes, never within seconds.
 */
export const WATCH_MIN_INTERVAL_MS = 60_000;
/** At most 288 runs: every 5 minutes for a whole day. */
export const WATCH_MAX_RUNS = 288;
/** A watch is two runs at least: one run is a plain diagnosis. */
export const WATCH_MIN_RUNS = 2;
/** At most 24 hours from the first run to the last: a forgotten watch must end by itself. */
export const WATCH_MAX_TOTAL_MS = 24 * 60 * 60 * 1000;
/** The defaults the CLI and the screen start from: an hour, the 「30〜60分待って再試行」 span. */
export const WATCH_DEFAULT_INTERVAL_MS = 5 * 60_000;
export const WATCH_DEFAULT_COUNT = 12;
/** Watches at once in one host: a helpdesk PC watches a case or two, and each run opens up to nine probes. */
export const WATCH_MAX_ACTIVE = 2;

export type WatchBoundsIssue = 'watch.interval.min' | 'watch.interval.whole' | 'watch.count.range' | 'watch.total.max';

/**
 * Why an interval/count pair is outside the bounds (a message key of the catalog), or undefined
 * when it is inside. (`watch.interval.whole` is the screen's own: its field takes whole minutes.)
 */
export function watchBoundsIssue(intervalMs: number, count: number): WatchBoundsIssue | undefined {
  if (!Number.isFinite(intervalMs) || intervalMs < WATCH_MIN_INTERVAL_MS) return 'watch.interval.min';
  if (!Number.isInteger(count) || count < WATCH_MIN_RUNS || count > WATCH_MAX_RUNS) return 'watch.count.range';
  if (intervalMs * (count - 1) > WATCH_MAX_TOTAL_MS) return 'watch.total.max';
  return undefined;
}

/** The largest count that fits in 24 hours at this interval (for the screen's hint and its input's max). */
export function watchMaxCount(intervalMs: number): number {
  if (!(intervalMs > 0)) return WATCH_MAX_RUNS;
  return Math.max(WATCH_MIN_RUNS, Math.min(WATCH_MAX_RUNS, Math.floor(WATCH_MAX_TOTAL_MS / intervalMs) + 1));
}

export const WatchStartRequest = z
  .object({
    /** Chosen by the caller, so stop and updates can refer to the watch. */
    watchId: z.string().min(1).max(100),
    request: DiagnoseRequest,
    intervalMs: z.number().int(),
    count: z.number().int(),
    /** The case it belongs to (the page's own id, no personal data): a reloaded page finds its watch by it. */
    caseId: z.string().max(100).optional(),
    /** The language of the change texts the host writes into the timeline (and of its notification). */
    lang: Lang,
  })
  .superRefine((r, ctx) => {
    const issue = watchBoundsIssue(r.intervalMs, r.count);
    if (issue) ctx.addIssue({ code: 'custom', message: issue, path: [issue.startsWith('watch.count') ? 'count' : 'intervalMs'] });
  });
export type WatchStartRequest = z.infer<typeof WatchStartRequest>;
