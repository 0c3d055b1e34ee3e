import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscoveryResult } from '../../../shared/models/discovery';
import { AppFailure } from '../../../shared/result';
import { discover, type DiscoverDeps } from './discover';
import { autoconfigXml, startDnsLab, startHttpLab, type DnsLab, type HttpLab } from '../../../test/lab/discovery-lab';

let web: HttpLab;
let dns: DnsLab;
let deps: DiscoverDeps;

const enc = encodeURIComponent;
const acPath = (d: string) => `/autoconfig/${d}/mail/config-v1.1.xml`;
const wkPath = (d: string) => `/wellknown/${d}/.well-known/autoconfig/mail/config-v1.1.xml`;
const ispdbPath = (d: string) => `/ispdb/v1.1/${d}`;

beforeAll(async () => {
  web = await startHttpLab();
  dns = await startDnsLab({
    a: { 'autoconfig.named.test': ['127.0.0.1'] },
    mx: {
      'corp.test': [{ exchange: 'corp-test.mail.protection.outlook.com', priority: 0 }],
      'gsuite.test': [
        { exchange: 'alt1.aspmx.l.google.com', priority: 5 },
        { exchange: 'aspmx.l.google.com', priority: 1 },
      ],
      'shop.test': [{ exchange: 'mx1.hoster.test', priority: 10 }],
      'self.test': [{ exchange: 'mail.self.test', priority: 10 }],
      'rental.test': [{ exchange: 'sv1234.xserver.jp', priority: 10 }],
    },
    srv: {
      '_imaps._tcp.srv.test': [{ target: 'mail.srv.test', port: 993 }],
      '_submission._tcp.srv.test': [{ target: 'smtp.elsewhere.test', port: 587 }],
      '_pop3s._tcp.srv.test': [{ target: '.', port: 0 }],
      '_imap._tcp.srv.test': [{ target: 'bad_name.srv.test', port: 143 }],
    },
    silent: new Set(['slowdns.test', '_imaps._tcp.slowdns.test', '_imap._tcp.slowdns.test', '_pop3s._tcp.slowdns.test', '_pop3._tcp.slowdns.test', '_submissions._tcp.slowdns.test', '_submission._tcp.slowdns.test']),
  });
  deps = {
    ca: web.caPem,
    urls: {
      autoconfig: (d, e) => `${web.httpsBase}${acPath(d)}?emailaddress=${enc(e)}`,
      autoconfigHttp: (d, e) => `${web.httpBase}${acPath(d)}?emailaddress=${enc(e)}`,
      wellKnown: (d, e) => `${web.httpsBase}${wkPath(d)}?emailaddress=${enc(e)}`,
      wellKnownHttp: (d, e) => `${web.httpBase}${wkPath(d)}?emailaddress=${enc(e)}`,
      ispdb: (d) => `${web.httpsBase}${ispdbPath(d)}`,
    },
    // Short deadlines: everything is on loopback.
    deadlines: { httpMs: 1_500, dnsMs: 1_000, totalMs: 3_000 },
  };

  web.routes.set(acPath('acme.test'), {
    body: autoconfigXml('acme.test', [
      { kind: 'imap', host: 'imap.acme.test', port: 993, socket: 'SSL' },
      { kind: 'pop3', host: 'pop.acme.test', port: 995, socket: 'SSL', user: '%EMAILLOCALPART%' },
      { kind: 'smtp', host: 'smtp.acme.test', port: 587, socket: 'STARTTLS' },
    ]),
  });
  web.routes.set(wkPath('wk.test'), { body: autoconfigXml('wk.test', [{ kind: 'imap', host: 'mail.wk.test', port: 143, socket: 'STARTTLS' }]) });
  web.routes.set(`http:${acPath('plain.test')}`, { body: autoconfigXml('plain.test', [{ kind: 'imap', host: 'imap.plain.test', port: 993, socket: 'SSL' }]) });
  web.routes.set(`http:${acPath('mixed.test')}`, { body: autoconfigXml('mixed.test', [{ kind: 'imap', host: 'http-said.mixed.test', port: 993, socket: 'SSL' }]) });
  web.routes.set(ispdbPath('mixed.test'), { body: autoconfigXml('mixed.test', [{ kind: 'imap', host: 'ispdb-said.mixed.test', port: 993, socket: 'SSL' }]) });
  web.routes.set(ispdbPath('isp.test'), { body: autoconfigXml('isp.test', [{ kind: 'smtp', host: 'smtp.isp.test', port: 465, socket: 'SSL' }]) });
  web.routes.set(ispdbPath('hoster.test'), { body: autoconfigXml('hoster.test', [{ kind: 'imap', host: 'imap.hoster.test', port: 993, socket: 'SSL' }]) });
  web.routes.set(acPath('xn--wgv71a119e.test'), { body: autoconfigXml('xn--wgv71a119e.test', [{ kind: 'imap', host: 'imap.xn--wgv71a119e.test', port: 993, socket: 'SSL' }]) });
  web.routes.set(acPath('hang.test'), { hang: true });
  web.routes.set(wkPath('hang.test'), { hang: true });
  web.routes.set(ispdbPath('hang.test'), { body: autoconfigXml('hang.test', [{ kind: 'imap', host: 'imap.hang.test', port: 993, socket: 'SSL' }]) });
  web.routes.set(acPath('huge.test'), { body: `<clientConfig>${' '.repeat(200_000)}</clientConfig>` });
  web.routes.set(acPath('evil.test'), {
    body: '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><clientConfig><emailProvider><incomingServer type="imap"><hostname>&lol2;</hostname></incomingServer></emailProvider></clientConfig>',
  });
  web.routes.set(acPath('redirect.test'), { status: 301, location: `${web.httpsBase}/moved/redirect.test.xml` });
  web.routes.set('/moved/redirect.test.xml', { body: autoconfigXml('redirect.test', [{ kind: 'imap', host: 'imap.redirect.test', port: 993, socket: 'SSL' }]) });
});

