import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscoveryResult } from '../../../shared/models/discovery';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../command';
import { autoconfigXml, startDnsLab, startHttpLab, type DnsLab, type HttpLab } from '../../../test/lab/discovery-lab';
import { langFromEnv, makeDiscoverCommand, run as realRun } from './discover';

function fakeIo(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: async () => '', env, color: false };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

let web: HttpLab;
let dns: DnsLab;
let run: ReturnType<typeof makeDiscoverCommand>;

beforeAll(async () => {
  web = await startHttpLab();
  dns = await startDnsLab({ mx: { 'corp.test': [{ exchange: 'corp-test.mail.protection.outlook.com', priority: 0 }] } });
  web.routes.set('/ac/acme.test', {
    body: autoconfigXml('acme.test', [
      { kind: 'imap', host: 'imap.acme.test', port: 993, socket: 'SSL' },
      { kind: 'smtp', host: 'smtp.acme.test', port: 587, socket: 'STARTTLS' },
    ]),
  });
  run = makeDiscoverCommand({
    ca: web.caPem,
    urls: {
      autoconfig: (d) => `${web.httpsBase}/ac/${d}`,
      autoconfigHttp: (d) => `${web.httpBase}/none/${d}`,
      wellKnown: (d) => `${web.httpsBase}/none/${d}`,
      wellKnownHttp: (d) => `${web.httpBase}/none/${d}`,
      ispdb: (d) => `${web.httpsBase}/none/${d}`,
    },
    deadlines: { httpMs: 1_500, dnsMs: 1_000, totalMs: 3_000 },
  });
});

afterAll(async () => {
  await web?.close();
  await dns?.close();
});

describe('mail-doctor discover', () => {
  it('--json prints a DiscoveryResult', async () => {
    const f = fakeIo();
    expect(await run(['hanako@acme.test', '--json', '--dns-server', dns.server], f.io)).toBe(EXIT_OK);
    const r = DiscoveryResult.parse(JSON.parse(f.out()));
    expect(r.best.imap).toMatchObject({ source: 'autoconfig', host: 'imap.acme.test' });
    expect(r.tried).toHaveLength(7);
  });

  it('human output in Japanese: settings, source, trust, sources tried', async () => {
    const f = fakeIo({ LANG: 'ja_JP.UTF-8' });
    expect(await run([`--dns-server=${dns.server}`, 'boss@corp.test'], f.io)).toBe(EXIT_OK);
    const out = f.out();
    expect(out).toContain('プロバイダー: Microsoft 365');
    expect(out).toMatch(/受信 IMAP\s+outlook\.office365\.com:993\s+SSL\/TLS\s+— メールサーバー（MX）レコード（信頼できる、確度 A）/);
    expect(out).toContain('ユーザー名: boss@corp.test');
    expect(out).toContain('調べた情報源');
    expect(out).toContain('推測');
  });

  it('human output in English, offline, for a catalog provider with a caveat', async () => {
    const f = fakeIo();
    expect(await realRun(['x@ezweb.ne.jp', '--offline', '--lang', 'en'], f.io)).toBe(EXIT_OK);
    const out = f.out();
    expect(out).toContain('Provider: au mail');
    expect(out).toMatch(/Incoming IMAP\s+imap\.ezweb\.ne\.jp:993\s+SSL\/TLS\s+— Built-in provider list \(trusted, grade B\)/);
    expect(out).toContain('User name: the provider-issued ID');
    expect(out).toContain('skipped (offline)');
  });

  it.each([
    [[], /Please give an e-mail address/],
    [['a@b.test', 'c@d.test'], /exactly one/],
    [['--lang', 'xx', 'a@b.test'], /--lang must be ja or en/],
    [['--frobnicate', 'a@b.test'], /Unknown option/],
    [['--dns-server'], /needs a value/],
  ])('usage error %j → exit 2', async (args, msg) => {
    const f = fakeIo();
    expect(await run(args as string[], f.io)).toBe(EXIT_USAGE);
    expect(f.err()).toMatch(msg);
    expect(f.err()).toContain('Usage: mail-doctor discover');
  });

  it.each([
    ['taro.example.jp', 'メールアドレスに @ がありません'],
    ['taro@example..jp', 'ドメインに空の部分があります'],
    ['taro@exa_mple.jp', '使えない文字'],
  ])('bad address %s → exit 2 with a translated reason', async (email, msg) => {
    const f = fakeIo({ LANG: 'ja_JP.UTF-8' });
    expect(await run([email, '--offline'], f.io)).toBe(EXIT_USAGE);
    expect(f.err()).toContain(msg);
    expect(f.out()).toBe('');
  });

  it('--help prints the usage on stdout, exit 0', async () => {
    for (const h of ['--help', '-h']) {
      const f = fakeIo();
      expect(await run([h], f.io)).toBe(EXIT_OK);
      expect(f.out()).toContain('Usage: mail-doctor discover');
      expect(f.err()).toBe('');
    }
  });

  it('bad --dns-server → exit 2 with a clear message', async () => {
    const f = fakeIo();
    expect(await run(['a@b.test', '--dns-server', 'dns.google'], f.io)).toBe(EXIT_USAGE);
    expect(f.err()).toContain('must be an IP address');
  });

  it('reads the language from LC_ALL / LC_MESSAGES / LANG', () => {
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LANG: 'ja' })).toBe('ja');
    expect(langFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'jav_ID' })).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });
});
