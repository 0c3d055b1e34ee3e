/**
 * Side-by-side comparison of two labelled runs, used until composer-compare lands.
 * Same output shape as compareRuns (RunComparison).
 */
import type { LabelledRun, RunCell, RunComparison, RunComparisonRow } from '../../shared/knowledge/composer-types';
import type { ProbeResult } from '../../shared/models/probe';
import type { Lang } from '../../shared/models/device';
import { t } from '../../shared/i18n/messages';

export function probeKey(p: Pick<ProbeResult, 'protocol' | 'host' | 'port' | 'security'>): string {
  return `${p.protocol} ${p.host.toLowerCase()}:${p.port} ${p.security}`;
}

function cellOf(p: ProbeResult | undefined): RunCell {
  if (!p) return { status: 'absent' };
  const failed = p.steps.find((s) => s.status === 'failed');
  const code = p.findings.find((f) => f.severity === 'error')?.code;
  return { status: p.status, ...(failed ? { failedStep: failed.name } : {}), ...(code ? { code } : {}), durationMs: p.durationMs };
}

export function fallbackCompare(a: LabelledRun, b: LabelledRun, lang: Lang): RunComparison {
  const byKey = (r: LabelledRun) => new Map(r.report.probes.map((p) => [probeKey(p), p] as const));
  const ma = byKey(a);
  const mb = byKey(b);
  const keys = [...new Set([...ma.keys(), ...mb.keys()])];
  const rows: RunComparisonRow[] = keys.map((key) => {
    const p = (ma.get(key) ?? mb.get(key))!;
    const ca = cellOf(ma.get(key));
    const cb = cellOf(mb.get(key));
    return { key, protocol: p.protocol, host: p.host, port: p.port, security: p.security, a: ca, b: cb, differs: ca.status !== cb.status || ca.failedStep !== cb.failedStep };
  });
  const labelA = a.label || t(lang, 'compare.unlabelled');
  const labelB = b.label || t(lang, 'compare.unlabelled');
  const okOnlyA = rows.filter((r) => r.a.status === 'ok' && r.b.status === 'failed');
  const okOnlyB = rows.filter((r) => r.b.status === 'ok' && r.a.status === 'failed');
  const base = { labelA, labelB, rows };
  if (!okOnlyA.length && !okOnlyB.length) {
    const anyFail = rows.some((r) => r.a.status === 'failed');
    return { ...base, conclusion: { kind: anyFail ? 'same-failure' : 'same-ok', text: t(lang, anyFail ? 'compare.conclusion.sameFailure' : 'compare.conclusion.same') } };
  }
  if (okOnlyA.length && okOnlyB.length) return { ...base, conclusion: { kind: 'mixed', text: t(lang, 'compare.conclusion.mixed') } };
  const [good, bad, blocked] = okOnlyA.length ? [labelA, labelB, okOnlyA] : [labelB, labelA, okOnlyB];
  const onlyPort25 = blocked.every((r) => r.protocol === 'smtp' && r.port === 25);
  return {
    ...base,
    conclusion: {
      kind: onlyPort25 ? 'port25-filter' : 'network-filter',
      failingLabel: bad,
      text: t(lang, onlyPort25 ? 'compare.conclusion.port25' : 'compare.conclusion.networkBlocks', { good, bad, count: blocked.length }),
    },
  };
}
