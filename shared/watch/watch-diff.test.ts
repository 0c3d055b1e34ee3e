import { describe, expect, it } from 'vitest';
import type { DiagnoseReport, ProbeResult } from '../models/probe';
import { diffRuns } from './watch-diff';
import { addRun, parseInterval, startTimeline, timelineText } from './watch-timeline';

function probe(over: Partial<ProbeResult> = {}): ProbeResult {
  return {
    id: 'imap-cfg-993-tls', protocol: 'imap', role: 'configured', host: 'mail.example.jp', port: 993, security: 'tls',
    status: 'ok', startedAt: '2026-12-01T10:00:00.000Z', durationMs: 300, findings: [], transcript: [], login: 'ok',
    steps: [{ name: 'auth', status: 'ok', durationMs: 200 }],
    tls: { verdict: 'trusted', cert: { subject: 'CN=mail', subjectAltNames: [], issuer: 'CN=CA', validFrom: '', validTo: '', fingerprint256: 'AA:AA:AA:AA:AA', selfSigned: false, chain: [] } },
    ...over,
  };
}
function report(probes: ProbeResult[], dns: DiagnoseReport['dns'] = [], at = '2026-12-01T10:00:00.000Z'): DiagnoseReport {
  const findings = probes.flatMap((p) => p.findings);
  return { runId: 'r', email: 'a@example.jp', startedAt: at, durationMs: 500, ok: !findings.some((f) => f.severity === 'error'), cancelled: false, findings, probes, dns };
}
const refused = { code: 'TCP_REFUSED' as const, severity: 'error' as const, stage: 'tcp' as const, evidence: {} };

describe('diffRuns', () => {
  it('names a port that started refusing, and one that recovered', () => {
    const a = report([probe()]);
    const b = report([probe({ status: 'failed', findings: [refused], login: 'not-tried', tls: undefined, steps: [] })]);
    expect(diffRuns(a, b, 'en')).toEqual([expect.objectContaining({ kind: 'port-refusing', key: 'imap mail.example.jp:993 tls', after: 'TCP_REFUSED' })]);
    expect(diffRuns(b, a, 'ja')[0]).toMatchObject({ kind: 'port-recovered', before: 'TCP_REFUSED' });
    expect(diffRuns(b, a, 'ja')[0]!.text).toContain('つながりませんでした');
  });

  it('sees a rotated certificate, a slower login and a changed DNS answer', () => {
    const dnsA = [{ host: 'mail.example.jp', a: ['192.0.2.1'], aaaa: [], durationMs: 3 }];
    const dnsB = [{ host: 'mail.example.jp', a: ['192.0.2.9'], aaaa: [], durationMs: 3 }];
    const a = report([probe()], dnsA);
    const b = report([probe({ tls: { verdict: 'trusted', cert: { ...probe().tls!.cert!, fingerprint256: 'BB:BB:BB:BB:BB' } }, steps: [{ name: 'auth', status: 'ok', durationMs: 2500 }] })], dnsB);
    expect(diffRuns(a, b, 'en').map((c) => c.kind)).toEqual(['cert-rotated', 'login-slower', 'dns-changed']);
  });

  it('ignores jitter, cancelled probes and identical runs', () => {
    const a = report([probe()]);
    expect(diffRuns(a, report([probe({ steps: [{ name: 'auth', status: 'ok', durationMs: 900 }] })]), 'en')).toEqual([]); // +700 ms: noise
    expect(diffRuns(a, report([probe({ status: 'cancelled' })]), 'en')).toEqual([]);
    expect(diffRuns(a, a, 'en')).toEqual([]);
  });
});

describe('watch timeline', () => {
  it('records runs and their changes and prints them in either language', () => {
    const t = startTimeline(5_000, 3);
    const r1 = report([probe()], [], '2026-12-01T10:00:00.000Z');
    const r2 = report([probe({ status: 'failed', findings: [refused], login: 'not-tried', tls: undefined, steps: [] })], [], '2026-12-01T10:00:05.000Z');
    addRun(t, r1, undefined, 'ja');
    const e = addRun(t, r2, r1, 'ja');
    t.stopped = 'done';
    expect(e).toMatchObject({ index: 2, ok: false, codes: ['TCP_REFUSED'] });
    const ja = timelineText(t, 'ja');
    expect(ja).toContain('経過の記録（定期診断）');
    expect(ja).toContain('5秒ごとに 2 回テストし、変化は 1 件でした。');
    expect(ja).toMatch(/2回目 \d\d:\d\d: 問題あり（/);
    expect(ja).not.toContain('TCP_REFUSED');
    expect(timelineText(t, 'en')).toContain('All planned tests done.');
  });

  it('reads intervals', () => {
    expect(parseInterval('5m')).toBe(300_000);
    expect(parseInterval('2s')).toBe(2_000);
    expect(parseInterval('1h')).toBe(3_600_000);
    expect(parseInterval('90')).toBe(90_000);
    expect(parseInterval('5 minutes')).toBeUndefined();
  });
});
