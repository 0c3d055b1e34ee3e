import { describe, expect, it } from 'vitest';
import { DEVICES, LANGS } from '../../models/device';
import type { LookupResult } from '../../models/lookup';
import { getProvider } from '../providers/catalog';
import type { ProviderEntry } from '../providers/catalog-types';
import { report } from './composer-fixtures.test-util';
import { compareRuns, composeDiagnosis } from './composer';
import { lookupError } from '../lookup/lookup';
import { FINDING_META } from '../../findings/codes';
import type { Cause } from './composer-types';

function provider(id: Parameters<typeof getProvider>[0]): ProviderEntry {
  const p = getProvider(id);
  if (!p) throw new Error(`catalog has no ${id}`);
  return p;
}

const settingsOf = (c: Cause) => c.steps.flatMap((s) => (s.setting ? [`${s.setting.label}: ${s.setting.value}`] : []));
const textOf = (c: Cause) => [c.title, c.explanation, ...c.steps.map((s) => s.text), ...c.evidence.map((e) => `${e.label} ${e.value}`)].join('\n');

const HEALTHY = report('hanako@so-net.example', [
  { protocol: 'imap', host: 'imap.example.jp', port: 993, security: 'tls' },
  { protocol: 'smtp', host: 'smtp.example.jp', port: 587, security: 'starttls' },
]);

