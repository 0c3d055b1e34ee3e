import { describe, expect, it } from 'vitest';
import { parseDiagnoseArgs, parseServer } from './diagnose-args';

describe('parseServer', () => {
  it.each([
    ['imap.example.com:993', { host: 'imap.example.com', port: 993, security: 'tls' }],
    ['imap.example.com:143', { host: 'imap.example.com', port: 143, security: 'starttls' }],
    ['smtp.example.com:587:starttls', { host: 'smtp.example.com', port: 587, security: 'starttls' }],
    ['smtp.example.com:25:none', { host: 'smtp.example.com', port: 25, security: 'none' }],
    ['mail.example.com:465:SSL', { host: 'mail.example.com', port: 465, security: 'tls' }],
    ['[::1]:993', { host: '::1', port: 993, security: 'tls' }],
    ['192.0.2.1:110:starttls', { host: '192.0.2.1', port: 110, security: 'starttls' }],
  ])('%s', (spec, want) => expect(parseServer(spec)).toEqual(want));
  it.each(['imap.example.com', 'imap.example.com:0', 'imap.example.com:70000', 'imap.example.com:993:ssl3', 'bad host:993', ':993'])('refuses %s', (spec) => {
    const r = parseServer(spec);
    expect('ja' in r && 'en' in r).toBe(true);
  });
});

describe('parseDiagnoseArgs', () => {
  it('reads every flag', () => {
    const r = parseDiagnoseArgs(
      ['alice@example.com', '--imap', 'imap.example.com:993', '--smtp=smtp.example.com:587', '--user', 'alice', '--password-env', 'MD_PW', '--from', 'a@example.com',
        '--to', 'b@example.com', '--ca', '/tmp/ca.pem', '--dns-server', '127.0.0.1:5353', '--timeout', '5000', '--allow-insecure-auth', '--no-alternatives', '--no-domain-lookups', '--json', '--lang', 'ja'],
      'en',
    );
    expect(r).toEqual({
      ok: true,
      args: {
        email: 'alice@example.com',
        servers: { imap: { host: 'imap.example.com', port: 993, security: 'tls' }, smtp: { host: 'smtp.example.com', port: 587, security: 'starttls' } },
        user: 'alice',
        password: { from: 'env', name: 'MD_PW' },
        from: 'a@example.com',
        to: 'b@example.com',
        caFile: '/tmp/ca.pem',
        dnsServer: '127.0.0.1:5353',
        timeoutMs: 5000,
        allowInsecureAuth: true,
        tryAlternatives: false,
        domainLookups: false,
        json: true,
        lang: 'ja',
      },
    });
  });

  it('refuses a password on the command line, in the chosen language', () => {
    const r = parseDiagnoseArgs(['a@example.com', '--password', 'hunter2', '--lang', 'ja'], 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.lang).toBe('ja');
      expect(r.error?.ja).toMatch(/パスワードはコマンドラインに書けません/);
      expect(r.error?.en).toMatch(/--password-stdin/);
      expect(JSON.stringify(r)).not.toContain('hunter2');
    }
  });

  it.each([
    [['a@example.com', '-p', 'hunter2']],
    [['a@example.com', '--password=hunter2']],
    [['a@example.com', '--password']],
    [['a@example.com', '--bogus', '--password', 'hunter2']],
  ])('refuses %j as a password on the command line, never echoing it', (argv) => {
    const r = parseDiagnoseArgs(argv, 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error?.en).toMatch(/never taken on the command line/);
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  it('--help asks for help; `--` ends the flags', () => {
    expect(parseDiagnoseArgs(['--help'], 'en')).toMatchObject({ ok: false, help: true, error: null });
    expect(parseDiagnoseArgs(['-h', '--bogus'], 'en')).toMatchObject({ ok: false, help: true });
    expect(parseDiagnoseArgs(['--json', '--', 'a@example.com'], 'en')).toMatchObject({ ok: true, args: { email: 'a@example.com', json: true } });
  });

  it.each([
    [[], /メールアドレスを指定/],
    [['a@example.com', 'b@example.com'], /1つだけ/],
    [['not-an-address'], /メールアドレスではありません/],
    [['a@example.com', '--timeout', '10'], /500〜120000/],
    [['a@example.com', '--imap'], /値がありません/],
    [['a@example.com', '--bogus'], /不明なオプション/],
    [['a@example.com', '--password-stdin', '--password-env', 'X'], /1つだけ/],
    [['a@example.com', '--from', 'nobody'], /メールアドレスではありません/],
    [['a@example.com', '--json=yes'], /値を付けません/],
    [['a@example.com', '--imap='], /値がありません/],
    [['a@example.com', '--lang', 'fr'], /ja か en/],
  ])('usage error %j', (argv, re) => {
    const r = parseDiagnoseArgs(argv, 'ja');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error?.ja).toMatch(re);
  });
});
