import { describe, expect, it } from 'vitest';
import { DEVICES, LANGS } from '../../models/device';
import { fieldLabel, securityValue } from './device-labels';
import { gradeLabel, deviceName } from './device-names';
import { devicePath, PLACES, resolvePath } from './device-paths';

const EVERY_DEVICE_HAS = ['account-list', 'password', 'incoming-server', 'incoming-advanced', 'outgoing-server', 'add-account', 'delete-account', 'wifi', 'vpn', 'date-time'] as const;

describe('device paths', () => {
  it('every device has the places a fix needs, in both languages, same depth', () => {
    for (const d of DEVICES) {
      for (const place of EVERY_DEVICE_HAS) {
        const p = devicePath(d, place);
        expect(p, `${d} ${place}`).toBeDefined();
        expect(p?.ja.length).toBe(p?.en.length);
      }
    }
  });

  it('Apple paths and labels use Apple’s spelling サーバ/ユーザ (no ー)', () => {
    for (const d of ['iphone', 'mac-mail'] as const) {
      for (const place of PLACES) {
        const p = resolvePath(d, place, 'ja');
        for (const seg of p?.path ?? []) expect(seg).not.toMatch(/サーバー|ユーザー/);
      }
      for (const f of ['host', 'user', 'port', 'security'] as const) expect(fieldLabel(d, 'smtp', f, 'ja')?.label).not.toMatch(/サーバー|ユーザー/);
    }
  });

  it('unverified paths carry grade U (new Outlook, Samsung Email, iPhone Japanese SMTP labels)', () => {
    // New Outlook's own screens; the Windows Settings paths it shares with Outlook classic are Windows', graded there.
    for (const place of ['account-list', 'password', 'incoming-server', 'incoming-advanced', 'outgoing-server', 'add-account', 'delete-account'] as const) {
      expect(devicePath('outlook-new', place)?.grade, place).toEqual({ ja: 'U', en: 'U' });
    }
    expect(devicePath('samsung-email', 'incoming-server')?.grade).toEqual({ ja: 'U', en: 'U' });
    expect(devicePath('outlook-classic', 'credential-manager')?.grade).toEqual({ ja: 'B', en: 'B' });
  });

  it('paths that public guides for the current layout confirm are graded B, not 未確認', () => {
    const confirmed = [
      ['iphone', 'account-list'], ['iphone', 'incoming-advanced'], ['iphone', 'add-account'], ['iphone', 'delete-account'],
      ['iphone', 'network-reset'], ['iphone', 'vpn'], ['iphone', 'date-time'],
      ['outlook-classic', 'incoming-advanced'], ['outlook-classic', 'outgoing-server'], ['outlook-classic', 'offline-mode'],
      ['outlook-classic', 'wifi'], ['outlook-classic', 'date-time'],
      ['mac-mail', 'incoming-server'], ['mac-mail', 'outgoing-server'], ['mac-mail', 'connection-test'], ['mac-mail', 'offline-mode'],
      ['android-gmail', 'incoming-server'], ['android-gmail', 'outgoing-server'],
    ] as const;
    for (const [d, place] of confirmed) expect(devicePath(d, place)?.grade, `${d} ${place}`).toEqual({ ja: 'B', en: 'B' });
    for (const f of ['port', 'security', 'smtp-auth'] as const) expect(fieldLabel('iphone', 'imap', f, 'ja')?.grade, f).toBe('B');
    expect(fieldLabel('mac-mail', 'imap', 'security', 'ja')).toEqual({ label: 'TLS/SSLを使用', grade: 'B' });
    expect(fieldLabel('android-gmail', 'imap', 'security', 'ja')).toEqual({ label: 'セキュリティの種類', grade: 'B' });
    expect(resolvePath('mac-mail', 'incoming-server', 'ja')?.note).not.toMatch(/未確認/);
  });

  it('the paths the audit found wrong are the current ones', () => {
    // iPhone: the row to tap is 「SMTP」 under 送信メールサーバ, then the host under プライマリサーバ.
    const smtp = resolvePath('iphone', 'outgoing-server', 'ja');
    expect(smtp?.path.slice(-2)).toEqual(['送信メールサーバの「SMTP」', 'プライマリサーバの smtp.〜']);
    expect(smtp?.grade).toBe('C');
    expect(resolvePath('iphone', 'outgoing-server', 'en')?.grade).toBe('B');
    expect(resolvePath('iphone', 'incoming-server', 'ja')?.path.at(-1)).toBe('受信メールサーバの「ホスト名」');
    // Gmail app: accounts are removed from the profile picture, not from ≡.
    expect(resolvePath('android-gmail', 'delete-account', 'ja')?.path).toEqual(['Gmail', '右上のプロフィール写真', 'このデバイスのアカウントを管理', '[アカウント]', 'アカウントを削除']);
    expect(resolvePath('android-gmail', 'delete-account', 'en')?.path).not.toContain('≡ (menu)');
    // Android 14/15 names, with the older ones in the note.
    const sync = resolvePath('android-gmail', 'sync', 'ja');
    expect(sync?.path[1]).toBe('パスワード、パスキー、アカウント');
    expect(sync?.note).toContain('パスワードとアカウント');
    const reset = resolvePath('android-gmail', 'network-reset', 'ja');
    expect(reset?.path.at(-1)).toBe('Bluetooth と Wi-Fi をリセット');
    expect(reset?.note).toContain('モバイル ネットワーク設定をリセット');
    expect(reset?.note).toContain('Wi-Fi、モバイル、Bluetooth をリセット');
    // Credential Manager under User Accounts in Control Panel's category view, or through Start search.
    for (const d of ['outlook-classic', 'outlook-new'] as const) {
      const cm = resolvePath(d, 'credential-manager', 'ja');
      expect(cm?.path).toEqual(['コントロール パネル', 'ユーザー アカウント', '資格情報マネージャー', 'Windows 資格情報']);
      expect(cm?.note).toContain('スタートの検索');
    }
    // Outlook classic: the simplified dialog is named for every account type, not only IMAP.
    expect(resolvePath('outlook-classic', 'password', 'ja')?.note).toMatch(/^表示が違う場合/);
  });

  it('new Outlook says it syncs through Microsoft’s cloud wherever network advice would mislead', () => {
    for (const lang of LANGS) {
      for (const place of ['account-list', 'wifi', 'vpn', 'airplane-mode', 'network-reset'] as const) {
        expect(resolvePath('outlook-new', place, lang)?.note, `${lang} ${place}`).toContain(lang === 'ja' ? 'Microsoft のクラウド経由' : 'through Microsoft’s cloud');
      }
      // Outlook classic connects from the PC itself: no such note there.
      expect(resolvePath('outlook-classic', 'wifi', lang)?.note ?? '').not.toMatch(/クラウド|cloud/);
    }
    expect(resolvePath('outlook-new', 'wifi', 'ja')?.note).toMatch(/海外からのアクセス制限/);
  });

  it('security values in the device’s words', () => {
    expect(securityValue('iphone', 'tls', 'ja').value).toBe('オン');
    expect(securityValue('outlook-classic', 'starttls', 'en').value).toBe('STARTTLS');
    expect(securityValue('android-gmail', 'none', 'ja').value).toBe('なし');
  });

  it('names and grade labels exist in both languages; U reads as unconfirmed', () => {
    for (const d of DEVICES) for (const l of LANGS) expect(deviceName(d, l).length).toBeGreaterThan(3);
    expect(gradeLabel('U', 'ja')).toBe('未確認');
    expect(gradeLabel('U', 'en')).toBe('unconfirmed');
  });
});
