/** Realistic reports for the unit tests, shaped like the engine's output. */
import type { DiagnoseReport, Finding, ProbeResult } from '../../shared/models/probe';

export function probe(p: Partial<ProbeResult> & Pick<ProbeResult, 'id' | 'protocol' | 'host' | 'port' | 'security'>): ProbeResult {
  return {
    role: 'configured',
    status: 'ok',
    startedAt: '2026-11-28T10:00:00.000Z',
    durationMs: 120,
    steps: [
      { name: 'dns', status: 'ok', durationMs: 2, detail: '127.77.1.10' },
      { name: 'tcp', status: 'ok', durationMs: 1 },
      { name: 'tls', status: 'ok', durationMs: 20, detail: 'TLSv1.3' },
      { name: 'greeting', status: 'ok', durationMs: 3, detail: 'Dovecot ready.' },
      { name: 'auth', status: 'ok', durationMs: 40 },
    ],
    findings: [],
    transcript: [
      { t: 0, dir: 's', text: '* OK Dovecot ready.' },
      { t: 5, dir: 'c', text: 'A1 LOGIN "alice@lab.test" ****' },
      { t: 45, dir: 's', text: 'A1 OK Logged in' },
    ],
    login: 'ok',
    ...p,
  };
}

export function report(p: Partial<DiagnoseReport> = {}): DiagnoseReport {
  return {
    runId: 'run-1',
    email: 'alice@lab.test',
    startedAt: '2026-11-28T10:00:00.000Z',
    durationMs: 800,
    ok: true,
    cancelled: false,
    findings: [],
    probes: [
      probe({ id: 'imap-993', protocol: 'imap', host: 'mail.lab.test', port: 993, security: 'tls' }),
      probe({ id: 'smtp-587', protocol: 'smtp', host: 'mail.lab.test', port: 587, security: 'starttls' }),
    ],
    dns: [{ host: 'mail.lab.test', a: ['127.77.1.10'], aaaa: [], durationMs: 2 }],
    ...p,
  };
}

export const port25Blocked: Finding = {
  code: 'TCP_TIMEOUT',
  severity: 'error',
  stage: 'tcp',
  protocol: 'smtp',
  host: 'mail.lab.test',
  port: 25,
  security: 'starttls',
  probeId: 'smtp-25',
  role: 'configured',
  evidence: { errorCode: 'ETIMEDOUT', durationMs: 5000 },
  fix: { host: 'mail.lab.test', port: 587, security: 'starttls' },
};

export function port25Report(): DiagnoseReport {
  return report({
    ok: false,
    findings: [port25Blocked, { ...port25Blocked, code: 'ALTERNATIVE_WORKS', severity: 'info', stage: 'config', role: 'alternative', probeId: 'smtp-587', port: 587 }],
    probes: [
      probe({ id: 'imap-993', protocol: 'imap', host: 'mail.lab.test', port: 993, security: 'tls' }),
      probe({
        id: 'smtp-25',
        protocol: 'smtp',
        host: 'mail.lab.test',
        port: 25,
        security: 'starttls',
        status: 'failed',
        login: 'not-tried',
        steps: [
          { name: 'dns', status: 'ok', durationMs: 2 },
          { name: 'tcp', status: 'failed', durationMs: 5000, detail: 'ETIMEDOUT' },
        ],
        findings: [port25Blocked],
      }),
      probe({ id: 'smtp-587', protocol: 'smtp', host: 'mail.lab.test', port: 587, security: 'starttls', role: 'alternative' }),
    ],
  });
}
