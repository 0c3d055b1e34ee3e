import type { SliceCreator } from './slice-types';
import type { PrefsActions, PrefsState } from './types';
import { langFromLocale } from '../../shared/i18n/translate';

export const createPrefsSlice: SliceCreator<PrefsState & PrefsActions> = (api, env) => (set, get) => ({
  lang: langFromLocale(env.locale()),
  langChosen: false,
  theme: 'system',
  screen: 'start',
  lastCaseId: undefined,
  setLang: (lang) => {
    set({ lang, langChosen: true });
    // Native menus and dialogs follow; a host without them (web) answers applied: false.
    void api.invoke('app:set-language', { lang });
    // The lookup answer is worded in the language it was asked in: ask again.
    if (get().errorText.trim()) get().setErrorText(get().errorText);
  },
  setTheme: (theme) => set({ theme }),
  go: (screen) => set({ screen }),
});
