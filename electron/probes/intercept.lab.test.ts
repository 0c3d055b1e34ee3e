/**
 * TLS interception end to end: the engine diagnoses the lab's real Dovecot through an
 * intercepting listener (test/lab/intercept-proxy.ts) that re-signs the server's certificate,
 * with a private "OS store" file (MAIL_DOCTOR_OS_STORE) standing in for Windows'/macOS' store.
 *
 * - the interceptor's root in the OS store: TLS_INTERCEPTED as a warning naming the product,
 *   verdict os-trusted, the login goes ahead (as Outlook's would) and succeeds;
 * - not in any store, but the issuer names a product: TLS_INTERCEPTED as an error, no password;
 * - a neutral company root in the OS store: TLS_INTERCEPTED (os-only), no product named;
 * - the real server, its CA in neither store: still TLS_CERT_UNTRUSTED (never over-claimed);
 * - the real server, its CA only in the OS store (a company CA): os-trusted, never "untrusted".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountInput } from '../../shared/models/account';
import { DiagnoseReport as DiagnoseReportSchema, type DiagnoseReport, type Finding } from '../../shared/models/probe';
import { explainFinding } from '../../shared/knowledge/findings/finding-text';
import { labOrNull, labSkipReason } from '../../test/lab/lab-context';
import { startInterceptProxy, type InterceptProxy } from '../../test/lab/intercept-proxy';
import { runDiagnosis } from './diagnose';

const lab = labOrNull();
const full = lab?.mode === 'full';
let runs = 0;

async function diagnose(host: string, port: number, osStore: string, caPem?: string): Promise<DiagnoseReport> {
  if (!lab) throw new Error('no lab');
  process.env.MAIL_DOCTOR_OS_STORE = osStore;
  const report = await runDiagnosis({
    runId: `intercept${++runs}`,
    account: { email: lab.users.alice.email, password: lab.users.alice.password, imap: { host, port, security: 'tls' } } as AccountInput,
    options: { dnsServer: lab.dnsServer, ...(caPem ? { caPem } : {}), timeoutMs: 8000, tryAlternatives: false },
  });
  DiagnoseReportSchema.parse(JSON.parse(JSON.stringify(report)));
  return report;
}

const finding = (r: DiagnoseReport, code: Finding['code']) => r.findings.find((f) => f.code === code);

describe.skipIf(!lab || !full)(`TLS interception through a re-signing listener ${!lab ? labSkipReason() : full ? '' : `(needs the real Dovecot: ${lab.limitedReason ?? ''})`}`, () => {
  let shield: InterceptProxy;
  let company: InterceptProxy;
  const saved = process.env.MAIL_DOCTOR_OS_STORE;

  beforeAll(async () => {
    const up = { host: lab!.hosts.mail.ip, port: lab!.ports.imaps, name: lab!.hosts.mail.name, caPem: lab!.caPem };
    // Listening on the mail host's own IP: its name resolves there, as with a transparent product.
    shield = await startInterceptProxy(up, '/O=avast! Web\\/Mail Shield/CN=avast! Web\\/Mail Shield Root', up.host);
    company = await startInterceptProxy(up, '/O=Example Corp/CN=Example Corp Inspection CA', up.host);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.MAIL_DOCTOR_OS_STORE;
    else process.env.MAIL_DOCTOR_OS_STORE = saved;
    await Promise.all([shield?.close(), company?.close()]);
  });

  it('the shield root in the OS store: TLS_INTERCEPTED warning naming Avast, the login goes ahead and succeeds', async () => {
    const r = await diagnose(lab!.hosts.mail.name, shield.port, shield.storeFile('os-with-shield.pem', [shield.rootPem]));
    const f = finding(r, 'TLS_INTERCEPTED');
    expect(f?.severity).toBe('warning');
    expect(f?.evidence.details).toMatchObject({ reason: 'product', product: 'avast', productGrade: 'B', trustedBy: 'os', trustedByBundled: false, trustedByOs: 'trusted', osStore: 'override' });
    expect(String(f?.evidence.details?.anchor)).toContain('avast! Web/Mail Shield Root');
    expect(r.findings.map((x) => x.code)).not.toContain('TLS_CERT_UNTRUSTED');
    const p = r.probes[0]!;
    expect(p.tls?.verdict).toBe('os-trusted');
    expect(p.tls?.trust).toMatchObject({ bundled: false, os: 'trusted', osSource: 'override' });
    expect(p.login).toBe('ok');
    expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
    // The words the helpdesk reads: the product, the cause, the fix (mail ports out of scanning).
    const ja = explainFinding(f!, { device: 'outlook-classic', lang: 'ja' });
    expect(ja.summary).toContain('Avast');
    expect(ja.summary).toContain('サーバーの問題ではありません');
    expect(ja.steps.map((s) => s.text).join('\n')).toMatch(new RegExp(`メールのポート（${shield.port}）を外す`));
    const en = explainFinding(f!, { device: 'outlook-classic', lang: 'en' });
    expect(en.summary).toMatch(/Avast \(Mail Shield\).*re-issued it/);
    expect(en.steps[0]?.text).toMatch(/exclude the mail port/);
  });

  it('the shield root in no store: TLS_INTERCEPTED as an error by the product name, no password sent', async () => {
    // An OS store that does not hold the shield's root (the lab CA only stands in for "other roots").
    const r = await diagnose(lab!.hosts.mail.name, shield.port, shield.storeFile('os-without-shield.pem', [lab!.caPem]));
    const f = finding(r, 'TLS_INTERCEPTED');
    expect(f?.severity).toBe('error');
    expect(f?.evidence.details).toMatchObject({ reason: 'product', product: 'avast', trustedBy: 'none', trustedByOs: 'untrusted' });
    expect(r.findings.map((x) => x.code)).not.toContain('TLS_CERT_UNTRUSTED');
    expect(r.findings.map((x) => x.code)).not.toContain('TLS_CERT_SELF_SIGNED');
    expect(r.probes[0]?.tls?.verdict).toBe('untrusted');
    expect(finding(r, 'LOGIN_NOT_TRIED')?.evidence.details?.reason).toBe('tls-unverified');
    expect(r.ok).toBe(false);
    expect(explainFinding(f!, { device: 'outlook-classic', lang: 'ja' }).steps.map((s) => s.text).join('\n')).toContain('「続ける」「信頼する」で進めない');
  });

  it('a company inspection root in the OS store: TLS_INTERCEPTED (os-only), no product named', async () => {
    const r = await diagnose(lab!.hosts.mail.name, company.port, company.storeFile('os-with-company.pem', [company.rootPem]));
    const f = finding(r, 'TLS_INTERCEPTED');
    expect(f?.severity).toBe('warning');
    expect(f?.evidence.details).toMatchObject({ reason: 'os-only', trustedBy: 'os', issuer: expect.stringContaining('Example Corp Inspection CA') });
    expect(f?.evidence.details?.product).toBeUndefined();
    expect(r.probes[0]?.login).toBe('ok');
    const steps = explainFinding(f!, { device: 'outlook-classic', lang: 'ja' }).steps.map((s) => s.text);
    expect(steps.some((s) => s.includes('セキュリティソフト'))).toBe(true);
    expect(steps.some((s) => s.includes('IT 担当者'))).toBe(true);
  });

  it('the real server, its CA in neither store: TLS_CERT_UNTRUSTED as before (interception is never over-claimed)', async () => {
    const r = await diagnose(lab!.hosts.mail.name, lab!.ports.imaps, shield.storeFile('os-unrelated.pem', [shield.rootPem]));
    expect(r.findings.map((x) => x.code)).toContain('TLS_CERT_UNTRUSTED');
    expect(finding(r, 'TLS_INTERCEPTED')).toBeUndefined();
    expect(r.probes[0]?.tls?.trust).toMatchObject({ bundled: false, os: 'untrusted' });
  });

  it('the real server, its CA only in the OS store (a company CA): os-trusted, the server is not called untrusted', async () => {
    const r = await diagnose(lab!.hosts.mail.name, lab!.ports.imaps, shield.storeFile('os-with-lab-ca.pem', [lab!.caPem]));
    expect(r.probes[0]?.tls?.verdict).toBe('os-trusted');
    expect(r.findings.map((x) => x.code)).not.toContain('TLS_CERT_UNTRUSTED');
    expect(finding(r, 'TLS_INTERCEPTED')?.evidence.details?.reason).toBe('os-only');
    expect(r.probes[0]?.login).toBe('ok');
  });

  it('with the lab CA given by the user (--ca) the chain is bundled-trusted: no interception, the OS store is still asked', async () => {
    const r = await diagnose(lab!.hosts.mail.name, lab!.ports.imaps, shield.storeFile('os-with-lab-ca-2.pem', [lab!.caPem]), lab!.caPem);
    expect(r.probes[0]?.tls?.verdict).toBe('trusted');
    expect(r.probes[0]?.tls?.trust).toMatchObject({ bundled: true, os: 'trusted' });
    expect(finding(r, 'TLS_INTERCEPTED')).toBeUndefined();
  });
});

it.skipIf(!!lab && full)(`interception lab skipped: ${lab ? (lab.limitedReason ?? '') : 'no lab'}`, () => {
  expect(full).toBeFalsy();
});
