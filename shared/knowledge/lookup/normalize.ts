/**
 * Text normalisation for error-message lookup.
 *
 * Helpdesk staff type what a customer reads aloud or paste half a screenshot:
 * full-width digits (０ｘ８００ＣＣＣ０Ｅ), half-width katakana, サーバ vs サーバー
 * (Apple writes サーバ/ユーザ, guides mix both), iPhone quotes “…”, random
 * spacing between Japanese words. Both the reference texts and the query go
 * through the same function so these differences vanish before matching.
 * Pure: no node:*, no DOM.
 */

const KATAKANA = '\u30A0-\u30FF';
/** Long-vowel marks and the dashes people type in their place after katakana. */
const LONG_VOWEL_AFTER_KATAKANA = new RegExp(`([${KATAKANA}])[ー\\-‐‑–—―−－ｰ〜~]+`, 'gu');
/** Characters of scripts written without spaces (kana, kanji). */
const CJK = '\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'gu');
/** Script changes become one space, so "送信(SMTP)サーバー" and "送信 SMTP サーバー" read the same. */
const CJK_THEN_OTHER = new RegExp(`(?<=[${CJK}])(?=[^${CJK} ])`, 'gu');
const OTHER_THEN_CJK = new RegExp(`(?<=[^${CJK} ])(?=[${CJK}])`, 'gu');

