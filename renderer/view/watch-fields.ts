/**
 * The watch switch's two fields, checked against the shared bounds (shared/models/watch.ts):
 * what is wrong with each, as a catalog key with its values, shown at the field.
 */
import type { MessageKey } from '../../shared/i18n/messages';
import { WATCH_MAX_RUNS, WATCH_MIN_INTERVAL_MS, WATCH_MIN_RUNS, watchBoundsIssue, watchMaxCount } from '../../shared/models/watch';

export interface FieldIssue {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export const WATCH_MIN_MINUTES = WATCH_MIN_INTERVAL_MS / 60_000;

export function watchFieldIssue(intervalMin: string, count: string): { interval?: FieldIssue; count?: FieldIssue } {
  const out: { interval?: FieldIssue; count?: FieldIssue } = {};
  const m = Number(intervalMin.trim());
  const n = Number(count.trim());
  if (!intervalMin.trim() || !Number.isFinite(m) || m < WATCH_MIN_MINUTES) out.interval = { key: 'watch.interval.min', params: { min: WATCH_MIN_MINUTES } };
  else if (!Number.isInteger(m)) out.interval = { key: 'watch.interval.whole' };
  if (!count.trim() || !Number.isInteger(n) || n < WATCH_MIN_RUNS || n > WATCH_MAX_RUNS) out.count = { key: 'watch.count.range', params: { min: WATCH_MIN_RUNS, max: WATCH_MAX_RUNS } };
  if (!out.interval && !out.count && watchBoundsIssue(m * 60_000, n) === 'watch.total.max') out.count = { key: 'watch.total.max' };
  return out;
}

/** The bounds line under the fields: 1分以上の間隔で 2〜288 回、…（この間隔なら N 回まで）. */
export function watchBoundsParams(intervalMin: string): Record<string, number> {
  const m = Number(intervalMin);
  const maxHere = Number.isFinite(m) && m >= WATCH_MIN_MINUTES ? watchMaxCount(m * 60_000) : WATCH_MAX_RUNS;
  return { min: WATCH_MIN_MINUTES, minCount: WATCH_MIN_RUNS, maxCount: WATCH_MAX_RUNS, maxHere };
}
