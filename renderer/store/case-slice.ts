import type { SliceCreator } from './slice-types';
import type { CaseActions, CaseState, ServerDraft } from './types';
import type { Protocol } from '../../shared/models/account';
import type { DiscoveryCandidate } from '../../shared/models/discovery';
import { STANDARD_PORTS } from '../../shared/models/account';
import { isEmail } from '../view/account-request';

/** The lookup index is tiny and local: very short texts match too much to be useful. */
const LOOKUP_MIN_CHARS = 3;

export function emptyServer(protocol: Protocol): ServerDraft {
  return { host: '', port: String(STANDARD_PORTS[protocol].tls), security: 'tls' };
}

export function initialCase(id: string, now: Date): CaseState {
  return {
    caseId: id,
    createdAt: now.toISOString(),
    device: undefined,
    errorText: '',
    email: '',
    ticket: '',
    customer: '',
    user: '',
    password: '',
    incoming: 'imap',
    servers: { imap: emptyServer('imap'), pop3: emptyServer('pop3'), smtp: { host: '', port: '587', security: 'starttls' } },
    deviceSettings: { incoming: { host: '', port: '', security: '' }, smtp: { host: '', port: '', security: '' }, user: '' },
    options: { timeoutSec: '', allowInsecureAuth: false, noDomainLookups: false, dnsServer: '', caPem: '', from: '', to: '' },
    discovery: undefined,
    discoveryStatus: 'idle',
    lookup: undefined,
    lookupStatus: 'idle',
    notes: '',
  };
}

function draftFrom(c: DiscoveryCandidate): ServerDraft {
  return { host: c.host, port: String(c.port), security: c.security, source: c.source, trust: c.trust };
}

export const createCaseSlice: SliceCreator<CaseState & CaseActions> = (api, env) => (set, get) => {
  let lookupTimer: ReturnType<typeof setTimeout> | undefined;
  // Answers can overtake each other; only the newest request may write its result.
  let lookupSeq = 0;
  let discoverSeq = 0;

  async function lookupNow(text: string): Promise<void> {
    const seq = ++lookupSeq;
    if (text.trim().length < LOOKUP_MIN_CHARS) {
      set({ lookup: undefined, lookupStatus: 'idle' });
      return;
    }
    set({ lookupStatus: 'loading' });
    const res = await api.invoke('lookup:error', { text: text.slice(0, 5000), lang: get().lang });
    if (seq !== lookupSeq) return;
    if (res.ok) set({ lookup: res.value, lookupStatus: 'done' });
    else {
      set({ lookupStatus: 'error' });
      get().notify({ kind: 'error', code: res.error.code, context: 'err.lookup' });
    }
  }

  return {
    ...initialCase(env.newId(), env.now()),
    setDevice: (device) => set({ device }),
    setErrorText: (errorText) => {
      set({ errorText });
      if (lookupTimer) clearTimeout(lookupTimer);
      lookupTimer = setTimeout(() => void lookupNow(errorText), env.lookupDebounceMs);
    },
    setEmail: (email) => set({ email }),
    // A case already in History takes the new ticket/name at once, so a search finds it.
    setTicket: (ticket) => {
      set({ ticket });
      if (get().runs.length) void get().saveCase();
    },
    setCustomer: (customer) => {
      set({ customer });
      if (get().runs.length) void get().saveCase();
    },
    setUser: (user) => set({ user }),
    setPassword: (password) => set({ password }),
    forgetPassword: () => set({ password: '' }),
    setIncoming: (incoming) => set({ incoming }),
    setServer: (protocol, patch) =>
      set((s) => ({ servers: { ...s.servers, [protocol]: { ...s.servers[protocol], ...patch, source: 'manual', trust: undefined } } })),
    setDeviceSetting: (which, patch) =>
      set((s) => ({ deviceSettings: { ...s.deviceSettings, [which]: { ...s.deviceSettings[which], ...patch } } })),
    setDeviceUser: (user) => set((s) => ({ deviceSettings: { ...s.deviceSettings, user } })),
    setOptions: (patch) => set((s) => ({ options: { ...s.options, ...patch } })),
    discover: async () => {
      const email = get().email.trim();
      if (!isEmail(email)) return;
      const seq = ++discoverSeq;
      set({ discoveryStatus: 'loading' });
      const dnsServer = get().options.dnsServer.trim();
      // Domain lookups switched off: only what the app knows without asking the network (provider list).
      const offline = get().options.noDomainLookups;
      const res = await api.invoke('discover:run', { email, ...(dnsServer ? { dnsServer } : {}), ...(offline ? { offline: true } : {}) });
      if (seq !== discoverSeq) return;
      if (!res.ok) {
        set({ discoveryStatus: 'error' });
        get().notify({ kind: 'error', code: res.error.code, context: 'err.discover' });
        return;
      }
      const best = res.value.best;
      set((s) => {
        const servers = { ...s.servers };
        // Discovery answers after a moment; a row the user touched meanwhile (any field) is theirs and stays.
        const free = (p: Protocol) => s.servers[p].source !== 'manual';
        if (best.imap && free('imap')) servers.imap = draftFrom(best.imap);
        if (best.pop3 && free('pop3')) servers.pop3 = draftFrom(best.pop3);
        if (best.smtp && free('smtp')) servers.smtp = draftFrom(best.smtp);
        // Prefer IMAP; fall back to POP only where the provider offers no IMAP.
        const incoming = !free(s.incoming) ? s.incoming : best.imap ? 'imap' : best.pop3 ? 'pop3' : s.incoming;
        const user = s.user || (best.imap ?? best.pop3 ?? best.smtp)?.usernameValue || '';
        return { discovery: res.value, discoveryStatus: 'done', servers, incoming, user: user === email ? '' : user };
      });
    },
    newCase: () => {
      // A run of the old case must not keep probing in the background for nobody.
      const run = get().run;
      if (run?.status === 'running') void api.invoke('diagnose:cancel', { runId: run.runId });
      // Nor a watch of the old customer's account.
      const watch = get().watch;
      if (watch?.status === 'running') void api.invoke('watch:stop', { watchId: watch.watchId });
      if (lookupTimer) clearTimeout(lookupTimer);
      lookupSeq++;
      discoverSeq++;
      set({ ...initialCase(env.newId(), env.now()), run: undefined, report: undefined, runs: [], nextLabel: '', selectedProbeId: undefined, compare: [0, 1], screen: 'start', lastCaseId: undefined, watch: undefined, watchOpen: false });
    },
  };
};
