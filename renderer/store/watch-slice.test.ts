import { describe, expect, it } from 'vitest';
import { createAppStore } from './create-store';
import { fakeApi, memoryStorage, testEnv } from '../../test/fakes/fake-api';
import { err, ok } from '../../shared/result';
import { WATCH_MAX_ACTIVE, type WatchStartRequest } from '../../shared/models/watch';
import type { WatchState } from '../../shared/watch/watch-timeline';

function filled(api: ReturnType<typeof fakeApi>) {
  const store = createAppStore(api, testEnv(), memoryStorage());
  const s = store.getState();
  s.setDevice('iphone');
  s.setEmail('alice@lab.test');
  s.setServer('imap', { host: 'mail.lab.test', port: '993', security: 'tls' });
  s.setServer('smtp', { host: 'mail.lab.test', port: '587', security: 'starttls' });
  s.setPassword('pw-123456');
  return store;
}
const state = (over: Partial<WatchState> = {}): WatchState => ({
  watchId: 'w1', email: 'alice@lab.test', intervalMs: 120_000, count: 4, status: 'running', testing: 1, timeline: { intervalMs: 120_000, plannedRuns: 4, runs: [] }, ...over,
});

describe('watch slice', () => {
  it('asks the host for a watch with the fields’ interval and count, the account’s request and the case', async () => {
    const api = fakeApi({ 'watch:start': (r) => ok(state({ watchId: r.watchId, caseId: r.caseId ?? '' })) });
    const store = filled(api);
    store.getState().setWatchIntervalMin('2');
    store.getState().setWatchCount('4');
    await store.getState().startWatch();
    const call = api.calls.find((c) => c.channel === 'watch:start')!.req as WatchStartRequest;
    expect(call).toMatchObject({ intervalMs: 120_000, count: 4, lang: store.getState().lang, caseId: store.getState().caseId, request: { account: { email: 'alice@lab.test', imap: { host: 'mail.lab.test', port: 993 } } } });
    expect(store.getState().watch?.status).toBe('running');
  });

  it('the host’s limit on watches at once reads as that limit, not as "the same operation is running"', async () => {
    // The refusal exactly as watch-manager.ts sends it (its test asserts the reason).
    const api = fakeApi({ 'watch:start': () => err('E_BUSY', `at most ${WATCH_MAX_ACTIVE} watches at once`, { reason: 'too-many-watches' }) });
    const store = filled(api);
    await store.getState().startWatch();
    expect(store.getState().notice).toEqual({ kind: 'info', key: 'watch.tooMany', params: { n: WATCH_MAX_ACTIVE } });
    api.handlers['watch:start'] = () => err('E_BUSY', 'watch w exists already');
    await store.getState().startWatch();
    expect(store.getState().notice).toEqual({ kind: 'error', code: 'E_BUSY', context: 'watch.startFailed' });
  });

  it('does not call the host when the fields are outside the bounds', async () => {
    const api = fakeApi({ 'watch:start': () => ok(state()) });
    const store = filled(api);
    for (const [i, c] of [['0', '3'], ['0.5', '3'], ['1.5', '3'], ['5', '1'], ['5', '289'], ['60', '26']] as const) {
      store.getState().setWatchIntervalMin(i);
      store.getState().setWatchCount(c);
      await store.getState().startWatch();
    }
    expect(api.calls.filter((c) => c.channel === 'watch:start')).toEqual([]);
  });

  it('shows only its own watch’s updates, and after a reload picks up this case’s watch with its fields', async () => {
    const api = fakeApi();
    const store = filled(api);
    const caseId = store.getState().caseId;
    store.getState().applyWatch(state({ watchId: 'other', caseId: 'another-case' }));
    expect(store.getState().watch).toBeUndefined();
    api.handlers['watch:list'] = () => ok([state({ watchId: 'old', caseId, status: 'stopped' }), state({ watchId: 'mine', caseId, intervalMs: 180_000, count: 5 })]);
    await store.getState().resumeWatches();
    expect(store.getState()).toMatchObject({ watch: { watchId: 'mine' }, watchOpen: true, watchIntervalMin: '3', watchCount: '5' });
    store.getState().applyWatch(state({ watchId: 'mine', caseId, testing: undefined, nextAt: '2026-12-01T10:03:00.000Z' }));
    expect(store.getState().watch?.nextAt).toBe('2026-12-01T10:03:00.000Z');
    store.getState().applyWatch(state({ watchId: 'old', caseId }));
    expect(store.getState().watch?.watchId).toBe('mine');
  });

  it('stops the watch when the switch goes off or a new case starts', async () => {
    const api = fakeApi({ 'watch:start': (r) => ok(state({ watchId: r.watchId })), 'watch:stop': () => ok({ stopped: true }) });
    const store = filled(api);
    await store.getState().startWatch();
    store.getState().setWatchOpen(false);
    await new Promise((r) => setTimeout(r, 5));
    expect(api.calls.filter((c) => c.channel === 'watch:stop')).toHaveLength(1);
    store.getState().newCase();
    expect(api.calls.filter((c) => c.channel === 'watch:stop')).toHaveLength(2);
    expect(store.getState().watch).toBeUndefined();
  });
});
