import { describe, expect, it } from 'vitest';
import { FINDING_META, type FindingCode } from '../../findings/codes';
import { DEVICES, LANGS, type Device } from '../../models/device';
import type { Finding } from '../../models/probe';
import { getProvider } from '../providers/catalog';
import type { ProviderEntry } from '../providers/catalog-types';
import { buildChecklist, deviceSettingsScreen, highlightFromDiff } from './checklist';
import { report } from '../composer/composer-fixtures.test-util';
import { composeDiagnosis } from '../composer/composer';
import { findingConclusion } from '../findings/finding-conclusion';

function provider(id: Parameters<typeof getProvider>[0]): ProviderEntry {
  const p = getProvider(id);
  if (!p) throw new Error(`catalog has no ${id}`);
  return p;
}

function finding(code: FindingCode, protocol: Finding['protocol'] = 'imap'): Finding {
  const m = FINDING_META[code];
  return { code, severity: m.severity, stage: m.stage, protocol, host: 'mail.example.jp', port: 993, security: 'tls', role: 'configured', evidence: {} };
}

const ids = (steps: { id: string }[]) => steps.map((s) => s.id);

/** The core of the helpdesk method every device must have. */
const CORE = ['switch-network', 'vpn-off', 'restart', 'compare-networks', 'reenter-password', 'webmail-login', 'outage-wait', 'send-receive-split', 'smtp-port', 'smtp-auth', 'date-time', 'ssl-setting', 'server-settings', 'backup-before-delete', 'delete-readd'];

const DEVICE_SPECIFIC: Record<Device, string[]> = {
  iphone: ['airplane-mode', 'carrier-profile'],
  'outlook-classic': ['credential-manager', 'offline-mode', 'profile-repair'],
  'outlook-new': ['credential-manager'],
  'android-gmail': ['airplane-mode', 'battery-optimisation', 'background-data', 'sync-on'],
  'samsung-email': ['airplane-mode', 'battery-optimisation', 'background-data', 'sync-on'],
  'mac-mail': ['connection-doctor', 'offline-mode'],
};

describe('buildChecklist: content', () => {
  for (const device of DEVICES) {
    for (const lang of LANGS) {
      it(`${device} / ${lang}: core and device steps, complete text, graded paths`, () => {
        const steps = buildChecklist({ device, lang });
        expect(ids(steps)).toEqual(expect.arrayContaining([...CORE, ...DEVICE_SPECIFIC[device]]));
        expect(new Set(ids(steps)).size).toBe(steps.length);
        for (const s of steps) {
          for (const t of [s.title, s.action, s.lookFor, ...(s.path ?? [])]) {
            expect(t.trim().length).toBeGreaterThan(0);
            expect(t).not.toMatch(/\{\w+\}|undefined/);
          }
          expect(['A', 'B', 'C', 'U']).toContain(s.grade);
          // English titles carry Japanese only in Japanese service names (Eメール(i), Yahoo!メール).
          if (lang === 'en' && s.group !== 'provider') expect(s.title).not.toMatch(/[\u3040-\u30ff]/);
        }
        // With nothing known the 5-minute first checks lead.
        expect(steps[0]?.group).toBe('first-checks');
        // Backup comes right before deleting the account.
        const b = ids(steps).indexOf('backup-before-delete');
        expect(ids(steps)[b + 1]).toMatch(/delete-readd|microsoft-sign-in/);
      });
    }
  }

  it('iPhone paths use Apple spelling (サーバ without ー) and name the row the customer taps (「SMTP」 under 送信メールサーバ)', () => {
    const steps = buildChecklist({ device: 'iphone', lang: 'ja' });
    const smtp = steps.find((s) => s.id === 'smtp-auth');
    expect(smtp?.path).toContain('送信メールサーバの「SMTP」');
    expect(smtp?.path).not.toContain('送信メールサーバ（SMTP）');
    expect(smtp?.grade).toBe('C');
    expect(steps.find((s) => s.id === 'airplane-mode')?.path).toEqual(['コントロールセンター', '機内モード']);
  });

  it('airplane mode is not offered on a Mac (it has none)', () => {
    expect(ids(buildChecklist({ device: 'mac-mail', lang: 'en' }))).not.toContain('airplane-mode');
  });

  it('provider steps: only the matching provider when known; all (last) when unknown', () => {
    const docomo = ids(buildChecklist({ device: 'iphone', lang: 'ja', provider: provider('docomo') }));
    expect(docomo).toContain('docomo-imap-password');
    expect(docomo).not.toContain('softbank-password');
    expect(docomo).not.toContain('microsoft-sign-in');
    const unknown = buildChecklist({ device: 'iphone', lang: 'ja' });
    expect(ids(unknown)).toEqual(expect.arrayContaining(['docomo-imap-password', 'softbank-password', 'yahoo-japan-access', 'au-mail']));
    expect(unknown.find((s) => s.id === 'docomo-imap-password')?.relevance).toBe('low');
    const d = unknown.find((s) => s.id === 'docomo-imap-password');
    expect(d?.path).toEqual(['My docomo', 'メール設定', 'IMAP専用ID・パスワードの確認']);
  });
});

