/**
 * An expired or unverifiable certificate: the expiry date in words, and on an iPhone what to
 * do with the 「信頼」/「詳細」 dialog and what the helpdesk checks instead.
 */
import { describe, expect, it } from 'vitest';
import { FINDING_META, type FindingCode } from '../../findings/codes';
import type { Finding } from '../../models/probe';
import { report } from '../composer/composer-fixtures.test-util';
import { composeDiagnosis } from '../composer/composer';
import { explainFinding } from './finding-text';

const cert = { subject: 'CN=mail.example.jp', subjectAltNames: ['mail.example.jp'], issuer: 'CN=Example CA', validFrom: '2025-11-01T03:00:00.000Z', validTo: '2026-11-01T03:00:00.000Z', fingerprint256: 'AA:BB', selfSigned: false, chain: [] };

function certFinding(code: FindingCode): Finding {
  const m = FINDING_META[code];
  return { code, severity: m.severity, stage: m.stage, protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', role: 'configured', evidence: { cert } };
}

describe('certificate steps', () => {
  it('expired on an iPhone: the date in words first, then the dialog — do not press 信頼 — and what to check instead', () => {
    const x = explainFinding(certFinding('TLS_CERT_EXPIRED'), { device: 'iphone', lang: 'ja', checkedAt: '2026-12-01T03:00:00.000Z' });
    expect(x.steps[0]?.setting).toEqual({ label: '有効期限', value: '2026年11月1日に期限切れ（30日前）' });
    const dialog = x.steps.find((s) => s.text.includes('「信頼」は押さない'));
    expect(dialog?.text).toContain('「詳細」');
    expect(dialog?.text).toContain('サーバの識別情報を検証できません');
    // The dialog's Japanese wording is not verified on a device.
    expect(dialog?.grade).toBe('U');
    expect(x.steps.some((s) => s.text.startsWith('「信頼」の代わりに') && s.text.includes('Web メール'))).toBe(true);
    // No raw ISO date anywhere a person reads.
    for (const s of x.steps) expect(`${s.text} ${s.setting?.value ?? ''}`).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('English, and without the time of the check the plain last day', () => {
    const en = explainFinding(certFinding('TLS_CERT_EXPIRED'), { device: 'iphone', lang: 'en', checkedAt: '2026-12-01T03:00:00.000Z' });
    expect(en.steps[0]?.setting?.value).toBe('expired on 1 November 2026 (30 days ago)');
    expect(en.steps.some((s) => s.text.includes('not to tap “Trust”'))).toBe(true);
    const undated = explainFinding(certFinding('TLS_CERT_EXPIRED'), { device: 'android-gmail', lang: 'ja' });
    expect(undated.steps[0]?.setting?.value).toBe('2026年11月1日まで');
    // The dialog advice is the iPhone's.
    expect(undated.steps.some((s) => s.text.includes('「信頼」'))).toBe(false);
  });

  it('self-signed on an iPhone: check another network instead of trusting it; every certificate code gets the dialog advice', () => {
    for (const code of ['TLS_CERT_SELF_SIGNED', 'TLS_CERT_UNTRUSTED', 'TLS_CERT_HOSTNAME_MISMATCH', 'TLS_CERT_NOT_YET_VALID'] as const) {
      const x = explainFinding(certFinding(code), { device: 'iphone', lang: 'ja' });
      expect(x.steps.some((s) => s.text.includes('「信頼」は押さない')), code).toBe(true);
      expect(x.steps.some((s) => s.text.startsWith('「信頼」の代わりに')), code).toBe(true);
    }
    const self = explainFinding(certFinding('TLS_CERT_SELF_SIGNED'), { device: 'iphone', lang: 'ja' });
    expect(self.steps.find((s) => s.text.startsWith('「信頼」の代わりに'))?.text).toContain('別のネットワーク');
  });

  it('the composer counts the days from the run', () => {
    const r = report('a@example.jp', [{ protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', failAt: 'tls', code: 'TLS_CERT_EXPIRED' }]);
    r.findings[0]!.evidence.cert = cert;
    const d = composeDiagnosis({ report: r, device: 'iphone', lang: 'ja' });
    const top = d.causes[0]!;
    expect(top.id).toBe('finding:TLS_CERT_EXPIRED');
    // The fixture's run is on 28 November 2026.
    expect(top.steps[0]?.setting?.value).toBe('2026年11月1日に期限切れ（27日前）');
  });
});
