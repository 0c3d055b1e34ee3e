/**
 * Every finding code produced from a real socket: real Dovecot/Postfix where they can show
 * it, scripted loopback listeners for what they cannot (see test/lab/README.md).
 */
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import type { FindingCode } from '../../shared/findings/codes';
import type { AccountInput, ServerSettings } from '../../shared/models/account';
import type { DiagnoseOptions, DiagnoseProgress, DiagnoseReport } from '../../shared/models/probe';
import { DiagnoseProgress as DiagnoseProgressSchema, DiagnoseReport as DiagnoseReportSchema } from '../../shared/models/probe';
import { runDiagnosis } from './diagnose';
import { labOrNull, labSkipReason } from '../../test/lab/lab-context';
import type { LabHostKey } from '../../test/lab/lab';

const lab = labOrNull();
let runs = 0;
/** Real Dovecot/Postfix on the standard ports (root); otherwise only scripted listeners run. */
const full = lab?.mode === 'full';
const real = full ? it : it.skip;

/** Standard port → the port the lab really uses (the same as root; 10000 + port without). */
function labPort(port: number): number {
  if (!lab) return port;
  const map: Record<number, number> = {
    143: lab.ports.imap, 993: lab.ports.imaps, 110: lab.ports.pop3, 995: lab.ports.pop3s, 587: lab.ports.submission, 465: lab.ports.smtps, 25: lab.ports.smtp,
  };
  return map[port] ?? port;
}

function srv(host: LabHostKey, port: number, security: ServerSettings['security']): ServerSettings {
  if (!lab) throw new Error('no lab');
  return { host: lab.hosts[host].name, port: labPort(port), security };
}

async function diag(account: Partial<AccountInput> & { email?: string }, options: DiagnoseOptions = {}, onProgress?: (p: DiagnoseProgress) => void): Promise<DiagnoseReport> {
  if (!lab) throw new Error('no lab');
  const report = await runDiagnosis(
    {
      runId: `t${++runs}`,
      account: { email: lab.users.alice.email, ...account } as AccountInput,
      options: { dnsServer: lab.dnsServer, caPem: lab.caPem, timeoutMs: 8000, tryAlternatives: false, ...options },
    },
    onProgress ? { onProgress } : {},
  );
  // Every report must be plain, serialisable and match the public schema.
  DiagnoseReportSchema.parse(JSON.parse(JSON.stringify(report)));
  return report;
}

const codes = (r: DiagnoseReport): FindingCode[] => r.findings.map((f) => f.code);
const pw = (): { password: string } => ({ password: lab?.users.alice.password ?? '' });

