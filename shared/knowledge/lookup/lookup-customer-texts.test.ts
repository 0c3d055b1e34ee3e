/**
 * Hit rate of the error-text lookup on texts written the way customers read
 * them out (test/fixtures/customer-error-texts.json: every device family,
 * typos, half sentences, full-width digits, spoken forms). A hit = recognised
 * and the top match's first finding code is one the fixture accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../findings/codes';
import { lookupError } from './lookup';

interface CustomerText { device: string; lang: 'ja' | 'en'; text: string; expect: string[] }
const FIXTURES = join(__dirname, '../../../test/fixtures');
const TEXTS = (JSON.parse(readFileSync(join(FIXTURES, 'customer-error-texts.json'), 'utf8')) as { texts: CustomerText[] }).texts;
const REFERENCE = JSON.parse(readFileSync(join(FIXTURES, 'reference-error-messages.json'), 'utf8')) as Array<{ text: string }>;

/** The share of customer texts that must land on an accepted cause. */
const TARGET_HIT_RATE = 0.9;

describe('customer-worded error texts', () => {
  it('is a new set: at least 60 texts, both languages, none copied from the reference list, real codes only', () => {
    expect(TEXTS.length).toBeGreaterThanOrEqual(60);
    expect(TEXTS.some((t) => t.lang === 'ja') && TEXTS.some((t) => t.lang === 'en')).toBe(true);
    // Same letters after width and punctuation folding = copied (normalizeText would also fold the callers' filler words).
    const bare = (x: string) => x.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
    const refs = new Set(REFERENCE.map((r) => bare(r.text)));
    for (const t of TEXTS) {
      expect(refs.has(bare(t.text)), t.text).toBe(false);
      for (const c of t.expect) expect(FINDING_CODES).toContain(c);
    }
  });

  it(`lands on an accepted cause for at least ${TARGET_HIT_RATE * 100}% of them`, () => {
    const misses: string[] = [];
    for (const t of TEXTS) {
      const r = lookupError(t.text, t.lang);
      const first = r.matches[0]?.codes[0];
      if (!r.recognised || !first || !t.expect.includes(first)) misses.push(`${t.device}: ${t.text} → ${r.recognised ? `${first ?? '-'} (${r.matches[0]?.text})` : 'unrecognised'}`);
    }
    const rate = (TEXTS.length - misses.length) / TEXTS.length;
    console.log(`customer texts hit rate: ${TEXTS.length - misses.length}/${TEXTS.length} = ${(rate * 100).toFixed(1)}%\n  ${misses.join('\n  ')}`);
    expect(rate).toBeGreaterThanOrEqual(TARGET_HIT_RATE);
  });
});
