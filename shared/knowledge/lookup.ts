/**
 * Error-message lookup: turns what the customer reads off the
 * screen into ranked causes. Pure: runs in the renderer, main and the CLI.
 *
 * How a match is scored (0..1):
 * - Codes first. An Outlook HRESULT (0x800CCC0E, with or without 0x, any case,
 *   full-width) or an enhanced SMTP status (5.7.139) names the message on its
 *   own, so an entry sharing one scores ≥ CODE_HIT_SCORE whatever the words.
 * - Words second: IDF-weighted character trigrams of the normalised texts
 *   (normalize.ts). `q` = how much of the query the entry explains, `e` = how
 *   much of the entry appears in the query; trigrams make small typos and
 *   partial sentences cost a little instead of everything, and IDF keeps
 *   common fragments ("server", "サーバ") from making garbage look familiar.
 */
import type { FindingCode } from '../findings/codes';
import type { Lang } from '../models/device';
import type { LookupMatch, LookupResult, LookupStage } from '../models/lookup';
import { ERROR_KIND_INFO, GENERIC_CHECKS, type ErrorKind } from './error-kinds';
import { ERROR_PHRASES, PHRASE_PLATFORM } from './error-phrases';
import { ERROR_REFERENCES } from './error-references';
import { extractCodes, normalizeText, stripPlaceholders, trigrams } from './normalize';

/** Below this the best match is not trusted: `recognised: false` (calibrated in lookup.test.ts). */
export const RECOGNISED_MIN_SCORE = 0.5;
/** Score floor for a sharing-a-code match; words only reorder such matches. */
const CODE_HIT_SCORE = 0.9;
/** How many matches to return; more only buries the answer. */
const MAX_MATCHES = 5;
/** Other matches must reach this share of the best score to be listed. */
const RELATIVE_CUTOFF = 0.6;
/**
 * A best score under this must come with agreement: when the near-best
 * matches point at AMBIGUOUS_STAGES or more different stages ("server",
 * "please try again"), the text says nothing specific and is not recognised.
 */
const UNAMBIGUOUS_SCORE = 0.9;
const AMBIGUOUS_STAGES = 3;
/** Near-best = within this share of the best score. */
const CONTENDER_SHARE = 0.9;
/** Queries carrying less trigram weight than this (one short common word) are scaled down. */
const MIN_QUERY_WEIGHT = 12;
/** Longer input is cut (the IPC schema caps at 5000 too); trigram scoring of 5000 characters takes a few ms. */
const MAX_INPUT_CHARS = 5000;

interface IndexedEntry {
  /** Index into error-messages.json, or -1 for our own phrases. */
  ref: number;
  platform: string;
  lang: 'ja' | 'en';
  text: string;
  stage: LookupStage;
  kind: ErrorKind;
  grade: 'A' | 'B' | 'C' | 'U';
  grams: Set<string>;
  weight: number;
  hex: string[];
  enhanced: string[];
}

interface Index {
  entries: IndexedEntry[];
  idf: Map<string, number>;
  /** Weight of a trigram no entry contains: the rarest possible. */
  unseenIdf: number;
}

let index: Index | undefined;

function buildIndex(): Index {
  const raw = [
    ...ERROR_REFERENCES.map((r) => ({ ref: r.ref, platform: r.platform, lang: r.lang, text: r.text, stage: r.stage, kind: r.kind, grade: r.grade })),
    ...ERROR_PHRASES.map((p) => ({ ref: -1, platform: PHRASE_PLATFORM, lang: p.lang, text: p.text, stage: p.stage, kind: p.kind, grade: 'C' as const })),
  ];
  const gramSets = raw.map((r) => trigrams(normalizeText(stripPlaceholders(r.text))));
  const df = new Map<string, number>();
  for (const set of gramSets) for (const g of set) df.set(g, (df.get(g) ?? 0) + 1);
  const n = raw.length;
  const idf = new Map<string, number>();
  for (const [g, count] of df) idf.set(g, Math.log(1 + n / count));
  const entries = raw.map((r, i) => {
    const grams = gramSets[i]!;
    const codes = extractCodes(r.text);
    return { ...r, grams, weight: sumIdf(grams, idf, 0), hex: codes.hex, enhanced: codes.enhanced };
  });
  return { entries, idf, unseenIdf: Math.log(1 + n) };
}