describe.skipIf(!lab)(`diagnose against the real-server lab${lab ? (full ? '' : ` (real-server tests skipped: ${lab.limitedReason ?? ''})`) : ` (${labSkipReason()})`}`, () => {
  describe.concurrent('healthy accounts: no error finding, every protocol and security mode', () => {
    real.each([
      ['imap', 993, 'tls'],
      ['imap', 143, 'starttls'],
      ['pop3', 995, 'tls'],
      ['pop3', 110, 'starttls'],
      ['smtp', 465, 'tls'],
      ['smtp', 587, 'starttls'],
    ] as const)('%s %d %s', async (protocol, port, security) => {
      const r = await diag({ ...pw(), [protocol]: srv('mail', port, security) });
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(r.ok).toBe(true);
      const p = r.probes[0];
      expect(p?.login).toBe('ok');
      expect(p?.tls?.verdict).toBe('trusted');
      expect(p?.tls?.cert?.subjectAltNames).toContain('DNS:mail.lab.test');
      if (protocol === 'smtp') expect(p?.steps.find((s) => s.name === 'envelope')?.status).toBe('ok');
      if (protocol === 'imap') expect(p?.steps.find((s) => s.name === 'mailbox')?.status).toBe('ok');
    });
  });

  describe.concurrent('finding codes', () => {
    real('AUTH_FAILED from real Dovecot (IMAP, POP3) and Postfix (SMTP)', async () => {
      const r = await diag({ password: 'wrong-password', imap: srv('mail', 993, 'tls'), pop3: srv('mail', 995, 'tls'), smtp: srv('mail', 587, 'starttls') });
      expect(r.findings.filter((f) => f.code === 'AUTH_FAILED').map((f) => f.protocol).sort()).toEqual(['imap', 'pop3', 'smtp']);
      expect(r.findings.find((f) => f.protocol === 'imap')?.evidence.serverReply).toMatch(/AUTHENTICATIONFAILED/);
      expect(JSON.stringify(r)).not.toContain('wrong-password');
    });

    it('DNS_NOT_FOUND (NXDOMAIN) and DNS_FAILURE (SERVFAIL)', async () => {
      const a = await diag({ ...pw(), imap: srv('nxdomain', 993, 'tls') });
      expect(codes(a)).toEqual(['DNS_NOT_FOUND']);
      const b = await diag({ ...pw(), imap: srv('servfail', 993, 'tls') });
      expect(codes(b)).toEqual(['DNS_FAILURE']);
      expect(b.findings[0]?.evidence.errorCode).toBe('ESERVFAIL');
    });

    real('IPV6_UNREACHABLE when AAAA fails and A works', async () => {
      const r = await diag({ ...pw(), imap: srv('v6broken', 993, 'tls') });
      expect(codes(r)).toEqual(['IPV6_UNREACHABLE']);
      expect(r.probes[0]?.login).toBe('ok');
      expect(r.probes[0]?.addresses?.map((a) => a.family).sort()).toEqual([4, 6]);
    });

    it('TCP_REFUSED, TCP_UNREACHABLE, TCP_RESET', async () => {
      expect(codes(await diag({ ...pw(), imap: srv('closed', 993, 'tls') }))).toEqual(['TCP_REFUSED']);
      const un = await diag({ ...pw(), imap: srv('unreachable', 993, 'tls') });
      expect(codes(un)).toEqual(['TCP_UNREACHABLE']);
      expect(un.findings[0]?.evidence.errorCode).toBe('ENETUNREACH');
      expect(codes(await diag({ ...pw(), imap: srv('reset', 143, 'starttls') }))).toEqual(['TCP_RESET']);
      expect(codes(await diag({ ...pw(), imap: srv('reset', 993, 'tls') }))).toEqual(['TCP_RESET']);
    });

    it('TCP_TIMEOUT on a SYN-dropping port costs only its own budget', async () => {
      const t = Date.now();
      const r = await diag({ ...pw(), smtp: srv('mail', 25, 'starttls') }, { timeoutMs: 1500 });
      expect(codes(r)).toEqual(['TCP_TIMEOUT']);
      expect(r.findings[0]?.evidence.errorCode).toBe('ETIMEDOUT');
      expect(Date.now() - t).toBeLessThan(4000);
    });

    real('PORT25_BLOCKED and ALTERNATIVE_WORKS with the fix 465/SSL (implicit TLS first; e2e scenario c)', async () => {
      const r = await diag({ ...pw(), smtp: srv('mail', 25, 'starttls') }, { timeoutMs: 2000, tryAlternatives: true });
      expect(codes(r)).toEqual(['PORT25_BLOCKED', 'TCP_TIMEOUT', 'ALTERNATIVE_WORKS']);
      expect(r.findings[2]?.fix).toEqual({ host: 'mail.lab.test', port: labPort(465), security: 'tls' });
      expect(r.findings[2]?.role).toBe('alternative');
    });

    it('GREETING_TIMEOUT on a silent port', async () => {
      const r = await diag({ ...pw(), imap: srv('silent', 143, 'starttls') }, { timeoutMs: 3000 });
      expect(codes(r)).toEqual(['GREETING_TIMEOUT']);
    });

    real('TLS_ON_PLAIN_PORT (SSL/TLS chosen for 143) with ALTERNATIVE_WORKS 993/SSL', async () => {
      const r = await diag({ ...pw(), imap: srv('mail', 143, 'tls') }, { tryAlternatives: true });
      expect(codes(r)).toEqual(['TLS_ON_PLAIN_PORT', 'ALTERNATIVE_WORKS']);
      expect(r.findings[0]?.evidence.errorCode).toBe('ERR_SSL_WRONG_VERSION_NUMBER');
      expect(r.findings[0]?.evidence.serverReply).toMatch(/Dovecot/);
      expect(r.findings[1]?.fix).toEqual({ host: 'mail.lab.test', port: 993, security: 'tls' });
    });

    real('PLAIN_ON_TLS_PORT (STARTTLS chosen for 993, and for SMTP 465)', async () => {
      const r = await diag({ ...pw(), imap: srv('mail', 993, 'starttls'), smtp: srv('mail', 465, 'starttls') });
      expect(codes(r)).toEqual(['PLAIN_ON_TLS_PORT', 'PLAIN_ON_TLS_PORT']);
    });

    real('STARTTLS_NOT_OFFERED (Dovecot with TLS off, Postfix without STARTTLS)', async () => {
      const r = await diag({ ...pw(), imap: srv('noStarttls', 143, 'starttls'), pop3: srv('noStarttls', 110, 'starttls'), smtp: srv('noStarttls', 587, 'starttls') });
      expect(codes(r)).toEqual(['STARTTLS_NOT_OFFERED', 'STARTTLS_NOT_OFFERED', 'STARTTLS_NOT_OFFERED']);
    });

    real.each([
      ['wrongName', 993, 'tls', 'TLS_CERT_HOSTNAME_MISMATCH'],
      ['wrongName', 143, 'starttls', 'TLS_CERT_HOSTNAME_MISMATCH'],
      ['expired', 993, 'tls', 'TLS_CERT_EXPIRED'],
      ['notYetValid', 993, 'tls', 'TLS_CERT_NOT_YET_VALID'],
      ['selfSigned', 993, 'tls', 'TLS_CERT_SELF_SIGNED'],
      ['untrusted', 993, 'tls', 'TLS_CERT_UNTRUSTED'],
    ] as const)('%s %d %s → %s, with the certificate as evidence and no login', async (host, port, security, code) => {
      const r = await diag({ ...pw(), imap: srv(host, port, security) });
      expect(codes(r)).toEqual([code, 'LOGIN_NOT_TRIED']);
      expect(r.findings[0]?.evidence.cert?.fingerprint256).toMatch(/^[0-9A-F:]+$/);
      expect(r.findings[1]?.evidence.details?.reason).toBe('tls-unverified');
      expect(r.probes[0]?.login).toBe('not-tried');
      if (code === 'TLS_CERT_NOT_YET_VALID') expect(r.probes[0]?.tls?.clockSuspect).toBe(true);
    });

    real('TLS_CERT_UNTRUSTED for an unknown CA (lab CA not trusted for this run)', async () => {
      const r = await diag({ ...pw(), imap: srv('mail', 993, 'tls') }, { caPem: undefined });
      expect(codes(r)).toEqual(['TLS_CERT_UNTRUSTED', 'LOGIN_NOT_TRIED']);
    });

    real('TLS_PROTOCOL_TOO_OLD (Dovecot limited to TLS 1.0/1.1), implicit and after STARTTLS', async () => {
      const r = await diag({ ...pw(), imap: srv('tls10', 993, 'tls') });
      expect(codes(r)).toEqual(['TLS_PROTOCOL_TOO_OLD']);
      expect(r.probes[0]?.tls?.protocol).toMatch(/^TLSv1(\.1)?$/);
      const s = await diag({ ...pw(), imap: srv('tls10', 143, 'starttls') });
      expect(codes(s)).toEqual(['TLS_PROTOCOL_TOO_OLD']);
    });

    it('TLS_HANDSHAKE_FAILED (no common cipher suite)', async () => {
      const r = await diag({ ...pw(), imap: srv('tlsFail', 993, 'tls') });
      expect(codes(r)).toEqual(['TLS_HANDSHAKE_FAILED']);
      expect(r.findings[0]?.evidence.errorCode).toMatch(/HANDSHAKE_FAILURE/);
    });

    it('SERVER_UNAVAILABLE (* BYE, -ERR and 421 greetings)', async () => {
      const r = await diag({ ...pw(), imap: srv('unavailable', 143, 'starttls'), pop3: srv('unavailable', 110, 'starttls'), smtp: srv('unavailable', 587, 'starttls') });
      expect(codes(r)).toEqual(['SERVER_UNAVAILABLE', 'SERVER_UNAVAILABLE', 'SERVER_UNAVAILABLE']);
      expect(r.findings.map((f) => f.evidence.serverReply).join('\n')).toMatch(/421 4\.3\.2/);
    });

    it('LOGIN_UNANSWERED, not SERVER_UNAVAILABLE, when a server that greeted never answers the login (IMAP, SMTP)', async () => {
      const r = await diag({ email: 'no-answer@lab.test', ...pw(), imap: srv('cloud', 993, 'tls'), smtp: srv('cloud', 465, 'tls') }, { timeoutMs: 3000 });
      expect(codes(r)).toEqual(['LOGIN_UNANSWERED', 'LOGIN_UNANSWERED']);
      expect(r.probes.every((p) => p.steps.find((s) => s.name === 'greeting')?.status === 'ok')).toBe(true);
      expect(r.findings.every((f) => typeof f.evidence.details?.waitedMs === 'number')).toBe(true);
    });

    real("LOGIN_UNANSWERED from real Dovecot's deliberate delay of a wrong password (auth_failure_delay, 2 s) when the budget is shorter", async () => {
      // The budget must end inside Dovecot's 2 s delay: after the pre-login stages (slow on a loaded
      // machine), before the refusal. Each protocol is judged on a run where its credentials went out.
      // Whether Dovecot's refusal beats a given budget depends on the machine's load, so a run whose
      // refusal came in time (AUTH_FAILED) is fine; what must never happen is an outage reading.
      const unanswered = new Set<string>();
      for (const timeoutMs of [1800, 1900, 1950, 1980, 1700, 1500]) {
        const r = await diag({ password: 'wrong-password', imap: srv('mail', 993, 'tls'), pop3: srv('mail', 995, 'tls'), smtp: srv('mail', 465, 'tls') }, { timeoutMs });
        expect(JSON.stringify(r)).not.toContain('wrong-password');
        for (const p of r.probes) {
          if (!p.transcript.some((l) => l.dir === 'c' && /^(\S+ )?AUTH(ENTICATE)? /i.test(l.text))) continue;
          const got: FindingCode[] = p.findings.map((f) => f.code);
          expect(got.some((c) => c === 'LOGIN_UNANSWERED' || c === 'AUTH_FAILED'), `${p.protocol} at ${timeoutMs} ms: ${got.join(',')}`).toBe(true);
          expect(got).not.toContain('SERVER_UNAVAILABLE');
          const f = p.findings.find((x) => x.code === 'LOGIN_UNANSWERED');
          if (!f) continue;
          expect(typeof f.evidence.details?.mechanism).toBe('string');
          expect(Number(f.evidence.details?.waitedMs)).toBeGreaterThan(0);
          unanswered.add(p.protocol);
        }
        if (unanswered.size === 3) break;
      }
      expect([...unanswered].sort()).toEqual(['imap', 'pop3', 'smtp']);
    });

    it('SERVER_NOT_MAIL (SSH banner on 143, a web server on 587)', async () => {
      const r = await diag({ ...pw(), imap: srv('notMail', 143, 'starttls'), smtp: srv('notMail', 587, 'starttls') }, { timeoutMs: 6000 });
      expect(codes(r)).toEqual(['SERVER_NOT_MAIL', 'SERVER_NOT_MAIL']);
      expect(r.findings.find((f) => f.protocol === 'imap')?.evidence.serverReply).toMatch(/^SSH-2\.0/);
      expect(r.findings.find((f) => f.protocol === 'smtp')?.evidence.serverReply).toMatch(/^HTTP\/1\.1 400/);
    });

    it('SERVER_TOO_MANY_CONNECTIONS (Gmail wordings, 421 greeting)', async () => {
      const r = await diag({ email: 'too-many@lab.test', ...pw(), imap: srv('cloud', 993, 'tls'), smtp: srv('cloud', 465, 'tls') });
      expect(codes(r)).toEqual(['SERVER_TOO_MANY_CONNECTIONS', 'SERVER_TOO_MANY_CONNECTIONS']);
      const g = await diag({ ...pw(), smtp: srv('unavailable', 465, 'tls') });
      expect(codes(g)).toEqual(['SERVER_TOO_MANY_CONNECTIONS']);
    });

    real('SERVER_TOO_MANY_CONNECTIONS from real Dovecot (mail_max_userip_connections=1, one session already open)', async () => {
      if (!lab) return;
      const u = lab.users.busy;
      const first = tls.connect({ host: lab.hosts.busy.ip, port: labPort(993), servername: lab.hosts.busy.name, ca: lab.caPem });
      try {
        await new Promise<void>((resolve, reject) => {
          let buf = '';
          first.on('error', reject);
          first.on('data', (d: Buffer) => {
            buf += d.toString();
            if (buf.includes('* OK') && !buf.includes('a1 ')) first.write(`a1 LOGIN ${u.user} ${u.password}\r\n`);
            if (/a1 OK/.test(buf)) resolve();
            if (/a1 (NO|BAD)/.test(buf)) reject(new Error(buf));
          });
        });
        const r = await diag({ email: u.email, password: u.password, imap: srv('busy', 993, 'tls') });
        expect(codes(r)).toEqual(['SERVER_TOO_MANY_CONNECTIONS']);
        expect(r.findings[0]?.evidence.serverReply).toMatch(/Maximum number of connections from user\+IP exceeded/);
      } finally {
        first.destroy();
      }
    });

    it('AUTH_APP_PASSWORD_REQUIRED (IMAP [ALERT], SMTP 534-5.7.9, POP3) — e2e scenario b', async () => {
      const r = await diag({ email: 'app-password@lab.test', ...pw(), imap: srv('cloud', 993, 'tls'), pop3: srv('cloud', 995, 'tls'), smtp: srv('cloud', 465, 'tls') });
      expect(codes(r)).toEqual(['AUTH_APP_PASSWORD_REQUIRED', 'AUTH_APP_PASSWORD_REQUIRED', 'AUTH_APP_PASSWORD_REQUIRED']);
      expect(r.findings.find((f) => f.protocol === 'imap')?.evidence.serverReply).toMatch(/\[ALERT\] Application-specific password required/);
      expect(r.findings.find((f) => f.protocol === 'smtp')?.evidence.serverReply).toMatch(/534-5\.7\.9/);
      // A multi-line SMTP greeting is read to its last line.
      expect(r.probes.find((p) => p.protocol === 'smtp')?.greeting).toMatch(/^220-smtp\.lab\.test[\s\S]*\n220 ready$/);
    });

    it('AUTH_BASIC_DISABLED (Microsoft wordings, OAuth-only capability)', async () => {
      const r = await diag({ email: 'basic-disabled@lab.test', ...pw(), imap: srv('cloud', 993, 'tls'), smtp: srv('cloud', 587, 'starttls') });
      expect(codes(r)).toEqual(['AUTH_BASIC_DISABLED', 'AUTH_BASIC_DISABLED']);
      const s = await diag({ email: 'basic-submission@lab.test', ...pw(), smtp: srv('cloud', 587, 'starttls') });
      expect(s.findings[0]?.evidence.serverReply).toMatch(/550 5\.7\.30/);
      expect(codes(await diag({ ...pw(), imap: srv('oauthOnly', 993, 'tls') }))).toEqual(['AUTH_BASIC_DISABLED']);
      // Known from the capability list alone: no password needed to see it.
      expect(codes(await diag({ imap: srv('oauthOnly', 993, 'tls') }))).toEqual(['AUTH_BASIC_DISABLED']);
    });

    real('AUTH_PLAINTEXT_DISABLED + INSECURE_CONNECTION (real Dovecot LOGINDISABLED, PROXY relay, Postfix AUTH only after TLS)', async () => {
      const r = await diag({ ...pw(), imap: srv('mail', 143, 'none'), pop3: srv('plainRefused', 110, 'none'), smtp: srv('mail', 587, 'none') }, { tryAlternatives: true });
      const byProto = (p: string): FindingCode[] => r.findings.filter((f) => f.protocol === p).map((f) => f.code);
      expect(byProto('imap')).toEqual(['AUTH_PLAINTEXT_DISABLED', 'INSECURE_CONNECTION', 'LOGIN_NOT_TRIED', 'ALTERNATIVE_WORKS']);
      expect(byProto('smtp')).toEqual(['AUTH_PLAINTEXT_DISABLED', 'INSECURE_CONNECTION', 'LOGIN_NOT_TRIED', 'ALTERNATIVE_WORKS']);
      expect(byProto('pop3')).toContain('AUTH_PLAINTEXT_DISABLED');
      expect(r.findings.find((f) => f.code === 'ALTERNATIVE_WORKS' && f.protocol === 'imap')?.fix).toEqual({ host: 'mail.lab.test', port: 993, security: 'tls' });
    });

    real('AUTH_PLAINTEXT_DISABLED from the server reply when insecure auth is allowed (PROXY relay to Dovecot)', async () => {
      const r = await diag({ ...pw(), imap: srv('plainRefused', 143, 'none') }, { allowInsecureAuth: true });
      expect(codes(r)).toContain('AUTH_PLAINTEXT_DISABLED');
      expect(codes(r)).toContain('INSECURE_CONNECTION');
    });

    it('AUTH_MECHANISM_UNSUPPORTED (only GSSAPI/NTLM offered)', async () => {
      const r = await diag({ ...pw(), imap: srv('mechs', 993, 'tls'), smtp: srv('mechs', 587, 'starttls'), pop3: srv('mechs', 995, 'tls') });
      expect(codes(r)).toEqual(['AUTH_MECHANISM_UNSUPPORTED', 'AUTH_MECHANISM_UNSUPPORTED', 'AUTH_MECHANISM_UNSUPPORTED']);
    });

    real('SMTP_AUTH_REQUIRED (Postfix "not logged in")', async () => {
      const r = await diag({ ...pw(), smtp: srv('authRequired', 587, 'none') }, { allowInsecureAuth: true });
      expect(codes(r)).toEqual(['SMTP_AUTH_REQUIRED', 'INSECURE_CONNECTION']);
      expect(r.findings[0]?.evidence.serverReply).toMatch(/not logged in/);
    });

    it('SMTP_AUTH_REQUIRED (Microsoft 530 5.7.57)', async () => {
      const m = await diag({ ...pw(), smtp: srv('noAuth', 587, 'starttls') });
      expect(codes(m)).toEqual(['SMTP_AUTH_REQUIRED']);
      expect(m.findings[0]?.evidence.serverReply).toMatch(/5\.7\.57/);
    });

    real('SMTP_RELAY_DENIED (Postfix without AUTH for this client)', async () => {
      const r = await diag({ ...pw(), smtp: srv('relayDenied', 587, 'starttls') }, { to: 'someone@example.net' });
      expect(codes(r)).toEqual(['SMTP_RELAY_DENIED']);
      expect(r.findings[0]?.evidence.serverReply).toMatch(/Relay access denied/);
    });

    real('SMTP_SENDER_REJECTED (Postfix reject_sender_login_mismatch), and no mail is sent', async () => {
      const r = await diag({ ...pw(), smtp: srv('mail', 587, 'starttls') }, { from: lab?.users.bob.email ?? '' });
      expect(codes(r)).toEqual(['SMTP_SENDER_REJECTED']);
      expect(r.findings[0]?.evidence.serverReply).toMatch(/not owned by user/);
      const tr = r.probes[0]?.transcript.map((l) => l.text) ?? [];
      expect(tr.some((l) => /^RSET/.test(l))).toBe(true);
      expect(tr.some((l) => /^DATA/.test(l))).toBe(false);
    });

    real('MAILBOX_OVER_QUOTA and MAILBOX_NEAR_QUOTA (Dovecot quota plugin)', async () => {
      const over = await diag({ email: lab?.users.full.email, password: lab?.users.full.password, imap: srv('mail', 993, 'tls') });
      expect(codes(over)).toEqual(['MAILBOX_OVER_QUOTA']);
      expect(over.probes[0]?.quota?.limitKiB).toBe(100);
      const near = await diag({ email: lab?.users.nearFull.email, password: lab?.users.nearFull.password, imap: srv('mail', 993, 'tls') });
      expect(codes(near)).toEqual(['MAILBOX_NEAR_QUOTA']);
      expect(near.ok).toBe(true);
    });

    real('LOGIN_NOT_TRIED without a password', async () => {
      const r = await diag({ imap: srv('mail', 993, 'tls') });
      expect(codes(r)).toEqual(['LOGIN_NOT_TRIED']);
      expect(r.findings[0]?.evidence.details?.reason).toBe('no-password');
      expect(r.ok).toBe(true);
    });
  });

  describe('orchestration', () => {
    real('streams planned, dns, step and probe-done events; finds servers itself when none are given', async () => {
      const events: DiagnoseProgress[] = [];
      const r = await diag({ ...pw() }, { protocols: ['imap', 'smtp'], tryAlternatives: false }, (e) => events.push(e));
      // From discovery (lab SRV records point at mail.lab.test) or, without it, the imap./smtp. guess.
      expect(r.probes.map((p) => p.protocol)).toEqual(['imap', 'smtp']);
      expect(r.probes.every((p) => p.host.endsWith('.lab.test'))).toBe(true);
      expect(r.ok).toBe(true);
      expect(events[0]?.kind).toBe('planned');
      for (const e of events) DiagnoseProgressSchema.parse(JSON.parse(JSON.stringify(e)));
      expect(events.filter((e) => e.kind === 'probe-done')).toHaveLength(2);
      expect(events.some((e) => e.kind === 'dns' && e.dns.mx?.[0]?.exchange === 'mail.lab.test')).toBe(true);
      expect(events.some((e) => e.kind === 'step' && e.step.name === 'auth' && e.step.status === 'ok')).toBe(true);
    });

    real('an alternative that can no longer change the answer is "not needed": the configured settings work (black-holed 25 is not waited for)', async () => {
      const r = await diag({ ...pw(), smtp: srv('mail', 587, 'starttls') }, { tryAlternatives: true, timeoutMs: 8000 });
      expect(r.ok).toBe(true);
      const p25 = r.probes.find((p) => p.role === 'alternative' && p.port === labPort(25));
      expect(p25?.status).toBe('not-needed');
      // Whichever came first: the configured 587 logging in, or 465/SSL (preferred over 25) answering.
      const by = r.probes.find((p) => p.id === p25?.notNeeded?.byProbeId);
      if (p25?.notNeeded?.reason === 'configured-works') expect(by?.role).toBe('configured');
      else expect(by && p25?.notNeeded?.reason === 'fix-found' && by.port === labPort(465)).toBe(true);
      expect(p25?.transcript.some((l) => /^not needed: /.test(l.text))).toBe(true);
      expect(p25?.findings).toEqual([]);
    });

    real('"not needed" once the configured failure is one no port can fix (wrong password)', async () => {
      const r = await diag({ password: 'wrong-password', smtp: srv('mail', 587, 'starttls') }, { tryAlternatives: true, timeoutMs: 8000 });
      expect(codes(r)).toEqual(['AUTH_FAILED']);
      const p25 = r.probes.find((p) => p.role === 'alternative' && p.port === labPort(25));
      expect(p25?.status).toBe('not-needed');
      // Dovecot answers a wrong password only after ~2 s: by then 465/SSL (preferred over 25) may
      // already have stopped it; either way port 25 never ran out its budget.
      expect(['configured-cause-known', 'fix-found']).toContain(p25?.notNeeded?.reason);
      expect(p25?.durationMs ?? Infinity).toBeLessThan(8000);
    });

    real('"not needed" once a preferred alternative proved the fix (SSL/TLS chosen on 587: 465/SSL is the fix, 25 stops)', async () => {
      const r = await diag({ ...pw(), smtp: srv('mail', 587, 'tls') }, { tryAlternatives: true, timeoutMs: 8000 });
      expect(codes(r)).toEqual(['TLS_ON_PLAIN_PORT', 'ALTERNATIVE_WORKS']);
      const fixId = r.probes.find((p) => p.role === 'alternative' && p.port === labPort(465))?.id;
      expect(r.findings[1]?.probeId).toBe(fixId);
      const p25 = r.probes.find((p) => p.role === 'alternative' && p.port === labPort(25));
      expect(p25?.status).toBe('not-needed');
      // Stopped by whichever preferred alternative worked first (587/STARTTLS, or 465/SSL which also outranks 25).
      const preferred = r.probes.filter((p) => p.role === 'alternative' && p.port !== labPort(25) && p.status === 'ok').map((p) => p.id);
      expect(p25?.notNeeded?.reason).toBe('fix-found');
      expect(preferred).toContain(p25?.notNeeded?.byProbeId);
    });

    it('cancel ends black-holed probes promptly and marks the report cancelled', async () => {
      const ac = new AbortController();
      const t = Date.now();
      const p = runDiagnosis(
        { runId: 'cancel', account: { email: 'alice@lab.test', ...pw(), smtp: srv('mail', 25, 'starttls') }, options: { dnsServer: lab?.dnsServer, timeoutMs: 20_000 } },
        { signal: ac.signal },
      );
      setTimeout(() => ac.abort(), 300);
      const r = await p;
      expect(Date.now() - t).toBeLessThan(3000);
      expect(r.cancelled).toBe(true);
      expect(r.probes.find((x) => x.role === 'configured')?.status).toBe('cancelled');
    });

    it('runs probes concurrently: three black holes cost one budget', async () => {
      const t = Date.now();
      const r = await diag({ ...pw(), imap: srv('mail', 25, 'starttls'), pop3: srv('mail', 25, 'starttls'), smtp: srv('mail', 25, 'starttls') }, { timeoutMs: 1500 });
      expect(codes(r)).toEqual(['TCP_TIMEOUT', 'TCP_TIMEOUT', 'TCP_TIMEOUT']);
      // Sequential would be 4.5 s.
      expect(Date.now() - t).toBeLessThan(4000);
    });

    real('never puts the password in the report, transcripts or progress events', async () => {
      const events: DiagnoseProgress[] = [];
      const r = await diag({ ...pw(), imap: srv('mail', 143, 'starttls'), pop3: srv('mail', 110, 'starttls'), smtp: srv('mail', 465, 'tls') }, {}, (e) => events.push(e));
      const all = JSON.stringify(r) + JSON.stringify(events);
      const secret = lab?.users.alice.password ?? 'x';
      expect(all).not.toContain(secret);
      expect(all).not.toContain(Buffer.from(secret).toString('base64'));
      expect(all).toContain('****');
      expect(r.ok).toBe(true);
    });
  });
});
