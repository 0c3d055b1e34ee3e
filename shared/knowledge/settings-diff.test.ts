import { describe, expect, it } from 'vitest';
import { getProvider } from './catalog';
import { report } from './composer-fixtures.test-util';
import { deriveCorrectSettings, diffSettings, expectedUser } from './settings-diff';

describe('diffSettings', () => {
  it('compares field by field with the device’s labels; host case and trailing dot do not matter', () => {
    const rows = diffSettings({
      device: 'iphone',
      lang: 'ja',
      deviceSettings: { imap: { host: 'IMAP.Example.JP.', port: 143, security: 'none' }, user: 'Taro@example.jp' },
      correct: { imap: { host: 'imap.example.jp', port: 993, security: 'tls' }, user: 'taro@example.jp' },
    });
    expect(rows).toEqual([
      { protocol: 'imap', field: 'host', label: 'ホスト名', deviceValue: 'IMAP.Example.JP.', correctValue: 'imap.example.jp', status: 'ok' },
      { protocol: 'imap', field: 'port', label: 'サーバポート', deviceValue: '143', correctValue: '993', status: 'wrong' },
      { protocol: 'imap', field: 'security', label: 'SSLを使用', deviceValue: 'なし（暗号化しない）', correctValue: 'SSL/TLS', status: 'wrong' },
      { field: 'user', label: 'ユーザ名', deviceValue: 'Taro@example.jp', correctValue: 'taro@example.jp', status: 'ok' },
    ]);
  });

  it('a side that is not known gives "unknown", never "ok"', () => {
    const rows = diffSettings({ device: 'outlook-classic', lang: 'en', deviceSettings: { smtp: { port: 25 } }, correct: { smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls' } } });
    expect(rows.map((r) => [r.field, r.status])).toEqual([
      ['host', 'unknown'],
      ['port', 'wrong'],
      ['security', 'unknown'],
    ]);
    expect(rows[1]?.label).toBe('Server Port Numbers > Outgoing server (SMTP)');
  });
});

describe('deriveCorrectSettings', () => {
  const so = getProvider('so-net');

  it('explicit values win, then what worked in this run, then the catalog', () => {
    const r = report('hanako@so-net.ne.jp', [
      { protocol: 'smtp', host: 'mail.so-net.ne.jp', port: 25, security: 'starttls', failAt: 'tcp', code: 'PORT25_BLOCKED' },
      { protocol: 'smtp', host: 'mail.so-net.ne.jp', port: 465, security: 'tls', role: 'alternative', code: 'ALTERNATIVE_WORKS' },
    ]);
    const c = deriveCorrectSettings({ pop3: { host: 'pop.example.jp', port: 995, security: 'tls' } }, r, so, r.email);
    expect(c.pop3).toEqual({ host: 'pop.example.jp', port: 995, security: 'tls' });
    expect(c.smtp).toEqual({ host: 'mail.so-net.ne.jp', port: 465, security: 'tls' }); // seen working, not the catalog's 587
    expect(c.imap).toEqual({ host: 'imap.so-net.ne.jp', port: 993, security: 'tls' }); // catalog
    expect(c.user).toBe('hanako@so-net.ne.jp');
  });

  it('user name form follows the provider; a provider ID is not guessed', () => {
    expect(expectedUser(getProvider('icloud'), 'taro@icloud.com')).toBe('taro');
    expect(expectedUser(getProvider('gmail'), 'taro@gmail.com')).toBe('taro@gmail.com');
    expect(expectedUser(getProvider('docomo'), 'taro@docomo.ne.jp')).toBeUndefined();
  });
});
