/**
 * The diagnosis opens with one plain sentence of what is wrong: the finding's conclusion,
 * also when a triage cause (「送信だけできない」) only frames it.
 */
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../findings/codes';
import { findingConclusion } from '../findings/finding-conclusion';
import { findingTitle } from '../findings/finding-title';
import { report } from './composer-fixtures.test-util';
import { composeDiagnosis } from './composer';
import { causeConclusion } from './conclusion';
import type { Cause } from './composer-types';

const HOST = 'mail.example.jp';

describe('one-line conclusion', () => {
  it('port 25 blocked, 465 works: the headline says the line blocks port 25, in both languages', () => {
    const r = report('a@example.jp', [
      { protocol: 'imap', host: HOST, port: 993, security: 'tls' },
      { protocol: 'smtp', host: HOST, port: 25, security: 'starttls', failAt: 'tcp', code: 'PORT25_BLOCKED', errorCode: 'ETIMEDOUT' },
      { protocol: 'smtp', host: HOST, port: 465, security: 'tls', role: 'alternative', code: 'ALTERNATIVE_WORKS' },
    ]);
    const ja = composeDiagnosis({ report: r, device: 'iphone', lang: 'ja' });
    expect(ja.headline).toMatchObject({ kind: 'problem', text: 'ポート25番が回線で止められています' });
    const en = composeDiagnosis({ report: r, device: 'iphone', lang: 'en' });
    expect(en.headline.text).toBe('Port 25 is blocked by the internet line');
  });

  it('a framing triage cause gives the conclusion of the fault it took over, never its category', () => {
    const framing = { id: 'sending-only', kind: 'triage', title: '送信だけできない（送信ポート・SMTP認証）', codes: ['ALTERNATIVE_WORKS', 'SMTP_AUTH_REQUIRED'] } as unknown as Cause;
    expect(causeConclusion(framing, 'ja')).toBe('送信サーバーの認証（SMTP認証）がオフになっています');
    // An outage is the conclusion itself: the timeouts it absorbed are its symptoms.
    const outage = { id: 'server-outage', kind: 'triage', title: 'メールサーバー側の障害・メンテナンス', codes: ['TCP_TIMEOUT'] } as unknown as Cause;
    expect(causeConclusion(outage, 'ja')).toBe('メールサーバー側の障害・メンテナンス');
  });

  it('every finding code has a conclusion in both languages, different from its title, no English in the Japanese one', () => {
    for (const code of FINDING_CODES) {
      const ja = findingConclusion(code, 'ja');
      const en = findingConclusion(code, 'en');
      expect(ja.length, code).toBeGreaterThan(4);
      expect(en.length, code).toBeGreaterThan(4);
      expect(ja, code).not.toBe(en);
      // Plain words: product and protocol names (SSL, SMTP, IPv6) are all the Latin text it may hold.
      expect(ja.replace(/SSL|SMTP|IPv6|\d+/g, ''), code).not.toMatch(/[A-Za-z]{2,}/);
      // One line: no sentence break inside.
      expect(ja, code).not.toMatch(/。./);
      expect(ja, code).not.toBe(findingTitle(code, 'ja'));
    }
  });
});
