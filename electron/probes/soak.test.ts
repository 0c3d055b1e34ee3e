/**
 * Soak: 300 diagnoses and 100 cancellations at random points, in this one process, against
 * scripted listeners (well-behaved refusals, floods, resets, silence). After a warm-up the heap
 * (after a full GC) and the active handles must stay flat, and no promise may reject unhandled.
 * Seeded, so a failure replays; bounded (about 20 s on a loaded 2-core machine).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Protocol, Security } from '../../shared/models/account';
import { hostileCases, wellBehavedServer } from '../../test/lab/hostile/hostile-cases';
import { activeHandles, diagnoseAt, hostileEnv, leakedHandles, type HostileEnv } from '../../test/lab/hostile/hostile-run';
import type { ScriptServer } from '../../test/lab/hostile/script-server';

const DIAGNOSES = 300;
const CANCELLATIONS = 100;
/** Runs at once: about what the web host allows in all. */
const CONCURRENCY = 6;
/** Heap growth from after warm-up to the end that still counts as flat (GC'd both times). */
const HEAP_GROWTH_LIMIT = 24 * 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Mulberry32: a tiny seeded generator, so the soak's random points replay. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Target {
  protocol: Protocol;
  security: Security;
  server: ScriptServer;
  password?: string;
}

let env: HostileEnv;
const targets: Target[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown): void => {
  unhandled.push(e);
};

beforeAll(async () => {
  env = await hostileEnv();
  for (const [protocol, security] of [['imap', 'tls'], ['pop3', 'tls'], ['smtp', 'starttls'], ['imap', 'starttls']] as const) {
    targets.push({ protocol, security, server: await wellBehavedServer(env.certs, protocol, security), password: 'soak-pw-1' });
  }
  const pick = ['SMTP endless 250- EHLO reply', 'IMAP endless untagged lines before the CAPABILITY reply', 'POP3 endless CAPA list', 'IMAP RST during the TLS handshake', 'IMAP STARTTLS with injected plaintext after the go-ahead', 'POP3 close mid-greeting'];
  for (const c of hostileCases().filter((x) => pick.includes(x.name))) targets.push({ protocol: c.protocol, security: c.security, server: await c.start(env.certs) });
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  for (const t of targets) await t.server.close();
  await env?.close();
});

describe('soak', () => {
  it(`${DIAGNOSES} diagnoses and ${CANCELLATIONS} cancellations in one process: heap and handles flat, nothing unhandled`, async () => {
    const rand = rng(20261201);
    const handlesBefore = activeHandles();
    const jobs: Array<{ cancelAfterMs?: number }> = [];
    for (let i = 0; i < DIAGNOSES; i++) jobs.push({});
    for (let i = 0; i < CANCELLATIONS; i++) jobs.splice(Math.floor(rand() * jobs.length), 0, { cancelAfterMs: Math.floor(rand() * 400) });

    let done = 0;
    let heapAfterWarmup = 0;
    const cancelled: boolean[] = [];
    const run = async (job: { cancelAfterMs?: number }): Promise<void> => {
      const t = targets[Math.floor(rand() * targets.length)] as Target;
      const ac = new AbortController();
      const timer = job.cancelAfterMs === undefined ? undefined : setTimeout(() => ac.abort(), job.cancelAfterMs);
      const r = await diagnoseAt(env, { protocol: t.protocol, security: t.security, port: t.server.port, budgetMs: 3000, ...(t.password ? { password: t.password } : {}) }, {}, { signal: ac.signal });
      clearTimeout(timer);
      if (job.cancelAfterMs !== undefined) cancelled.push(r.cancelled);
      // Every run ends with a verdict: never ok against these servers (all refuse or misbehave) unless cancelled.
      if (!r.cancelled) expect(r.ok).toBe(false);
    };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const job = jobs[next++] as { cancelAfterMs?: number };
        await run(job);
        done++;
        if (done === 60) {
          gc();
          heapAfterWarmup = process.memoryUsage().heapUsed;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    gc();
    const heapEnd = process.memoryUsage().heapUsed;
    console.log(`soak: ${done} runs, heap after warm-up ${Math.round(heapAfterWarmup / 1048576)} MB, at end ${Math.round(heapEnd / 1048576)} MB, rss ${Math.round(process.memoryUsage.rss() / 1048576)} MB, cancelled ${cancelled.filter(Boolean).length}/${cancelled.length}`);

    expect(done).toBe(DIAGNOSES + CANCELLATIONS);
    expect(heapEnd - heapAfterWarmup).toBeLessThan(HEAP_GROWTH_LIMIT);
    expect(await leakedHandles(handlesBefore, 3000)).toEqual({});
    expect(unhandled.slice(0, 3).map((e) => (e instanceof Error ? `${e.message}\n${e.stack}` : String(e)))).toEqual([]);
  }, 120_000);
});
