import { describe, expect, it } from 'vitest';
import type { Finding, TlsTrust } from '../models/probe';
import { interceptionSeverity, judgeTrust } from './interception';
import { interceptionSteps, interceptionSummary, issuerName } from './interception-text';

const osTrusted: TlsTrust = { bundled: false, os: 'trusted', osSource: 'system-api', anchor: 'CN=X' };
const osNo: TlsTrust = { bundled: false, os: 'untrusted', osSource: 'system-api' };
const osNone: TlsTrust = { bundled: false, os: 'unavailable', osSource: 'unavailable' };
const AVAST = 'O=avast! Web/Mail Shield, CN=avast! Web/Mail Shield Root';
const GTS = 'C=US, O=Google Trust Services, CN=WR2';

describe('judgeTrust', () => {
  it('only the OS store trusts the chain: os-trusted, intercepted, a warning', () => {
    const j = judgeTrust({ verdict: 'untrusted', hostnameOk: true, trust: osTrusted, issuers: ['CN=Corp CA'] });
    expect(j.verdict).toBe('os-trusted');
    expect(j.interception).toMatchObject({ reason: 'os-only', trustedBy: 'os', issuer: 'CN=Corp CA' });
    expect(interceptionSeverity(j.interception!)).toBe('warning');
  });
  it('a self-signed leaf the OS store holds counts the same', () => {
    expect(judgeTrust({ verdict: 'self-signed', hostnameOk: true, trust: osTrusted, issuers: ['CN=nas.local'] }).verdict).toBe('os-trusted');
  });
  it('an OS-trusted chain with a wrong name stays a name mismatch (the server is asked to fix its name)', () => {
    expect(judgeTrust({ verdict: 'untrusted', hostnameOk: false, trust: osTrusted, issuers: [AVAST] })).toEqual({ verdict: 'hostname-mismatch' });
  });
  it('no store trusts it but the issuer names a product: intercepted, an error, still unverified', () => {
    for (const trust of [osNo, osNone]) {
      const j = judgeTrust({ verdict: 'untrusted', hostnameOk: true, trust, issuers: ['CN=leaf', AVAST] });
      expect(j.verdict).toBe('untrusted');
      expect(j.interception).toMatchObject({ reason: 'product', trustedBy: 'none', product: { id: 'avast', kind: 'antivirus', grade: 'B' } });
      expect(interceptionSeverity(j.interception!)).toBe('error');
    }
  });
  it("a catalog provider's chain from outside its issuer family is evidence by itself", () => {
    const j = judgeTrust({ verdict: 'untrusted', hostnameOk: true, trust: osNone, issuers: ['CN=Some Box CA'], providerId: 'gmail' });
    expect(j.interception).toMatchObject({ reason: 'provider-issuer', expectedIssuer: { label: 'Google Trust Services', grade: 'B' } });
    // From inside the family (e.g. a missing intermediate) it is not.
    expect(judgeTrust({ verdict: 'untrusted', hostnameOk: true, trust: osNone, issuers: [GTS], providerId: 'gmail' }).interception).toBeUndefined();
    // A provider without a graded family says nothing either way.
    expect(judgeTrust({ verdict: 'untrusted', hostnameOk: true, trust: osNone, issuers: ['CN=Some Box CA'], providerId: 'yahoo-japan' }).interception).toBeUndefined();
  });
  it('nothing to explain: untrusted without evidence stays untrusted; trusted, expired and the rest are untouched', () => {
    expect(judgeTrust({ verdict: 'untrusted', hostnameOk: true, trust: osNo, issuers: ['CN=Unknown CA'] })).toEqual({ verdict: 'untrusted' });
    for (const verdict of ['trusted', 'expired', 'not-yet-valid', 'hostname-mismatch', 'protocol-too-old', 'handshake-failed'] as const) {
      expect(judgeTrust({ verdict, hostnameOk: true, trust: osTrusted, issuers: [AVAST], providerId: 'gmail' })).toEqual({ verdict });
    }
    // Bundled roots accepted it (a public CA): an odd issuer is a CA change, not interception.
    expect(judgeTrust({ verdict: 'untrusted', hostnameOk: true, trust: { ...osTrusted, bundled: true }, issuers: [AVAST] })).toEqual({ verdict: 'untrusted' });
  });
});

const f = (details: Record<string, string | boolean>): Finding => ({ code: 'TLS_INTERCEPTED', severity: 'warning', stage: 'tls', protocol: 'imap', host: 'imap.example.jp', port: 993, evidence: { details } });
const where = { ja: '受信メールサーバー（IMAP） imap.example.jp:993', en: 'the incoming mail server (IMAP) imap.example.jp:993' };

describe('interception wording', () => {
  it('names the product as surely as its grade allows', () => {
    expect(interceptionSummary(f({ product: 'avast', issuer: AVAST, trustedBy: 'os' }), where, 'ja')).toContain('「Avast（メールシールド）」');
    expect(interceptionSummary(f({ product: 'eset', issuer: 'CN=ESET SSL Filter CA', trustedBy: 'os' }), where, 'en')).toContain('(probably)');
    expect(interceptionSummary(f({ product: 'norton', issuer: 'CN=Norton CA', trustedBy: 'os' }), where, 'ja')).toContain('未確認');
  });
  it('says why the server is not to blame, and whether the password was sent', () => {
    expect(interceptionSummary(f({ reason: 'os-only', issuer: 'CN=Corp CA', trustedBy: 'os' }), where, 'ja')).toMatch(/Outlook などのメールソフトはつながります/);
    expect(interceptionSummary(f({ reason: 'product', product: 'avast', issuer: AVAST, trustedBy: 'none' }), where, 'en')).toMatch(/no password was sent/);
    expect(interceptionSummary(f({ reason: 'provider-issuer', expectedIssuer: 'Google Trust Services', issuer: 'CN=Box CA', trustedBy: 'none' }), where, 'ja')).toContain('本来「Google Trust Services」が発行');
  });
  it('the fix: the product scanning for antivirus, IT for a proxy, both when unknown; always check again', () => {
    const av = interceptionSteps(f({ product: 'avast', trustedBy: 'os' }));
    expect(av[0]!.text.ja).toContain('メールのポート（993）を外す');
    expect(av.at(-1)!.grade).toBe('A');
    expect(interceptionSteps(f({ product: 'zscaler', trustedBy: 'os' }))[0]!.text.en).toMatch(/ask IT/);
    const unknown = interceptionSteps(f({ trustedBy: 'none' })).map((s) => s.text.en);
    expect(unknown.some((s) => /security software/.test(s)) && unknown.some((s) => /ask IT/.test(s)) && unknown.some((s) => /Continue/.test(s))).toBe(true);
  });
  it('certificate text is shown as one safe line', () => {
    expect(issuerName('C=US, O=Evil\u0007\nCorp, CN=Bad\u001b[31mCA')).toBe('Bad [31mCA');
    expect(issuerName('O=NoCn\u0000Org')).toBe('O=NoCn Org');
  });
});
