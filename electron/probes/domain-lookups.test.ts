/**
 * Which DNS queries a diagnosis makes, counted at a real DNS server (the lab's, UDP on loopback):
 * the "no domain lookups" switch, servers given as IP addresses, and internationalised domains
 * (the MX/SRV queries go out in their ASCII form). The servers are real closed TCP ports on
 * 127.0.0.1, so each probe ends at once with TCP_REFUSED and only the DNS traffic matters.
 */
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLabDns, type LabDns } from '../../test/lab/lab-dns';
import { DiagnoseRequest, type DiagnoseOptions } from '../../shared/models/probe';
import type { AccountInput } from '../../shared/models/account';
import { AppFailure } from '../../shared/result';
import { inputIssueText } from '../../shared/i18n/input-text';
import { runDiagnosis } from './diagnose';
import { buildPlan, domainOf } from './plan';

/** A TCP port on 127.0.0.1 that was free a moment ago and has no listener now. */
async function closedTcpPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const IDN_ASCII = 'xn--wgv71a119e.jp'; // 日本語.jp (RFC 3492 punycode)

let dns: LabDns;
let port: number;
beforeAll(async () => {
  dns = await startLabDns({
    a: { 'imap.example.jp': ['127.0.0.1'] },
    aaaa: {},
    mx: { 'example.jp': [{ exchange: 'mx.example.jp', priority: 10 }], [IDN_ASCII]: [{ exchange: `mx.${IDN_ASCII}`, priority: 5 }] },
    srv: { '_imaps._tcp.example.jp': [{ target: 'imap.example.jp', port: 993, priority: 0, weight: 1 }] },
    servfail: [],
  });
  port = await closedTcpPort();
});
afterAll(() => dns.close());
beforeEach(() => dns.queries.clear());

const run = (account: Omit<AccountInput, 'email'> & { email?: string }, options: DiagnoseOptions) =>
  runDiagnosis({ runId: 'dl', account: { email: 'alice@example.jp', ...account }, options: { tryAlternatives: false, timeoutMs: 3000, ...options } });

describe('domain lookups', () => {
  it('with a DNS server named, MX and SRV of the domain go to that server (and only there)', async () => {
    const r = await run({ imap: { host: '127.0.0.1', port, security: 'tls' } }, { dnsServer: dns.server });
    expect(dns.queries.get('example.jp')).toBeGreaterThan(0);
    expect(dns.queries.get('_imaps._tcp.example.jp')).toBeGreaterThan(0);
    const d = r.dns.find((x) => x.host === 'example.jp');
    expect(d?.mx).toEqual([{ exchange: 'mx.example.jp', priority: 10 }]);
    expect(d?.skipped).toBeUndefined();
    expect(r.findings.map((f) => f.code)).toContain('TCP_REFUSED');
  });

  it('switched off: not one query for the domain, even with a DNS server named; the report says why', async () => {
    const r = await run({ imap: { host: '127.0.0.1', port, security: 'tls' } }, { dnsServer: dns.server, domainLookups: false });
    expect([...dns.queries.keys()]).toEqual([]);
    expect(r.dns[0]).toEqual({ host: 'example.jp', a: [], aaaa: [], durationMs: 0, resolver: 'none', skipped: 'no-domain-lookups' });
    expect(r.dns.slice(1).map((d) => d.resolver)).toEqual(['ip-literal']);
    expect(r.findings.map((f) => f.code)).toContain('TCP_REFUSED');
  });

  it('switched off with a server given by name: only that name is resolved, never MX/SRV or discovery', async () => {
    const r = await run({ imap: { host: 'imap.example.jp', port, security: 'tls' } }, { dnsServer: dns.server, domainLookups: false });
    expect([...dns.queries.keys()].sort()).toEqual(['imap.example.jp']);
    expect(r.findings.map((f) => f.code)).toContain('TCP_REFUSED');
  });

  it('servers given as IP addresses and no DNS server: the context-only MX/SRV lookups are left out', async () => {
    const r = await run({ imap: { host: '127.0.0.1', port, security: 'tls' }, smtp: { host: '::1', port, security: 'starttls' } }, {});
    const d = r.dns.find((x) => x.host === 'example.jp');
    expect(d).toMatchObject({ skipped: 'ip-servers', durationMs: 0, resolver: 'none' });
    expect(d?.mx).toBeUndefined();
    expect(r.findings.some((f) => f.code === 'TCP_REFUSED')).toBe(true);
  });

  it('without servers the switch is refused, by the contract (translated, naming the field) and by the engine', async () => {
    const req = { runId: 'x', account: { email: 'alice@example.jp' }, options: { domainLookups: false } };
    const parsed = DiagnoseRequest.safeParse(req);
    expect(parsed.success).toBe(false);
    const issue = parsed.error!.issues[0]!;
    expect(issue.path).toEqual(['options', 'domainLookups']);
    expect(inputIssueText(issue, 'ja')).toMatch(/^ドメインを照会しない: /);
    expect(inputIssueText(issue, 'en')).toMatch(/^No domain lookups: /);
    await expect(runDiagnosis(req)).rejects.toBeInstanceOf(AppFailure);
    expect([...dns.queries.keys()]).toEqual([]);
    // With a server it is accepted; and domainLookups: true without servers is the normal discovery case.
    expect(DiagnoseRequest.safeParse({ ...req, account: { ...req.account, imap: { host: '127.0.0.1', port: 993, security: 'tls' } } }).success).toBe(true);
    expect(DiagnoseRequest.safeParse({ ...req, options: { domainLookups: true } }).success).toBe(true);
  });
});

describe('internationalised domains', () => {
  it('MX and SRV are asked for in the ASCII (punycode) form, and the report names that form', async () => {
    const r = await run({ email: 'alice@日本語.jp', imap: { host: '127.0.0.1', port, security: 'tls' } }, { dnsServer: dns.server });
    expect(dns.queries.get(IDN_ASCII)).toBeGreaterThan(0);
    expect(dns.queries.get(`_imaps._tcp.${IDN_ASCII}`)).toBeGreaterThan(0);
    expect([...dns.queries.keys()].every((n) => /^[\x21-\x7e]+$/.test(n))).toBe(true);
    expect(r.dns.find((x) => x.host === IDN_ASCII)?.mx).toEqual([{ exchange: `mx.${IDN_ASCII}`, priority: 5 }]);
    expect(r.email).toBe('alice@日本語.jp');
  });

  it('guessed server names and full-width input use the same conversion', () => {
    expect(domainOf('alice@日本語.jp')).toBe(IDN_ASCII);
    expect(domainOf('ａｌｉｃｅ＠ＥＸＡＭＰＬＥ．ＪＰ')).toBe('example.jp');
    expect(domainOf('alice@Example.JP.')).toBe('example.jp');
    // Not a DNS name (a lab's single label): kept as typed, lower-cased.
    expect(domainOf('root@LOCALHOST')).toBe('localhost');
    const hosts = buildPlan({ email: 'alice@日本語.jp' }, { tryAlternatives: false }).map((t) => t.host);
    expect(hosts).toEqual([`imap.${IDN_ASCII}`, `pop.${IDN_ASCII}`, `smtp.${IDN_ASCII}`]);
  });
});
