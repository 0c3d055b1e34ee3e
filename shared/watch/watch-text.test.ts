import { describe, expect, it } from 'vitest';
import { englishWords } from '../../test/fixtures/ja-allowed-words';
import { findingConclusion } from '../knowledge/findings/finding-conclusion';
import { findingTitle } from '../knowledge/findings/finding-title';
import type { DiagnoseReport, ProbeResult } from '../models/probe';
import { WATCH_CHANGE_KINDS, diffRuns, type WatchChange } from './watch-diff';
import { changeText, probeKeyText, timelineLines } from './watch-text';
import { addRun, startTimeline } from './watch-timeline';

const cert = (fingerprint256: string, validTo = '2027-03-01T00:00:00.000Z') => ({ subject: 'CN=mail', subjectAltNames: [], issuer: 'CN=CA', validFrom: '2026-01-01T00:00:00.000Z', validTo, fingerprint256, selfSigned: false, chain: [] });

function probe(over: Partial<ProbeResult> = {}): ProbeResult {
  return {
    id: 'imap-cfg-993-tls', protocol: 'imap', role: 'configured', host: 'mail.example.jp', port: 993, security: 'tls',
    status: 'ok', startedAt: '2026-12-01T10:00:00.000Z', durationMs: 300, findings: [], transcript: [], login: 'ok',
    steps: [{ name: 'auth', status: 'ok', durationMs: 200 }],
    tls: { verdict: 'trusted', cert: cert('AA:AA:AA:AA:AA') },
    ...over,
  };
}
function report(probes: ProbeResult[], dns: DiagnoseReport['dns'] = [], at = '2026-12-01T10:00:00.000Z'): DiagnoseReport {
  const findings = probes.flatMap((p) => p.findings);
  return { runId: 'r', email: 'a@example.jp', startedAt: at, durationMs: 500, ok: !findings.some((f) => f.severity === 'error'), cancelled: false, findings, probes, dns };
}
const fail = (code: 'TCP_REFUSED' | 'TCP_TIMEOUT' | 'AUTH_FAILED', stage: 'tcp' | 'auth' = 'tcp') => ({ code, severity: 'error' as const, stage, evidence: {} });
const down = (code: 'TCP_REFUSED' | 'TCP_TIMEOUT') => probe({ status: 'failed', findings: [fail(code)], login: 'not-tried', tls: undefined, steps: [] });

/** A timeline in which every kind of change happens once, from real diffs of reports. */
function everyKind(lang: 'ja' | 'en') {
  const t = startTimeline(300_000, 6);
  const dns1 = [{ host: 'mail.example.jp', a: ['192.0.2.1'], aaaa: [], durationMs: 3 }];
  const dns2 = [{ host: 'mail.example.jp', a: ['192.0.2.9'], aaaa: [], durationMs: 3 }];
  const runs = [
    report([probe()], dns1),
    // certificate rotated, login slower, DNS answer changed
    report([probe({ tls: { verdict: 'trusted', cert: cert('BB:BB:BB:BB:BB') }, steps: [{ name: 'auth', status: 'ok', durationMs: 2600 }] })], dns2),
    // the port started refusing
    report([down('TCP_REFUSED')], dns2),
    // it fails for another reason
    report([down('TCP_TIMEOUT')], dns2),
    // it works again
    report([probe({ tls: { verdict: 'trusted', cert: cert('BB:BB:BB:BB:BB') } })], dns2),
    // the login stopped working
    report([probe({ tls: { verdict: 'trusted', cert: cert('BB:BB:BB:BB:BB') }, login: 'failed', findings: [fail('AUTH_FAILED', 'auth')] })], dns2),
  ];
  runs.forEach((r, i) => addRun(t, r, runs[i - 1], lang));
  t.stopped = 'done';
  return t;
}

describe('the watch in words', () => {
  it('says every kind of change in Japanese without English prose, codes or raw keys', () => {
    const t = everyKind('ja');
    const kinds = new Set(t.runs.flatMap((r) => r.changes.map((c) => c.kind)));
    // port-recovered and failure-changed both happen once the port fails and comes back
    expect([...kinds].sort()).toEqual([...WATCH_CHANGE_KINDS].sort());
    const lines = timelineLines(t, 'ja').map((l) => l.text);
    for (const l of lines) {
      expect(englishWords(l), l).toEqual([]);
      expect(l).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/); // no finding code
      expect(l).not.toMatch(/\b(imap|pop3|smtp|tls|starttls|ok|failed|working)\b/); // no raw key or state
    }
    // The stored text is the same wording (the JSON's `text`, the CLI).
    for (const c of t.runs.flatMap((r) => r.changes)) expect(c.text).toBe(changeText(c, 'ja'));
  });

  it('words a failure by the finding’s conclusion and a test’s state by the findings’ titles', () => {
    const t = everyKind('ja');
    const refusing = t.runs[2]!.changes.find((c) => c.kind === 'port-refusing')!;
    expect(refusing.after).toBe('TCP_REFUSED'); // the machine value stays for the JSON
    expect(refusing.text).toBe(`IMAP 993 SSL/TLS（mail.example.jp）: 前回はつながりましたが、今回はつながりません（${findingConclusion('TCP_REFUSED', 'ja')}）。`);
    const lines = timelineLines(t, 'ja').map((l) => l.text);
    expect(lines.some((l) => l.includes(`問題あり（${findingTitle('TCP_REFUSED', 'ja')}）`))).toBe(true);
    expect(lines[0]).toBe('5分ごとに 6 回テストし、変化は 7 件でした。');
    expect(lines.at(-1)).toBe('予定の回数を終えました。');
  });

  it('says the same changes in English, and can word a stored change in the other language', () => {
    const t = everyKind('ja');
    const en = timelineLines(t, 'en').map((l) => l.text);
    expect(en[0]).toBe('Tested 6 time(s), every 5 min; 7 change(s).');
    expect(en).toContain('IMAP 993 SSL/TLS (mail.example.jp): the server presents another certificate (valid until 1 March 2027).');
    expect(en).toContain('IMAP 993 SSL/TLS (mail.example.jp): signing in got slower (0.2 s → 2.6 s).');
    expect(en).toContain('The address of mail.example.jp changed (192.0.2.1 → 192.0.2.9).');
    expect(en).toContain('IMAP 993 SSL/TLS (mail.example.jp): signing in worked last time and fails now.');
  });

  it('keeps a key it cannot read as it is, and words a name that stopped resolving', () => {
    expect(probeKeyText('something else', 'ja')).toBe('something else');
    const c: WatchChange = { kind: 'dns-changed', key: 'mail.example.jp', before: '192.0.2.1', after: 'ENOTFOUND', text: '' };
    expect(changeText(c, 'ja')).toBe('mail.example.jp の住所（IPアドレス）が変わりました（192.0.2.1 → サーバー名が見つかりません）。');
    const gone = diffRuns(report([], [{ host: 'mail.example.jp', a: ['192.0.2.1'], aaaa: [], durationMs: 1 }]), report([], [{ host: 'mail.example.jp', a: [], aaaa: [], durationMs: 1 }]), 'ja');
    expect(gone[0]!.text).toContain('→ 住所なし）');
  });
});
