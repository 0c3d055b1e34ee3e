import { describe, expect, it } from 'vitest';
import { createAppStore } from './create-store';
import { selectCaseStory, selectChecklist, selectDiagnosis, selectReportText } from './derived';
import { fakeApi, memoryStorage, testEnv } from '../../test/fakes/fake-api';
import { port25Report } from '../../test/fixtures/sample-report';
import { ok } from '../../shared/result';
import type { CaseProgress } from '../../shared/models/case';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

async function storeWithRun() {
  const progress: CaseProgress[] = [];
  const api = fakeApi({
    'diagnose:run': (req) => ok({ ...port25Report(), runId: req.runId }),
    'history:progress': (p) => {
      progress.push(p);
      return ok({ id: p.id });
    },
  });
  const store = createAppStore(api, testEnv(), memoryStorage());
  const s = store.getState();
  s.setDevice('outlook-classic');
  s.setEmail('alice@lab.test');
  s.setServer('imap', { host: 'mail.lab.test', port: '993', security: 'tls' });
  s.setServer('smtp', { host: 'mail.lab.test', port: '25', security: 'starttls' });
  await store.getState().runDiagnosis();
  return { store, api, progress };
}

describe('derived views: one memo per input', () => {
  it('every reader gets the same diagnosis object until an input changes', async () => {
    const { store } = await storeWithRun();
    const d1 = selectDiagnosis(store.getState());
    expect(d1).toBeDefined();
    // A change nothing derived reads (a notice, the screen) composes nothing again.
    store.getState().notify({ kind: 'info', key: 'account.fixErrors' });
    store.getState().go('checklist');
    expect(selectDiagnosis(store.getState())).toBe(d1);
    expect(selectChecklist(store.getState())).toBe(selectChecklist(store.getState()));
    expect(selectCaseStory(store.getState())).toBe(selectCaseStory(store.getState()));
    const text = selectReportText('text')(store.getState());
    expect(selectReportText('text')(store.getState())).toBe(text);
    store.getState().setLang(store.getState().lang === 'ja' ? 'en' : 'ja');
    expect(selectDiagnosis(store.getState())).not.toBe(d1);
  });

  it('the run keeps where its servers came from; a checklist tick sends only the progress, not the reports', async () => {
    const { store, api, progress } = await storeWithRun();
    expect(store.getState().runs[0]?.sources).toEqual({ imap: 'typed', smtp: 'typed' });
    const saves = () => api.calls.filter((c) => c.channel === 'history:save').length;
    expect(saves()).toBe(1);
    store.getState().setStepStatus('outgoing-server', 'done');
    await tick(450);
    expect(saves()).toBe(1);
    expect(progress).toHaveLength(1);
    expect(progress[0]).toEqual({ id: store.getState().caseId, checklist: { 'outgoing-server': { status: 'done' } } });
    expect(JSON.stringify(progress[0])).not.toContain('probes');
  });
});
