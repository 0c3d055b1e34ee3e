import type { SliceCreator } from './slice-types';
import type { LinkActions } from './types';

/** Only web pages: a knowledge URL is data, and data never gets to open file: or custom schemes. */
const SAFE_URL = /^https:\/\/[^\s]+$/;

export const createLinkSlice: SliceCreator<LinkActions> = (api, env) => (_set, get) => ({
  openLink: async (url) => {
    if (!SAFE_URL.test(url)) return;
    const res = await api.invoke('shell:open-external', { url });
    if (res.ok) {
      // The host refuses pages off its allow-list: say so instead of a click that does nothing.
      if (!res.value.opened) get().notify({ kind: 'info', key: 'app.linkRefused', params: { url } });
      return;
    }
    if (res.error.code === 'E_UNSUPPORTED') env.openWindow(url);
    else get().notify({ kind: 'error', code: res.error.code, context: 'err.openLink' });
  },
});
