import { describe, expect, it } from 'vitest';
import { getProvider } from '../providers/catalog';
import { report } from './composer-fixtures.test-util';
import { deriveCorrect, expectedUser, trustedSettings } from './correct-settings';
import { diffSettings } from './settings-diff';

describe('diffSettings', () => {
  it('compares field by field in the device’s own labels and values; host case and trailing dot do not matter', () => {
    const rows = diffSettings({
      device: 'outlook-classic',
      lang: 'ja',
      deviceSettings: { imap: { host: 'IMAP.Example.JP.', port: 143, security: 'none' }, user: 'Taro@example.jp' },
      correct: { imap: { host: 'imap.example.jp', port: 993, security: 'tls', source: 'logged-in' }, user: { value: 'taro@example.jp', source: 'logged-in' } },
    });
    expect(rows.map((r) => [r.field, r.deviceValue, r.correctValue, r.status, r.source])).toEqual([
      ['host', 'IMAP.Example.JP.', 'imap.example.jp', 'ok', 'logged-in'],
      ['port', '143', '993', 'wrong', 'logged-in'],
      ['security', 'なし', 'SSL/TLS', 'wrong', 'logged-in'],
      ['user', 'Taro@example.jp', 'taro@example.jp', 'ok', 'logged-in'],
    ]);
  });

  it('iPhone: one SSL switch, so SSL/TLS and STARTTLS are the same setting there (the port tells them apart)', () => {
    const rows = diffSettings({
      device: 'iphone',
      lang: 'ja',
      deviceSettings: { smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls' } },
      correct: { smtp: { host: 'smtp.example.jp', port: 465, security: 'tls', source: 'connected' } },
    });
    expect(rows.map((r) => [r.label, r.deviceValue, r.correctValue, r.status])).toEqual([
      [expect.any(String), 'smtp.example.jp', 'smtp.example.jp', 'ok'],
      [expect.any(String), '587', '465', 'wrong'],
      ['SSLを使用', 'オン', 'オン', 'ok'],
    ]);
  });

  it('a side that is not known gives "unknown", never "ok"; a typed or guessed value is never the correct one', () => {
    const rows = diffSettings({ device: 'outlook-classic', lang: 'en', deviceSettings: { smtp: { port: 25 } }, correct: { smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls', source: 'catalog' } } });
    expect(rows.map((r) => [r.field, r.status])).toEqual([
      ['host', 'unknown'],
      ['port', 'wrong'],
      ['security', 'unknown'],
    ]);
    expect(rows[1]?.label).toBe('Server Port Numbers > Outgoing server (SMTP)');
    const guessed = diffSettings({ device: 'iphone', lang: 'en', deviceSettings: { imap: { port: 993 } }, correct: { imap: { host: 'imap.example.jp', port: 993, security: 'tls', source: 'guess' } } });
    expect(guessed.every((r) => r.correctValue === undefined && r.status === 'unknown' && r.source === 'guess')).toBe(true);
  });
});

describe('deriveCorrect', () => {
  const so = getProvider('so-net');

  it('a login that worked, then a clean connection, then the catalog; each with its source', () => {
    const r = report('hanako@so-net.ne.jp', [
      { protocol: 'imap', host: 'imap.so-net.ne.jp', port: 993, security: 'tls' },
      { protocol: 'smtp', host: 'mail.so-net.ne.jp', port: 25, security: 'starttls', failAt: 'tcp', code: 'PORT25_BLOCKED' },
      { protocol: 'smtp', host: 'mail.so-net.ne.jp', port: 587, security: 'starttls', role: 'alternative', login: 'not-tried' },
      { protocol: 'smtp', host: 'mail.so-net.ne.jp', port: 465, security: 'tls', role: 'alternative', login: 'not-tried' },
    ]);
    const c = deriveCorrect({ report: r, provider: so });
    expect(c.imap).toEqual({ host: 'imap.so-net.ne.jp', port: 993, security: 'tls', source: 'logged-in' });
    // Implicit TLS before STARTTLS among alternatives that connected (never logged in).
    expect(c.smtp).toEqual({ host: 'mail.so-net.ne.jp', port: 465, security: 'tls', source: 'connected' });
    expect(c.pop3?.source).toBe('catalog');
    expect(c.user).toEqual({ value: 'hanako@so-net.ne.jp', source: 'logged-in' });
  });

  it('wrong password on 993/587: the configured servers are correct (connected), not the untested 143/465', () => {
    const r = report('alice@example.jp', [
      { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', failAt: 'login', code: 'AUTH_FAILED' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 587, security: 'starttls', failAt: 'login', code: 'AUTH_FAILED' },
      { protocol: 'imap', host: 'mail.example.jp', port: 143, security: 'starttls', role: 'alternative', login: 'not-tried' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 465, security: 'tls', role: 'alternative', login: 'not-tried' },
    ]);
    const c = deriveCorrect({ report: r });
    expect(c.imap).toEqual({ host: 'mail.example.jp', port: 993, security: 'tls', source: 'connected' });
    expect(c.smtp).toEqual({ host: 'mail.example.jp', port: 587, security: 'starttls', source: 'connected' });
    expect(c.user).toBeUndefined();
  });

  it('a guessed name that failed is no answer; an untested typed value stays marked typed', () => {
    const r = report('taro@example.jp', [{ protocol: 'imap', host: 'imap.example.jp', port: 993, security: 'tls', failAt: 'dns', code: 'DNS_NOT_FOUND' }]);
    expect(deriveCorrect({ report: r, serverSources: { imap: 'guess' } }).imap).toBeUndefined();
    expect(deriveCorrect({ report: r, serverSources: { imap: 'catalog' } }).imap?.source).toBe('catalog');
    const cancelled = report('taro@example.jp', [{ protocol: 'imap', host: 'imap.example.jp', port: 993, security: 'tls' }]);
    cancelled.probes[0]!.status = 'cancelled';
    const c = deriveCorrect({ report: cancelled, serverSources: { imap: 'typed' } });
    expect(c.imap?.source).toBe('typed');
    expect(trustedSettings(c).imap).toBeUndefined();
  });

  it('user name form follows the provider; a provider ID is not guessed', () => {
    expect(expectedUser(getProvider('icloud'), 'taro@icloud.com')).toBe('taro');
    expect(expectedUser(getProvider('gmail'), 'taro@gmail.com')).toBe('taro@gmail.com');
    expect(expectedUser(getProvider('docomo'), 'taro@docomo.ne.jp')).toBeUndefined();
  });
});

describe('what the table shows for a row', () => {
  it('a user name that differs only in form (alice / alice@lab.test) is "check", a caution, not "change"', () => {
    const rows = diffSettings({ device: 'iphone', lang: 'ja', deviceSettings: { user: 'alice' }, correct: { user: { value: 'alice@lab.test', source: 'logged-in' } } });
    expect(rows.map((r) => [r.field, r.status, r.verdict])).toEqual([['user', 'wrong', 'check']]);
    const other = diffSettings({ device: 'iphone', lang: 'ja', deviceSettings: { user: 'bob' }, correct: { user: { value: 'alice@lab.test', source: 'logged-in' } } });
    expect(other[0]?.verdict).toBe('change');
  });

  it('nothing confirmed: the correct cell says one thing (typed / guessed / nothing), no value and no second line', () => {
    const silent = diffSettings({
      device: 'iphone',
      lang: 'ja',
      deviceSettings: { imap: { port: 993 } },
      correct: { imap: { host: 'imap.down.lab.test', port: 993, security: 'tls', source: 'guess' }, user: { value: 'alice@down.lab.test', source: 'typed' } },
    });
    expect(silent.map((r) => [r.field, r.correctValue, r.noCorrect, r.verdict])).toEqual([
      ['host', undefined, 'guess', 'not-entered'],
      ['port', undefined, 'guess', 'unknown'],
      ['security', undefined, 'guess', 'not-entered'],
      ['user', undefined, 'typed', 'not-entered'],
    ]);
    const nothing = diffSettings({ device: 'iphone', lang: 'ja', deviceSettings: { smtp: { port: 25 } }, protocols: ['smtp'] });
    expect(nothing.every((r) => r.noCorrect === 'none')).toBe(true);
    const known = diffSettings({ device: 'iphone', lang: 'ja', deviceSettings: { smtp: { port: 25 } }, correct: { smtp: { host: 'smtp.lab.test', port: 465, security: 'tls', source: 'connected' } } });
    expect(known.every((r) => r.noCorrect === undefined)).toBe(true);
  });
});
