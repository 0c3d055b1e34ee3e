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
    for (const place of PLACES) {
      const p = devicePath('outlook-new', place);
      if (p && place !== 'credential-manager') expect(p.grade).toEqual({ ja: 'U', en: 'U' });
    }
    expect(devicePath('samsung-email', 'incoming-server')?.grade).toEqual({ ja: 'U', en: 'U' });
    expect(devicePath('iphone', 'outgoing-server')?.grade).toEqual({ ja: 'U', en: 'B' });
    expect(devicePath('outlook-classic', 'credential-manager')?.grade).toEqual({ ja: 'B', en: 'B' });
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
