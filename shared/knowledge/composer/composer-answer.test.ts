/**
 * The answer as a helpdesk person reads it: the headline, which causes may be 'high', the
 * correct settings' sources, lookup causes that drop once the run tested their stage, and a
 * case's runs (before/after a fix, cancelled runs never compared).
 */
import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../models/lookup';
import { caseOutcome, caseStory, otherNetworkRuns } from './case-story';
import { report } from './composer-fixtures.test-util';
import { composeDiagnosis } from './composer';

const HOST = 'mail.example.jp';
const authLookup: LookupResult = {
  recognised: true,
  matches: [{ text: 'The user name or password for IMAP is incorrect', platform: 'iOS', score: 0.9, codes: ['AUTH_FAILED'], stage: 'auth' }],
} as unknown as LookupResult;
const genericLookup: LookupResult = {
  recognised: true,
  matches: [{ text: '0x800CCC0E', platform: 'Outlook', score: 0.9, codes: ['TCP_REFUSED', 'DNS_NOT_FOUND', 'TCP_TIMEOUT'], stage: 'tcp' }],
} as unknown as LookupResult;

describe('headline', () => {
  it('ok only when the login worked; no password → unverified, and says so when the customer’s screen blames the password', () => {
    const ok = report('a@example.jp', [{ protocol: 'imap', host: HOST, port: 993, security: 'tls' }]);
    expect(composeDiagnosis({ report: ok, device: 'iphone', lang: 'ja' }).headline.kind).toBe('ok');
    const noPw = report('a@example.jp', [{ protocol: 'imap', host: HOST, port: 993, security: 'tls', login: 'not-tried', code: 'LOGIN_NOT_TRIED' }]);
    noPw.findings[0]!.evidence.details = { reason: 'no-password' };
    noPw.probes[0]!.findings[0]!.evidence.details = { reason: 'no-password' };
    const d = composeDiagnosis({ report: noPw, device: 'iphone', lang: 'en', lookup: authLookup, errorText: 'The user name or password for IMAP is incorrect' });
    expect(d.headline.kind).toBe('unverified');
    expect(d.headline.text).toMatch(/password was not checked/);
    // The customer's password message is the top cause: the run could not test it.
    expect(d.causes[0]?.id).toBe('finding:AUTH_FAILED');
    expect(d.causes[0]?.kind).toBe('lookup');
    expect(d.causes[0]?.likelihood).toBe('high');
    expect(d.causes.map((c) => c.id)).not.toContain('device-side');
  });

  it('the device set differently from what worked is a problem, not green', () => {
    const ok = report('a@example.jp', [{ protocol: 'imap', host: HOST, port: 993, security: 'tls' }]);
    const d = composeDiagnosis({ report: ok, device: 'outlook-classic', lang: 'en', deviceSettings: { imap: { host: HOST, port: 143, security: 'none' } } });
    expect(d.headline.kind).toBe('problem');
    expect(d.causes[0]?.id).toBe('device-settings');
    expect(d.causes[0]?.likelihood).toBe('high');
  });

  it('a cancelled run is unverified', () => {
    const r = report('a@example.jp', [{ protocol: 'imap', host: HOST, port: 993, security: 'tls' }]);
    r.cancelled = true;
    expect(composeDiagnosis({ report: r, device: 'iphone', lang: 'ja' }).headline.kind).toBe('unverified');
  });
});

describe('triage on evidence', () => {
  it('wrong password on both sides: no "only sending fails", and the tested ports are the correct ones', () => {
    const r = report('a@example.jp', [
      { protocol: 'imap', host: HOST, port: 993, security: 'tls', failAt: 'login', code: 'AUTH_FAILED' },
      { protocol: 'smtp', host: HOST, port: 587, security: 'starttls', failAt: 'login', code: 'AUTH_FAILED' },
      { protocol: 'imap', host: HOST, port: 143, security: 'starttls', role: 'alternative' },
      { protocol: 'smtp', host: HOST, port: 465, security: 'tls', role: 'alternative' },
    ]);
    const d = composeDiagnosis({ report: r, device: 'iphone', lang: 'ja' });
    expect(d.causes[0]?.id).toBe('finding:AUTH_FAILED');
    expect(d.causes.map((c) => c.id)).not.toContain('sending-only');
    expect(d.causes.filter((c) => c.likelihood === 'high').map((c) => c.id)).toEqual(['finding:AUTH_FAILED']);
    expect([d.correct.imap?.port, d.correct.smtp?.port]).toEqual([993, 587]);
    expect(d.headline.kind).toBe('problem');
  });

  it('every port refused from this PC → the server side, with the helpdesk’s checks; 0x800CCC0E guesses drop', () => {
    const r = report('a@example.jp', [
      { protocol: 'imap', host: HOST, port: 993, security: 'tls', failAt: 'tcp', code: 'TCP_REFUSED' },
      { protocol: 'imap', host: HOST, port: 143, security: 'starttls', role: 'alternative', failAt: 'tcp', code: 'TCP_REFUSED' },
      { protocol: 'smtp', host: HOST, port: 587, security: 'starttls', failAt: 'tcp', code: 'TCP_REFUSED' },
      { protocol: 'smtp', host: HOST, port: 465, security: 'tls', role: 'alternative', failAt: 'tcp', code: 'TCP_REFUSED' },
    ]);
    const d = composeDiagnosis({ report: r, device: 'iphone', lang: 'ja', lookup: genericLookup, errorText: '0x800CCC0E' });
    expect(d.causes[0]?.id).toBe('server-outage');
    expect(d.causes[0]?.title).toContain('このパソコン');
    expect(d.causes.some((c) => c.kind === 'lookup')).toBe(false);
    expect(d.causes.map((c) => c.id)).not.toContain('finding:TCP_REFUSED');
    expect(d.correct.imap).toBeUndefined();
  });

  it('a guessed server that does not exist is not blamed on the customer’s spelling', () => {
    const r = report('a@nowhere.example', [{ protocol: 'imap', host: 'imap.nowhere.example', port: 993, security: 'tls', failAt: 'dns', code: 'DNS_NOT_FOUND' }]);
    const d = composeDiagnosis({ report: r, device: 'android-gmail', lang: 'ja', serverSources: { imap: 'guess' } });
    expect(d.causes[0]?.id).toBe('guessed-server');
    expect(d.causes.map((c) => c.id)).not.toContain('finding:DNS_NOT_FOUND');
    expect(d.causes[0]?.explanation).toContain('お客様が入力した名前ではありません');
    expect(d.correct.imap).toBeUndefined();
    expect(d.settingsDiff.every((row) => row.correctValue === undefined)).toBe(true);
  });
});

