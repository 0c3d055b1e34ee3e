import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TOKEN_PROTOCOL_PREFIX } from '../../../shared/ipc/wire';
import { makeTestHandlers } from '../../../test/fakes/test-handlers';
import { startWebHost, type WebHost } from './server';

let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'md-webhost-'));
  await mkdir(join(dir, 'site', 'assets'), { recursive: true });
  await writeFile(join(dir, 'site', 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(dir, 'site', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'site', 'assets', 'app.js.map'), '{"sources":["../renderer/app.tsx"]}');
  await writeFile(join(dir, 'secret.txt'), 'outside the root');
  host = await startWebHost({
    staticDir: join(dir, 'site'),
    handlers: makeTestHandlers({
      'diagnose:cancel': async ({ runId }, ctx) => {
        ctx.emit('diagnose:progress', { kind: 'planned', runId, targets: [] });
        return { cancelled: true };
      },
    }),
  });
});

afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(opts: { origin?: string; token?: string | null; path?: string }): Promise<WebSocket> {
  const protocols = opts.token === null ? [] : [TOKEN_PROTOCOL_PREFIX + (opts.token ?? host.token)];
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}${opts.path ?? '/ipc'}`, protocols, {
    origin: opts.origin ?? `http://127.0.0.1:${host.port}`,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, channel: string, payload: unknown): Promise<any> {
  return new Promise((resolve) => {
    const onMsg = (d: WebSocket.RawData) => {
      const m = JSON.parse(d.toString());
      if (m.type === 'result' && m.id === id) {
        ws.off('message', onMsg);
        resolve(m.result);
      }
    };
    ws.on('message', onMsg);
    ws.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
  });
}

describe('web host: static files', () => {
  it('binds 127.0.0.1 only and prints a URL carrying the token in the fragment', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{20,}$`));
  });

  it('serves the UI with the strict CSP and hardening headers', async () => {
    const r = await get('/', { host: `127.0.0.1:${host.port}` });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const js = await get('/assets/app.js', { host: `localhost:${host.port}` });
    expect(js.headers['content-type']).toContain('text/javascript');
  });

  it('refuses other Host names (DNS rebinding) and paths that escape the root', async () => {
    expect((await get('/', { host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await get('/../secret.txt', { host: `127.0.0.1:${host.port}` })).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt', { host: `127.0.0.1:${host.port}` })).status).toBe(404);
  });
});

describe('web host: limits', () => {
  it('a folder is a 404 (not a 500), source maps are not served, every answer has the headers', async () => {
    const h = { host: `127.0.0.1:${host.port}` };
    for (const path of ['/assets', '/assets/', '/assets/app.js.map', '/nope.js']) {
      const r = await get(path, h);
      expect(r.status, path).toBe(404);
      expect(r.headers['content-security-policy'], path).toContain("default-src 'self'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    const rebinding = await get('/', { host: `evil.example:${host.port}` });
    expect(rebinding.status).toBe(421);
    expect(rebinding.headers['x-frame-options']).toBe('DENY');
  });

  it('caps diagnoses at once per page and in all; a closed page cancels its runs', async () => {
    const release: Array<() => void> = [];
    const cancelled: string[] = [];
    const capped = await startWebHost({
      staticDir: join(dir, 'site'),
      handlers: makeTestHandlers({
        'diagnose:run': async (req) => {
          await new Promise<void>((r) => release.push(r));
          return { runId: req.runId, email: req.account.email, startedAt: new Date().toISOString(), durationMs: 1, ok: true, cancelled: false, findings: [], probes: [], dns: [] };
        },
        'diagnose:cancel': async ({ runId }) => {
          cancelled.push(runId);
          return { cancelled: true };
        },
      }),
    });
    const open = (): Promise<WebSocket> => {
      const ws = new WebSocket(`ws://127.0.0.1:${capped.port}/ipc`, [TOKEN_PROTOCOL_PREFIX + capped.token], { origin: `http://127.0.0.1:${capped.port}` });
      return new Promise((resolve, reject) => ws.once('open', () => resolve(ws)).once('error', reject));
    };
    const run = (ws: WebSocket, id: number) => call(ws, id, 'diagnose:run', { runId: `r${id}`, account: { email: 'a@example.com' } });
    try {
      const [a, b, c] = [await open(), await open(), await open()];
      const a1 = run(a, 1);
      const a2 = run(a, 2);
      await new Promise((r) => setTimeout(r, 50));
      expect(await run(a, 3)).toMatchObject({ ok: false, error: { code: 'E_BUSY', details: { reason: 'too-many-runs' } } });
      const b4 = run(b, 4);
      const b5 = run(b, 5);
      await new Promise((r) => setTimeout(r, 50));
      expect(await run(c, 6)).toMatchObject({ ok: false, error: { code: 'E_BUSY' } });
      b.close();
      await new Promise((r) => setTimeout(r, 100));
      expect(cancelled.sort()).toEqual(['r4', 'r5']);
      for (const r of release) r();
      expect(await a1).toMatchObject({ ok: true });
      expect(await a2).toMatchObject({ ok: true });
      void b4;
      void b5;
      await new Promise((r) => setTimeout(r, 20));
      const c7 = run(c, 7);
      await new Promise((r) => setTimeout(r, 50));
      release.at(-1)?.();
      expect(await c7).toMatchObject({ ok: true });
      a.close();
      c.close();
    } finally {
      for (const r of release) r();
      await capped.close();
    }
  });
});

describe('web host: the contract over WebSocket', () => {
  it('rejects a foreign Origin, a missing token and a wrong token', async () => {
    await expect(connect({ origin: 'https://evil.example' })).rejects.toThrow(/403/);
    await expect(connect({ token: null })).rejects.toThrow(/403/);
    await expect(connect({ token: 'x'.repeat(32) })).rejects.toThrow(/403/);
    await expect(connect({ path: '/other' })).rejects.toThrow(/403/);
  });

  it('answers calls with Results and forwards push events to the caller', async () => {
    const ws = await connect({});
    const events: unknown[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString());
      if (m.type === 'event') events.push(m);
    });
    expect(await call(ws, 1, 'app:info', {})).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    expect(await call(ws, 2, 'nope', {})).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
    expect(await call(ws, 3, 'history:get', { id: 5 })).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
    expect(await call(ws, 4, 'diagnose:cancel', { runId: 'r9' })).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(events).toEqual([{ type: 'event', event: 'diagnose:progress', payload: { kind: 'planned', runId: 'r9', targets: [] } }]);
    ws.close();
  });
});
