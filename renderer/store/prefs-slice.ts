import type { SliceCreator } from './slice-types';
import type { PrefsActions, PrefsState } from './types';
import { langFromLocale } from '../../shared/i18n/translate';

export const createPrefsSlice: SliceCreator<PrefsState & PrefsActions> = (_api, env) => (set, get) => ({
  lang: langFromLocale(env.locale()),
  langChosen: false,
  theme: 'system',
  screen: 'start',
  lastCaseId: undefined,
  setLang: (lang) => {
    set({ lang, langChosen: true });
    // The lookup answer is worded in the language it was asked in: ask again.
    if (get().errorText.trim()) get().setErrorText(get().errorText);
  },
  setTheme: (theme) => set({ theme }),
  go: (screen) => set({ screen }),
});
