import type { SliceCreator } from './slice-types';
import type { PrefsActions, PrefsState } from './types';
import { langFromLocale } from '../../shared/i18n/translate';

export const createPrefsSlice: SliceCreator<PrefsState & PrefsActions> = (_api, env) => (set) => ({
  lang: langFromLocale(env.locale()),
  langChosen: false,
  theme: 'system',
  screen: 'start',
  lastCaseId: undefined,
  setLang: (lang) => set({ lang, langChosen: true }),
  setTheme: (theme) => set({ theme }),
  go: (screen) => set({ screen }),
});
