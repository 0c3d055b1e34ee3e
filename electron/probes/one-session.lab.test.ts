/**
 * One TCP/TLS session per probe, proven on the server side: a counting relay in front of real
 * Dovecot/Postfix counts the connections it accepts, and each probe must open exactly one,
 * whether the login succeeds or is refused. The round trips it spent are bounded too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Protocol, Security } from '../../shared/models/account';
import { startCountingRelay, type CountingRelay } from '../../test/lab/counting-relay';
import { labOrNull, labSkipReason } from '../../test/lab/lab-context';
import { startLabDns, type LabDns } from '../../test/lab/lab-dns';
import { runDiagnosis } from './diagnose';

const lab = labOrNull();
const full = lab?.mode === 'full';
/** The lab certificate covers *.lab.test, so a relay name under it verifies like the server itself. */
const RELAY_NAME = 'counted.lab.test';

const CASES: Array<[Protocol, number, Security, number]> = [
  // protocol, standard port, security, most round trips allowed
  ['imap', 993, 'tls', 6],
  ['imap', 143, 'starttls', 9],
  ['pop3', 995, 'tls', 7],
  ['pop3', 110, 'starttls', 10],
  ['smtp', 465, 'tls', 8],
  ['smtp', 587, 'starttls', 9],
];

describe.skipIf(!full)(`one session per probe${full ? '' : ` (${lab?.limitedReason ?? labSkipReason()})`}`, () => {
  let dns: LabDns;
  const relays = new Map<number, CountingRelay>();
  beforeAll(async () => {
    if (!lab) return;
    dns = await startLabDns({ a: { [RELAY_NAME]: ['127.0.0.1'] }, aaaa: {}, mx: {}, srv: {}, servfail: [] });
    for (const [, port] of CASES) relays.set(port, await startCountingRelay({ host: lab.hosts.mail.ip, port }));
  });
  afterAll(async () => {
    await Promise.all([...relays.values()].map((r) => r.close()));
    await dns?.close();
  });

  const run = async (protocol: Protocol, port: number, security: Security, password: string) => {
    const relay = relays.get(port) as CountingRelay;
    relay.reset();
    const r = await runDiagnosis({
      runId: `one-${protocol}-${port}`,
      account: { email: lab?.users.alice.email ?? '', password, [protocol]: { host: RELAY_NAME, port: relay.port, security } },
      options: { dnsServer: dns.server, caPem: lab?.caPem, timeoutMs: 8000, tryAlternatives: false },
    });
    // The relay sees the last close a moment after the probe ends.
    await new Promise((res) => setTimeout(res, 50));
    return { r, accepted: relay.accepted, probe: r.probes[0] };
  };

  it.each(CASES)('%s %d %s: one connection, login and post-login checks on it, within %d round trips', async (protocol, port, security, maxTrips) => {
    const { r, accepted, probe } = await run(protocol, port, security, lab?.users.alice.password ?? '');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(probe?.login).toBe('ok');
    expect(accepted).toBe(1);
    expect(probe?.roundTrips).toBeGreaterThan(0);
    expect(probe?.roundTrips).toBeLessThanOrEqual(maxTrips);
    expect(probe?.transcript.some((l) => l.text === `round trips: ${probe?.roundTrips}`)).toBe(true);
    const sent = probe?.transcript.filter((l) => l.dir === 'c').map((l) => l.text) ?? [];
    // Nothing after the login beyond what the diagnosis reads.
    expect(sent.filter((l) => /\b(ID|NAMESPACE|ENABLE|SELECT|EXAMINE|LIST|NOOP|DATA)\b/i.test(l) && !/^(MAIL|RCPT)/.test(l))).toEqual([]);
    if (protocol === 'imap') expect(sent.some((l) => /AUTHENTICATE PLAIN \*\*\*\*/.test(l))).toBe(true); // SASL-IR
    if (protocol === 'smtp') expect(sent.filter((l) => /^EHLO/.test(l))).toHaveLength(security === 'starttls' ? 2 : 1);
  });

  it.each(CASES)('%s %d %s with a wrong password: still one connection', async (protocol, port, security) => {
    const { r, accepted } = await run(protocol, port, security, 'wrong-password');
    expect(r.findings.map((f) => f.code)).toEqual(['AUTH_FAILED']);
    expect(accepted).toBe(1);
  });
});
