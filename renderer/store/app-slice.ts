import type { SliceCreator } from './slice-types';
import type { AppActions, AppState } from './types';
import { langFromLocale } from '../../shared/i18n/translate';

export const createAppSlice: SliceCreator<AppState & AppActions> = (api) => (set, get) => ({
  info: undefined,
  notice: undefined,
  noticeSeq: 0,
  booting: true,
  boot: async () => {
    const res = await api.invoke('app:info', {});
    if (res.ok) {
      set({ info: res.value });
      // Desktop: the OS language. Web host: the browser's language (already set from env.locale()),
      // because the host process's locale is the server's, not the person's at the browser.
      if (!get().langChosen && res.value.transport !== 'web') set({ lang: langFromLocale(res.value.locale) });
      else void api.invoke('app:set-language', { lang: get().lang });
    } else {
      get().notify({ kind: 'error', code: res.error.code, context: 'err.appInfo' });
    }
    // A reload must land back in the case the helpdesk person was working on.
    const last = get().lastCaseId;
    if (last) await get().openCase(last, { silent: true });
    set({ booting: false });
    void get().loadHistory();
  },
  notify: (notice) => set((s) => ({ notice, noticeSeq: s.noticeSeq + 1 })),
  dismissNotice: () => set({ notice: undefined }),
});
