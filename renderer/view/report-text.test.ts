import { describe, expect, it } from 'vitest';
import { buildReportText, scrub, type ReportInput } from './report-text';
import { port25Report, report } from '../../test/fixtures/sample-report';
import { composeDiagnosis } from '../../shared/knowledge/composer/composer';
import { caseStory } from '../../shared/knowledge/composer/case-story';
import type { DiagnoseReport } from '../../shared/models/probe';

const PASSWORD = 'correct-horse-battery';

function composed(rep: DiagnoseReport, lang: 'ja' | 'en' = 'en') {
  const d = composeDiagnosis({ report: rep, device: 'outlook-classic', lang });
  return { headline: d.headline, causes: d.causes, story: caseStory({ device: 'outlook-classic', errorText: '0x800CCC0E' }, [{ label: 'office Wi-Fi', report: rep }], lang) };
}

function input(over: Partial<ReportInput> = {}): ReportInput {
  const rep = port25Report();
  return {
    createdAt: '2026-11-28 10:00',
    email: 'alice@lab.test',
    device: 'outlook-classic',
    deviceLabel: 'Outlook (classic)',
    errorText: '0x800CCC0E',
    report: rep,
    ...composed(rep),
    deviceSettings: { smtp: { host: 'mail.lab.test', port: 25, security: 'starttls' } },
    checklist: [{ id: 'outgoing-server', title: 'Check the outgoing server (SMTP)' }],
    progress: { 'outgoing-server': { status: 'fixed', note: 'port 25 → 587' } },
    ...over,
  };
}

describe('ticket report', () => {
  it('holds device, error text, settings, findings with evidence, checklist outcome and timings', () => {
    const text = buildReportText(input(), 'en', 'text', [PASSWORD]);
    expect(text).toContain('Outlook (classic)');
    expect(text).toContain('0x800CCC0E');
    expect(text).toContain('SMTP: mail.lab.test:25 STARTTLS');
    expect(text).toContain('Connection timed out');
    expect(text).toMatch(/1\. Connection timed out.* — most likely/);
    expect(text).toContain('ETIMEDOUT');
    expect(text).toContain('587');
    expect(text).toContain('fixed it — Note: port 25 → 587');
    expect(text).toContain('800 ms');
  });

  it('is Markdown with headings and list items when asked', () => {
    const md = buildReportText(input(), 'ja', 'markdown', []);
    expect(md.startsWith('# メールドクター レポート')).toBe(true);
    expect(md).toContain('\n## 検出事項');
    expect(md).toContain('- アカウント: alice@lab.test');
  });

  it('never contains the password, even when a server echoed it back', () => {
    const rep = report();
    const leaky = {
      ...rep,
      ok: false,
      findings: [{ code: 'AUTH_FAILED' as const, severity: 'error' as const, stage: 'auth' as const, protocol: 'imap' as const, evidence: { serverReply: `NO bad password ${PASSWORD}` } }],
    };
    const { causes } = composed(leaky);
    for (const format of ['text', 'markdown'] as const) {
      for (const lang of ['ja', 'en'] as const) {
        const text = buildReportText(input({ report: leaky, causes, errorText: `my password is ${PASSWORD}` }), lang, format, [PASSWORD]);
        expect(text).not.toContain(PASSWORD);
        expect(text).toContain('********');
      }
    }
    // Transcripts never go into the report at all.
    expect(buildReportText(input({ report: rep, causes: [] }), 'en', 'text', [])).not.toContain('A1 LOGIN');
  });

  it('server and user text cannot break out: no raw line start, no closing backtick, no control character', () => {
    const evil = '535 no`` \n# Fixed, all good\n[click here](http://evil.example)\x1b[2J';
    for (const format of ['text', 'markdown'] as const) {
      const text = buildReportText(input({ errorText: evil, progress: { 'outgoing-server': { status: 'fixed', note: evil } } }), 'en', format, []);
      const lines = text.split('\n');
      expect(lines.filter((l) => /^(# Fixed|\[click)/.test(l))).toEqual([]);
      // eslint-disable-next-line no-control-regex
      expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
      expect(text).toContain('\\x1b[2J');
      if (format === 'markdown') {
        const line = lines.find((l) => l.includes('# Fixed'))!;
        expect(line).toContain('```535 no`` # Fixed, all good [click here](http://evil.example)\\x1b[2J```');
      }
    }
  });

  it('scrub leaves text alone when there is no secret', () => {
    expect(scrub('abc', [''])).toBe('abc');
  });
});
