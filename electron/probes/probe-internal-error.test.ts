/**
 * "An unexpected exception in a probe is never ok": a throw injected into each stage (DNS,
 * TCP, TLS, greeting, capabilities, STARTTLS, login, the certificate check) against a
 * well-behaved scripted listener must fail the probe with PROBE_INTERNAL_ERROR (or, where the
 * stage itself turns it into a network outcome, a TLS finding), make the headline not ok, and
 * leave no socket behind.
 */
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Protocol, Security } from '../../shared/models/account';
import { wellBehavedServer } from '../../test/lab/hostile/hostile-cases';
import { activeHandles, diagnoseAt, hostileEnv, leakedHandles, type HostileEnv } from '../../test/lab/hostile/hostile-run';
import { runProbe } from './probe';
import { ProbeContext } from './probe-context';
import { dialectFor } from './protocols/index';

let env: HostileEnv;
beforeAll(async () => {
  env = await hostileEnv();
});
afterAll(async () => {
  await env?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const boom = (): never => {
  throw new Error('injected failure');
};

interface Stage {
  stage: string;
  protocol: Protocol;
  security: Security;
  inject: () => void;
}

const stages: Stage[] = [
  { stage: 'tcp (net.connect throws)', protocol: 'imap', security: 'tls', inject: () => vi.spyOn(net, 'connect').mockImplementation(boom) },
  { stage: 'certificate check (tls.checkServerIdentity throws)', protocol: 'imap', security: 'tls', inject: () => vi.spyOn(tls, 'checkServerIdentity').mockImplementation(boom) },
  ...(['imap', 'pop3', 'smtp'] as const).flatMap((p): Stage[] => [
    { stage: 'greeting', protocol: p, security: 'tls', inject: () => vi.spyOn(dialectFor(p), 'completeGreeting').mockImplementation(async () => boom()) },
    { stage: 'capabilities', protocol: p, security: 'tls', inject: () => vi.spyOn(dialectFor(p), 'capabilities').mockImplementation(async () => boom()) },
    {
      stage: 'starttls',
      protocol: p,
      security: 'starttls',
      inject: () => {
        const d = dialectFor(p);
        const real = d.command.bind(d);
        vi.spyOn(d, 'command').mockImplementation(async (ctx, conn, cmd, ms) => (cmd === d.starttls.command ? boom() : real(ctx, conn, cmd, ms)));
      },
    },
    { stage: 'login', protocol: p, security: 'tls', inject: () => vi.spyOn(dialectFor(p), 'login').mockImplementation(async () => boom()) },
  ]),
];

describe('a throw injected into each stage fails the probe, never ok', () => {
  it.each(stages.map((s) => [`${s.protocol} ${s.stage}`, s] as const))('%s', async (_n, s) => {
    const before = activeHandles();
    const server = await wellBehavedServer(env.certs, s.protocol, s.security);
    s.inject();
    const r = await diagnoseAt(env, { protocol: s.protocol, security: s.security, port: server.port, budgetMs: 4000, password: 'injected-pw-1' });
    vi.restoreAllMocks();
    await server.close();
    const f = r.findings.find((x) => x.code === 'PROBE_INTERNAL_ERROR');
    expect(f, JSON.stringify(r.findings.map((x) => x.code))).toBeDefined();
    expect(f?.severity).toBe('error');
    expect(f?.evidence.message).toContain('injected failure');
    expect(r.ok).toBe(false);
    expect(r.probes[0]?.status).toBe('failed');
    expect(await leakedHandles(before)).toEqual({});
  });

  it('a TLS library that throws from tls.connect is a failed handshake (a TLS finding), not ok', async () => {
    const server = await wellBehavedServer(env.certs, 'imap', 'tls');
    vi.spyOn(tls, 'connect').mockImplementation(boom);
    const r = await diagnoseAt(env, { protocol: 'imap', security: 'tls', port: server.port, budgetMs: 4000 });
    vi.restoreAllMocks();
    await server.close();
    expect(r.ok).toBe(false);
    expect(r.findings.some((f) => f.stage === 'tls' || f.code === 'TCP_RESET' || f.code === 'PROBE_INTERNAL_ERROR')).toBe(true);
  });

  it('dns: a resolver that throws', async () => {
    const ctx = new ProbeContext({ id: 'p1', protocol: 'imap', role: 'configured', host: 'mail.hostile.test', port: 993, security: 'tls' }, { email: 'a@hostile.test', user: 'a@hostile.test' }, {}, 2000, undefined, () => undefined);
    const r = await runProbe(ctx, async () => boom());
    expect(r.status).toBe('failed');
    expect(r.findings.map((f) => f.code)).toEqual(['PROBE_INTERNAL_ERROR']);
    expect(r.findings[0]?.evidence.details).toMatchObject({ stage: 'dns' });
  });
});
