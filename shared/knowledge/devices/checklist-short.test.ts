/**
 * The checklist as the agent sees it: at most five open steps, filtered by the provider,
 * the steps the connection test answered set apart, no step twice.
 */
import { describe, expect, it } from 'vitest';
import { FINDING_META } from '../../findings/codes';
import { DEVICES, LANGS } from '../../models/device';
import type { Finding } from '../../models/probe';
import { CATALOG, getProvider } from '../providers/catalog';
import { report } from '../composer/composer-fixtures.test-util';
import { composeDiagnosis } from '../composer/composer';
import { buildChecklist } from './checklist';
import { OPEN_STEPS_MAX, shortChecklist } from './checklist-short';

const ids = (steps: { id: string }[]) => steps.map((s) => s.id);
const PROVIDER_STEPS = ['docomo-imap-password', 'au-mail', 'softbank-password', 'yahoo-japan-access', 'microsoft-sign-in', 'carrier-profile'];
const HOST = 'mail.lab.test';

/** The lab's port-25 case: 25 dropped, 465 answers, IMAP logs in; the iPhone is set to 25 and the short user name. */
function port25Case(lang: 'ja' | 'en') {
  const r = report('alice@lab.test', [
    { protocol: 'imap', host: HOST, port: 993, security: 'tls' },
    { protocol: 'smtp', host: HOST, port: 25, security: 'starttls', failAt: 'tcp', code: 'PORT25_BLOCKED', errorCode: 'ETIMEDOUT' },
    { protocol: 'smtp', host: HOST, port: 465, security: 'tls', role: 'alternative', code: 'ALTERNATIVE_WORKS' },
    { protocol: 'smtp', host: HOST, port: 587, security: 'starttls', role: 'alternative' },
  ]);
  // As the engine reports it: the blocked port also timed out.
  const m = FINDING_META.TCP_TIMEOUT;
  const timeout: Finding = { code: 'TCP_TIMEOUT', severity: m.severity, stage: m.stage, protocol: 'smtp', host: HOST, port: 25, security: 'starttls', probeId: 'p1', role: 'configured', evidence: { errorCode: 'ETIMEDOUT' } };
  r.findings.push(timeout);
  const deviceSettings = { imap: { host: HOST, port: 993, security: 'tls' as const }, smtp: { host: HOST, port: 25, security: 'starttls' as const }, user: 'alice' };
  const d = composeDiagnosis({ report: r, device: 'iphone', lang, deviceSettings });
  return buildChecklist({ device: 'iphone', lang, report: r, findings: r.findings, causes: d.causes, settingsDiff: d.settingsDiff, domain: 'lab.test' });
}

describe('short checklist', () => {
  it('port 25 on an iPhone: the sending steps open, no network steps from the absorbed timeout, what the test answered apart', () => {
    const steps = port25Case('ja');
    const s = shortChecklist(steps);
    expect(s.open.length).toBeLessThanOrEqual(OPEN_STEPS_MAX);
    expect(ids(s.open)).toEqual(['smtp-port', 'smtp-auth']);
    // The timeout on port 25 is the line's OP25B, not a reason to toggle airplane mode.
    expect(ids(s.more)).toEqual(expect.arrayContaining(['airplane-mode', 'vpn-off', 'switch-network']));
    // The test split sending from receiving, tried the other ports and compared the typed settings.
    expect(ids(s.answered)).toEqual(expect.arrayContaining(['send-receive-split', 'ssl-setting', 'server-settings']));
    expect(s.answered.find((x) => x.id === 'send-receive-split')?.answered).toBe('接続テストで、受信と送信を別々に確かめました。');
    // lab.test is no carrier's and not Microsoft's domain.
    for (const id of PROVIDER_STEPS) expect(ids(steps)).not.toContain(id);
    // Nothing lost, nothing twice.
    const all = [...s.open, ...s.more, ...s.answered];
    expect(ids(all).sort()).toEqual(ids(steps).sort());
    expect(new Set(all.map((x) => x.title)).size).toBe(all.length);
  });

  it('the "why" line quotes the conclusion the Diagnosis screen leads with, not the cause’s category', () => {
    for (const lang of ['ja', 'en'] as const) {
      const open = shortChecklist(port25Case(lang)).open;
      const conclusion = lang === 'ja' ? 'ポート25番が回線で止められています' : 'Port 25 is blocked by the internet line';
      expect(open[0]?.reason).toContain(conclusion);
      for (const step of open) expect(step.reason ?? '').not.toMatch(/送信だけできない|only sending|OP25B/);
    }
  });

  it('provider steps: the matching provider only; none for a domain the catalog does not know, unless Microsoft said so', () => {
    expect(ids(buildChecklist({ device: 'iphone', lang: 'ja', provider: getProvider('docomo'), domain: 'docomo.ne.jp' }))).toContain('docomo-imap-password');
    const plain = ids(buildChecklist({ device: 'iphone', lang: 'ja', domain: 'example-shop.jp' }));
    for (const id of PROVIDER_STEPS) expect(plain).not.toContain(id);
    const m = FINDING_META.AUTH_BASIC_DISABLED;
    const basic: Finding = { code: 'AUTH_BASIC_DISABLED', severity: m.severity, stage: m.stage, protocol: 'imap', role: 'configured', evidence: {} };
    const custom = buildChecklist({ device: 'outlook-classic', lang: 'en', domain: 'example-shop.jp', findings: [basic] });
    expect(ids(custom)).toContain('microsoft-sign-in');
    expect(ids(custom)).not.toContain('docomo-imap-password');
    // No address at all: nothing is known, the provider steps stay (last).
    expect(ids(buildChecklist({ device: 'iphone', lang: 'ja' }))).toContain('docomo-imap-password');
  });

  it('nothing known: the first five steps open, led by the first checks', () => {
    const s = shortChecklist(buildChecklist({ device: 'android-gmail', lang: 'ja' }));
    expect(s.open).toHaveLength(OPEN_STEPS_MAX);
    expect(s.open[0]?.group).toBe('first-checks');
    expect(s.answered).toEqual([]);
  });

  it('every device, language and provider: at most five open, no id or title twice, every step kept', () => {
    const lists = [port25Case('ja'), port25Case('en')];
    for (const device of DEVICES) {
      for (const lang of LANGS) {
        for (const provider of [undefined, ...CATALOG]) lists.push(buildChecklist({ device, lang, ...(provider ? { provider } : {}) }));
      }
    }
    for (const steps of lists) {
      const s = shortChecklist(steps);
      const all = [...s.open, ...s.more, ...s.answered];
      expect(s.open.length).toBeLessThanOrEqual(OPEN_STEPS_MAX);
      expect(new Set(ids(all)).size).toBe(all.length);
      expect(new Set(all.map((x) => x.title)).size).toBe(all.length);
      expect(all.length).toBe(steps.length);
    }
  });

  it('a repeated step (same id or same title) is shown once', () => {
    const [a, b] = buildChecklist({ device: 'iphone', lang: 'ja' });
    const s = shortChecklist([a!, a!, { ...b!, id: 'other', title: ` ${b!.title}` }, b!]);
    expect(ids([...s.open, ...s.more])).toEqual([a!.id, 'other']);
  });
});
