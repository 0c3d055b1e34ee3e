import { describe, expect, it } from 'vitest';
import { clockTime } from '../../shared/watch/watch-text';
import { buildReportText, scrub, type ReportInput } from './report-text';
import { port25Report, report } from '../../test/fixtures/sample-report';
import { composeDiagnosis } from '../../shared/knowledge/composer/composer';
import { caseStory } from '../../shared/knowledge/composer/case-story';
import type { DiagnoseReport } from '../../shared/models/probe';
import { FINDING_CODES } from '../../shared/findings/codes';
import { englishWords } from '../../test/fixtures/ja-allowed-words';
import { displayWidth } from '../../shared/i18n/display-width';

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
  it('leads with 症状 / 原因 / 対処 / 結果 / 担当メモ, the device steps with their menus and values', () => {
    const text = buildReportText(input({ notes: 'called back at 15:00' }), 'en', 'text', [PASSWORD]);
    const order = ['Symptom', 'Cause', 'What to do', 'Result', 'Agent notes'].map((h) => text.indexOf(`\n${h}\n`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(text).toContain('Outlook (classic)');
    expect(text).toContain('0x800CCC0E');
    expect(text).toMatch(/\n1\. /);
    expect(text).toContain('587');
    expect(text).toContain('fixed it — Note: port 25 → 587');
    expect(text).toContain('called back at 15:00');
    // The technical section only when asked.
    expect(text).not.toContain('Technical details');
    expect(text).not.toContain('800 ms');
  });

  it('plain text: every heading is underlined exactly as wide as it is displayed (a kanji is two columns), in both languages', () => {
    for (const lang of ['en', 'ja'] as const) {
      const lines = buildReportText(input({ ...composed(port25Report(), lang) }), lang, 'text', [PASSWORD]).split('\n');
      let headings = 0;
      lines.forEach((line, i) => {
        if (i === 0 || !/^[=-]+$/.test(line)) return;
        headings++;
        expect(line.length, `${lang}: “${lines[i - 1]}”`).toBe(Math.min(60, displayWidth(lines[i - 1]!)));
      });
      expect(headings).toBeGreaterThan(4);
    }
    expect(buildReportText(input(), 'en', 'text', [PASSWORD])).toContain('\nCause\n-----\n');
  });

  it('adds the technical details (causes with evidence, tested settings, connections, timings) when asked', () => {
    const text = buildReportText(input({ technical: true }), 'en', 'text', [PASSWORD]);
    expect(text).toContain('Technical details');
    expect(text).toContain('SMTP: mail.lab.test:25 STARTTLS');
    expect(text).toMatch(/1\. Connection timed out.* — most likely/);
    expect(text).toContain('800 ms');
    expect(text).toContain('failed (failed at: Connect (TCP))');
  });

  it('names no finding code, in either language, with or without the technical section', () => {
    for (const lang of ['ja', 'en'] as const)
      for (const technical of [false, true]) {
        const rep = port25Report();
        const text = buildReportText(input({ ...composed(rep, lang), technical }), lang, 'markdown', []);
        expect(FINDING_CODES.filter((c) => text.includes(c)), `${lang} technical=${technical}`).toEqual([]);
      }
    // The engine's own detail message names codes: the report words them.
    const { causes } = composed(port25Report());
    const withCode = [{ ...causes[0]!, evidence: [{ label: 'Technical detail', value: 'port 25 fails (TCP_TIMEOUT)' }] }];
    const text = buildReportText(input({ causes: withCode, technical: true }), 'en', 'text', []);
    expect(text).toContain('port 25 fails (Connection timed out (possibly blocked))');
  });

  it('in Japanese holds no English prose outside quoted server and user text', () => {
    const rep = port25Report();
    const text = buildReportText(input({ ...composed(rep, 'ja'), deviceLabel: 'Outlook（クラシック版）', technical: true, notes: '折り返し連絡', checklist: [{ id: 'outgoing-server', title: '送信サーバー（SMTP）を確認する' }] }), 'ja', 'markdown', []);
    // Markdown code spans hold what the customer or a server wrote, as written.
    const prose = text.replace(/(`+)[^`]*?\1/g, ' ');
    expect(englishWords(prose)).toEqual([]);
    expect(text).toContain('## 症状');
    expect(text).toContain('## 原因');
    expect(text).toContain('## 対処');
    expect(text).toContain('## 結果');
    expect(text).toContain('## 担当メモ');
  });

  it('after a re-test that works: the first run cause, what was done, 解決', () => {
    const before = port25Report();
    const after = report();
    const ctx = { device: 'iphone' as const, errorText: '送信できません' };
    const d = composeDiagnosis({ report: after, device: 'iphone', lang: 'ja' });
    const story = caseStory(ctx, [{ label: '', report: before }, { label: '', report: after }], 'ja');
    const text = buildReportText(input({ report: after, headline: d.headline, causes: d.causes, story, device: 'iphone', deviceLabel: 'iPhone' }), 'ja', 'text', []);
    expect(text).toContain(story.first!.diagnosis.headline.text);
    expect(text).toContain('対処（実施した内容）');
    expect(text).toContain('解決: この設定でメールがつながります。');
  });

  it('shows ticket and customer, and a watch timeline in words', () => {
    const watch = {
      intervalMs: 300_000,
      plannedRuns: 3,
      stopped: 'done' as const,
      runs: [
        { index: 1, startedAt: '2026-12-01T10:00:00.000Z', durationMs: 800, ok: true, cancelled: false, codes: [], changes: [] },
        { index: 2, startedAt: '2026-12-01T10:05:00.000Z', durationMs: 800, ok: false, cancelled: false, codes: ['TCP_REFUSED'], changes: [{ kind: 'port-refusing' as const, key: 'smtp mail.example.jp:587 starttls', before: 'working', after: 'TCP_REFUSED', text: 'stored in another language' }] },
      ],
    };
    const text = buildReportText(input({ ticket: 'T-123', customer: '山田様', watch }), 'ja', 'text', []);
    expect(text).toContain('チケット: T-123');
    expect(text).toContain('お客様: 山田様');
    expect(text).toContain('経過の記録（定期診断）');
    expect(text).toContain('5分ごとに 2 回テストし、変化は 1 件でした。');
    // The time of day is the computer's (like every clock on the screen).
    expect(text).toContain(`2回目 ${clockTime('2026-12-01T10:05:00.000Z')}: 問題あり（接続が拒否されました（ポートが閉じています））`);
    // The change is worded again in the report's language from its machine values.
    expect(text).toContain('SMTP 587 STARTTLS（mail.example.jp）: 前回はつながりましたが、今回はつながりません（サーバーがこのポート番号では受け付けていません）。');
    expect(text).not.toContain('stored in another language');
    expect(text).not.toContain('TCP_REFUSED');
  });

  it('says when the domain lookups were switched off, and only then', () => {
    const rep = port25Report();
    expect(buildReportText(input(), 'en', 'text', [])).not.toMatch(/Domain lookups: off/);
    rep.dns = [{ host: 'lab.test', a: [], aaaa: [], mx: [], srv: [], durationMs: 0, skipped: 'no-domain-lookups' }, ...rep.dns];
    for (const lang of ['ja', 'en'] as const) {
      const text = buildReportText(input({ report: rep, ...composed(rep, lang) }), lang, 'text', []);
      expect(text).toContain(lang === 'ja' ? 'ドメインの照会: オフ' : 'Domain lookups: off');
    }
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
        const text = buildReportText(input({ report: leaky, causes, errorText: `my password is ${PASSWORD}`, technical: true }), lang, format, [PASSWORD]);
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
