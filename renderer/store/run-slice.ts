import type { SliceCreator } from './slice-types';
import type { LiveRun, RunActions, RunState } from './types';
import type { ProbeStep } from '../../shared/models/probe';
import { buildDiagnoseRequest, refusalError, validateAccount } from '../view/account-request';
import { serverSources } from '../view/device-settings';

function upsertStep(list: ProbeStep[] | undefined, step: ProbeStep): ProbeStep[] {
  const rest = (list ?? []).filter((s) => s.name !== step.name);
  return [...rest, step];
}

export const createRunSlice: SliceCreator<RunState & RunActions> = (api, env) => (set, get) => ({
  run: undefined,
  report: undefined,
  runs: [],
  nextLabel: '',
  selectedProbeId: undefined,
  compare: [0, 1],

  runDiagnosis: async (opts) => {
    const s = get();
    if (s.run?.status === 'running') return;
    if (Object.keys(validateAccount(s)).length) {
      s.notify({ kind: 'info', key: 'account.fixErrors' });
      return;
    }
    const runId = env.newId();
    const label = s.nextLabel.trim();
    const live: LiveRun = { runId, label, status: 'running', startedAt: env.now().getTime(), targets: [], steps: {}, probes: {}, dns: [] };
    // Re-running from the comparison stays there: the new run joins the comparison when it ends.
    set({ run: live, selectedProbeId: undefined, ...(opts?.stay ? {} : { screen: 'probe' as const }) });
    const request = buildDiagnoseRequest(get(), runId);
    // Where each tested row came from (typed, catalog, discovered, guessed), kept with the run.
    const all = serverSources(get().servers);
    const sources = Object.fromEntries((['imap', 'pop3', 'smtp'] as const).filter((p) => request.account[p]).map((p) => [p, all[p]]));
    const user = request.account.user?.trim() || request.account.email;
    const res = await api.invoke('diagnose:run', request);
    const cur = get().run;
    if (!cur || cur.runId !== runId) return; // a new case was started meanwhile
    if (!res.ok) {
      const refused = res.error.code === 'E_BAD_REQUEST';
      const field = refused ? refusalError(res.error.details) : undefined;
      set({
        run: { ...cur, status: res.error.code === 'E_CANCELLED' ? 'cancelled' : 'error', ...(refused ? { refusedBadInput: true } : {}), ...(field ? { refusedField: field } : {}) },
        // Nothing was tested: back to the field the engine named, which shows why and takes the focus.
        ...(field ? { screen: 'account' as const } : {}),
      });
      get().notify({ kind: 'error', code: res.error.code, context: 'err.run' });
      return;
    }
    const report = res.value;
    const probes = { ...cur.probes };
    for (const p of report.probes) probes[p.id] = p;
    const targets = cur.targets.length ? cur.targets : report.probes.map(({ id, protocol, host, port, security, role }) => ({ id, protocol, host, port, security, role }));
    set((st) => {
      const runs = [...st.runs, { label, report, sources, user }];
      return {
        run: { ...cur, targets, probes, dns: report.dns.length ? report.dns : cur.dns, status: report.cancelled ? 'cancelled' : 'done' },
        report,
        runs,
        nextLabel: '',
        compare: [Math.max(0, runs.length - 2), runs.length - 1],
        lastCaseId: st.caseId,
      };
    });
    await get().saveCase();
  },

  cancelRun: async () => {
    const run = get().run;
    if (!run || run.status !== 'running') return;
    const res = await api.invoke('diagnose:cancel', { runId: run.runId });
    if (!res.ok) get().notify({ kind: 'error', code: res.error.code, context: 'err.cancel' });
  },

  applyProgress: (p) => {
    const run = get().run;
    if (!run || run.runId !== p.runId || run.status !== 'running') return;
    switch (p.kind) {
      case 'planned':
        set({ run: { ...run, targets: p.targets } });
        return;
      case 'step':
        set({ run: { ...run, steps: { ...run.steps, [p.probeId]: upsertStep(run.steps[p.probeId], p.step) } } });
        return;
      case 'dns':
        set({ run: { ...run, dns: [...run.dns.filter((d) => d.host !== p.dns.host), p.dns] } });
        return;
      case 'probe-done':
        set({ run: { ...run, probes: { ...run.probes, [p.probe.id]: p.probe } } });
        return;
    }
  },

  setNextLabel: (nextLabel) => set({ nextLabel }),
  setRunLabel: (index, label) => {
    set((s) => ({ runs: s.runs.map((r, i) => (i === index ? { ...r, label } : r)) }));
    void get().saveCase();
  },
  selectProbe: (selectedProbeId) => set({ selectedProbeId }),
  setCompare: (compare) => set({ compare }),
});
