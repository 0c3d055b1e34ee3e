import { describe, expect, it } from 'vitest';
import { WATCH_MAX_RUNS, WATCH_MIN_INTERVAL_MS, WatchStartRequest, watchBoundsIssue, watchMaxCount } from './watch';

const request = { runId: 'r1', account: { email: 'a@example.jp' }, options: {} };

describe('watch bounds (one source for the CLI, the screen and the host)', () => {
  it('accepts minutes, 2–288 tests, 24 hours at most', () => {
    expect(watchBoundsIssue(5 * 60_000, 12)).toBeUndefined();
    expect(watchBoundsIssue(WATCH_MIN_INTERVAL_MS, WATCH_MAX_RUNS)).toBeUndefined(); // 287 minutes
    expect(watchBoundsIssue(60 * 60_000, 25)).toBeUndefined(); // exactly 24 h from first to last
  });
  it('names what is wrong', () => {
    expect(watchBoundsIssue(30_000, 12)).toBe('watch.interval.min');
    expect(watchBoundsIssue(Number.NaN, 12)).toBe('watch.interval.min');
    expect(watchBoundsIssue(60_000, 1)).toBe('watch.count.range');
    expect(watchBoundsIssue(60_000, 289)).toBe('watch.count.range');
    expect(watchBoundsIssue(60_000, 2.5)).toBe('watch.count.range');
    expect(watchBoundsIssue(60 * 60_000, 26)).toBe('watch.total.max');
  });
  it('tells the largest count for an interval', () => {
    expect(watchMaxCount(60_000)).toBe(WATCH_MAX_RUNS);
    expect(watchMaxCount(60 * 60_000)).toBe(25);
    expect(watchMaxCount(24 * 60 * 60_000)).toBe(2);
  });
  it('the start request carries the same bounds, at the field', () => {
    expect(WatchStartRequest.safeParse({ watchId: 'w', request, intervalMs: 300_000, count: 12, lang: 'ja' }).success).toBe(true);
    const bad = WatchStartRequest.safeParse({ watchId: 'w', request, intervalMs: 1_000, count: 12, lang: 'ja' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ message: 'watch.interval.min', path: ['intervalMs'] });
    const many = WatchStartRequest.safeParse({ watchId: 'w', request, intervalMs: 300_000, count: 1000, lang: 'ja' });
    expect(many.error?.issues[0]).toMatchObject({ message: 'watch.count.range', path: ['count'] });
  });
});
