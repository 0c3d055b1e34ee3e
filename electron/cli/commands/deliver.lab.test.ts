/**
 * Diagnose → deliver against the lab's real Dovecot and Postfix: the settings that logged in
 * feed the Apple profile and the Thunderbird autoconfig file through the public CLI
 * (`diagnose --json --device` then `deliver --report`), and the files carry exactly those
 * settings. Then a run the agent stopped while the guessed outgoing server was still silent:
 * that guessed value reaches the profile only with its warning.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourcedSettings, buildMobileconfig } from '../../../shared/delivery';
import { composeDiagnosis } from '../../../shared/knowledge/composer/composer';
import { diagnosisJson } from '../../../shared/knowledge/composer/diagnosis-json';
import type { DiagnoseReport } from '../../../shared/models/probe';
import { labOrNull, labSkipReason } from '../../../test/lab/lab-context';
import { parseAutoconfig } from '../../probes/discovery/autoconfig-xml';
import { runDiagnosis } from '../../probes/diagnose';
import type { CliIo } from '../command';
import { main } from '../main';

/** The `plist` package is ESM-only; a dynamic import works from these CommonJS-typed tests. */
const parsePlist = async (xml: string): Promise<unknown> => (await import('plist')).parse(xml);

const lab = labOrNull();
const full = lab?.mode === 'full';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: async () => '', env, color: false };
  return { io: value, out: () => out.join(''), err: () => err.join('') };
}

describe.skipIf(!lab || !full)(`diagnose → deliver (lab) ${!lab ? labSkipReason() : full ? '' : 'needs the full lab (real Dovecot/Postfix on the standard ports, root)'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'md-deliver-lab-'));

  it('the profile and the autoconfig file carry exactly the settings that logged in', async () => {
    const { alice } = lab!.users;
    const host = lab!.hosts.mail.name;
    const d = io({ MD_PW: alice.password, LANG: 'ja_JP.UTF-8' });
    const code = await main(
      ['diagnose', alice.email, '--imap', `${host}:993:tls`, '--smtp', `${host}:587:starttls`, '--device', 'iphone', '--no-alternatives', '--timeout', '4000', '--dns-server', lab!.dnsServer, '--ca', lab!.caFile, '--password-env', 'MD_PW', '--json'],
      d.io,
    );
    expect(code, d.err()).toBe(0);
    const report = JSON.parse(d.out()) as DiagnoseReport & { diagnosis: { correctSettings: SourcedSettings } };
    // What logged in, read from the engine's own probes.
    const loggedIn = Object.fromEntries(report.probes.filter((p) => p.role === 'configured' && p.login === 'ok').map((p) => [p.protocol, { host: p.host, port: p.port, security: p.security }]));
    expect(Object.keys(loggedIn).sort()).toEqual(['imap', 'smtp']);
    expect(report.diagnosis.correctSettings).toMatchObject({ imap: { ...loggedIn.imap, source: 'logged-in' }, smtp: { ...loggedIn.smtp, source: 'logged-in' }, user: { value: alice.email, source: 'logged-in' } });
    const reportFile = join(dir, 'report.json');
    writeFileSync(reportFile, d.out());

    // The Apple profile: every server value is the one that logged in, no password inside.
    const profileFile = join(dir, 'alice.mobileconfig');
    const p = io({ LANG: 'ja_JP.UTF-8' });
    expect(await main(['deliver', '--report', reportFile, '--format', 'mobileconfig', '--out', profileFile], p.io), p.err()).toBe(0);
    const xml = readFileSync(profileFile, 'utf8');
    const top = (await parsePlist(xml)) as { PayloadContent: Array<Record<string, unknown>> };
    expect(top.PayloadContent).toHaveLength(1);
    expect(top.PayloadContent[0]).toMatchObject({
      PayloadType: 'com.apple.mail.managed',
      EmailAccountType: 'EmailTypeIMAP',
      EmailAddress: alice.email,
      IncomingMailServerHostName: loggedIn.imap!.host,
      IncomingMailServerPortNumber: loggedIn.imap!.port,
      IncomingMailServerUseSSL: true,
      IncomingMailServerUsername: alice.email,
      OutgoingMailServerHostName: loggedIn.smtp!.host,
      OutgoingMailServerPortNumber: loggedIn.smtp!.port,
      OutgoingMailServerUseSSL: true,
      OutgoingMailServerUsername: alice.email,
    });
    expect(xml).not.toContain(alice.password);
    // Everything logged in: no source warning, only the 「未署名」 note.
    expect(p.err()).toContain('「未署名」');
    expect(p.err()).not.toContain('推測');

    // The autoconfig document round-trips through the app's own parser to the same settings.
    const a = io();
    expect(await main(['deliver', '--report', reportFile, '--format', 'autoconfig'], a.io), a.err()).toBe(0);
    const doc = parseAutoconfig(a.out(), alice.email);
    expect(doc.servers.map((s) => ({ protocol: s.protocol, host: s.host, port: s.port, security: s.security }))).toEqual([
      { protocol: 'imap', ...loggedIn.imap },
      { protocol: 'smtp', ...loggedIn.smtp },
    ]);
    expect(doc.servers.map((s) => s.usernameValue)).toEqual([alice.email, alice.email]);
    expect(a.out()).not.toContain(alice.password);
  });

  it('a guessed server the run could not finish reaches the profile only with its warning', async () => {
    const { alice } = lab!.users;
    const host = lab!.hosts.mail.name;
    // The outgoing server was guessed (port 25, a black hole in the lab); the agent stops the run
    // once the incoming server has logged in, while port 25 is still silent.
    const controller = new AbortController();
    const report = await runDiagnosis(
      {
        runId: 'deliver-guess',
        account: { email: alice.email, password: alice.password, imap: { host, port: 993, security: 'tls' }, smtp: { host, port: 25, security: 'starttls' } },
        options: { dnsServer: lab!.dnsServer, caPem: lab!.caPem, tryAlternatives: false, timeoutMs: 20_000 },
      },
      { signal: controller.signal, onProgress: (ev) => ev.kind === 'probe-done' && ev.probe.protocol === 'imap' && controller.abort() },
    );
    const imap = report.probes.find((p) => p.protocol === 'imap')!;
    expect(imap.login).toBe('ok');
    expect(report.probes.find((p) => p.protocol === 'smtp')!.status).toBe('cancelled');
    // The Account screen's sources: IMAP typed by the agent, SMTP guessed by the app.
    const diagnosis = composeDiagnosis({ report, device: 'iphone', lang: 'ja', serverSources: { imap: 'typed', smtp: 'guess' } });
    const settings = SourcedSettings.parse(diagnosisJson(diagnosis).correctSettings);
    expect(settings.imap).toEqual({ host, port: 993, security: 'tls', source: 'logged-in' });
    expect(settings.smtp).toEqual({ host, port: 25, security: 'starttls', source: 'guess' });
    const profile = buildMobileconfig({ email: alice.email }, settings, { lang: 'ja' });
    expect(profile.ok).toBe(true);
    const guess = profile.warnings.filter((w) => w.code === 'guess-value');
    expect(guess).toHaveLength(1);
    expect(guess[0]!.text).toContain(`${host}:25`);
    expect(guess[0]!.text).toContain('推測');
    if (profile.ok) expect(profile.profile.PayloadContent).toEqual([expect.objectContaining({ IncomingMailServerHostName: host, OutgoingMailServerPortNumber: 25 })]);
  });
});
