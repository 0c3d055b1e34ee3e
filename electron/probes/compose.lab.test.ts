/**
 * End to end below the UI: real probe reports from the lab servers fed through the
 * knowledge layer (composer, fix text, checklist), the way the app uses them.
 */
import { describe, expect, it } from 'vitest';
import type { AccountInput } from '../../shared/models/account';
import type { DiagnoseOptions, DiagnoseReport } from '../../shared/models/probe';
import { getProvider } from '../../shared/knowledge/providers/catalog';
import { buildChecklist } from '../../shared/knowledge/devices/checklist';
import { composeDiagnosis } from '../../shared/knowledge/composer/composer';
import { runDiagnosis } from './diagnose';
import { labOrNull, labSkipReason } from '../../test/lab/lab-context';

const lab = labOrNull();
const full = lab?.mode === 'full';
let n = 0;

async function diag(account: Partial<AccountInput>, options: DiagnoseOptions = {}): Promise<DiagnoseReport> {
  if (!lab) throw new Error('no lab');
  return runDiagnosis({
    runId: `compose-${++n}`,
    account: { email: lab.users.alice.email, password: lab.users.alice.password, ...account } as AccountInput,
    options: { dnsServer: lab.dnsServer, caPem: lab.caPem, timeoutMs: 3000, tryAlternatives: false, ...options },
  });
}

const host = (k: 'mail' | 'cloud' | 'expired') => lab!.hosts[k].name;

describe.skipIf(!full)(`knowledge on real reports (${full ? 'lab running' : labSkipReason()})`, () => {
  it('port 25 blocked while 587/465 work: Outlook is told the one correct value (465 SSL/TLS, as the table says), and the sending steps come first', async () => {
    const report = await diag(
      { imap: { host: host('mail'), port: 993, security: 'tls' }, smtp: { host: host('mail'), port: 25, security: 'starttls' } },
      { tryAlternatives: true, timeoutMs: 2000 },
    );
    expect(report.findings.map((f) => f.code)).toContain('PORT25_BLOCKED');
    const d = composeDiagnosis({ report, device: 'outlook-classic', lang: 'ja' });
    const top = d.causes[0]!;
    expect(top.codes).toContain('PORT25_BLOCKED');
    const stepText = top.steps.map((s) => `${s.text} ${s.setting?.value ?? ''}`).join('\n');
    // 465 SSL/TLS when it answered in time (implicit TLS first), else 587 STARTTLS; the steps name the table's value.
    const smtp = d.correct.smtp!;
    const connected = report.probes.filter((p) => p.protocol === 'smtp' && p.role === 'alternative' && p.status === 'ok').map((p) => p.port);
    expect(connected).toContain(smtp.port);
    if (connected.includes(465)) expect(smtp).toEqual({ host: host('mail'), port: 465, security: 'tls', source: 'connected' });
    expect(d.correct.imap?.source).toBe('logged-in');
    expect(stepText).toContain(String(smtp.port));
    expect(stepText).toMatch(smtp.security === 'tls' ? /SSL\/TLS/ : /STARTTLS/);
    const checklist = buildChecklist({ device: 'outlook-classic', lang: 'ja', causes: d.causes, findings: report.findings });
    const firstIds = checklist.slice(0, 4).map((s) => s.id);
    expect(firstIds.some((id) => ['smtp-port', 'send-receive-split'].includes(id))).toBe(true);
  });

  it('an app-password reply on a Gmail account: the iPhone fix names the app password and where to make it', async () => {
    const report = await diag({ email: 'app-password@lab.test', user: 'app-password@lab.test', imap: { host: host('cloud'), port: 993, security: 'tls' } });
    expect(report.findings[0]?.code).toBe('AUTH_APP_PASSWORD_REQUIRED');
    const d = composeDiagnosis({ report, device: 'iphone', lang: 'ja', provider: getProvider('gmail') });
    const top = d.causes[0]!;
    expect(top.codes).toContain('AUTH_APP_PASSWORD_REQUIRED');
    expect(`${top.title}${top.explanation}${top.steps.map((s) => s.text).join('')}`).toMatch(/アプリ ?パスワード/);
    const checklist = buildChecklist({ device: 'iphone', lang: 'ja', causes: d.causes, findings: report.findings, provider: getProvider('gmail') });
    expect(checklist.slice(0, 3).map((s) => s.id)).toContain('special-password');
  });

  it('an expired certificate is the top cause, with the certificate shown as evidence', async () => {
    const report = await diag({ imap: { host: host('expired'), port: 993, security: 'tls' } });
    const d = composeDiagnosis({ report, device: 'iphone', lang: 'en' });
    expect(d.causes[0]?.codes).toContain('TLS_CERT_EXPIRED');
    expect(JSON.stringify(d.causes[0]?.evidence)).toMatch(/expired\.lab\.test/);
  });

  it('all green, but the device is set to the wrong port: the settings diff says which field', async () => {
    const report = await diag({ imap: { host: host('mail'), port: 993, security: 'tls' } });
    expect(report.ok).toBe(true);
    const d = composeDiagnosis({
      report,
      device: 'mac-mail',
      lang: 'ja',
      deviceSettings: { imap: { host: host('mail'), port: 143, security: 'tls' } },
    });
    const wrong = d.settingsDiff.filter((r) => r.status === 'wrong');
    expect(wrong.some((r) => r.deviceValue?.includes('143') && r.correctValue?.includes('993'))).toBe(true);
  });
});
