import { describe, expect, it } from 'vitest';
import { deliveryFile, deliveryView, isProfileUrl, sourcedSettings } from './delivery-view';
import { port25Report } from '../../test/fixtures/sample-report';
import { composeDiagnosis } from '../../shared/knowledge/composer/composer';

const PASSWORD = 'correct-horse-battery';

describe('fix delivery from the diagnosis', () => {
  const d = composeDiagnosis({ report: port25Report(), device: 'iphone', lang: 'ja' });

  it('takes the composer correct settings with their sources', () => {
    const s = sourcedSettings(d)!;
    expect(s.smtp?.host).toBe('mail.lab.test');
    expect(s.smtp?.source).toBeTruthy();
  });

  it('always notes 「未署名」, shows the customer text and a QR code, never the password', () => {
    const v = deliveryView(d, 'alice@lab.test', 'imap', 'ja')!;
    expect(v.canBuild).toBe(true);
    expect(v.profileWarnings.some((w) => w.code === 'unsigned' && w.text.includes('未署名'))).toBe(true);
    expect(v.customerText).toContain('alice@lab.test');
    expect(v.customerText).not.toContain(PASSWORD);
    expect(v.qr?.path.length).toBeGreaterThan(100);
  });

  it('puts the password into the profile only when given (the tick), never into autoconfig', () => {
    const s = sourcedSettings(d)!;
    expect(deliveryFile('mobileconfig', s, 'alice@lab.test', 'imap', 'ja')!.content).not.toContain(PASSWORD);
    expect(deliveryFile('mobileconfig', s, 'alice@lab.test', 'imap', 'ja', PASSWORD)!.content).toContain(PASSWORD);
    const xml = deliveryFile('autoconfig', s, 'alice@lab.test', 'imap', 'ja')!;
    expect(xml.name).toBe('lab.test.xml');
    expect(xml.content).toContain('<clientConfig version="1.1">');
  });

  it('accepts only https links without credentials for the profile', () => {
    expect(isProfileUrl('https://example.jp/p.mobileconfig')).toBe(true);
    expect(isProfileUrl('http://example.jp/p.mobileconfig')).toBe(false);
    expect(isProfileUrl('https://u:p@example.jp/p')).toBe(false);
    expect(isProfileUrl('javascript:alert(1)')).toBe(false);
    expect(isProfileUrl(`https://example.jp/${'a'.repeat(600)}`)).toBe(false);
  });
});
