/**
 * Realistic probe reports for the composer and checklist tests, built from the
 * schema types (and validated against the zod schemas, so they stay realistic
 * when the models change).
 */
import { FINDING_META, type FindingCode } from '../../findings/codes';
import type { Protocol, Security } from '../../models/account';
import { DiagnoseReport, type Finding, type ProbeResult, type ProbeStep, type StepName } from '../../models/probe';

export interface ProbeSpec {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  role?: 'configured' | 'alternative';
  /** The step that failed; absent = everything ok. */
  failAt?: StepName | 'login';
  code?: FindingCode;
  reply?: string;
  errorCode?: string;
  login?: ProbeResult['login'];
  fix?: Finding['fix'];
}

const ORDER: StepName[] = ['dns', 'tcp', 'tls', 'greeting', 'auth'];

export function probe(s: ProbeSpec, i = 0): ProbeResult {
  const role = s.role ?? 'configured';
  const steps: ProbeStep[] = [];
  const stop = s.failAt === 'login' ? 'auth' : s.failAt;
  for (const name of ORDER) {
    if (name === 'tls' && s.security === 'none') continue;
    if (stop && name === stop) {
      steps.push({ name, status: 'failed', durationMs: 30 });
      break;
    }
    steps.push({ name, status: 'ok', durationMs: 10 });
  }
  const findings: Finding[] = [];
  if (s.code) {
    const meta = FINDING_META[s.code];
    const f: Finding = {
      code: s.code,
      severity: meta.severity,
      stage: meta.stage,
      protocol: s.protocol,
      host: s.host,
      port: s.port,
      security: s.security,
      probeId: `p${i}`,
      role,
      evidence: { ...(s.reply ? { serverReply: s.reply } : {}), ...(s.errorCode ? { errorCode: s.errorCode } : {}) },
    };
    if (s.fix) f.fix = s.fix;
    findings.push(f);
  }
  const failed = s.failAt !== undefined;
  return {
    id: `p${i}`,
    protocol: s.protocol,
    host: s.host,
    port: s.port,
    security: s.security,
    role,
    status: failed ? 'failed' : 'ok',
    startedAt: '2026-11-28T10:00:00.000Z',
    durationMs: 200,
    steps,
    findings,
    transcript: [],
    // Alternatives never send the password (as in the engine).
    login: s.login ?? (role === 'alternative' ? 'not-tried' : s.failAt === 'login' ? 'failed' : failed ? 'not-tried' : 'ok'),
  };
}

const SEV = { error: 0, warning: 1, info: 2 } as const;

/** A report as the engine would send it: findings ranked (configured first, then severity, then weight). */
export function report(email: string, specs: ProbeSpec[]): DiagnoseReport {
  const probes = specs.map((s, i) => probe(s, i));
  const findings = probes
    .flatMap((p) => p.findings)
    .sort(
      (a, b) =>
        (a.role === 'alternative' ? 1 : 0) - (b.role === 'alternative' ? 1 : 0) ||
        SEV[a.severity] - SEV[b.severity] ||
        FINDING_META[a.code].weight - FINDING_META[b.code].weight,
    );
  const r: DiagnoseReport = {
    runId: 'run-1',
    email,
    startedAt: '2026-11-28T10:00:00.000Z',
    durationMs: 1500,
    ok: !findings.some((f) => f.severity === 'error'),
    cancelled: false,
    findings,
    probes,
    dns: [],
  };
  return DiagnoseReport.parse(r);
}
