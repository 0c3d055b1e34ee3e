/**
 * The domain lookup (MX/SRV) when the system resolver list is only loopback servers: c-ares' fallback
 * when it cannot read the OS's list. Real UDP sockets on 127.0.0.1: a port nobody listens on (the
 * kernel answers "port unreachable", c-ares reports ECONNREFUSED) and the lab's DNS server.
 */
import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabDns, type LabDns } from '../../test/lab/lab-dns';
import { SYSTEM_RESOLVER_UNAVAILABLE } from '../../shared/models/probe';
import { onlyLoopbackServers, resolveDomain } from './dns-resolve';

/** A UDP port on 127.0.0.1 that was free a moment ago and has no listener now. */
async function closedUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('onlyLoopbackServers', () => {
  it('is true only when every server is on this machine', () => {
    expect(onlyLoopbackServers(['127.0.0.1'])).toBe(true);
    expect(onlyLoopbackServers(['127.0.0.53', '[::1]:53'])).toBe(true);
    expect(onlyLoopbackServers(['::1'])).toBe(true);
    expect(onlyLoopbackServers(['127.0.0.1:5353'])).toBe(true);
    expect(onlyLoopbackServers([])).toBe(true);
    expect(onlyLoopbackServers(['127.0.0.1', '192.168.1.1'])).toBe(false);
    expect(onlyLoopbackServers(['8.8.8.8'])).toBe(false);
    expect(onlyLoopbackServers(['[2001:db8::1]:53'])).toBe(false);
  });
});

describe('resolveDomain with a loopback-only system resolver list', () => {
  let lab: LabDns;
  beforeAll(async () => {
    lab = await startLabDns({ a: {}, aaaa: {}, mx: { 'example.jp': [{ exchange: 'mx.example.jp', priority: 10 }] }, srv: {}, servfail: [] });
  });
  afterAll(() => lab.close());

  it('says the system resolver is unavailable, not that the domain failed, when no loopback server answers', async () => {
    const port = await closedUdpPort();
    const r = await resolveDomain('example.jp', undefined, undefined, [`127.0.0.1:${port}`]);
    expect(r.error).toBe(SYSTEM_RESOLVER_UNAVAILABLE);
    expect(r.mx).toEqual([]);
    expect(r.resolver).toBe('system');
  });

  it('keeps the real answer when a loopback resolver does answer (e.g. systemd-resolved on 127.0.0.53)', async () => {
    const r = await resolveDomain('example.jp', undefined, undefined, [lab.server]);
    expect(r.error).toBeUndefined();
    expect(r.mx).toEqual([{ exchange: 'mx.example.jp', priority: 10 }]);
    const nx = await resolveDomain('nowhere.example.jp', undefined, undefined, [lab.server]);
    expect(nx.error).toBe('ENOTFOUND');
  });

  it('keeps the plain code when the user named the resolver (that resolver is what failed)', async () => {
    const port = await closedUdpPort();
    const r = await resolveDomain('example.jp', `127.0.0.1:${port}`);
    expect(r.error).toBe('ECONNREFUSED');
  });
});
