import { describe, expect, it } from 'vitest';
import { buildCustomerText } from './customer-text';
import type { SourcedSettings } from './delivery-types';

const S: SourcedSettings = {
  imap: { host: 'imap.example.jp', port: 993, security: 'tls', source: 'logged-in' },
  smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls', source: 'connected' },
  user: { value: 'alice@example.jp', source: 'logged-in' },
};

describe('buildCustomerText', () => {
  it('lists each server the way a mail app asks for it, in Japanese without English prose', () => {
    const r = buildCustomerText({ email: 'alice@example.jp' }, S, 'ja');
    expect(r.text).toContain('受信（IMAP）サーバ: imap.example.jp  ポート 993  SSL/TLS');
    expect(r.text).toContain('送信（SMTP）サーバ: smtp.example.jp  ポート 587  STARTTLS');
    expect(r.text).toContain('ユーザ名: alice@example.jp');
    expect(r.text).not.toMatch(/\b(incoming|outgoing|server|port|password)\b/i);
    expect(r.warnings).toEqual([]);
  });

  it('never contains a password and points the QR code at the profile link when there is one', () => {
    const r = buildCustomerText({ email: 'alice@example.jp' }, S, 'en', { profileUrl: 'https://helpdesk.example.jp/p/1.mobileconfig' });
    expect(r.text).toContain('Password: your mail password (not written here)');
    expect(r.text).toContain('https://helpdesk.example.jp/p/1.mobileconfig');
    expect(r.qrText).toBe('https://helpdesk.example.jp/p/1.mobileconfig');
    const plain = buildCustomerText({ email: 'alice@example.jp' }, S, 'en');
    expect(plain.qrText).toBe('alice@example.jp\nIMAP imap.example.jp:993 SSL/TLS\nSMTP smtp.example.jp:587 STARTTLS\nUSER alice@example.jp');
  });

  it('warns about guessed values it lists', () => {
    const r = buildCustomerText({ email: 'a@example.jp' }, { ...S, imap: { ...S.imap!, source: 'guess' } }, 'ja');
    expect(r.warnings.map((w) => w.code)).toEqual(['guess-value']);
  });
});