describe('composeDiagnosis: finding causes', () => {
  it('docomo wrong password on iPhone: the password cause comes first and names the IMAP専用パスワード', () => {
    const r = report('taro@docomo.ne.jp', [
      { protocol: 'imap', host: 'imap.spmode.ne.jp', port: 993, security: 'tls', failAt: 'login', code: 'AUTH_FAILED', reply: 'a1 NO [AUTHENTICATIONFAILED] LOGIN failed' },
      { protocol: 'smtp', host: 'smtp.spmode.ne.jp', port: 465, security: 'tls', failAt: 'login', code: 'AUTH_FAILED', reply: '535 5.7.8 Error: authentication failed' },
    ]);
    const d = composeDiagnosis({ report: r, provider: provider('docomo'), device: 'iphone', lang: 'ja' });
    const top = d.causes[0] as Cause;
    expect(top.id).toBe('finding:AUTH_FAILED');
    expect(top.likelihood).toBe('high');
    expect(textOf(top)).toContain('IMAP専用パスワード');
    // Evidence from both probes is kept.
    expect(top.evidence.map((e) => e.value)).toEqual(expect.arrayContaining(['a1 NO [AUTHENTICATIONFAILED] LOGIN failed', '535 5.7.8 Error: authentication failed']));
    // The user-name row of the diff belongs to a password cause; docomo's ID is not derivable, so it is unknown.
    expect(top.settingsDiff.every((row) => row.field !== 'user' || row.status === 'unknown')).toBe(true);
  });

  it('Gmail app password reply on Android: app password steps, in English', () => {
    const r = report('taro@gmail.com', [
      {
        protocol: 'imap',
        host: 'imap.gmail.com',
        port: 993,
        security: 'tls',
        failAt: 'login',
        code: 'AUTH_APP_PASSWORD_REQUIRED',
        reply: 'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
      },
    ]);
    const d = composeDiagnosis({ report: r, provider: provider('gmail'), device: 'android-gmail', lang: 'en' });
    expect(d.causes[0]?.id).toBe('finding:AUTH_APP_PASSWORD_REQUIRED');
    expect(textOf(d.causes[0] as Cause)).toMatch(/app password/);
  });

  it('failures of alternative ports are not causes; the alternative that works joins the failure it fixes (one cause, one set of steps)', () => {
    const r = report('a@example.jp', [
      { protocol: 'imap', host: 'mail.example.jp', port: 143, security: 'tls', failAt: 'tls', code: 'TLS_ON_PLAIN_PORT' },
      { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', role: 'alternative', code: 'ALTERNATIVE_WORKS' },
      { protocol: 'imap', host: 'mail.example.jp', port: 110, security: 'none', role: 'alternative', failAt: 'tcp', code: 'TCP_REFUSED' },
    ]);
    const d = composeDiagnosis({ report: r, device: 'outlook-classic', lang: 'ja' });
    const ids = d.causes.map((c) => c.id);
    expect(ids[0]).toBe('finding:TLS_ON_PLAIN_PORT');
    expect(ids).not.toContain('finding:ALTERNATIVE_WORKS');
    expect(ids).not.toContain('finding:TCP_REFUSED');
    const top = d.causes[0] as Cause;
    expect(top.codes).toEqual(['TLS_ON_PLAIN_PORT', 'ALTERNATIVE_WORKS']);
    expect(settingsOf(top)).toContain('サーバーのポート番号 > 受信サーバー (IMAP): 993');
    expect(settingsOf(top)).toContain('使用する暗号化接続の種類: SSL/TLS');
    // The table says the same as the steps.
    expect(d.correct.imap).toEqual({ host: 'mail.example.jp', port: 993, security: 'tls', source: 'connected' });
  });
});

describe('composeDiagnosis: report shaped like the probe engine’s', () => {
  it('PORT25_BLOCKED (derived) takes in the timeout of the same probe; details get translated labels', () => {
    const r = report('a@example.jp', [
      { protocol: 'smtp', host: 'smtp.example.jp', port: 25, security: 'starttls', failAt: 'tcp', code: 'TCP_TIMEOUT', errorCode: 'ETIMEDOUT' },
      { protocol: 'smtp', host: 'smtp.example.jp', port: 465, security: 'tls', role: 'alternative' },
    ]);
    // As electron/probes/rank.ts derives them: PORT25_BLOCKED on the configured probe, ALTERNATIVE_WORKS with a fix.
    r.findings.unshift(
      { code: 'PORT25_BLOCKED', severity: 'error', stage: 'tcp', protocol: 'smtp', host: 'smtp.example.jp', port: 25, security: 'starttls', probeId: 'p0', role: 'configured', evidence: { errorCode: 'ETIMEDOUT' } },
    );
    r.findings.push({
      code: 'ALTERNATIVE_WORKS',
      severity: 'info',
      stage: 'config',
      protocol: 'smtp',
      host: 'smtp.example.jp',
      port: 465,
      security: 'tls',
      probeId: 'p1',
      role: 'alternative',
      evidence: { details: { configured: '25/starttls', alsoWorks: '' } },
      fix: { host: 'smtp.example.jp', port: 465, security: 'tls' },
    });
    const d = composeDiagnosis({ report: r, device: 'outlook-classic', lang: 'ja' });
    const ids = d.causes.map((c) => c.id);
    expect(ids[0]).toBe('finding:PORT25_BLOCKED');
    expect(ids).not.toContain('finding:TCP_TIMEOUT');
    expect(ids).not.toContain('finding:ALTERNATIVE_WORKS');
    // One recommendation: the value that worked, no "also works" list of other ports beside it.
    const labels = (d.causes[0] as Cause).evidence.map((e) => e.label);
    expect(labels).toContain('つながった設定');
    expect(labels).not.toContain('ほかにつながる設定');
    // The port seen working (465), not the standard table's 587.
    expect(settingsOf(d.causes[0] as Cause)).toEqual(expect.arrayContaining(['サーバーのポート番号 > 送信サーバー (SMTP): 465', '使用する暗号化接続の種類: SSL/TLS']));
  });
});

describe('composeDiagnosis: triage rules', () => {
  it('fails on all networks and all ports → server outage first, with a re-check action', () => {
    const r = report('a@example.jp', [
      { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', failAt: 'tcp', code: 'TCP_TIMEOUT', errorCode: 'ETIMEDOUT' },
      { protocol: 'imap', host: 'mail.example.jp', port: 143, security: 'starttls', role: 'alternative', failAt: 'tcp', code: 'TCP_TIMEOUT' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 587, security: 'starttls', failAt: 'tcp', code: 'TCP_TIMEOUT' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 465, security: 'tls', role: 'alternative', failAt: 'tcp', code: 'TCP_TIMEOUT' },
    ]);
    const d = composeDiagnosis({ report: r, device: 'iphone', lang: 'ja', flags: { failsOnAllNetworks: true } });
    const top = d.causes[0] as Cause;
    expect(top.id).toBe('server-outage');
    expect(top.likelihood).toBe('high');
    expect(top.actions.map((a) => a.id)).toContain('recheck');
    expect(textOf(top)).toMatch(/待って/);
    // Every port silent from this PC is the server side even without the customer's word: worded for
    // the helpdesk (this PC, another network), never as the customer's Wi-Fi or phone settings.
    const unsure = composeDiagnosis({ report: r, device: 'iphone', lang: 'en' });
    const outage = unsure.causes[0] as Cause;
    expect(outage.id).toBe('server-outage');
    expect(outage.likelihood).toBe('high');
    expect(outage.codes).toEqual(expect.arrayContaining(['TCP_TIMEOUT']));
    expect(unsure.causes.map((c) => c.id)).not.toContain('finding:TCP_TIMEOUT');
    expect(textOf(outage)).toMatch(/this PC/);
    expect(outage.steps.some((st) => st.path)).toBe(false);
    expect(outage.actions.map((a) => a.id)).toEqual(['recheck', 'compare-networks']);
    expect(unsure.headline.kind).toBe('problem');
  });

  it('fails only on one network (labelled runs) → network filter, and the comparison names the network', () => {
    const blocked = report('a@example.jp', [
      { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', failAt: 'tcp', code: 'TCP_TIMEOUT' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 465, security: 'tls', failAt: 'tcp', code: 'TCP_TIMEOUT' },
    ]);
    const fine = report('a@example.jp', [
      { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 465, security: 'tls' },
    ]);
    const d = composeDiagnosis({ report: blocked, currentLabel: '会社の Wi-Fi', previousRuns: [{ label: 'スマホのテザリング', report: fine }], device: 'outlook-classic', lang: 'ja' });
    expect(d.causes[0]?.id).toBe('network-filter');
    expect(d.comparison?.conclusion.kind).toBe('network-filter');
    expect(d.comparison?.conclusion.failingLabel).toBe('会社の Wi-Fi');
    expect(d.causes.map((c) => c.id)).not.toContain('server-outage');
  });

  it('only sending fails: port 25 blocked → 587/465 and SMTP auth, with the catalog values', () => {
    const r = report('hanako@so-net.ne.jp', [
      { protocol: 'imap', host: 'imap.so-net.ne.jp', port: 993, security: 'tls' },
      { protocol: 'smtp', host: 'mail.so-net.ne.jp', port: 25, security: 'starttls', failAt: 'tcp', code: 'PORT25_BLOCKED', errorCode: 'ETIMEDOUT' },
      { protocol: 'smtp', host: 'mail.so-net.ne.jp', port: 587, security: 'starttls', role: 'alternative', code: 'ALTERNATIVE_WORKS' },
    ]);
    const d = composeDiagnosis({
      report: r,
      provider: provider('so-net'),
      device: 'iphone',
      lang: 'ja',
      deviceSettings: { imap: { host: 'imap.so-net.ne.jp', port: 993, security: 'tls' }, smtp: { host: 'mail.so-net.ne.jp', port: 25, security: 'none' } },
    });
    const top = d.causes[0] as Cause;
    // The plain conclusion is the finding itself, not "only sending fails"; receiving working is its evidence.
    expect(top.id).toBe('finding:PORT25_BLOCKED');
    expect(top.evidence.map((e) => e.value)).toContain('受信はできています（送信だけの問題です）');
    // The port-25 finding, the working alternative and the wrong-port diff are one problem: one cause.
    expect(d.causes.map((c) => c.id)).toEqual(['finding:PORT25_BLOCKED']);
    expect(settingsOf(top)).toEqual(expect.arrayContaining(['サーバポート: 587', 'SSLを使用: オン']));
    expect(settingsOf(top).some((s) => s.startsWith('認証: '))).toBe(true);
    const port = top.settingsDiff.find((row) => row.protocol === 'smtp' && row.field === 'port');
    expect(port).toMatchObject({ deviceValue: '25', correctValue: '587', status: 'wrong', label: 'サーバポート' });
  });

  it('after a password change: re-enter it on every device, first', () => {
    const r = report('a@biglobe.ne.jp', [{ protocol: 'imap', host: 'mail.biglobe.ne.jp', port: 993, security: 'tls', failAt: 'login', code: 'AUTH_FAILED' }]);
    const d = composeDiagnosis({ report: r, provider: provider('biglobe'), device: 'samsung-email', lang: 'en', flags: { passwordChangedRecently: true } });
    const top = d.causes[0] as Cause;
    expect(top.id).toBe('password-changed');
    expect(top.likelihood).toBe('high');
    expect(top.steps[0]?.text).toMatch(/every device/);
    expect(d.causes.map((c) => c.id)).not.toContain('finding:AUTH_FAILED');
  });

  it('all probes fine but the device fails, with a wrong port on the device → settings diff cause', () => {
    const d = composeDiagnosis({
      report: HEALTHY,
      device: 'iphone',
      lang: 'en',
      deviceSettings: { imap: { host: 'imap.example.jp', port: 143, security: 'tls' }, smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls' } },
    });
    const top = d.causes[0] as Cause;
    expect(top.id).toBe('device-settings');
    expect(top.likelihood).toBe('high');
    expect(settingsOf(top)).toEqual(['Server Port: 993']);
    const statuses = Object.fromEntries(d.settingsDiff.map((row) => [`${row.protocol ?? ''}.${row.field}`, row.status]));
    expect(statuses).toMatchObject({ 'imap.host': 'ok', 'imap.port': 'wrong', 'imap.security': 'ok', 'smtp.port': 'ok' });
  });

  it('all probes fine and the device settings match → device-side steps', () => {
    const d = composeDiagnosis({ report: HEALTHY, device: 'outlook-classic', lang: 'ja' });
    const top = d.causes[0] as Cause;
    expect(top.id).toBe('device-side');
    expect(textOf(top)).toContain('資格情報');
    expect(top.steps.some((s) => s.path?.includes('Windows 資格情報'))).toBe(true);
  });
});

describe('composeDiagnosis: login not tested', () => {
  it('all fine but no password given → device side only "medium", and it says the login was not tested', () => {
    const r = report('a@example.jp', [{ protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', login: 'not-tried', code: 'LOGIN_NOT_TRIED' }]);
    const d = composeDiagnosis({ report: r, device: 'iphone', lang: 'ja' });
    const side = d.causes.find((c) => c.id === 'device-side') as Cause;
    expect(side.likelihood).toBe('medium');
    expect(side.explanation).toContain('未確認');
    expect(d.causes.map((c) => c.id)).toContain('finding:LOGIN_NOT_TRIED');
  });
});

describe('composeDiagnosis without a probe run', () => {
  const lookup: LookupResult = {
    recognised: true,
    matches: [
      { platform: 'Gmail (IMAP)', stage: 'auth', codes: ['AUTH_APP_PASSWORD_REQUIRED', 'AUTH_FAILED'], text: 'Application-specific password required', score: 0.92, grade: 'A', meaning: 'An app password is needed' },
      { platform: 'iOS Mail', stage: 'tcp', codes: ['TCP_TIMEOUT'], text: 'The connection to the server failed.', score: 0.3, grade: 'C' },
    ],
  };

  it('error text alone yields causes from the lookup result', () => {
    const d = composeDiagnosis({ report: null, lookup, errorText: 'Application-specific password required', provider: provider('gmail'), device: 'iphone', lang: 'ja' });
    expect(d.causes.map((c) => c.id)).toEqual(['finding:AUTH_APP_PASSWORD_REQUIRED', 'finding:AUTH_FAILED', 'finding:TCP_TIMEOUT']);
    const top = d.causes[0] as Cause;
    expect(top.kind).toBe('lookup');
    expect(top.likelihood).toBe('high');
    expect(textOf(top)).toContain('アプリ パスワード');
    expect(top.evidence[0]).toEqual({ label: 'お客様の画面の表示', value: 'Application-specific password required' });
    expect(d.causes[2]?.likelihood).toBe('low');
  });

  it('a generic message with many candidates makes none of them "high", and keeps the lookup’s order', () => {
    const generic: LookupResult = {
      recognised: true,
      matches: [{ platform: 'iOS Mail', stage: 'unknown', codes: ['AUTH_FAILED', 'TCP_TIMEOUT', 'DNS_NOT_FOUND'], text: 'Cannot Get Mail', score: 1 }],
    };
    const d = composeDiagnosis({ report: null, lookup: generic, device: 'iphone', lang: 'en' });
    expect(d.causes.map((c) => c.id)).toEqual(['finding:AUTH_FAILED', 'finding:TCP_TIMEOUT', 'finding:DNS_NOT_FOUND']);
    expect(d.causes.every((c) => c.likelihood === 'medium')).toBe(true);
  });

  it('works with the real error lookup: Outlook 0x800CCC0E → connection causes, with the message as evidence', () => {
    const text = 'タスク はエラー (0x800CCC0E) を報告しました';
    const d = composeDiagnosis({ report: null, lookup: lookupError(text, 'ja'), errorText: text, device: 'outlook-classic', lang: 'ja' });
    const top = d.causes[0] as Cause;
    expect(top.kind).toBe('lookup');
    expect(['tcp', 'dns']).toContain(FINDING_META[top.codes[0] as keyof typeof FINDING_META].stage);
    expect(top.evidence[0]?.value).toBe(text);
  });

  it('an outgoing-server message without a report: its causes speak of the SMTP settings, never an IMAP port', () => {
    const text = '送信サーバへの接続に失敗しました';
    const d = composeDiagnosis({ report: null, lookup: lookupError(text, 'ja'), errorText: text, device: 'iphone', lang: 'ja' });
    expect(d.causes.length).toBeGreaterThan(0);
    for (const c of d.causes) for (const v of settingsOf(c)) expect(v, c.id).not.toMatch(/: (993|995|143|110)$/);
  });

  it('when the probes already named the cause for that side, the wording adds no competing guesses', () => {
    const r = report('taro@example.jp', [
      { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 25, security: 'starttls', failAt: 'tcp', code: 'PORT25_BLOCKED' },
    ]);
    const text = '送信サーバへの接続に失敗しました';
    const d = composeDiagnosis({ report: r, lookup: lookupError(text, 'ja'), errorText: text, device: 'iphone', lang: 'ja' });
    expect(d.causes[0]?.codes).toContain('PORT25_BLOCKED');
    expect(d.causes.filter((c) => c.kind === 'lookup')).toEqual([]);
  });

  it('nothing known at all → the five-minute first checks', () => {
    const d = composeDiagnosis({ report: null, device: 'android-gmail', lang: 'en' });
    expect(d.causes.map((c) => c.id)).toEqual(['first-checks']);
    expect(d.causes[0]?.steps.some((s) => /airplane/i.test(s.text))).toBe(true);
  });

  it('a report that already tested the login drops auth codes from the error text', () => {
    const d = composeDiagnosis({ report: HEALTHY, lookup, device: 'iphone', lang: 'en' });
    expect(d.causes.map((c) => c.id)).not.toContain('finding:AUTH_FAILED');
  });
});

describe('composeDiagnosis: every device and language gives complete text', () => {
  const r = report('a@example.jp', [
    { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', failAt: 'tls', code: 'TLS_CERT_UNTRUSTED' },
    { protocol: 'smtp', host: 'mail.example.jp', port: 25, security: 'none', failAt: 'tcp', code: 'PORT25_BLOCKED' },
  ]);
  for (const device of DEVICES) {
    for (const lang of LANGS) {
      it(`${device} / ${lang}`, () => {
        const d = composeDiagnosis({ report: r, device, lang, flags: { passwordChangedRecently: true } });
        expect(d.causes.length).toBeGreaterThan(1);
        for (const c of d.causes) {
          expect(c.title.length).toBeGreaterThan(3);
          expect(c.explanation.length).toBeGreaterThan(10);
          expect(c.steps.length).toBeGreaterThan(0);
          expect(textOf(c)).not.toMatch(/\{\w+\}|undefined/);
        }
        // Ranked: likelihood never increases down the list.
        const order = { high: 0, medium: 1, low: 2 };
        const ls = d.causes.map((c) => order[c.likelihood]);
        expect([...ls].sort((a, b) => a - b)).toEqual(ls);
      });
    }
  }
});

describe('compareRuns', () => {
  const home = report('a@example.jp', [
    { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls' },
    { protocol: 'smtp', host: 'mail.example.jp', port: 25, security: 'starttls' },
    { protocol: 'smtp', host: 'mail.example.jp', port: 587, security: 'starttls' },
  ]);

  it('port 25 blocked on one network only → OP25B conclusion', () => {
    const cafe = report('a@example.jp', [
      { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 25, security: 'starttls', failAt: 'tcp', code: 'PORT25_BLOCKED' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 587, security: 'starttls' },
    ]);
    const c = compareRuns({ label: 'home', report: home }, { label: 'cafe Wi-Fi', report: cafe }, 'en');
    expect(c.conclusion.kind).toBe('port25-filter');
    expect(c.conclusion.failingLabel).toBe('cafe Wi-Fi');
    expect(c.rows.filter((r) => r.differs).map((r) => r.key)).toEqual(['smtp mail.example.jp:25 starttls']);
    expect(c.rows.find((r) => r.differs)?.b).toMatchObject({ status: 'failed', failedStep: 'tcp', code: 'PORT25_BLOCKED' });
  });

  it('certificate fails only behind the office proxy → TLS interception', () => {
    const office = report('a@example.jp', [
      { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', failAt: 'tls', code: 'TLS_CERT_UNTRUSTED' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 25, security: 'starttls' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 587, security: 'starttls', failAt: 'tls', code: 'TLS_CERT_UNTRUSTED' },
    ]);
    const c = compareRuns({ label: 'office', report: office }, { label: 'home', report: home }, 'ja');
    expect(c.conclusion.kind).toBe('tls-interception');
    expect(c.conclusion.text).toContain('「office」でだけ');
  });

  it('same failure everywhere → not the network; same success → not the network', () => {
    const bad = report('a@example.jp', [{ protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', failAt: 'login', code: 'AUTH_FAILED' }]);
    expect(compareRuns({ label: 'A', report: bad }, { label: 'B', report: bad }, 'en').conclusion.kind).toBe('same-failure');
    expect(compareRuns({ label: 'A', report: home }, { label: 'B', report: home }, 'en').conclusion.kind).toBe('same-ok');
  });

  it('login refused only through the VPN → a location-based sign-in restriction', () => {
    const ok = report('a@yahoo.co.jp', [{ protocol: 'imap', host: 'imap.mail.yahoo.co.jp', port: 993, security: 'tls' }]);
    const vpn = report('a@yahoo.co.jp', [{ protocol: 'imap', host: 'imap.mail.yahoo.co.jp', port: 993, security: 'tls', failAt: 'login', code: 'AUTH_FAILED', reply: 'NO [AUTHENTICATIONFAILED] Incorrect username or password.' }]);
    const c = compareRuns({ label: 'VPN on', report: vpn }, { label: 'home', report: ok }, 'en');
    expect(c.conclusion.kind).toBe('auth-differs');
    expect(c.conclusion.failingLabel).toBe('VPN on');
    expect(c.conclusion.text).toMatch(/overseas or VPN/);
  });

  it('runs with no common target cannot be compared', () => {
    const other = report('a@example.jp', [{ protocol: 'pop3', host: 'pop.example.jp', port: 995, security: 'tls' }]);
    const c = compareRuns({ label: 'A', report: home }, { label: 'B', report: other }, 'en');
    expect(c.conclusion.kind).toBe('mixed');
    expect(c.rows.every((r) => !r.differs)).toBe(true);
  });
});
