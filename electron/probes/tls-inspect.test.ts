/**
 * The legacy TLS 1.0/1.1 retry on a runtime whose TLS library refuses `@SECLEVEL` (BoringSSL
 * in Electron), emulated by stubbing tls.createSecureContext; and a TLS library that throws
 * outright. Real sockets: a TLS-1.0-only listener and a listener that resets the handshake.
 */
import net from 'node:net';
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { scriptServer, type ScriptServer } from '../../test/lab/hostile/script-server';
import { activeHandles, diagnoseAt, hostileEnv, leakedHandles, type HostileEnv } from '../../test/lab/hostile/hostile-run';
import { legacyTlsOptions, OPENSSL_LEGACY_CIPHERS, tlsHandshake } from './tls-inspect';

let env: HostileEnv;
let tls10: ScriptServer;
let reset: ScriptServer;
const realCreate = tls.createSecureContext;

/** What BoringSSL does with an OpenSSL security-level suffix in a cipher string. */
function refuseSeclevel(): void {
  vi.spyOn(tls, 'createSecureContext').mockImplementation((o) => {
    if (o?.ciphers?.includes('@SECLEVEL')) throw Object.assign(new Error('No cipher match'), { code: 'ERR_SSL_NO_CIPHER_MATCH' });
    return realCreate(o);
  });
}

beforeAll(async () => {
  env = await hostileEnv();
  const rsa = { cert: readFileSync(env.certs.validRsa.cert), key: readFileSync(env.certs.validRsa.key) };
  tls10 = await scriptServer({ tls: { ...rsa, minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: OPENSSL_LEGACY_CIPHERS } }, (api) => api.write('* OK old server\r\n'));
  reset = await scriptServer({}, (api) => api.sock.once('data', () => api.sock.resetAndDestroy()));
});
afterAll(async () => {
  await tls10?.close();
  await reset?.close();
  await env?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function rawSocket(port: number): Promise<net.Socket> {
  const s = net.connect(port, '127.0.0.1');
  await new Promise((r) => s.once('connect', r));
  return s;
}

describe('legacy TLS cipher string by feature test', () => {
  it('uses @SECLEVEL=0 where OpenSSL accepts it, and no cipher string where it is refused', () => {
    expect(legacyTlsOptions()).toEqual({ minVersion: 'TLSv1', ciphers: OPENSSL_LEGACY_CIPHERS });
    refuseSeclevel();
    expect(legacyTlsOptions()).toEqual({ minVersion: 'TLSv1' });
  });

  it('a legacy handshake never throws when the cipher string is refused: it completes or fails, and the sockets are gone', async () => {
    refuseSeclevel();
    const raw = await rawSocket(tls10.port);
    const h = await tlsHandshake(raw, { hostname: '127.0.0.1', caPem: env.certs.caPem, legacy: true }, 3000);
    if (h.ok) h.socket.destroy();
    else expect(raw.destroyed).toBe(true);
  });

  it('a TLS library that throws from tls.connect gives a failure with the raw socket destroyed', async () => {
    vi.spyOn(tls, 'createSecureContext').mockImplementation(() => {
      throw Object.assign(new Error('emulated library failure'), { code: 'ERR_EMULATED' });
    });
    const raw = await rawSocket(tls10.port);
    const h = await tlsHandshake(raw, { hostname: '127.0.0.1', caPem: env.certs.caPem }, 3000);
    expect(h).toMatchObject({ ok: false, code: 'ERR_EMULATED' });
    expect(raw.destroyed).toBe(true);
  });
});

describe('a CA given for the run', () => {
  it('is parsed into one secure context, reused by every handshake (not ~140 root certificates per connection)', async () => {
    const spy = vi.spyOn(tls, 'createSecureContext');
    // A CA no other test uses, so the first handshake builds its context here.
    const caPem = `${env.certs.caPem}\n`;
    for (let i = 0; i < 3; i++) {
      const h = await tlsHandshake(await rawSocket(tls10.port), { hostname: '127.0.0.1', caPem, legacy: true }, 3000);
      if (h.ok) h.socket.destroy();
    }
    const withCa = spy.mock.calls.filter(([o]) => Array.isArray(o?.ca) && o.ca.includes(caPem));
    expect(withCa).toHaveLength(1);
  });
});

describe('diagnosis with @SECLEVEL refused (Electron): never "no problem"', () => {
  it('without the refusal, a TLS-1.0-only server is TLS_PROTOCOL_TOO_OLD', async () => {
    const r = await diagnoseAt(env, { protocol: 'imap', security: 'tls', port: tls10.port, budgetMs: 4000 });
    expect(r.findings.map((f) => f.code)).toContain('TLS_PROTOCOL_TOO_OLD');
    expect(r.ok).toBe(false);
  });

  it.each([
    ['a TLS-1.0-only server', () => tls10.port, ['TLS_PROTOCOL_TOO_OLD', 'TLS_HANDSHAKE_FAILED', 'TCP_RESET']],
    ['a server that resets the handshake', () => reset.port, ['TCP_RESET']],
  ] as const)('%s: a TLS finding and ok false, no socket left', async (_n, port, allowed) => {
    refuseSeclevel();
    const before = activeHandles();
    const r = await diagnoseAt(env, { protocol: 'imap', security: 'tls', port: port(), budgetMs: 4000 });
    expect(r.ok).toBe(false);
    expect(r.probes[0]?.status).toBe('failed');
    expect(r.findings.some((f) => (allowed as readonly string[]).includes(f.code))).toBe(true);
    expect(await leakedHandles(before)).toEqual({});
  });
});
