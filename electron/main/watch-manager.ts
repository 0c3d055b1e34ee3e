/**
 * The host side of the watch switch: the loop lives here, in the main process (or the web host),
 * not in the page, so it keeps going while the window is minimised, and a reloaded page picks
 * it up again through 'watch:list'. No electron import: the same manager runs in both hosts and
 * in plain-Node tests; the desktop notification comes in through `onRun`.
 *
 * The request (with the password) stays in this closure for the watch's life and is never sent
 * out: what leaves is the WatchState (timeline, counts, times).
 */
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { Lang } from '../../shared/models/device';
import type { DiagnoseRequest } from '../../shared/models/probe';
import { WATCH_MAX_ACTIVE, type WatchStartRequest } from '../../shared/models/watch';
import type { WatchRunEntry, WatchState } from '../../shared/watch/watch-timeline';
import { startTimeline } from '../../shared/watch/watch-timeline';
import { AppFailure } from '../../shared/result';
import { realClock, runWatch, type WatchClock, type WatchOptions } from '../probes/watch';

/** Ended watches kept for a page that reloads after the end (their timeline goes into the report). */
export const WATCH_KEEP_ENDED = 4;
/**
 * Pages that receive updates: every caller of watch:start/watch:list, newest first. A page that
 * reloads subscribes again, so this stays small and old (closed) pages fall off.
 */
export const WATCH_MAX_SUBSCRIBERS = 8;

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface WatchManagerOptions {
  /** After each test: the watch's state and the test's entry (the desktop app decides on a notification). */
  onRun?: (state: WatchState, entry: WatchRunEntry, lang: Lang) => void;
  /** When a watch has stopped (done, cancelled, time limit). */
  onEnd?: (state: WatchState, lang: Lang) => void;
  /** The request as the host runs it (the web host fills its default DNS server). */
  prepare?: (req: DiagnoseRequest) => DiagnoseRequest;
  /** For tests: the clock and the single diagnosis (default: real ones). */
  clock?: WatchClock;
  runOnce?: WatchOptions['runOnce'];
}

export interface WatchManager {
  start(req: WatchStartRequest, emit: Emit): WatchState;
  stop(watchId: string): boolean;
  list(emit: Emit): WatchState[];
  /** Stops every watch (host shutting down). */
  stopAll(): void;
  /** Resolves when the watch's loop has returned (tests). */
  settled(watchId: string): Promise<void> | undefined;
}

interface Entry {
  state: WatchState;
  controller: AbortController;
  done: Promise<void>;
}

/** The real clock, with waits that do not keep a host process alive on their own. */
const hostClock: WatchClock = {
  now: realClock.now,
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const t = setTimeout(done, ms);
      t.unref?.();
      function done(): void {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

export function createWatchManager(o: WatchManagerOptions = {}): WatchManager {
  const watches = new Map<string, Entry>();
  let subscribers: Emit[] = [];

  const subscribe = (emit: Emit): void => {
    subscribers = [emit, ...subscribers.filter((e) => e !== emit)].slice(0, WATCH_MAX_SUBSCRIBERS);
  };
  const publish = (state: WatchState): void => {
    for (const emit of subscribers) emit('watch:update', structuredClone(state));
  };
  const forgetOldEnded = (): void => {
    const ended = [...watches.entries()].filter(([, e]) => e.state.status === 'stopped');
    for (const [id] of ended.slice(0, Math.max(0, ended.length - WATCH_KEEP_ENDED))) watches.delete(id);
  };

  return {
    start(req, emit) {
      if (watches.has(req.watchId)) throw new AppFailure('E_BUSY', `watch ${req.watchId} exists already`);
      const active = [...watches.values()].filter((e) => e.state.status === 'running').length;
      if (active >= WATCH_MAX_ACTIVE) throw new AppFailure('E_BUSY', `at most ${WATCH_MAX_ACTIVE} watches at once`, { reason: 'too-many-watches' });
      subscribe(emit);
      const controller = new AbortController();
      const state: WatchState = {
        watchId: req.watchId,
        email: req.request.account.email,
        ...(req.caseId ? { caseId: req.caseId } : {}),
        intervalMs: req.intervalMs,
        count: req.count,
        status: 'running',
        testing: 1,
        timeline: startTimeline(req.intervalMs, req.count),
      };
      const request = o.prepare ? o.prepare(req.request) : req.request;
      const done = runWatch(request, {
        intervalMs: req.intervalMs,
        count: req.count,
        lang: req.lang,
        signal: controller.signal,
        clock: o.clock ?? hostClock,
        ...(o.runOnce ? { runOnce: o.runOnce } : {}),
        onRunStart: (i) => {
          state.testing = i;
          delete state.nextAt;
          if (i > 1) publish(state);
        },
        onRun: (entry) => {
          state.timeline.runs.push(entry);
          delete state.testing;
          publish(state);
          o.onRun?.(state, entry, req.lang);
        },
        onWait: (at) => {
          state.nextAt = new Date(at).toISOString();
          publish(state);
        },
      }).then(
        ({ timeline }) => {
          state.timeline = timeline;
          state.status = 'stopped';
          delete state.testing;
          delete state.nextAt;
          publish(state);
          o.onEnd?.(state, req.lang);
          forgetOldEnded();
        },
        () => {
          // The engine turns every failure into findings; should one escape, the watch ends visibly.
          state.status = 'stopped';
          state.timeline.stopped ??= 'cancelled';
          delete state.testing;
          delete state.nextAt;
          publish(state);
        },
      );
      watches.set(req.watchId, { state, controller, done });
      return structuredClone(state);
    },

    stop(watchId) {
      const e = watches.get(watchId);
      if (!e || e.state.status !== 'running') return false;
      e.controller.abort();
      return true;
    },

    list(emit) {
      subscribe(emit);
      return [...watches.values()].map((e) => structuredClone(e.state));
    },

    stopAll() {
      for (const e of watches.values()) e.controller.abort();
    },

    settled(watchId) {
      return watches.get(watchId)?.done;
    },
  };
}
