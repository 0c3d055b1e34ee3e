/**
 * The host's watch loop through the real dispatcher (the contract's zod schemas on the way in,
 * out and on every event). The clock is the test's: a watch of minutes runs in milliseconds, and
 * a wait can be held open to stop the watch in the middle of it. The last test runs the real
 * engine against the lab's all-refused host.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../shared/ipc/contract';
import type { DiagnoseReport, DiagnoseRequest } from '../../shared/models/probe';
import { WATCH_MAX_ACTIVE, WATCH_MIN_INTERVAL_MS } from '../../shared/models/watch';
import type { WatchState } from '../../shared/watch/watch-timeline';
import { labOrNull, labSkipReason } from '../../test/lab/lab-context';
import type { WatchClock } from '../probes/watch';
import { createHistoryStore } from './history-store';
import { createDispatcher } from './ipc/dispatch';
import { createHandlers, type HostServices } from './ipc/handlers';
import { createWatchManager, type WatchManagerOptions } from './watch-manager';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'md-watch-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PASSWORD = 'watch-secret-Pw1';

/** Waits that take no time unless held: `hold()` makes the next wait last until the watch is stopped. */
function testClock() {
  let now = Date.parse('2026-12-01T10:00:00.000Z');
  let held = false;
  const clock: WatchClock = {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        if (!held || signal?.aborted) {
          now += ms;
          return resolve();
        }
        signal?.addEventListener('abort', () => resolve(), { once: true });
      }),
  };
  return { clock, hold: () => (held = true) };
}

function fakeRun(outcomes: Array<'ok' | 'refused'>) {
  let i = 0;
  return async (r: DiagnoseRequest): Promise<DiagnoseReport> => {
    const o = outcomes[Math.min(i++, outcomes.length - 1)];
    const refused = o === 'refused';
    const findings = refused ? [{ code: 'TCP_REFUSED' as const, severity: 'error' as const, stage: 'tcp' as const, evidence: {} }] : [];
    return {
      runId: r.runId, email: r.account.email, startedAt: '2026-12-01T10:00:00.000Z', durationMs: 5, ok: !refused, cancelled: false, findings, dns: [],
      probes: [{ id: 'p', protocol: 'imap', role: 'configured', host: 'mail.example.jp', port: 993, security: 'tls', status: refused ? 'failed' : 'ok', startedAt: '2026-12-01T10:00:00.000Z', durationMs: 5, findings, transcript: [], login: refused ? 'not-tried' : 'ok', steps: [] }],
    };
  };
}

function setup(o: WatchManagerOptions) {
  const host: HostServices = {
    appInfo: () => ({ name: 'Mail Doctor', version: '1.0.0', platform: 'linux', locale: 'ja-JP', transport: 'web', capabilities: { saveFile: false, printToPdf: false, openExternal: false } }),
    history: createHistoryStore(join(dir, 'history')),
    checkForUpdates: async () => ({ status: 'disabled', current: '1.0.0' }),
    watches: createWatchManager(o),
  };
  const dispatch = createDispatcher(createHandlers(host));
  const seen: Array<{ event: string; payload: unknown }> = [];
  const emitter = { emit: (event: string, payload: unknown) => seen.push({ event, payload }) };
  return { host, dispatch, seen, emitter };
}

const request = (watchId: string, over: Record<string, unknown> = {}) => ({
  watchId,
  request: { runId: `run-${watchId}`, account: { email: 'alice@example.jp', password: PASSWORD, imap: { host: 'mail.example.jp', port: 993, security: 'tls' } }, options: {} },
  intervalMs: 5 * 60_000,
  count: 3,
  lang: 'ja',
  ...over,
});

