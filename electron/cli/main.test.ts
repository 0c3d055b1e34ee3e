/** The CLI in-process: exit codes, JSON shape, usage errors, against the real-server lab. */
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { labOrNull, labSkipReason } from '../../test/lab/lab-context';
import type { CliIo } from './command';
import { main } from './main';

function io(env: Record<string, string> = {}, stdin = ''): CliIo & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout: (s: string) => void (o.out += s),
    stderr: (s: string) => void (o.err += s),
    readStdin: async () => stdin,
    env: { LANG: 'en_US.UTF-8', ...env },
    color: false,
  };
  return o;
}

describe('mail-doctor (no network)', () => {
  it('prints help, version, and refuses unknown commands with exit 2', async () => {
    const a = io();
    expect(await main(['--help'], a)).toBe(0);
    expect(a.out).toMatch(/diagnose <email>/);
    const v = io();
    expect(await main(['--version'], v)).toBe(0);
    expect(v.out).toMatch(/^mail-doctor \d+\.\d+\.\d+/);
    const u = io({ LANG: 'ja_JP.UTF-8' });
    expect(await main(['frobnicate'], u)).toBe(2);
    expect(u.err).toMatch(/不明なコマンド/);
    expect(await main([], io())).toBe(2);
  });

  it('diagnose refuses --password and an empty --password-env with exit 2', async () => {
    const a = io();
    expect(await main(['diagnose', 'a@example.com', '--password', 'hunter2'], a)).toBe(2);
    expect(a.err).toMatch(/never taken on the command line/);
    expect(a.err + a.out).not.toContain('hunter2');
    const b = io({ LANG: 'ja_JP.UTF-8' });
    expect(await main(['diagnose', 'a@example.com', '--password-env', 'NOPE_NOT_SET'], b)).toBe(2);
    expect(b.err).toMatch(/環境変数 NOPE_NOT_SET/);
    const c = io();
    expect(await main(['diagnose', 'a@example.com', '--imap', 'x.example:993', '--ca', '/nonexistent/ca.pem'], c)).toBe(2);
    expect(c.err).toMatch(/Cannot read the CA file/);
    const d = io();
    expect(await main(['diagnose', 'a@example.com', '--imap', 'x.example:993', '--dns-server', 'dns.example'], d)).toBe(2);
    expect(d.err).toMatch(/DNS server: enter an IP address/);
  });
});

describe('mail-doctor diagnose refuses bad input with the field named (no network)', () => {
  it('a password with a line break (a two-line paste), in Japanese, never echoed', async () => {
    const a = io({ LANG: 'ja_JP.UTF-8' }, 'first-half\nPASS second-half\n');
    expect(await main(['diagnose', 'a@example.com', '--imap', '127.0.0.1:9:none', '--password-stdin'], a)).toBe(2);
    expect(a.err).toContain('パスワード: 改行');
    expect(a.err + a.out).not.toMatch(/first-half|second-half/);
  });

  it('a user name with CR/LF, a typo in a host name, a full-width user name', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--user', 'alice\r\nQUIT'], /User name: it contains a line break/],
      [['--imap', 'bad..name:993'], /Bad server|Server name: this looks like a typo/],
      [['--user', 'ａｌｉｃｅ'], /User name: it contains full-width/],
    ];
    for (const [extra, re] of cases) {
      const a = io();
      expect(await main(['diagnose', 'a@example.com', '--imap', '127.0.0.1:9:none', ...extra], a)).toBe(2);
      expect(a.err).toMatch(re);
    }
  });

  it('--no-domain-lookups without a server is refused, translated and naming the switch', async () => {
    const en = io();
    expect(await main(['diagnose', 'a@example.com', '--no-domain-lookups'], en)).toBe(2);
    expect(en.err).toMatch(/No domain lookups: enter the servers to test/);
    const ja = io({ LANG: 'ja_JP.UTF-8' });
    expect(await main(['diagnose', 'a@example.com', '--no-domain-lookups'], ja)).toBe(2);
    expect(ja.err).toMatch(/ドメインを照会しない: テストするサーバー/);
  });

  it('--no-domain-lookups with a server: the output says MX/SRV were not looked up (human and JSON)', async () => {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as net.AddressInfo;
    await new Promise<void>((r) => srv.close(() => r()));
    const args = ['diagnose', 'a@example.com', '--imap', `127.0.0.1:${port}:tls`, '--no-domain-lookups', '--no-alternatives', '--timeout', '2000'];
    const ja = io({ LANG: 'ja_JP.UTF-8' });
    expect(await main(args, ja)).toBe(1);
    expect(ja.out).toContain('example.com: MX/SRV は照会していません（ドメインの照会をオフにしています）');
    const j = io();
    expect(await main([...args, '--json'], j)).toBe(1);
    expect((JSON.parse(j.out) as { dns: Array<{ host: string; skipped?: string }> }).dns[0]).toMatchObject({ host: 'example.com', skipped: 'no-domain-lookups' });
  });

  it('--ca /dev/zero is refused after reading at most the cap', async () => {
    const a = io();
    const before = process.memoryUsage().rss;
    expect(await main(['diagnose', 'a@example.com', '--imap', '127.0.0.1:9:none', '--ca', '/dev/zero'], a)).toBe(2);
    expect(a.err).toMatch(/CA file too large/);
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
  });
});

