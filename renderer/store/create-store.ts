/**
 * Builds the one renderer store from its slices.
 *
 * The engine client and the page environment are parameters, so unit tests run the
 * real actions against a fake MailDoctorApi in plain Node. Middleware sits on the
 * combined store only (zustand slices-pattern).
 */
import { createStore } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { MailDoctorApi } from '../../shared/ipc/api';
import { LANGS } from '../../shared/models/device';
import type { StoreEnv } from './slice-types';
import { SCREENS, type ChecklistEntryState, type PrefsState, type Store } from './types';
import { createPrefsSlice } from './prefs-slice';
import { createAppSlice } from './app-slice';
import { createCaseSlice } from './case-slice';
import { createRunSlice } from './run-slice';
import { createChecklistSlice } from './checklist-slice';
import { createHistorySlice } from './history-slice';
import { createReportSlice } from './report-slice';
import { createLinkSlice } from './link-slice';
import { createDeliverySlice } from './delivery-slice';
import { createWatchSlice } from './watch-slice';

export const PERSIST_KEY = 'mail-doctor.ui';
const PERSIST_VERSION = 1;

/** Exactly what may be written to localStorage: UI preferences and checklist progress. Never case data. */
export type PersistedState = Pick<PrefsState, 'lang' | 'langChosen' | 'theme' | 'screen' | 'lastCaseId'> & {
  progress: Record<string, Record<string, ChecklistEntryState>>;
};

export function persistedPart(s: Store): PersistedState {
  return { lang: s.lang, langChosen: s.langChosen, theme: s.theme, screen: s.screen, lastCaseId: s.lastCaseId, progress: s.progress };
}

/** localStorage can hold anything (an old version, a hand edit): keep only what is valid. */
export function sanitizePersisted(raw: unknown): Partial<PersistedState> {
  if (!raw || typeof raw !== 'object') return {};
  const r = raw as Record<string, unknown>;
  const out: Partial<PersistedState> = {};
  if ((LANGS as readonly unknown[]).includes(r.lang)) out.lang = r.lang as PersistedState['lang'];
  if (typeof r.langChosen === 'boolean') out.langChosen = r.langChosen;
  if (r.theme === 'system' || r.theme === 'light' || r.theme === 'dark') out.theme = r.theme;
  if ((SCREENS as readonly unknown[]).includes(r.screen)) out.screen = r.screen as PersistedState['screen'];
  if (typeof r.lastCaseId === 'string' && r.lastCaseId.length <= 100) out.lastCaseId = r.lastCaseId;
  if (r.progress && typeof r.progress === 'object') {
    const progress: PersistedState['progress'] = {};
    for (const [caseId, steps] of Object.entries(r.progress as Record<string, unknown>)) {
      if (!steps || typeof steps !== 'object') continue;
      const clean: Record<string, ChecklistEntryState> = {};
      for (const [stepId, e] of Object.entries(steps as Record<string, unknown>)) {
        const entry = e as { status?: unknown; note?: unknown };
        if (entry && ['todo', 'done', 'skipped', 'fixed'].includes(entry.status as string)) {
          clean[stepId] = { status: entry.status as ChecklistEntryState['status'], ...(typeof entry.note === 'string' ? { note: entry.note } : {}) };
        }
      }
      progress[caseId] = clean;
    }
    out.progress = progress;
  }
  return out;
}

export function createAppStore(api: MailDoctorApi, env: StoreEnv, storage?: StateStorage) {
  return createStore<Store>()(
    persist(
      (...a) => ({
        ...createPrefsSlice(api, env)(...a),
        ...createAppSlice(api, env)(...a),
        ...createCaseSlice(api, env)(...a),
        ...createRunSlice(api, env)(...a),
        ...createChecklistSlice(api, env)(...a),
        ...createHistorySlice(api, env)(...a),
        ...createReportSlice(api, env)(...a),
        ...createLinkSlice(api, env)(...a),
        ...createDeliverySlice(api, env)(...a),
        ...createWatchSlice(api, env)(...a),
      }),
      {
        name: PERSIST_KEY,
        version: PERSIST_VERSION,
        storage: createJSONStorage(() => storage ?? localStorage),
        partialize: persistedPart,
        merge: (persisted, current) => ({ ...current, ...sanitizePersisted(persisted) }),
        migrate: (persisted) => sanitizePersisted(persisted) as PersistedState,
      },
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
