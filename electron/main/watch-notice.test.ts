import { describe, expect, it } from 'vitest';
import { englishWords } from '../../test/fixtures/ja-allowed-words';
import type { WatchRunEntry, WatchState } from '../../shared/watch/watch-timeline';
import { NOTICE_BODY_MAX, changeNotice, watchNoticeHooks, type Notice } from './watch-notice';

const quiet: WatchRunEntry = { index: 2, startedAt: '2026-12-01T10:05:00.000Z', durationMs: 800, ok: true, cancelled: false, codes: [], changes: [] };
const refusing: WatchRunEntry = {
  index: 3, startedAt: '2026-12-01T10:10:00.000Z', durationMs: 800, ok: false, cancelled: false, codes: ['TCP_REFUSED'],
  changes: [
    { kind: 'port-refusing', key: 'imap mail.example.jp:993 tls', before: 'working', after: 'TCP_REFUSED', text: '' },
    { kind: 'dns-changed', key: 'mail.example.jp', before: '192.0.2.1', after: '192.0.2.9', text: '' },
  ],
};
const state = (over: Partial<WatchState> = {}): WatchState => ({
  watchId: 'w', email: 'alice@example.jp', intervalMs: 300_000, count: 12, status: 'running',
  timeline: { intervalMs: 300_000, plannedRuns: 12, runs: [{ ...quiet, index: 1 }, quiet, refusing] }, ...over,
});

function notifier(outOfSight: boolean) {
  const shown: Notice[] = [];
  return { shown, hooks: watchNoticeHooks({ outOfSight: () => outOfSight, show: (n) => shown.push(n) }) };
}

describe('the watch notification', () => {
  it('says what changed when the window is out of sight, in words (ja without English prose)', () => {
    const n = notifier(true);
    n.hooks.onRun(state(), refusing, 'ja');
    expect(n.shown).toHaveLength(1);
    const { title, body } = n.shown[0]!;
    expect(title).toBe('メールドクター: 変化がありました（alice@example.jp）');
    expect(body).toContain('3回目: 問題あり（接続が拒否されました');
    expect(body).toContain('IMAP 993 SSL/TLS（mail.example.jp）: 前回はつながりましたが、今回はつながりません');
    expect(body).toContain('（ほかに 1 件の変化）');
    expect(englishWords(`${title}\n${body}`)).toEqual([]);
    expect(body).not.toContain('TCP_REFUSED');
    const en = changeNotice(state(), refusing, 'en')!;
    expect(en.title).toBe('Mail Doctor: something changed (alice@example.jp)');
    expect(en.body).toContain('(and 1 more change(s))');
  });

  it('stays quiet when the person sees the window, and for a test without change', () => {
    const visible = notifier(false);
    visible.hooks.onRun(state(), refusing, 'ja');
    visible.hooks.onEnd(state({ status: 'stopped', timeline: { ...state().timeline, stopped: 'done' } }), 'ja');
    expect(visible.shown).toEqual([]);
    const hidden = notifier(true);
    hidden.hooks.onRun(state(), quiet, 'ja');
    hidden.hooks.onRun(state(), { ...refusing, cancelled: true }, 'ja');
    expect(hidden.shown).toEqual([]);
  });

  it('says when a watch ended by itself, not when the person stopped it', () => {
    const n = notifier(true);
    n.hooks.onEnd(state({ status: 'stopped', timeline: { ...state().timeline, stopped: 'done' } }), 'ja');
    n.hooks.onEnd(state({ status: 'stopped', timeline: { ...state().timeline, stopped: 'cancelled' } }), 'ja');
    expect(n.shown).toHaveLength(1);
    expect(n.shown[0]!.title).toBe('メールドクター: 定期診断が終わりました（alice@example.jp）');
    expect(n.shown[0]!.body).toBe('5分ごとに 3 回テストし、変化は 2 件でした。\n予定の回数を終えました。');
  });

  it('keeps the body short enough for a notification centre', () => {
    const many = { ...refusing, changes: [{ ...refusing.changes[0]!, key: `imap ${'x'.repeat(400)}.example.jp:993 tls` }] };
    expect(changeNotice(state(), many, 'en')!.body.length).toBeLessThanOrEqual(NOTICE_BODY_MAX);
  });
});
