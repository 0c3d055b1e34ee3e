import type { SliceCreator } from './slice-types';
import type { HistoryActions, HistoryState } from './types';
import { fromCaseRecord, toCaseRecord } from '../view/case-record';
import { caseOutcome } from '../../shared/knowledge/composer/case-story';
import { selectContext } from './derived';

export const createHistorySlice: SliceCreator<HistoryState & HistoryActions> = (api, env) => (set, get) => {
  let listSeq = 0;
  return {
    history: [],
    historyQuery: '',
    historyStatus: 'idle',

    loadHistory: async (query) => {
      const seq = ++listSeq;
      const q = (query ?? get().historyQuery).trim();
      set({ historyStatus: 'loading' });
      const res = await api.invoke('history:list', q ? { query: q.slice(0, 500) } : {});
      if (seq !== listSeq) return;
      if (res.ok) set({ history: res.value, historyStatus: 'done' });
      else {
        set({ historyStatus: 'error' });
        get().notify({ kind: 'error', code: res.error.code, context: 'err.historyList' });
      }
    },

    setHistoryQuery: (historyQuery) => {
      set({ historyQuery });
      void get().loadHistory(historyQuery);
    },

    openCase: async (id, opts) => {
      const res = await api.invoke('history:get', { id });
      if (!res.ok) {
        // A silent reopen after reload may point at a deleted case: just start fresh.
        if (opts?.silent) set({ lastCaseId: undefined, screen: 'start' });
        else get().notify({ kind: 'error', code: res.error.code, context: 'err.historyOpen' });
        return false;
      }
      const running = get().run;
      if (running?.status === 'running') void api.invoke('diagnose:cancel', { runId: running.runId });
      const restored = fromCaseRecord(res.value, get());
      set((s) => ({
        ...restored.caseFields,
        ...restored.runFields,
        discovery: undefined,
        discoveryStatus: 'idle',
        lookup: undefined,
        lookupStatus: 'idle',
        selectedProbeId: undefined,
        nextLabel: '',
        lastCaseId: res.value.id,
        savedCaseId: res.value.id,
        // Local progress is newer than what history holds when both exist.
        progress: { ...s.progress, [res.value.id]: { ...restored.checklist, ...s.progress[res.value.id] } },
        ...(opts?.silent ? {} : { screen: restored.runFields.report ? 'diagnosis' : 'start' }),
      }));
      if (!opts?.silent) get().notify({ kind: 'info', key: 'history.opened', params: { email: res.value.email } });
      return true;
    },

    deleteCase: async (id) => {
      const res = await api.invoke('history:delete', { id });
      if (!res.ok) {
        get().notify({ kind: 'error', code: res.error.code, context: 'err.historyDelete' });
        return;
      }
      set((s) => {
        const progress = { ...s.progress };
        delete progress[id];
        return { history: s.history.filter((h) => h.id !== id), progress, ...(s.lastCaseId === id ? { lastCaseId: undefined } : {}) };
      });
    },

    saveCase: async () => {
      const s = get();
      if (!s.email.trim() || !s.runs.length) return;
      const record = toCaseRecord(s, s, s.progress[s.caseId] ?? {}, env.now().toISOString(), caseOutcome(selectContext(s), s.runs));
      const res = await api.invoke('history:save', record);
      if (!res.ok) {
        get().notify({ kind: 'error', code: res.error.code, context: 'err.historySave' });
        return;
      }
      set({ lastCaseId: res.value.id, savedCaseId: res.value.id });
      void get().loadHistory();
    },

    saveProgress: async () => {
      const s = get();
      // Not saved yet (or another case since): the full record goes once, then only the progress.
      if (s.savedCaseId !== s.caseId) return get().saveCase();
      const checklist = s.progress[s.caseId] ?? {};
      const res = await api.invoke('history:progress', {
        id: s.caseId,
        checklist: Object.fromEntries(Object.entries(checklist).map(([k, v]) => [k, v.note ? { status: v.status, note: v.note.slice(0, 2000) } : { status: v.status }])),
        ...(s.notes.trim() ? { notes: s.notes.slice(0, 20_000) } : {}),
      });
      if (!res.ok) get().notify({ kind: 'error', code: res.error.code, context: 'err.historySave' });
    },
  };
};
