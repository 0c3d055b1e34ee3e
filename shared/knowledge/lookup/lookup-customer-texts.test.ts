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
const load = (file: string) => (JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { texts: CustomerText[] }).texts;
const TEXTS = load('customer-error-texts.json');
/** Written after the phrases were tuned and measured once; never used to add phrases, so its rate is the honest one. */
const HELD_OUT = load('customer-error-texts-heldout.json');
const REFERENCE = JSON.parse(readFileSync(join(FIXTURES, 'reference-error-messages.json'), 'utf8')) as Array<{ text: string }>;

/** The share of customer texts that must land on an accepted cause. */
const TARGET_HIT_RATE = 0.9;
/** The held-out set guards against regressions only: a floor under its measured rate (20/32 = 62.5% when written). */
const HELD_OUT_FLOOR = 0.55;

/** Share of texts whose top match's first code is accepted; prints the misses. */
function hitRate(label: string, texts: CustomerText[]): number {
  const misses: string[] = [];
  for (const t of texts) {
    const r = lookupError(t.text, t.lang);
    const first = r.matches[0]?.codes[0];
    if (!r.recognised || !first || !t.expect.includes(first)) misses.push(`${t.device}: ${t.text} → ${r.recognised ? `${first ?? '-'} (${r.matches[0]?.text})` : 'unrecognised'}`);
  }
  const rate = (texts.length - misses.length) / texts.length;
  console.log(`${label} hit rate: ${texts.length - misses.length}/${texts.length} = ${(rate * 100).toFixed(1)}%\n  ${misses.join('\n  ')}`);
  return rate;
}

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
    expect(hitRate('customer texts', TEXTS)).toBeGreaterThanOrEqual(TARGET_HIT_RATE);
  });

  it(`held-out set: at least ${HELD_OUT_FLOOR * 100}% (the rate is printed; it is not a tuning target)`, () => {
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(30);
    for (const t of HELD_OUT) for (const c of t.expect) expect(FINDING_CODES).toContain(c);
    const seen = new Set(TEXTS.map((t) => t.text));
    for (const t of HELD_OUT) expect(seen.has(t.text), t.text).toBe(false);
    expect(hitRate('held-out texts', HELD_OUT)).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });
});