function sumIdf(grams: Iterable<string>, idf: Map<string, number>, unseen: number): number {
  let w = 0;
  for (const g of grams) w += idf.get(g) ?? unseen;
  return w;
}

function textScore(query: Set<string>, queryWeight: number, e: IndexedEntry, ix: Index): number {
  if (queryWeight === 0 || e.weight === 0) return 0;
  let shared = 0;
  for (const g of query) if (e.grams.has(g)) shared += ix.idf.get(g) ?? 0;
  const q = shared / queryWeight;
  const inQuery = shared / e.weight;
  let s = 0.75 * q + 0.25 * inQuery;
  // A whole reference text inside a longer paste (log line, screenshot text) is a hit too.
  if (inQuery >= 0.85 && e.grams.size >= 6) s = Math.max(s, 0.85 * inQuery);
  return s;
}

/** Detects the language the user typed in, to prefer same-language references on ties. */
function queryLang(text: string): 'ja' | 'en' {
  return /[\u3040-\u30FF\u4E00-\u9FFF]/u.test(text) ? 'ja' : 'en';
}

const GRADE_RANK = { A: 0, B: 1, C: 2, U: 3 } as const;

export function lookupError(text: string, lang: Lang): LookupResult {
  const genericChecks = GENERIC_CHECKS;
  const input = (typeof text === 'string' ? text : '').slice(0, MAX_INPUT_CHARS);
  if (!input.trim()) return { recognised: false, matches: [], genericChecks };
  const ix = (index ??= buildIndex());

  const codes = extractCodes(input);
  const queryGrams = trigrams(normalizeText(input));
  const queryWeight = sumIdf(queryGrams, ix.idf, ix.unseenIdf);
  const qLang = queryLang(input);

  const scored = ix.entries.map((e) => {
    let score = textScore(queryGrams, queryWeight, e, ix) * Math.min(1, queryWeight / MIN_QUERY_WEIGHT);
    const codeHit = e.hex.some((h) => codes.hex.includes(h)) || e.enhanced.some((c) => codes.enhanced.includes(c));
    if (codeHit) score = CODE_HIT_SCORE + (1 - CODE_HIT_SCORE) * score;
    else if (codes.hex.length > 0 && e.hex.length > 0) score *= 0.7; // text of a *different* Outlook code
    return { e, score };
  });

  scored.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.e.lang === qLang) - Number(a.e.lang === qLang) ||
      GRADE_RANK[a.e.grade] - GRADE_RANK[b.e.grade] ||
      Number(b.e.ref >= 0) - Number(a.e.ref >= 0),
  );

  const best = scored[0]?.score ?? 0;
  if (best < RECOGNISED_MIN_SCORE) return { recognised: false, matches: [], genericChecks };
  if (best < UNAMBIGUOUS_SCORE) {
    const stages = new Set(scored.filter((x) => x.score >= best * CONTENDER_SHARE).map((x) => x.e.stage));
    if (stages.size >= AMBIGUOUS_STAGES) return { recognised: false, matches: [], genericChecks };
  }

  const matches: LookupMatch[] = [];
  // The same wording shown by several apps is one match naming all of them.
  const byText = new Map<string, LookupMatch>();
  for (const { e, score } of scored) {
    if (score < Math.max(RECOGNISED_MIN_SCORE, best * RELATIVE_CUTOFF)) break;
    const key = `${e.kind}|${normalizeText(e.text)}`;
    const same = byText.get(key);
    if (same) {
      if (!same.platform.split(' / ').includes(e.platform)) same.platform = `${same.platform} / ${e.platform}`;
      continue;
    }
    if (matches.length >= MAX_MATCHES) continue;
    const m = toMatch(e, score, lang);
    byText.set(key, m);
    matches.push(m);
  }
  return { recognised: true, matches, genericChecks };
}

function toMatch(e: IndexedEntry, score: number, lang: Lang): LookupMatch {
  const info = ERROR_KIND_INFO[e.kind];
  const codes: FindingCode[] = [...info.codes];
  return {
    platform: e.platform,
    stage: e.stage,
    codes,
    text: e.text,
    score: Math.round(Math.min(1, score) * 1000) / 1000,
    grade: e.grade,
    meaning: info.meaning[lang],
    firstChecks: info.checks.map((c) => c[lang]),
  };
}

/** The reference index number of a matched text (for tests and the CLI's --json). */
export function referenceIndexOf(text: string): number {
  return ERROR_REFERENCES.find((r) => r.text === text)?.ref ?? -1;
}
