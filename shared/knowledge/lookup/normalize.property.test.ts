/**
 * Property tests of the error-text normaliser and the lookup around it: whatever a customer
 * pastes (any Unicode, control characters, a megabyte), the canonical form is stable, holds
 * only letters, digits and single spaces, and full-width / half-width / hiragana spellings of
 * the same text meet. The lookup's answer stays bounded and free of control characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCodes, normalizeText, trigrams } from './normalize';
import { lookupError } from './lookup';

/** Text a helpdesk gets: real wording fragments mixed with arbitrary Unicode and control characters. */
const FRAGMENTS = [
  'パスワードが正しくありません', 'サーバーに接続できません', 'ｻｰﾊﾞｰ', 'サーバ', 'ぱすわーど', 'ログオン', 'サインイン',
  'Cannot connect', "can't", 'login', 'log in', 'sign in', 'e-mail', 'conection', 'pasword', '0x800CCC0E', '０ｘ８００ＣＣＣ０Ｅ',
  '5.7.139', '535 5.7.8', '-ERR', 'a1 NO', '“mail.example.jp”', 'alice@example.jp', 'https://x.example/a', '192.0.2.1:993',
  'imap.mail.example.jp', 'って出る', 'と表示されます', 'iPhone で', '応答がありません', '出来ません', 'ー', '〜', '-', ' ', '\t', '\r\n',
  '\x1b[2J', '\x07', '\0', '\u202e', '\u2028', '\ufeff', '\x85', '株式会社', '㍿', 'ﷺ', 'Ⅻ', '①',
];
const messy = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 25 }).map((p) => p.join(''));

const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** ASCII → the full-width forms a Japanese IME types (U+FF01–FF5E, U+3000 for a space). */
const toFullWidth = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
/** Full-width katakana → half-width (ｶﾀｶﾅ), through NFKC's own table read backwards. */
const HALF_KATAKANA = [...Array(0xff9f - 0xff66 + 1)].map((_, i) => String.fromCharCode(0xff66 + i));
const TO_HALF = new Map(HALF_KATAKANA.map((h) => [h.normalize('NFKC'), h] as const));
const toHalfKatakana = (s: string): string => [...s].map((c) => TO_HALF.get(c) ?? c).join('');
const toHiragana = (s: string): string => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

describe('normalizeText (property)', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('holds only letters, digits and single spaces: no control, format or line-breaking character survives', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const out = normalizeText(s);
        expect(out).toMatch(/^(?:[\p{L}\p{N}\p{M}]+(?: [\p{L}\p{N}\p{M}]+)*)?$/u);
        expect(out).not.toMatch(CONTROL_OR_FORMAT);
      }),
      { numRuns: 3000 },
    );
  });

  it('is bounded: at most twice what NFKC makes of the input (a space at a script change, "cant" → "can not")', () => {
    fc.assert(
      fc.property(messy, (s) => {
        // The widest NFKC expansion is 18 characters (U+FDFA), so also at most 36 × the input.
        expect(normalizeText(s).length).toBeLessThanOrEqual(2 * s.normalize('NFKC').length);
      }),
      { numRuns: 2000 },
    );
  });

  it('full-width ASCII from an IME reads the same as half-width', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcxyzABC0123456789 .:-_@/()'.split(''), 'cannot', 'login', 'password', '0x800ccc0e', '5.7.139'), maxLength: 30 }), (s) => {
        expect(normalizeText(toFullWidth(s))).toBe(normalizeText(s));
        expect(extractCodes(toFullWidth(s))).toEqual(extractCodes(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('half-width katakana and hiragana read the same as full-width katakana', () => {
    const katakana = fc.string({ unit: fc.constantFrom(...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴパピプペポッャュョー'.split('')), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(katakana, (s) => {
        expect(normalizeText(toHalfKatakana(s))).toBe(normalizeText(s));
        expect(normalizeText(toHiragana(s))).toBe(normalizeText(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('trigrams are at most the length of the text plus two, each three characters', () => {
    fc.assert(
      fc.property(messy, (s) => {
        const n = normalizeText(s);
        const g = trigrams(n);
        expect(g.size).toBeLessThanOrEqual(n.length + 2);
        for (const x of g) expect(x).toHaveLength(3);
      }),
      { numRuns: 400 },
    );
  });
});

describe('lookupError (property)', () => {
  it('answers anything with a bounded result and no control character in any text it shows', () => {
    fc.assert(
      fc.property(messy, fc.constantFrom('ja', 'en') as fc.Arbitrary<'ja' | 'en'>, (s, lang) => {
        const r = lookupError(s, lang);
        expect(r.matches.length).toBeLessThanOrEqual(6);
        for (const m of r.matches) {
          expect(m.text.length).toBeLessThanOrEqual(1000);
          for (const shown of [m.text, m.meaning, m.platform, ...(m.firstChecks ?? [])]) expect(shown).not.toMatch(CONTROL_OR_FORMAT);
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a megabyte of input is cut before it is scored (the answer is the one for its first 5000 characters)', () => {
    const head = 'パスワードが正しくありません '.repeat(400).slice(0, 5000);
    const huge = head + 'x'.repeat(1024 * 1024);
    expect(lookupError(huge, 'ja')).toEqual(lookupError(head, 'ja'));
  });
});