const lab = labOrNull();

// These use real Dovecot/Postfix on the standard ports: only in the full (root) lab.
describe.skipIf(lab?.mode !== 'full')(`mail-doctor diagnose against the lab${lab?.mode === 'full' ? '' : ` (${lab?.limitedReason ?? labSkipReason()})`}`, () => {
  const base = (): string[] => ['--dns-server', lab?.dnsServer ?? '', '--ca', lab?.caFile ?? '', '--timeout', '8000'];

  it('healthy account: exit 0, --json has ok/durationMs/findings/probes/dns, no password anywhere', async () => {
    const a = io({ MD_PW: lab?.users.alice.password ?? '' });
    const code = await main(['diagnose', 'alice@lab.test', '--imap', 'mail.lab.test:993', '--smtp', 'mail.lab.test:587:starttls', '--password-env', 'MD_PW', '--json', ...base()], a);
    expect(code).toBe(0);
    const j = JSON.parse(a.out) as { ok: boolean; durationMs: number; findings: unknown[]; probes: Array<{ login: string; role: string }>; dns: unknown[] };
    expect(j.ok).toBe(true);
    expect(typeof j.durationMs).toBe('number');
    expect(Array.isArray(j.findings)).toBe(true);
    expect(j.probes.filter((p) => p.role === 'configured').map((p) => p.login)).toEqual(['ok', 'ok']);
    expect(Array.isArray(j.dns)).toBe(true);
    expect(a.out + a.err).not.toContain(lab?.users.alice.password ?? '???');
    expect(a.err).toBe('');
  });

  it('wrong password from stdin: exit 1, a readable table with the finding title, progress on stderr', async () => {
    const a = io({}, 'not-the-password\n');
    const code = await main(['diagnose', 'alice@lab.test', '--imap', 'mail.lab.test:143', '--password-stdin', '--no-alternatives', ...base()], a);
    expect(code).toBe(1);
    expect(a.out).toMatch(/AUTH_FAILED/);
    expect(a.out).toMatch(/User name or password rejected/);
    expect(a.err).toMatch(/IMAP mail\.lab\.test:143 STARTTLS/);
    expect(a.out + a.err).not.toContain('not-the-password');
  });

  it('Japanese output with the port-25 fix (465 SSL/TLS: implicit TLS is preferred)', async () => {
    const a = io({ LANG: 'ja_JP.UTF-8', MD_PW: lab?.users.alice.password ?? '' });
    const code = await main(['diagnose', 'alice@lab.test', '--smtp', 'mail.lab.test:25:starttls', '--password-env', 'MD_PW', ...base(), '--timeout', '4000'], a);
    expect(code).toBe(1);
    expect(a.out).toMatch(/ポート25が遮断されています/);
    expect(a.out).toMatch(/ポート 465 \/ SSL\/TLS に変更/);
  });
});
