/**
 * Turning probe results into the report's ranked findings: the configured probes' own
 * findings, plus what only the comparison of probes shows (ALTERNATIVE_WORKS,
 * PORT25_BLOCKED). Alternative probes' own failures stay in `probes[]`: they are not
 * problems of the account.
 */
import { isVerifiedVerdict } from '../../shared/findings/classify';
import { FINDING_META } from '../../shared/findings/codes';
import { modePreference } from '../../shared/models/account';
import type { Finding, ProbeResult, ProbeTarget } from '../../shared/models/probe';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** configured before alternative, then root cause first (FINDING_META weight), then error > warning > info. */
export function rankFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const ra = a.f.role === 'alternative' ? 1 : 0;
      const rb = b.f.role === 'alternative' ? 1 : 0;
      if (ra !== rb) return ra - rb;
      const w = FINDING_META[a.f.code].weight - FINDING_META[b.f.code].weight;
      if (w !== 0) return w;
      const s = SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity];
      return s !== 0 ? s : a.i - b.i;
    })
    .map((x) => x.f);
}

/** A configured failure that another port or security mode could fix. */
export function fixableByOtherMode(p: ProbeResult): boolean {
  if (p.security === 'none') return true;
  return p.findings.some(
    (f) =>
      f.severity === 'error' &&
      (f.stage === 'tcp' || f.stage === 'tls' || f.stage === 'greeting' || f.stage === 'config' || f.code === 'AUTH_PLAINTEXT_DISABLED' || f.code === 'STARTTLS_NOT_OFFERED'),
  );
}

/**
 * How strongly an alternative is preferred as the fix for a configured target (lower is
 * better): the shared mode preference, so the engine's fix is the value the diagnosis shows.
 */
export function alternativeRank(cfg: Pick<ProbeTarget, 'protocol'>, a: Pick<ProbeTarget, 'port' | 'security'>): number {
  return modePreference(cfg.protocol, a);
}

/** An alternative that connects, greets properly and has TLS a store of this computer trusts: a fix that was seen to work. */
export function works(p: ProbeResult): boolean {
  return p.status === 'ok' && !p.findings.some((f) => f.severity === 'error') && (p.tls === undefined || isVerifiedVerdict(p.tls.verdict));
}

export function deriveFindings(probes: ProbeResult[]): Finding[] {
  const out: Finding[] = [];
  for (const cfg of probes.filter((p) => p.role === 'configured')) {
    const alts = probes.filter((p) => p.role === 'alternative' && p.protocol === cfg.protocol && p.host === cfg.host && works(p));
    if (alts.length === 0) continue;
    const tcpFail = cfg.findings.find((f) => f.code === 'TCP_TIMEOUT' || f.code === 'TCP_REFUSED');
    const submission = [...alts].filter((a) => a.port === 587 || a.port === 465).sort((a, b) => alternativeRank(cfg, a) - alternativeRank(cfg, b));
    if (cfg.protocol === 'smtp' && cfg.port === 25 && tcpFail && submission[0]) {
      out.push({
        code: 'PORT25_BLOCKED',
        severity: FINDING_META.PORT25_BLOCKED.severity,
        stage: FINDING_META.PORT25_BLOCKED.stage,
        protocol: 'smtp',
        host: cfg.host,
        port: 25,
        security: cfg.security,
        probeId: cfg.id,
        role: 'configured',
        evidence: {
          errorCode: tcpFail.evidence.errorCode,
          message: `port 25 fails (${tcpFail.code}) while ${alts.map((a) => a.port).join('/')} on the same server work: outbound port 25 is blocked (OP25B)`,
          // The one the fix recommends (the same preference as ALTERNATIVE_WORKS), so every text names one port.
          details: { recommendedPort: submission[0].port, recommendedSecurity: submission[0].security },
        },
      });
    }
    if (!fixableByOtherMode(cfg) || (cfg.status === 'ok' && cfg.security !== 'none')) continue;
    const sorted = [...alts].sort((a, b) => alternativeRank(cfg, a) - alternativeRank(cfg, b));
    const best = sorted[0];
    if (!best) continue;
    out.push({
      code: 'ALTERNATIVE_WORKS',
      severity: FINDING_META.ALTERNATIVE_WORKS.severity,
      stage: FINDING_META.ALTERNATIVE_WORKS.stage,
      protocol: cfg.protocol,
      host: best.host,
      port: best.port,
      security: best.security,
      probeId: best.id,
      role: 'alternative',
      evidence: {
        message: `${best.port} with ${best.security === 'tls' ? 'SSL/TLS' : best.security === 'starttls' ? 'STARTTLS' : 'no encryption'} works on ${best.host}`,
        ...(best.greeting ? { serverReply: best.greeting } : {}),
        details: { configured: `${cfg.port}/${cfg.security}`, alsoWorks: sorted.slice(1).map((a) => `${a.port}/${a.security}`).join(', ') },
      },
      fix: { host: best.host, port: best.port, security: best.security },
    });
  }
  return out;
}
