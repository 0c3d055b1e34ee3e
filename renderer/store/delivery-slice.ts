import type { SliceCreator } from './slice-types';
import type { DeliveryActions, DeliveryState } from './types';
import { selectDiagnosis } from './derived';
import { deliveryFile, sourcedSettings } from '../view/delivery-view';

/** What a browser download is labelled as: Apple's type for configuration profiles, plain XML for autoconfig. */
const MIME = { mobileconfig: 'application/x-apple-aspen-config', autoconfig: 'application/xml;charset=utf-8' } as const;
const SAVE_KIND = { mobileconfig: 'mobileconfig', autoconfig: 'autoconfig' } as const;

export const createDeliverySlice: SliceCreator<DeliveryState & DeliveryActions> = (api, env) => (set, get) => ({
  deliveryIncludePassword: false,
  profileUrl: '',
  setDeliveryIncludePassword: (deliveryIncludePassword) => set({ deliveryIncludePassword }),
  setProfileUrl: (profileUrl) => set({ profileUrl: profileUrl.slice(0, 2_000) }),
  saveDelivery: async (kind) => {
    const s = get();
    const d = selectDiagnosis(s);
    const settings = d ? sourcedSettings(d) : undefined;
    // The password goes into a profile only with the box ticked, and never into the autoconfig file.
    const password = kind === 'mobileconfig' && s.deliveryIncludePassword && s.password ? s.password : undefined;
    const file = settings ? deliveryFile(kind, settings, s.email.trim(), s.incoming, s.lang, password) : undefined;
    if (!file) {
      s.notify({ kind: 'info', key: 'delivery.cannotBuild' });
      return 'error';
    }
    // One file per tick: the next file is without the password unless the box is ticked again.
    if (password) set({ deliveryIncludePassword: false });
    const res = await api.invoke('file:save', { suggestedName: file.name, kind: SAVE_KIND[kind], content: file.content });
    if (res.ok) {
      if (!res.value.saved) return 'cancelled';
      get().notify({ kind: 'info', key: 'report.saved', params: { path: res.value.path ?? file.name } });
      return 'saved';
    }
    if (res.error.code === 'E_UNSUPPORTED') {
      env.download(file.name, file.content, MIME[kind]);
      get().notify({ kind: 'info', key: 'report.savedDownload' });
      return 'download';
    }
    get().notify({ kind: 'error', code: res.error.code, context: 'err.saveFile' });
    return 'error';
  },
});
