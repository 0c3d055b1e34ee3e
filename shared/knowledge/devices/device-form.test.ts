import { describe, expect, it } from 'vitest';
import { DEVICES, type Device } from '../../models/device';
import { choiceForSecurity, deviceServerForm, deviceUserLabel, securityForChoice } from './device-form';
import { diffSettings } from '../composer/settings-diff';

/** What each device's own settings screen says, as the helpdesk reads it to the customer (ja). */
const WORDS: Record<Device, { section: string; host: string; port: string; security: string; choices: string[]; user: string }> = {
  iphone: { section: '送信メールサーバ', host: 'ホスト名', port: 'サーバポート', security: 'SSLを使用', choices: ['オン', 'オフ'], user: 'ユーザ名' },
  'mac-mail': { section: '送信用メールサーバ', host: '送信用メールサーバ', port: 'ポート', security: 'TLS/SSLを使用', choices: ['オン', 'オフ'], user: 'ユーザ名' },
  'outlook-classic': { section: '送信サーバー (SMTP)', host: '送信メール サーバー (SMTP)', port: 'サーバーのポート番号 > 送信サーバー (SMTP)', security: '使用する暗号化接続の種類', choices: ['SSL/TLS', 'STARTTLS', 'なし'], user: 'アカウント名' },
  'outlook-new': { section: 'SMTP 送信サーバー', host: 'SMTP 送信サーバー', port: 'ポート', security: 'セキュリティで保護された接続の種類', choices: ['SSL/TLS', 'STARTTLS', 'なし'], user: 'ユーザー名' },
  'android-gmail': { section: '送信サーバーの設定', host: 'サーバー', port: 'ポート', security: 'セキュリティの種類', choices: ['SSL/TLS', 'STARTTLS', 'なし'], user: 'ユーザー名' },
  'samsung-email': { section: '送信サーバーの設定', host: 'SMTPサーバー', port: 'ポート', security: 'セキュリティの種類', choices: ['SSL/TLS', 'STARTTLS', 'なし'], user: 'ユーザー名' },
};

describe('the device form in the device’s own words', () => {
  for (const device of DEVICES) {
    it(`${device}: labels and security choices as the device shows them (SMTP, ja)`, () => {
      const f = deviceServerForm(device, 'smtp', 'ja');
      const w = WORDS[device];
      expect(f.section).toBe(w.section);
      expect(f.host.label).toBe(w.host);
      expect(f.port.label).toBe(w.port);
      expect(f.security.label).toBe(w.security);
      expect(f.securityChoices.map((c) => c.label).sort()).toEqual([...w.choices].sort());
      expect(deviceUserLabel(device, 'ja').label).toBe(w.user);
      // Every choice maps to an encryption and back to itself.
      for (const c of f.securityChoices) expect(choiceForSecurity(device, 'smtp', securityForChoice(device, 'smtp', c.id, 465))).toBe(c.id);
    });
  }

  it('an iPhone never offers or shows STARTTLS: 「SSLを使用」 オン is SSL/TLS on 465/993 and STARTTLS on 587/143, said in a note', () => {
    for (const lang of ['ja', 'en'] as const) {
      const f = deviceServerForm('iphone', 'imap', lang);
      expect(f.securityChoices.some((c) => /STARTTLS/i.test(c.label))).toBe(false);
      expect(f.securityNote).toMatch(/STARTTLS/);
    }
    expect(deviceServerForm('iphone', 'imap', 'en').securityChoices.map((c) => c.label)).toEqual(['ON', 'OFF']);
    expect(securityForChoice('iphone', 'smtp', 'on', 465)).toBe('tls');
    expect(securityForChoice('iphone', 'smtp', 'on', 587)).toBe('starttls');
    expect(securityForChoice('iphone', 'imap', 'on', 143)).toBe('starttls');
    expect(securityForChoice('iphone', 'imap', 'on', 993)).toBe('tls');
    expect(securityForChoice('iphone', 'imap', 'off', 993)).toBe('none');
    expect(securityForChoice('iphone', 'imap', '', 993)).toBe('');
    expect(choiceForSecurity('iphone', 'smtp', 'starttls')).toBe('on');
  });

  it('Outlook classic POP is a checkbox with no STARTTLS; IMAP a drop-down with it', () => {
    const pop = deviceServerForm('outlook-classic', 'pop3', 'ja');
    expect(pop.security.label).toBe('このサーバーは暗号化された接続 (SSL/TLS) が必要');
    expect(pop.securityChoices.map((c) => c.label)).toEqual(['チェックを入れる', 'チェックを外す']);
    expect(pop.securityNote).toContain('995');
    expect(deviceServerForm('outlook-classic', 'imap', 'ja').securityChoices.map((c) => c.id)).toEqual(['tls', 'starttls', 'none']);
  });

  it('no device chosen yet: plain words', () => {
    const f = deviceServerForm(undefined, 'smtp', 'ja');
    expect(f.section).toBe('送信メールサーバー（SMTP）');
    expect(f.port.label).toBe('ポート');
    expect(f.securityChoices.map((c) => c.label)).toEqual(['SSL/TLS', 'STARTTLS', 'なし（暗号化しない）']);
  });
});

