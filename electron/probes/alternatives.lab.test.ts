/**
 * Alternatives only when they can matter, proven by the connections the servers accept: a
 * counting relay (the latency proxy at 0 ms) in front of real Dovecot/Postfix on every standard
 * port. A healthy account opens one connection per configured probe and none for its
 * alternatives; a configured probe that fails or stalls gets its alternatives, and each says in
 * its transcript why it started.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountInput } from '../../shared/models/account';
import type { DiagnoseOptions } from '../../shared/models/probe';
import { labOrNull, labSkipReason } from '../../test/lab/lab-context';
import { startLabDns, type LabDns } from '../../test/lab/lab-dns';
import { startLatencyProxy, type LatencyProxy } from '../../test/lab/latency-proxy';
import { ALTERNATIVE_HEAD_START_MS } from './deadlines';
import { runDiagnosis } from './diagnose';

const lab = labOrNull();
const full = lab?.mode === 'full';
/** Under *.lab.test, so the lab certificate verifies through the relay. */
const NAME = 'gated.lab.test';
/** Last octet of the relay's address in the lab's block: outside the lab's hosts (10–39) and the bench's (50, 51). */
const OCTET = 52;
/** Every standard mail port but 25 (closed here: refused at once). */
const PORTS = [143, 993, 110, 995, 587, 465];

describe.skipIf(!full)(`alternatives only when they can matter${full ? '' : ` (${lab?.limitedReason ?? labSkipReason()})`}`, () => {
  let dns: LabDns;
  let relay: LatencyProxy;
  beforeAll(async () => {
    if (!lab) return;
    const address = `${lab.hosts.mail.ip.split('.').slice(0, 3).join('.')}.${OCTET}`;
    relay = await startLatencyProxy({ address, oneWayMs: 0, routes: PORTS.map((port) => ({ port, target: { host: lab.hosts.mail.ip, port } })) });
    dns = await startLabDns({ a: { [NAME]: [address] }, aaaa: {}, mx: {}, srv: {}, servfail: [] });
  });
  afterAll(async () => {
    await relay?.close();
    await dns?.close();
  });

  const diag = async (account: Partial<AccountInput>, options: DiagnoseOptions = {}) => {
    relay.reset();
    const r = await runDiagnosis({
      runId: `gated-${Date.now()}`,
      account: { email: lab?.users.alice.email ?? '', password: lab?.users.alice.password ?? '', ...account },
      options: { dnsServer: dns.server, caPem: lab?.caPem, timeoutMs: 8000, tryAlternatives: true, ...options },
    });
    return { r, ports: relay.connections().map((c) => c.port).sort((a, b) => a - b) };
  };

  it('a healthy account opens one connection per configured probe: its alternatives never connect', async () => {
    const { r, ports } = await diag({ imap: { host: NAME, port: 993, security: 'tls' }, pop3: { host: NAME, port: 995, security: 'tls' }, smtp: { host: NAME, port: 587, security: 'starttls' } });
    expect(r.ok).toBe(true);
    expect(ports).toEqual([587, 993, 995]);
    const alts = r.probes.filter((p) => p.role === 'alternative');
    expect(alts.map((p) => p.port).sort((a, b) => a - b)).toEqual([25, 110, 143, 465]);
    for (const p of alts) {
      expect(p.status).toBe('not-needed');
      expect(p.notNeeded?.reason).toBe('configured-works');
      expect(p.steps).toEqual([]);
      expect(p.transcript.map((l) => l.text)).toEqual([`not needed: the configured settings work (${p.notNeeded?.byProbeId})`]);
    }
  });

  it('a configured probe that fails in a way another mode fixes starts its alternatives after it ends (SSL/TLS chosen on 587)', async () => {
    const { r, ports } = await diag({ smtp: { host: NAME, port: 587, security: 'tls' } });
    expect(r.findings.map((f) => f.code)).toEqual(['TLS_ON_PLAIN_PORT', 'ALTERNATIVE_WORKS']);
    expect(r.findings[1]?.fix).toEqual({ host: NAME, port: 465, security: 'tls' });
    const cfg = r.probes.find((p) => p.role === 'configured');
    const started = r.probes.filter((p) => p.role === 'alternative' && p.status !== 'not-needed');
    expect(started.length).toBeGreaterThan(0);
    for (const p of started) {
      expect(p.transcript[0]?.text).toBe(`started after ${cfg?.id} ended in a way another port or mode could fix`);
      // Not before: the alternative's start is after the configured probe's end.
      expect(Date.parse(p.startedAt)).toBeGreaterThanOrEqual(Date.parse(cfg?.startedAt ?? '') + (cfg?.durationMs ?? 0) - 1);
    }
    expect(ports.filter((p) => p === 465)).toHaveLength(1);
  });

  it('a configured probe that stalls without a greeting gets its alternatives after the head start (STARTTLS chosen on 993)', async () => {
    const { r } = await diag({ imap: { host: NAME, port: 993, security: 'starttls' } });
    expect(r.findings.map((f) => f.code)).toContain('PLAIN_ON_TLS_PORT');
    const cfg = r.probes.find((p) => p.role === 'configured');
    const tls993 = r.probes.find((p) => p.role === 'alternative' && p.port === 993 && p.security === 'tls');
    expect(tls993?.status).toBe('ok');
    expect(tls993?.transcript[0]?.text).toBe(`started: ${cfg?.id} had no server greeting after ${ALTERNATIVE_HEAD_START_MS} ms`);
    const waited = Date.parse(tls993?.startedAt ?? '') - Date.parse(cfg?.startedAt ?? '');
    expect(waited).toBeGreaterThanOrEqual(ALTERNATIVE_HEAD_START_MS - 5);
  });

  it('with a wrong password no alternative connects: no port can fix it', async () => {
    const { r, ports } = await diag({ password: 'wrong-password', imap: { host: NAME, port: 993, security: 'tls' }, smtp: { host: NAME, port: 587, security: 'starttls' } });
    expect(r.findings.map((f) => f.code)).toEqual(['AUTH_FAILED', 'AUTH_FAILED']);
    expect(ports).toEqual([587, 993]);
    for (const p of r.probes.filter((x) => x.role === 'alternative')) expect(p.notNeeded?.reason).toBe('configured-cause-known');
  });
});