describe('the watch loop in the host', () => {
  it('refuses a watch outside the bounds, at the field, before anything runs', async () => {
    const { dispatch, emitter, seen } = setup({ clock: testClock().clock, runOnce: fakeRun(['ok']) });
    expect(await dispatch('watch:start', request('w', { intervalMs: 1_000 }), emitter)).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST', details: { path: 'intervalMs', issue: 'watch.interval.min' } } });
    expect(await dispatch('watch:start', request('w', { count: 289 }), emitter)).toMatchObject({ ok: false, error: { details: { path: 'count', issue: 'watch.count.range' } } });
    expect(await dispatch('watch:start', request('w', { intervalMs: 60 * 60_000, count: 26 }), emitter)).toMatchObject({ ok: false, error: { details: { issue: 'watch.total.max' } } });
    expect(seen).toEqual([]);
  });

  it('runs every test, sends the timeline as it grows, stops by itself at the count, and never sends the password', async () => {
    const ended: WatchState[] = [];
    const { host, dispatch, emitter, seen } = setup({ clock: testClock().clock, runOnce: fakeRun(['ok', 'refused', 'refused']), onEnd: (s) => ended.push(s) });
    const started = await dispatch('watch:start', request('w1'), emitter);
    expect(started).toMatchObject({ ok: true, value: { watchId: 'w1', status: 'running', testing: 1, count: 3, email: 'alice@example.jp' } });
    await host.watches!.settled('w1');
    const updates = seen.filter((e) => e.event === 'watch:update').map((e) => e.payload as WatchState);
    for (const u of updates) expect(events['watch:update'].safeParse(u).success).toBe(true);
    const last = updates.at(-1)!;
    expect(last).toMatchObject({ status: 'stopped', timeline: { stopped: 'done' } });
    expect(last.timeline.runs.map((r) => r.ok)).toEqual([true, false, false]);
    expect(last.timeline.runs[1]!.changes).toEqual([expect.objectContaining({ kind: 'port-refusing', after: 'TCP_REFUSED' })]);
    expect(last.timeline.runs[1]!.changes[0]!.text).toContain('前回はつながりましたが');
    // It said when the next test starts while it waited, and which test was running.
    expect(updates.some((u) => u.nextAt && u.status === 'running')).toBe(true);
    expect(updates.some((u) => u.testing === 2)).toBe(true);
    expect(ended).toHaveLength(1);
    expect(JSON.stringify(seen)).not.toContain(PASSWORD);
    expect(JSON.stringify(started)).not.toContain(PASSWORD);
    // A reloaded page gets the ended watch back (its timeline goes into the report).
    expect(await dispatch('watch:list', {}, emitter)).toMatchObject({ ok: true, value: [{ watchId: 'w1', status: 'stopped' }] });
  });

  it('stops in the middle of a wait when asked, and a page that reconnects gets the updates', async () => {
    const c = testClock();
    const { host, dispatch, emitter, seen } = setup({ clock: c.clock, runOnce: fakeRun(['ok']) });
    c.hold();
    await dispatch('watch:start', request('w2', { count: 12 }), emitter);
    // A second page (the reloaded one) asks what is running and is told from then on.
    const page2: Array<{ event: string; payload: unknown }> = [];
    await new Promise((r) => setTimeout(r, 10));
    const list = await dispatch('watch:list', {}, { emit: (event, payload) => page2.push({ event, payload }) });
    expect(list).toMatchObject({ ok: true, value: [{ watchId: 'w2', status: 'running' }] });
    expect(await dispatch('watch:stop', { watchId: 'w2' }, emitter)).toEqual({ ok: true, value: { stopped: true } });
    await host.watches!.settled('w2');
    expect(page2.at(-1)?.payload).toMatchObject({ status: 'stopped', timeline: { stopped: 'cancelled', runs: [{ index: 1 }] } });
    expect(seen.at(-1)?.payload).toMatchObject({ status: 'stopped' });
    expect(await dispatch('watch:stop', { watchId: 'w2' }, emitter)).toEqual({ ok: true, value: { stopped: false } });
    expect(await dispatch('watch:stop', { watchId: 'nothing' }, emitter)).toEqual({ ok: true, value: { stopped: false } });
  });

  it(`runs at most ${WATCH_MAX_ACTIVE} watches at once`, async () => {
    const c = testClock();
    const { dispatch, emitter, host } = setup({ clock: c.clock, runOnce: fakeRun(['ok']) });
    c.hold();
    for (let i = 0; i < WATCH_MAX_ACTIVE; i++) expect(await dispatch('watch:start', request(`m${i}`), emitter)).toMatchObject({ ok: true });
    expect(await dispatch('watch:start', request('one-more'), emitter)).toMatchObject({ ok: false, error: { code: 'E_BUSY', details: { reason: 'too-many-watches' } } });
    expect(await dispatch('watch:start', request('m0'), emitter)).toMatchObject({ ok: false, error: { code: 'E_BUSY' } });
    host.watches!.stopAll();
    for (let i = 0; i < WATCH_MAX_ACTIVE; i++) await host.watches!.settled(`m${i}`);
  });
});

const lab = labOrNull();
describe.skipIf(!lab)(`the watch loop with the real engine (lab) ${lab ? '' : labSkipReason()}`, () => {
  it('repeats a real diagnosis of the all-refused host and records it, one minute apart on the test clock', async () => {
    const { host, dispatch, emitter, seen } = setup({ clock: testClock().clock });
    const req = request('lab', {
      intervalMs: WATCH_MIN_INTERVAL_MS,
      count: 2,
      request: {
        runId: 'lab-run',
        account: { email: lab!.users.alice.email, password: PASSWORD, imap: { host: lab!.hosts.closed.name, port: lab!.ports.imaps, security: 'tls' } },
        options: { dnsServer: lab!.dnsServer, caPem: lab!.caPem, tryAlternatives: false, timeoutMs: 3000 },
      },
    });
    expect(await dispatch('watch:start', req, emitter)).toMatchObject({ ok: true });
    await host.watches!.settled('lab');
    const last = seen.filter((e) => e.event === 'watch:update').at(-1)!.payload as WatchState;
    expect(last.timeline.runs.map((r) => r.codes)).toEqual([['TCP_REFUSED'], ['TCP_REFUSED']]);
    expect(last.timeline.stopped).toBe('done');
    expect(JSON.stringify(seen)).not.toContain(PASSWORD);
  });
});