describe('buildChecklist: ordering follows the diagnosis', () => {
  it('an AUTH finding brings the password steps first', () => {
    const steps = buildChecklist({ device: 'iphone', lang: 'ja', findings: [finding('AUTH_FAILED')] });
    expect(steps[0]?.group).toBe('password');
    expect(steps[0]?.relevance).toBe('high');
    // The same plain conclusion the Diagnosis screen shows for it.
    expect(steps[0]?.reason).toContain(findingConclusion('AUTH_FAILED', 'ja'));
    // Nothing is dropped.
    expect(steps.length).toBe(buildChecklist({ device: 'iphone', lang: 'ja' }).length);
  });

  it('an app-password finding brings the app/mail-only password step first', () => {
    const steps = buildChecklist({ device: 'iphone', lang: 'en', provider: provider('gmail'), findings: [finding('AUTH_APP_PASSWORD_REQUIRED')] });
    expect(steps[0]?.id).toBe('special-password');
    expect(steps[0]?.url).toBe(provider('gmail').passwordHelp?.url);
  });

  it('the special-password step uses each provider’s own word and never tells Yahoo! JAPAN to make an app password', () => {
    for (const lang of ['ja', 'en'] as const) {
      const step = buildChecklist({ device: 'iphone', lang }).find((s) => s.id === 'special-password');
      expect(step?.action).toBeTruthy();
      if (lang === 'ja') {
        expect(step?.action).toMatch(/Gmail は「アプリ パスワード」、iCloud は「App 用パスワード」/);
        expect(step?.action).toMatch(/Yahoo!メール（yahoo\.co\.jp）はいつものパスワードのまま/);
        expect(step?.action).not.toMatch(/Yahoo[^。（]*アプリ用パスワード/);
      } else {
        expect(step?.action).toMatch(/Yahoo! JAPAN mail \(yahoo\.co\.jp\) keeps the normal password/);
        expect(step?.action).not.toMatch(/Gmail, iCloud and Yahoo need/);
      }
    }
  });

  it('new Outlook: the customer’s-network steps rank last and say why (mail goes through Microsoft’s cloud)', () => {
    const LOCAL = ['airplane-mode', 'switch-network', 'vpn-off', 'compare-networks', 'security-software', 'network-reset'];
    for (const findings of [[], [finding('AUTH_FAILED')]]) {
      const steps = buildChecklist({ device: 'outlook-new', lang: 'ja', findings });
      const firstLocal = steps.findIndex((s) => LOCAL.includes(s.id));
      // The cheap device checks (restart) come before any of them.
      expect(steps.slice(0, firstLocal).some((s) => s.id === 'restart'), JSON.stringify(findings)).toBe(true);
      for (const s of steps.filter((x) => LOCAL.includes(x.id))) expect(s.note, s.id).toContain('Microsoft のクラウド経由');
    }
    // Even when the probe timed out, they are only "normal" there (half weight), never the urgent first move.
    const timeout = buildChecklist({ device: 'outlook-new', lang: 'ja', findings: [finding('TCP_TIMEOUT')] });
    for (const s of timeout.filter((x) => LOCAL.includes(x.id))) expect(s.relevance, s.id).not.toBe('high');
    const classicTimeout = buildChecklist({ device: 'outlook-classic', lang: 'ja', findings: [finding('TCP_TIMEOUT')] });
    expect(classicTimeout.find((s) => s.id === 'switch-network')?.relevance).toBe('high');
    // On Outlook classic the same checks keep their place at the front.
    expect(buildChecklist({ device: 'outlook-classic', lang: 'ja' })[0]?.id).toBe('airplane-mode');
    const classic = buildChecklist({ device: 'outlook-classic', lang: 'en', findings: [finding('TCP_TIMEOUT')] });
    expect(classic.find((s) => s.id === 'switch-network')?.note ?? '').not.toMatch(/cloud/);
  });

  it('with docomo, the IMAP専用パスワード step leads an AUTH failure', () => {
    const steps = buildChecklist({ device: 'iphone', lang: 'ja', provider: provider('docomo'), findings: [finding('AUTH_FAILED')] });
    expect(steps[0]?.id).toBe('docomo-imap-password');
  });

  it('PORT25_BLOCKED brings the send/receive split first', () => {
    const steps = buildChecklist({ device: 'outlook-classic', lang: 'en', findings: [finding('PORT25_BLOCKED', 'smtp')] });
    expect(steps[0]?.id).toBe('send-receive-split');
    expect(ids(steps).slice(0, 4)).toEqual(expect.arrayContaining(['smtp-port', 'smtp-auth']));
    // First checks still lead the unrelated steps.
    const unrelated = steps.filter((s) => s.relevance === 'low');
    expect(unrelated[0]?.group).toBe('first-checks');
  });

  it('a certificate clock problem brings date & time first', () => {
    const steps = buildChecklist({ device: 'android-gmail', lang: 'ja', findings: [finding('TLS_CERT_NOT_YET_VALID')] });
    expect(steps[0]?.id).toBe('date-time');
  });

  it('follows the composer causes: an outage puts "wait and re-check" first', () => {
    const r = report('a@example.jp', [
      { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls', failAt: 'tcp', code: 'TCP_TIMEOUT' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 465, security: 'tls', failAt: 'tcp', code: 'TCP_TIMEOUT' },
    ]);
    const d = composeDiagnosis({ report: r, device: 'iphone', lang: 'ja', flags: { failsOnAllNetworks: true } });
    const steps = buildChecklist({ device: 'iphone', lang: 'ja', causes: d.causes, findings: r.findings });
    expect(steps[0]?.id).toBe('outage-wait');
    expect(steps[0]?.uiAction).toBe('recheck');
  });

  it('a device-side diagnosis brings Outlook’s credential and repair steps up, with backup before delete', () => {
    const healthy = report('a@example.jp', [{ protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls' }]);
    const d = composeDiagnosis({ report: healthy, device: 'outlook-classic', lang: 'ja' });
    const steps = buildChecklist({ device: 'outlook-classic', lang: 'ja', causes: d.causes });
    const high = ids(steps.filter((s) => s.relevance === 'high'));
    expect(high).toEqual(expect.arrayContaining(['credential-manager', 'profile-repair', 'backup-before-delete', 'delete-readd']));
    const b = ids(steps).indexOf('backup-before-delete');
    expect(ids(steps)[b + 1]).toBe('delete-readd');
  });
});

describe('deviceSettingsScreen', () => {
  it('iPhone outgoing server: Apple labels, exact values, highlighted', () => {
    const s = deviceSettingsScreen('iphone', 'smtp', { host: 'smtp.mail.me.com', port: 587, security: 'starttls', user: 'taro@icloud.com' }, 'ja');
    expect(s.fields.map((f) => f.label)).toEqual(['ホスト名', 'ユーザ名', 'パスワード', 'SSLを使用', '認証', 'サーバポート']);
    expect(s.fields.find((f) => f.label === 'サーバポート')).toMatchObject({ value: '587', highlight: true, grade: 'B' });
    expect(s.fields.find((f) => f.label === 'SSLを使用')?.value).toBe('オン');
    expect(s.fields.find((f) => f.field === 'password')).toMatchObject({ value: '••••••••', highlight: false });
    expect(s.path.some((seg) => seg.startsWith('プライマリサーバの'))).toBe(true);
    expect(s.title).toContain('iPhone');
  });

  it('Outlook classic POP: the SSL checkbox, ticked — not the drop-down IMAP and SMTP have', () => {
    const pop = deviceSettingsScreen('outlook-classic', 'pop3', { host: 'pop.example.jp', port: 995, security: 'tls', user: 'a@example.jp' }, 'ja');
    expect(pop.fields.find((f) => f.field === 'security')).toMatchObject({ label: 'このサーバーは暗号化された接続 (SSL/TLS) が必要', value: 'チェックを入れる' });
    const popEn = deviceSettingsScreen('outlook-classic', 'pop3', { host: 'pop.example.jp', port: 110, security: 'none' }, 'en');
    expect(popEn.fields.find((f) => f.field === 'security')).toMatchObject({ label: 'This server requires an encrypted connection (SSL/TLS)', value: 'unticked' });
    const smtp = deviceSettingsScreen('outlook-classic', 'smtp', { host: 'smtp.example.jp', port: 465, security: 'tls' }, 'ja');
    expect(smtp.fields.find((f) => f.field === 'security')).toMatchObject({ label: '使用する暗号化接続の種類', value: 'SSL/TLS' });
  });

  it('Outlook classic incoming server: Outlook labels; only the wrong field highlighted when asked', () => {
    const s = deviceSettingsScreen('outlook-classic', 'imap', { host: 'imap.example.jp', port: 993, security: 'tls', user: 'a@example.jp' }, 'ja', ['port']);
    expect(s.fields.map((f) => f.label)).toEqual(['受信メール サーバー', 'アカウント名', 'パスワード', 'サーバーのポート番号 > 受信サーバー (IMAP)', '使用する暗号化接続の種類']);
    expect(s.fields.filter((f) => f.highlight).map((f) => f.field)).toEqual(['port']);
    expect(s.fields.find((f) => f.field === 'security')?.value).toBe('SSL/TLS');
  });

  it('highlights what the settings diff found wrong', () => {
    const d = composeDiagnosis({
      report: report('a@example.jp', [{ protocol: 'smtp', host: 'smtp.example.jp', port: 465, security: 'tls' }]),
      device: 'iphone',
      lang: 'ja',
      deviceSettings: { smtp: { host: 'smtp.example.jp', port: 25, security: 'none' } },
    });
    const hl = highlightFromDiff(d.settingsDiff, 'smtp');
    expect(hl).toEqual(['port', 'security']);
    const s = deviceSettingsScreen('iphone', 'smtp', d.correctSettings.smtp ?? {}, 'ja', hl);
    expect(s.fields.filter((f) => f.highlight).map((f) => `${f.label}=${f.value}`)).toEqual(['SSLを使用=オン', 'サーバポート=465']);
  });

  it('every device and language yields labelled fields for every protocol', () => {
    for (const device of DEVICES) {
      for (const lang of LANGS) {
        for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
          const s = deviceSettingsScreen(device, protocol, { host: 'h.example.jp', port: 465, security: 'tls', user: 'u' }, lang);
          expect(s.fields.length).toBeGreaterThanOrEqual(4);
          expect(s.fields.every((f) => f.label.length > 0 && f.value.length > 0)).toBe(true);
          expect(s.path.length).toBeGreaterThan(0);
          expect(s.fields.some((f) => f.field === 'host' && f.value === 'h.example.jp' && f.highlight)).toBe(true);
        }
      }
    }
  });
});