/** Spellings that mean the same as the ones the references use (after NFKC + lower-case). */
const WORD_VARIANTS: ReadonlyArray<[RegExp, string]> = [
  [/出来/gu, 'でき'],
  [/間違/gu, 'まちが'],
  [/違/gu, 'ちが'],
  [/e-mail/gu, 'email'],
  [/cannot/gu, 'can not'],
  [/can't/gu, 'can not'],
  [/couldn't/gu, 'could not'],
  [/can’t/gu, 'can not'],
  [/couldn’t/gu, 'could not'],
  [/couldnt/gu, 'could not'],
  [/\bcant\b/gu, 'can not'],
  // Typos heard on the phone and typed in a hurry.
  [/conection/gu, 'connection'],
  [/a(u)?thentification|autentication|athentication|authentcation/gu, 'authentication'],
  [/pass?wrod|pasword/gu, 'password'],
  // Synonyms: one spelling each, so either wording finds the other.
  [/\blog ?on\b|\blogin\b|\bsign ?in\b/gu, 'log in'],
  [/ログオン|サインイン/gu, 'ログイン'],
  [/リレー/gu, '中継'],
  [/見れな|見えな/gu, '見られな'],
  [/繋が/gu, 'つなが'],
  [/何回も/gu, '何度も'],
  [/できませんでした/gu, 'できません'],
  [/応答がありません|応答しない|応答がない|反応しません|反応がない|返事がない/gu, '応答しません'],
  [/does not respond(ing)?|is not responding|isn't responding|isn’t responding|no response|not answering/gu, 'not responding'],
  // What the caller adds around the quote: "…って出る", "…と表示される", "iPhone で…".
  [/(って|と)(出|で)(る|ます|てます|てる|ました|てきます)|と表示(される|されます|されました)?|と言われ(た|ました)|と返ってくる|と(出|で)て(い)?(る|ます)/gu, ' '],
  [/(新しい\s*)?(iphone|ipad|mac|outlook|thunderbird|gmail|android|galaxy|スマホ|パソコン)(\s*アプリ)?\s*で(は)?/gu, ' '],
];

/** Removes reference placeholders such as <server>, “<name>”, %S, %1$S, … */
export function stripPlaceholders(s: string): string {
  return s
    .replace(/\\n/g, ' ')
    .replace(/<[^<>]{0,40}>/g, ' ')
    .replace(/%(\d\$)?[sS]/g, ' ')
    .replace(/[…]/g, ' ');
}

/**
 * Parts of a message that name this customer's things, not the error:
 * iOS puts the server or account name in “…”, people paste addresses, host
 * names, URLs and IP addresses. They would only dilute the match.
 */
const USER_SPECIFIC: readonly RegExp[] = [
  /“[^”]{0,100}”/gu,
  /"[^"\s]{1,64}"/gu,
  /https?:\/\/\S+/gu,
  /\S+@\S+/gu,
  /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/gu,
  /\b(?=[a-z0-9-]*[a-z])[a-z0-9-]+(?:\.[a-z0-9-]+){2,}\b/gu,
];

/**
 * One rewrite can make another match ("sign iniPhone で" is "sign in" only once "iPhone で" is
 * gone; hiragana ろぐおん becomes the katakana a variant knows after the variants ran), so the
 * passes repeat until nothing changes (normalize.property.test.ts checks idempotence). The cap
 * only guards against a future variant that undoes another and would loop.
 */
const MAX_PASSES = 6;

/** Canonical form for fuzzy comparison. Idempotent (property-tested). */
export function normalizeText(input: string): string {
  let s = normalizeOnce(input);
  for (let i = 1; i < MAX_PASSES; i++) {
    const next = normalizeOnce(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

function normalizeOnce(input: string): string {
  let s = input.normalize('NFKC').toLowerCase();
  for (const re of USER_SPECIFIC) s = s.replace(re, ' ');
  for (const [re, to] of WORD_VARIANTS) s = s.replace(re, to);
  // Un-converted IME input ("ぱすわーど") reads as katakana; kana in the references gets the same treatment.
  s = s.replace(/[\u3041-\u3096]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
  s = s.replace(LONG_VOWEL_AFTER_KATAKANA, '$1').replace(/ー/g, '');
  // Everything that is not a letter or a digit separates words; quotes of every
  // kind (“…” ‘…’ 「…」) go with it.
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  s = s.replace(CJK_THEN_OTHER, ' ').replace(OTHER_THEN_CJK, ' ');
  s = s.replace(/ +/g, ' ').trim();
  return s.replace(SPACE_BETWEEN_CJK, '');
}

/** Codes that identify a message on their own. */
export interface ExtractedCodes {
  /** Outlook HRESULTs, lower-case with 0x: "0x800ccc0e". */
  hex: string[];
  /** RFC 3463 enhanced status codes: "5.7.139". */
  enhanced: string[];
  /** Three-digit SMTP replies seen next to an enhanced code or at the start: "535". */
  reply: string[];
}

const HEX_WITH_PREFIX = /0\s?[x×]\s?([0-9a-fo]{8})(?![0-9a-z])/g;
const HEX_BARE = /(?<![0-9a-z])(8[0-9a-f]{7})(?![0-9a-z])/g;
const ENHANCED = /(?<![0-9.])([245])\.(\d{1,3})\.(\d{1,3})(?![0-9])/g;
const REPLY = /(?<![0-9.])([245]\d\d)(?=[ -][245]\.\d)|^([245]\d\d)(?=[ -])/g;

export function extractCodes(input: string): ExtractedCodes {
  const s = input.normalize('NFKC').toLowerCase();
  const hex = new Set<string>();
  // A letter O typed for a zero is common when codes are read aloud: "0x800CCCOE".
  for (const m of s.matchAll(HEX_WITH_PREFIX)) {
    const digits = m[1]!.replace(/o/g, '0');
    if (/^8[0-9a-f]{7}$/.test(digits)) hex.add('0x' + digits);
  }
  for (const m of s.matchAll(HEX_BARE)) hex.add('0x' + m[1]!);
  const enhanced = new Set<string>();
  for (const m of s.matchAll(ENHANCED)) enhanced.add(`${m[1]}.${Number(m[2])}.${Number(m[3])}`);
  const reply = new Set<string>();
  for (const m of s.trim().matchAll(REPLY)) reply.add((m[1] ?? m[2])!);
  return { hex: [...hex], enhanced: [...enhanced], reply: [...reply] };
}

/** Character trigrams of a normalised string (a space pads word edges). */
export function trigrams(normalized: string): Set<string> {
  const grams = new Set<string>();
  const s = ` ${normalized} `;
  for (let i = 0; i + 3 <= s.length; i++) {
    const g = s.slice(i, i + 3);
    if (g.trim().length >= 2) grams.add(g);
  }
  return grams;
}
