/**
 * The 「定期的に再診断」 switch: the fields, the start/stop calls and the host's watch as it grows.
 * The loop itself runs host-side (electron/main/watch-manager.ts); this slice only asks for it
 * and shows what 'watch:update' says, so a minimised window or a reloaded page loses nothing.
 */
import type { SliceCreator } from './slice-types';
import type { WatchActions, WatchUiState } from './types';
import type { WatchState } from '../../shared/watch/watch-timeline';
import { WATCH_DEFAULT_COUNT, WATCH_DEFAULT_INTERVAL_MS, WATCH_MAX_ACTIVE, watchBoundsIssue } from '../../shared/models/watch';
import { buildDiagnoseRequest, validateAccount } from '../view/account-request';
import { watchFieldIssue } from '../view/watch-fields';

/** A watch found again after a reload: the switch is on and the fields say what it runs. */
const pickedUp = (w: WatchState) => ({ watchOpen: true, watchIntervalMin: String(w.intervalMs / 60_000), watchCount: String(w.count) });

export const createWatchSlice: SliceCreator<WatchUiState & WatchActions> = (api, env) => (set, get) => ({
  watchOpen: false,
  watchIntervalMin: String(WATCH_DEFAULT_INTERVAL_MS / 60_000),
  watchCount: String(WATCH_DEFAULT_COUNT),
  watch: undefined,
  watchStarting: false,

  setWatchOpen: (watchOpen) => {
    // Turning the switch off while a watch runs stops it: the switch says what is going on.
    if (!watchOpen && get().watch?.status === 'running') void get().stopWatch();
    set({ watchOpen });
  },
  setWatchIntervalMin: (v) => set({ watchIntervalMin: v.slice(0, 10) }),
  setWatchCount: (v) => set({ watchCount: v.slice(0, 10) }),

  startWatch: async () => {
    const s = get();
    if (s.watchStarting || s.watch?.status === 'running') return;
    if (Object.keys(validateAccount(s)).length) {
      s.notify({ kind: 'info', key: 'account.fixErrors' });
      return;
    }
    const f = watchFieldIssue(s.watchIntervalMin, s.watchCount);
    if (f.interval || f.count) return; // the fields show why
    const intervalMs = Number(s.watchIntervalMin) * 60_000;
    const count = Number(s.watchCount);
    if (watchBoundsIssue(intervalMs, count)) return;
    const watchId = env.newId();
    set({ watchStarting: true });
    const res = await api.invoke('watch:start', { watchId, request: buildDiagnoseRequest(get(), `watch-${watchId}`), intervalMs, count, lang: get().lang, caseId: get().caseId });
    set({ watchStarting: false });
    if (!res.ok) {
      // The host's limit on watches at once is its own sentence, not "the same operation is running".
      if (res.error.details?.reason === 'too-many-watches') get().notify({ kind: 'info', key: 'watch.tooMany', params: { n: WATCH_MAX_ACTIVE } });
      else get().notify({ kind: 'error', code: res.error.code, context: 'watch.startFailed' });
      return;
    }
    // An update may have arrived before the answer: keep whichever knows more.
    const cur = get().watch;
    if (!cur || cur.watchId !== watchId || cur.timeline.runs.length <= res.value.timeline.runs.length) set({ watch: res.value });
  },

  stopWatch: async () => {
    const w = get().watch;
    if (!w || w.status !== 'running') return;
    const res = await api.invoke('watch:stop', { watchId: w.watchId });
    if (!res.ok) get().notify({ kind: 'error', code: res.error.code, context: 'err.cancel' });
  },

  applyWatch: (state) => {
    const cur = get().watch;
    // Only this page's watch, or (after a reload) this case's.
    if (cur ? cur.watchId !== state.watchId : state.caseId !== get().caseId) return;
    set({ watch: state, ...(cur ? {} : pickedUp(state)) });
  },

  resumeWatches: async () => {
    const res = await api.invoke('watch:list', {});
    if (!res.ok) return;
    const cur = get().watch;
    const caseId = get().caseId;
    const mine = res.value.filter((w) => (cur ? w.watchId === cur.watchId : w.caseId === caseId));
    const pick = mine.find((w) => w.status === 'running') ?? mine.at(-1);
    if (pick) set({ watch: pick, ...(cur ? {} : pickedUp(pick)) });
  },
});