describe('a case keeps its runs', () => {
  const before = report('a@example.jp', [
    { protocol: 'imap', host: HOST, port: 993, security: 'tls' },
    { protocol: 'smtp', host: HOST, port: 25, security: 'starttls', failAt: 'tcp', code: 'PORT25_BLOCKED' },
    { protocol: 'smtp', host: HOST, port: 465, security: 'tls', role: 'alternative' },
  ]);
  const after = report('a@example.jp', [
    { protocol: 'imap', host: HOST, port: 993, security: 'tls' },
    { protocol: 'smtp', host: HOST, port: 465, security: 'tls' },
  ]);
  const cancelled = report('a@example.jp', [{ protocol: 'imap', host: HOST, port: 993, security: 'tls' }]);
  cancelled.cancelled = true;
  cancelled.probes[0]!.status = 'cancelled';

  it('symptom, cause, fix applied and the result after it; a cancelled run is never compared', () => {
    const runs = [
      { label: '', report: before },
      { label: '', report: cancelled },
      { label: '', report: after },
    ];
    const s = caseStory({ device: 'iphone', errorText: 'Cannot Send Mail' }, runs, 'en');
    expect(s.symptom).toBe('Cannot Send Mail');
    expect(s.first?.diagnosis.headline.kind).toBe('problem');
    expect(s.afterFix?.diagnosis.headline.kind).toBe('ok');
    expect(s.fixApplied).toEqual(['Outgoing (SMTP): mail.example.jp:25 STARTTLS → mail.example.jp:465 SSL/TLS']);
    expect(s.cancelledRuns).toBe(1);
    expect(s.final).toBe('ok');
    expect(otherNetworkRuns(runs, 2)).toEqual([]);
    // The re-run on the same network is not "blocked on one network only".
    expect(s.afterFix?.diagnosis.comparison).toBeUndefined();
    const o = caseOutcome({ device: 'iphone' }, runs);
    expect(o?.final).toBe('ok');
    expect(o?.problem?.ja).toContain('25');
  });

  it('a run on another network is compared with the latest finished run there', () => {
    const runs = [
      { label: 'office', report: before },
      { label: 'tethering', report: cancelled },
      { label: 'home', report: after },
    ];
    expect(otherNetworkRuns(runs, 2).map((r) => r.label)).toEqual(['office']);
    const s = caseStory({ device: 'iphone' }, runs, 'ja');
    expect(s.afterFix).toBeUndefined();
    expect(s.otherNetworks.map((o) => o.label)).toEqual(['home']);
  });
});

describe('steps name only values the run or the catalog stands behind', () => {
  it('plaintext injected after STARTTLS on 143 and 993 refused: no step sets 993, the table knows no port, and the usual port is said as usual', () => {
    const r = report('a@example.jp', [
      { protocol: 'imap', host: HOST, port: 143, security: 'starttls', failAt: 'tls', code: 'STARTTLS_INJECTION' },
      { protocol: 'imap', host: HOST, port: 993, security: 'tls', role: 'alternative', failAt: 'tcp', code: 'TCP_REFUSED' },
    ]);
    for (const lang of ['ja', 'en'] as const) {
      for (const device of ['iphone', 'outlook-classic', 'android-gmail'] as const) {
        const d = composeDiagnosis({ report: r, device, lang, deviceSettings: { imap: { host: HOST, port: 143, security: 'starttls' } } });
        const cause = d.causes.find((c) => c.id === 'finding:STARTTLS_INJECTION');
        expect(cause, `${device}/${lang}`).toBeDefined();
        // A step that sets a value names it in `setting`; none may set the refused 993.
        expect(cause!.steps.filter((s) => s.setting?.value === '993'), `${device}/${lang}`).toEqual([]);
        expect(d.correctSettings.imap?.port, `${device}/${lang}`).toBeUndefined();
        expect(cause!.steps.some((s) => s.text.includes(lang === 'ja' ? 'ふつうは 993 番' : 'usually 993')), `${device}/${lang}`).toBe(true);
      }
    }
  });

  it('without a run (the error text alone) the textbook port stays the advice', () => {
    const d = composeDiagnosis({
      report: null,
      device: 'outlook-classic',
      lang: 'en',
      lookup: { recognised: true, matches: [{ text: 'x', platform: 'Outlook', score: 0.9, codes: ['AUTH_PLAINTEXT_DISABLED'], stage: 'auth' }] } as unknown as LookupResult,
    });
    const cause = d.causes.find((c) => c.id === 'finding:AUTH_PLAINTEXT_DISABLED');
    expect(cause?.steps.some((s) => s.setting?.value === '993')).toBe(true);
  });
});
