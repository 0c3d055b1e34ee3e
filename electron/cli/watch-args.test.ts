import { describe, expect, it } from 'vitest';
import { parseDiagnoseArgs } from './diagnose-args';

describe('diagnose --watch/--count', () => {
  it('reads the interval and the count (default 12)', () => {
    const a = parseDiagnoseArgs(['a@example.jp', '--watch', '5m', '--count', '3'], 'en');
    expect(a.ok && a.args.watch).toEqual({ intervalMs: 300_000, count: 3 });
    const b = parseDiagnoseArgs(['a@example.jp', '--watch', '90s'], 'en');
    expect(b.ok && b.args.watch).toEqual({ intervalMs: 90_000, count: 12 });
  });
  it('refuses unbounded or malformed watches, in the chosen language', () => {
    const bad: Array<[string[], string]> = [
      [['--watch', 'often'], '--watch は'],
      [['--watch', '0s'], '--watch は'],
      // Below a minute: each run signs in again, and servers lock accounts that sign in too often.
      [['--watch', '30s'], '1分以上'],
      [['--watch', '59s'], '1分以上'],
      [['--watch', '5m', '--count', '1'], '--count は 2〜288'],
      [['--watch', '5m', '--count', '10000'], '--count は 2〜288'],
      [['--watch', '1h', '--count', '48'], '24 時間まで'],
      [['--count', '3'], '--count は --watch と一緒に'],
    ];
    for (const [args, msg] of bad) {
      const r = parseDiagnoseArgs(['a@example.jp', ...args], 'ja');
      expect(r.ok, args.join(' ')).toBe(false);
      if (!r.ok) expect(r.error?.ja).toContain(msg);
    }
  });
});