describe('the comparison table in the device’s own words', () => {
  const correct = { smtp: { host: 'smtp.example.jp', port: 465, security: 'tls' as const, source: 'connected' as const } };
  const deviceSettings = { smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls' as const } };

  for (const device of DEVICES) {
    it(`${device}: the rows carry the device’s section, labels and values`, () => {
      const rows = diffSettings({ device, lang: 'ja', deviceSettings, correct });
      const w = WORDS[device];
      const title = (f: string) => {
        const r = rows.find((x) => x.field === f)!;
        return `${r.section ? `${r.section} › ` : ''}${r.label}`;
      };
      expect(title('port')).toContain(w.port);
      expect(title('security')).toContain(w.security);
      // Every row names which server it is about (here the outgoing one), in the device's words, once.
      for (const r of rows) {
        expect(title(r.field)).toMatch(/送信/);
        expect(title(r.field).split('送信').length, title(r.field)).toBe(2);
      }
      const sec = rows.find((x) => x.field === 'security')!;
      expect(w.choices).toContain(sec.correctValue);
      expect(w.choices).toContain(sec.deviceValue);
    });
  }

  it('iPhone: no STARTTLS on any row, in either language; 587 + オン against 465 + オン differs only in the port', () => {
    for (const lang of ['ja', 'en'] as const) {
      const rows = diffSettings({ device: 'iphone', lang, deviceSettings, correct });
      expect(rows.map((r) => `${r.section} ${r.label} ${r.deviceValue} ${r.correctValue}`).join(' ')).not.toMatch(/STARTTLS/i);
      expect(rows.map((r) => [r.field, r.verdict])).toEqual([
        ['host', 'same'],
        ['port', 'change'],
        ['security', 'same'],
      ]);
    }
  });
});

describe('unconfirmed device words are marked, never shown as certain', () => {
  const deviceSettings = { imap: { host: 'imap.example.jp', port: 993, security: 'tls' as const } };

  it('a form or row whose words are graded U says so; a row whose words are all graded does not', () => {
    for (const device of DEVICES) {
      for (const lang of ['ja', 'en'] as const) {
        const form = deviceServerForm(device, 'imap', lang);
        const rows = diffSettings({ device, lang, deviceSettings });
        // The form's grade is the weakest of the words it shows; the table marks each row by its own words.
        expect(['A', 'B', 'C', 'U']).toContain(form.grade);
        for (const r of rows) expect(r.wordsUnconfirmed === true).toBe(r.wordsUnconfirmed !== undefined);
      }
    }
    // Android Gmail's section and labels are unverified in both languages.
    expect(deviceServerForm('android-gmail', 'imap', 'en').grade).toBe('U');
    expect(diffSettings({ device: 'android-gmail', lang: 'en', deviceSettings }).every((r) => r.wordsUnconfirmed)).toBe(true);
    // Outlook classic in English: host label graded B, section from it: not marked.
    expect(deviceServerForm('outlook-classic', 'imap', 'en').grade).toBe('B');
    expect(diffSettings({ device: 'outlook-classic', lang: 'en', deviceSettings }).find((r) => r.field === 'host')?.wordsUnconfirmed).toBeUndefined();
    // The iPhone's Japanese host label (ホスト名) is unverified, so its row is marked in Japanese only.
    expect(diffSettings({ device: 'iphone', lang: 'ja', deviceSettings }).find((r) => r.field === 'host')?.wordsUnconfirmed).toBe(true);
    expect(diffSettings({ device: 'iphone', lang: 'en', deviceSettings }).find((r) => r.field === 'port')?.wordsUnconfirmed).toBeUndefined();
  });
});