afterAll(async () => {
  await web?.close();
  await dns?.close();
});

const run = (email: string, extra: Partial<DiscoverDeps> = {}) => discover({ email, dnsServer: dns.server }, { ...deps, ...extra });
const triedOf = (r: DiscoveryResult, s: string) => r.tried.find((t) => t.source === s)?.outcome ?? '';

describe('discover', () => {
  it('uses the catalog for a known provider, and still reports every source', async () => {
    const r = await run('Taro.Yamada@Gmail.com');
    expect(DiscoveryResult.safeParse(r).success).toBe(true);
    expect(r.providerId).toBe('gmail');
    expect(r.best.imap).toMatchObject({ source: 'catalog', trust: 'trusted', host: 'imap.gmail.com', port: 993, security: 'tls', grade: 'A' });
    expect(r.best.smtp).toMatchObject({ source: 'catalog', host: 'smtp.gmail.com' });
    expect(r.best.imap!.usernameValue).toBe('Taro.Yamada@gmail.com');
    expect(r.tried.map((t) => t.source)).toEqual(['catalog', 'autoconfig', 'autoconfig-wellknown', 'ispdb', 'mx', 'srv', 'guess']);
    expect(triedOf(r, 'ispdb')).toContain('404');
    // The catalog knows Gmail's servers: no conventional guesses beside them.
    expect(r.candidates.some((c) => c.source === 'guess')).toBe(false);
    expect(triedOf(r, 'guess')).toContain('not offered');
  });

  it('reads the domain’s autoconfig XML over HTTPS (trusted), placeholders filled', async () => {
    const r = await run('hanako@acme.test');
    expect(r.providerId).toBeUndefined();
    expect(r.best.imap).toMatchObject({ source: 'autoconfig', trust: 'trusted', host: 'imap.acme.test', port: 993, security: 'tls', username: 'email', usernameValue: 'hanako@acme.test' });
    expect(r.best.pop3).toMatchObject({ host: 'pop.acme.test', username: 'localpart', usernameValue: 'hanako' });
    expect(r.best.smtp).toMatchObject({ host: 'smtp.acme.test', port: 587, security: 'starttls' });
    expect(r.best.imap!.detail).toContain('password-cleartext');
    expect(web.log.some((l) => l.startsWith(`https:${acPath('acme.test')}?emailaddress=hanako%40acme.test`))).toBe(true);
  });

  it('reads the .well-known autoconfig', async () => {
    const r = await run('a@wk.test');
    expect(r.best.imap).toMatchObject({ source: 'autoconfig-wellknown', trust: 'trusted', host: 'mail.wk.test', port: 143, security: 'starttls' });
    expect(triedOf(r, 'autoconfig')).toContain('HTTP 404');
  });

  it('marks a document served only over plain HTTP as untrusted', async () => {
    const r = await run('a@plain.test');
    expect(r.best.imap).toMatchObject({ source: 'autoconfig', trust: 'untrusted', host: 'imap.plain.test' });
    expect(triedOf(r, 'autoconfig')).toMatch(/plain HTTP only \(untrusted\)/);
  });

  it('prefers a trusted lower-priority source over an untrusted higher one', async () => {
    const r = await run('a@mixed.test');
    expect(r.best.imap).toMatchObject({ source: 'ispdb', trust: 'trusted', host: 'ispdb-said.mixed.test' });
    expect(r.candidates.find((c) => c.host === 'http-said.mixed.test')).toMatchObject({ trust: 'untrusted' });
  });

  it('follows a redirect on HTTPS and keeps trust', async () => {
    const r = await run('a@redirect.test');
    expect(r.best.imap).toMatchObject({ source: 'autoconfig', trust: 'trusted', host: 'imap.redirect.test' });
  });

  it('uses the ISPDB (local copy)', async () => {
    const r = await run('a@isp.test');
    expect(r.best.smtp).toMatchObject({ source: 'ispdb', trust: 'trusted', host: 'smtp.isp.test', port: 465, security: 'tls' });
    expect(r.best.imap).toMatchObject({ source: 'guess', trust: 'unconfirmed', host: 'imap.isp.test' });
  });

  it('maps an MX at Microsoft to Microsoft 365 and at Google to Gmail/Workspace', async () => {
    const m = await run('boss@corp.test');
    expect(m.providerId).toBe('microsoft-365');
    expect(m.best.imap).toMatchObject({ source: 'mx', trust: 'trusted', host: 'outlook.office365.com' });
    expect(m.best.smtp).toMatchObject({ host: 'smtp.office365.com', port: 587, security: 'starttls' });
    expect(triedOf(m, 'mx')).toContain('Microsoft 365');
    const g = await run('a@gsuite.test');
    expect(g.providerId).toBe('gmail');
    expect(g.best.imap).toMatchObject({ source: 'mx', host: 'imap.gmail.com' });
    expect(dns.queries).toContain('MX gsuite.test');
  });

  it('maps an unknown MX to its hoster’s ISPDB entry, untrusted', async () => {
    const r = await run('a@shop.test');
    expect(r.best.imap).toMatchObject({ source: 'mx', trust: 'untrusted', host: 'imap.hoster.test' });
    expect(triedOf(r, 'mx')).toContain('hoster.test');
    const self = await run('a@self.test');
    expect(triedOf(self, 'mx')).toContain('domain itself');
  });

  it('reads RFC 6186 SRV records, skipping "." targets and distrusting foreign targets', async () => {
    const r = await run('a@srv.test');
    expect(r.best.imap).toMatchObject({ source: 'srv', trust: 'trusted', host: 'mail.srv.test', port: 993, security: 'tls' });
    expect(r.best.smtp).toMatchObject({ source: 'srv', trust: 'untrusted', host: 'smtp.elsewhere.test', port: 587, security: 'starttls' });
    expect(r.candidates.filter((c) => c.source === 'srv' && c.protocol === 'pop3')).toEqual([]);
    expect(r.best.pop3).toMatchObject({ source: 'guess' });
    expect(r.candidates.some((c) => c.host.includes('bad_name'))).toBe(false);
    expect(triedOf(r, 'srv')).toContain('_imap._tcp: ignored malformed target');
  });

  it('falls back to guesses only when every source fails', async () => {
    const r = await run('a@nothing.test');
    expect(r.candidates.every((c) => c.source === 'guess' && c.trust === 'unconfirmed')).toBe(true);
    expect(r.best.imap).toMatchObject({ host: 'imap.nothing.test', port: 993, security: 'tls' });
    expect(r.best.pop3).toMatchObject({ host: 'pop.nothing.test', port: 995 });
    expect(r.best.smtp).toMatchObject({ host: 'smtp.nothing.test', port: 587, security: 'starttls' });
    expect(triedOf(r, 'mx')).toContain('no records');
    expect(triedOf(r, 'srv')).toBe('no SRV records');
    expect(triedOf(r, 'guess')).toContain('unconfirmed');
  });

  it('converts an internationalised domain to ASCII for every lookup', async () => {
    const r = await run('ユーザー@日本語.test');
    expect(r.domain).toBe('日本語.test');
    expect(r.asciiDomain).toBe('xn--wgv71a119e.test');
    expect(r.best.imap).toMatchObject({ source: 'autoconfig', host: 'imap.xn--wgv71a119e.test' });
    expect(dns.queries).toContain('MX xn--wgv71a119e.test');
    const fw = await discover({ email: 'a@ＧＭＡＩＬ．ＣＯＭ', offline: true });
    expect(fw.asciiDomain).toBe('gmail.com');
    expect(fw.providerId).toBe('gmail');
  });

  it.each([
    ['no-at', 'taro.example.jp'],
    ['empty', 'taro@'],
    ['empty-local', '@example.jp'],
    ['empty-label', 'taro@example..jp'],
    ['hyphen-edge', 'taro@-example.jp'],
    ['label-too-long', `taro@${'a'.repeat(64)}.jp`],
    ['too-long', `taro@${Array.from({ length: 50 }, () => 'abcde').join('.')}.jp`],
    ['bad-character', 'taro@exa_mple.jp'],
    ['single-label', 'taro@localhost'],
    ['numeric-tld', 'taro@192.168.0.1'],
    ['space', 'ta ro@example.jp'],
  ])('refuses bad input (%s) with E_BAD_REQUEST', async (reason, email) => {
    const p = discover({ email, offline: true });
    await expect(p).rejects.toBeInstanceOf(AppFailure);
    await expect(p).rejects.toMatchObject({ code: 'E_BAD_REQUEST', details: { reason } });
  });

  it('refuses a DNS server that is not an IP address', async () => {
    await expect(discover({ email: 'a@b.test', dnsServer: 'dns.example.com' }, deps)).rejects.toMatchObject({ code: 'E_BAD_REQUEST' });
    await expect(discover({ email: 'a@b.test', dnsServer: '127.0.0.1:99999' }, deps)).rejects.toMatchObject({ code: 'E_BAD_REQUEST' });
  });

  it('a black-hole source costs only its own deadline', async () => {
    const started = Date.now();
    const r = await run('a@hang.test', { deadlines: { httpMs: 400, dnsMs: 1_000, totalMs: 3_000 } });
    const ms = Date.now() - started;
    // Well under the 3 s total budget (margin for a loaded 2-core CI machine).
    expect(ms).toBeLessThan(2_500);
    expect(triedOf(r, 'autoconfig')).toContain('timed out after 400 ms');
    expect(r.best.imap).toMatchObject({ source: 'ispdb', host: 'imap.hang.test' });
  });

  it('a silent DNS server cannot hold the answer past the DNS deadline', async () => {
    const started = Date.now();
    const r = await run('a@slowdns.test', { deadlines: { httpMs: 1_000, dnsMs: 300, totalMs: 3_000 } });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(triedOf(r, 'mx')).toMatch(/timed out/);
    expect(r.best.imap).toMatchObject({ source: 'guess' });
  });

  it('the total budget caps the whole discovery', async () => {
    const started = Date.now();
    const r = await run('a@hang.test', { deadlines: { httpMs: 10_000, dnsMs: 1_000, totalMs: 600 } });
    const ms = Date.now() - started;
    expect(ms).toBeGreaterThanOrEqual(550);
    expect(ms).toBeLessThan(2_000); // the hanging fetch alone would take 10 s
    expect(triedOf(r, 'autoconfig')).toContain('not finished within the 600 ms budget');
  });

  it('refuses oversized and entity-laden documents', async () => {
    const huge = await run('a@huge.test');
    expect(triedOf(huge, 'autoconfig')).toContain('larger than');
    const evil = await run('a@evil.test');
    expect(triedOf(evil, 'autoconfig')).toContain('DOCTYPE');
    expect(evil.candidates.every((c) => c.source === 'guess')).toBe(true);
  });

  it('offline: catalog and guesses only, nothing on the network', async () => {
    const before = web.log.length;
    const queries = dns.queries.length;
    const r = await discover({ email: 'x@docomo.ne.jp', offline: true, dnsServer: dns.server }, deps);
    expect(r.best.imap).toMatchObject({ source: 'catalog', host: 'imap.spmode.ne.jp', username: 'provider-id' });
    expect(r.best.imap!.usernameValue).toBeUndefined();
    expect(triedOf(r, 'mx')).toBe('skipped (offline)');
    expect(web.log.length).toBe(before);
    expect(dns.queries.length).toBe(queries);
  });

  it('a rental server found through MX offers the hosting server’s own name, not mail.<own domain>', async () => {
    const r = await run('info@rental.test');
    expect(r.providerId).toBe('xserver');
    expect(r.best.imap).toMatchObject({ source: 'mx', trust: 'trusted', host: 'sv1234.xserver.jp', port: 993, usernameValue: 'info@rental.test' });
    expect(r.best.smtp).toMatchObject({ host: 'sv1234.xserver.jp', port: 465 });
    expect(r.candidates.some((c) => c.source === 'guess')).toBe(false);
  });

  it('gives no guessed POP server to a provider without POP, and per-server user names', async () => {
    const r = await discover({ email: 'Taro@iCloud.com', offline: true });
    expect(r.best.pop3).toBeUndefined();
    // A catalog provider gets no guesses at all, so no guessed POP either.
    expect(r.candidates.some((c) => c.source === 'guess')).toBe(false);
    expect(r.best.imap).toMatchObject({ username: 'localpart', usernameValue: 'Taro' });
    expect(r.best.smtp).toMatchObject({ username: 'email', usernameValue: 'Taro@icloud.com' });
  });

  it('resolves the autoconfig host through the named DNS server too', async () => {
    const port = new URL(web.httpBase).port;
    web.routes.set('/named-ac', { body: autoconfigXml('named.test', [{ kind: 'imap', host: 'imap.named.test', port: 993, socket: 'SSL' }]) });
    const r = await run('a@named.test', { urls: { ...deps.urls, autoconfigHttp: (d) => `http://autoconfig.${d}:${port}/named-ac` } });
    expect(dns.queries).toContain('A autoconfig.named.test');
    expect(r.best.imap).toMatchObject({ source: 'autoconfig', trust: 'untrusted', host: 'imap.named.test' });
  });

  it('can be cancelled', async () => {
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(), 100);
    const r = await run('a@hang.test', { signal: ac.signal, deadlines: { httpMs: 5_000, dnsMs: 1_000, totalMs: 5_000 } });
    expect(Date.now() - started).toBeLessThan(2_000); // vs. 5 s for the hanging fetch
    expect(triedOf(r, 'autoconfig')).toBe('cancelled');
  });
});
