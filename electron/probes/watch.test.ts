/**
 * The watch loop's logic with an injected clock: a watch of minutes runs in milliseconds, and
 * the waits, the stop at the count, the time limit and a cancel are seen exactly.
 */
import { describe, expect, it } from 'vitest';
import type { DiagnoseReport, DiagnoseRequest } from '../../shared/models/probe';
import { WATCH_MAX_TOTAL_MS, WATCH_MIN_INTERVAL_MS } from '../../shared/models/watch';
import { runWatch, type WatchClock } from './watch';

const req: DiagnoseRequest = { runId: 'w', account: { email: 'a@example.jp', imap: { host: 'mail.example.jp', port: 993, security: 'tls' } }, options: {} } as DiagnoseRequest;

/** A clock that only moves when told: each run takes `runMs`, each wait is recorded and skipped. */
function fakeClock(runMs: number) {
  let now = Date.parse('2026-12-01T10:00:00.000Z');
  const waits: number[] = [];
  const clock: WatchClock = {
    now: () => now,
    sleep: async (ms, signal) => {
      waits.push(ms);
      if (!signal?.aborted) now += ms;
    },
  };
  const runOnce = async (r: DiagnoseRequest, rt: { signal?: AbortSignal }): Promise<DiagnoseReport> => {
    const startedAt = new Date(now).toISOString();
    now += runMs;
    return { runId: r.runId, email: 'a@example.jp', startedAt, durationMs: runMs, ok: true, cancelled: Boolean(rt.signal?.aborted), findings: [], probes: [], dns: [] };
  };
  return { clock, runOnce, waits, at: () => now };
}

describe('runWatch', () => {
  it('keeps a steady rhythm from each run’s start and stops by itself after the count', async () => {
    const f = fakeClock(4_000);
    const starts: number[] = [];
    const waitsFor: number[] = [];
    const { timeline } = await runWatch(req, {
      intervalMs: 5 * 60_000, count: 4, lang: 'ja', clock: f.clock, runOnce: f.runOnce,
      onRunStart: (i) => starts.push(i),
      onWait: (at) => waitsFor.push(at),
    });
    expect(timeline.stopped).toBe('done');
    expect(timeline.runs.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(starts).toEqual([1, 2, 3, 4]);
    expect(f.waits).toEqual([296_000, 296_000, 296_000]); // 5 min minus the 4 s run
    expect(timeline.runs.map((r) => Date.parse(r.startedAt) - Date.parse(timeline.runs[0]!.startedAt))).toEqual([0, 300_000, 600_000, 900_000]);
    expect(waitsFor).toHaveLength(3);
  });

  it('gives each run its own id, so progress and cancel refer to one run', async () => {
    const f = fakeClock(10);
    const ids: string[] = [];
    await runWatch(req, { intervalMs: WATCH_MIN_INTERVAL_MS, count: 3, lang: 'en', clock: f.clock, runOnce: async (r, rt) => (ids.push(r.runId), f.runOnce(r, rt)) });
    expect(ids).toEqual(['w-w1', 'w-w2', 'w-w3']);
  });

  it('stops at the time limit when runs overrun the 24 hours', async () => {
    // Runs that take 5 hours each with a 1-hour interval: the next start would pass the limit.
    const f = fakeClock(5 * 3_600_000);
    const { timeline } = await runWatch(req, { intervalMs: 3_600_000, count: 24, lang: 'en', clock: f.clock, runOnce: f.runOnce });
    expect(timeline.stopped).toBe('time-limit');
    expect(timeline.runs.length).toBe(5);
    // No run starts after the limit (the last one ends within its own deadlines).
    expect(Date.parse(timeline.runs.at(-1)!.startedAt) - Date.parse(timeline.runs[0]!.startedAt)).toBeLessThanOrEqual(WATCH_MAX_TOTAL_MS);
  });

  it('stops at once on cancel, during a wait or during a run', async () => {
    const f = fakeClock(1_000);
    const c = new AbortController();
    const { timeline } = await runWatch(req, {
      intervalMs: WATCH_MIN_INTERVAL_MS, count: 10, lang: 'en', signal: c.signal, clock: f.clock, runOnce: f.runOnce,
      onRun: (e) => { if (e.index === 2) c.abort(); },
    });
    expect(timeline.stopped).toBe('cancelled');
    expect(timeline.runs).toHaveLength(2);

    const g = fakeClock(1_000);
    const d = new AbortController();
    const waiting = { clock: { now: g.clock.now, sleep: async (ms: number, s?: AbortSignal) => { d.abort(); return g.clock.sleep(ms, s); } } };
    const r2 = await runWatch(req, { intervalMs: WATCH_MIN_INTERVAL_MS, count: 10, lang: 'en', signal: d.signal, runOnce: g.runOnce, ...waiting });
    expect(r2.timeline.stopped).toBe('cancelled');
    expect(r2.timeline.runs).toHaveLength(1);
  });
});
