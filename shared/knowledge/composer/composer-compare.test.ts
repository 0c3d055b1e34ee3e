import { describe, expect, it } from 'vitest';
import { compareRuns } from './composer-compare';
import { report } from './composer-fixtures.test-util';

describe('network comparison: what is and is not a difference', () => {
  const blocked25 = (email = 'a@example.jp') =>
    report(email, [
      { protocol: 'imap', host: 'mail.example.jp', port: 993, security: 'tls' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 25, security: 'starttls', failAt: 'tcp', code: 'PORT25_BLOCKED' },
      { protocol: 'smtp', host: 'mail.example.jp', port: 587, security: 'starttls' },
    ]);

  it('port 25 blocked on both networks is still the line (OP25B), never "not the network"', () => {
    const c = compareRuns({ label: '会社の Wi-Fi', report: blocked25() }, { label: 'スマホのテザリング', report: blocked25() }, 'ja');
    expect(c.conclusion.kind).toBe('port25-everywhere');
    expect(c.conclusion.text).toContain('587番');
    expect(c.conclusion.text).not.toContain('ネットワークではなく');
  });

  it('a probe not needed (stopped early) on one network is no difference from OK on the other', () => {
    const full = blocked25();
    const early = blocked25();
    const p465 = { ...full.probes[2]!, id: 'x465', port: 465, security: 'tls' as const };
    full.probes.push(p465);
    early.probes.push({ ...p465, status: 'cancelled', steps: [] });
    const c = compareRuns({ label: 'A', report: full }, { label: 'B', report: early }, 'en');
    expect(c.rows.filter((r) => r.differs)).toEqual([]);
    expect(c.conclusion.kind).toBe('port25-everywhere');
  });
});
