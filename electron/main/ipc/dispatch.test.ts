import { describe, expect, it } from 'vitest';
import { assertAllChannelsHandled, createDispatcher } from './dispatch';
import { makeTestHandlers } from '../../../test/fakes/test-handlers';
import { AppFailure } from '../../../shared/result';

const silent = { emit: () => undefined };

describe('dispatch', () => {
  it('answers a valid call with ok + the validated value', async () => {
    const d = createDispatcher(makeTestHandlers());
    const r = await d('app:info', {}, silent);
    expect(r).toMatchObject({ ok: true, value: { version: '9.9.9', transport: 'web' } });
  });

  it('refuses unknown channels and invalid payloads without calling a handler', async () => {
    const d = createDispatcher(makeTestHandlers());
    expect(await d('fs:readFile', {}, silent)).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
    const bad = await d('history:get', { id: '' }, silent);
    expect(bad).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST', details: { path: 'id' } } });
    const extra = await d('app:info', { sneaky: 1 }, silent);
    expect(extra).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
  });

  it('turns throws into Results and keeps the chosen error code', async () => {
    const d = createDispatcher(
      makeTestHandlers({
        'history:get': async () => {
          throw new AppFailure('E_NOT_FOUND', 'no such case');
        },
        'history:list': async () => {
          throw new TypeError('boom');
        },
      }),
    );
    expect(await d('history:get', { id: 'x' }, silent)).toEqual({ ok: false, error: { code: 'E_NOT_FOUND', message: 'no such case' } });
    expect(await d('history:list', {}, silent)).toMatchObject({ ok: false, error: { code: 'E_INTERNAL', message: 'boom' } });
  });

  it('strips fields the contract does not declare from answers (nothing extra leaks)', async () => {
    const d = createDispatcher(
      makeTestHandlers({
        'updates:check': async () => ({ status: 'disabled', current: '1.0.0', password: 'hunter2' }) as never,
      }),
    );
    const r = await d('updates:check', {}, silent);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  it('reports an answer outside the contract as an internal error', async () => {
    const d = createDispatcher(makeTestHandlers({ 'diagnose:cancel': async () => ({ cancelled: 'yes' }) as never }));
    expect(await d('diagnose:cancel', { runId: 'r1' }, silent)).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
  });

  it('validates push events and drops malformed ones', async () => {
    const seen: unknown[] = [];
    const d = createDispatcher(
      makeTestHandlers({
        'diagnose:cancel': async (_req, ctx) => {
          ctx.emit('diagnose:progress', { kind: 'planned', runId: 'r1', targets: [] });
          ctx.emit('diagnose:progress', { runId: 'r1' } as never);
          return { cancelled: true };
        },
      }),
    );
    await d('diagnose:cancel', { runId: 'r1' }, { emit: (e, p) => seen.push([e, p]) });
    expect(seen).toEqual([['diagnose:progress', { kind: 'planned', runId: 'r1', targets: [] }]]);
  });

  it('refuses to start when a contract channel has no handler', () => {
    const partial = makeTestHandlers() as Record<string, unknown>;
    delete partial['updates:check'];
    expect(() => assertAllChannelsHandled(partial)).toThrow(/updates:check/);
  });
});
