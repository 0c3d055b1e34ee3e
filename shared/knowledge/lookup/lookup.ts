/**
 * Error-message lookup: turns what the customer reads off the
 * screen into ranked causes. Pure: runs in the renderer, main and the CLI.
 *
 * How a match is scored (0..1):
 * - Codes first. An Outlook HRESULT (0x800CCC0E, with or without 0x, any case,
 *   full-width) or an enhanced SMTP status (5.7.139) names the message on its
 *   own, so an entry sharing one scores ≥ CODE_HIT_SCORE whatever the words.
 * - The engine's own classifier first: a raw server reply (-ERR …, 535 …, a1 NO …)
 *   or a Node/OpenSSL error string is classified exactly as the probes would
 *   (shared/findings/classify-text.ts) and that finding leads.
 * - Words second: IDF-weighted character trigrams of the normalised texts
 *   (normalize.ts). `q` = how much of the query the entry explains, `e` = how
 *   much of the entry appears in the query; trigrams make small typos and
 *   partial sentences cost a little instead of everything, and IDF keeps
 *   common fragments ("server", "サーバ") from making garbage look familiar.
 * - Ties: direction words (送信, outgoing, SMTP, port 587) favour the SMTP
 *   wordings; words naming one certificate problem (期限, self-signed) put that
 *   finding first; a host name or address of a catalog provider adds that
 *   provider's own checks instead of the generic password hints.
 * The answer is in `lang`, or in the language the text is written in.
 */
import type { FindingCode } from '../../findings/codes';
import type { Lang } from '../../models/device';
import type { LookupMatch, LookupResult, LookupStage } from '../../models/lookup';
import { classifyErrorText } from '../../findings/classify-text';
import type { Localized } from '../../models/device';
import { providerForHost } from '../providers/catalog';
import type { ProviderEntry } from '../providers/catalog-types';
import { ERROR_KIND_INFO, GENERIC_CHECKS, SHARED_CHECKS, findingKind, type ErrorKind } from './error-kinds';
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
/** Added to SMTP wordings when the text says it is about sending: enough to win a near-tie, not to beat a clearly better match. */
const DIRECTION_BONUS = 0.08;
/** Score of a match made by the engine's classifier: above every word match, as certain as a shared code. */
const CLASSIFIER_SCORE = 0.97;
/** A host name is at most 253 characters (RFC 1035), an address 320: longer tokens are not names. */
const MAX_HOST_TOKEN = 320;
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
  /** An outgoing-server (SMTP) wording: favoured when the text says it is about sending. */
  smtp: boolean;
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
    const smtp = SMTP_KINDS.has(r.kind) || SMTP_WORDS.test(r.text.normalize('NFKC'));
    return { ...r, grams, weight: sumIdf(grams, idf, 0), hex: codes.hex, enhanced: codes.enhanced, smtp };
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

/** The language a text is written in: any kana or kanji makes it Japanese. */
export function textLang(text: string): Lang {
  return /[\u3040-\u30FF\u4E00-\u9FFF\uFF66-\uFF9F]/u.test(text) ? 'ja' : 'en';
}

/** Like textLang, but undefined for a text with no words at all ("535 5.7.139", "0x800CCC0E"). */
export function writtenLang(text: string): Lang | undefined {
  if (textLang(text) === 'ja') return 'ja';
  const words = text.normalize('NFKC').replace(/0x[0-9a-f]+|\b[0-9a-f]*\d[0-9a-f]*\b/gi, ' ');
  return /[a-z]{3,}/i.test(words) ? 'en' : undefined;
}

const SMTP_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['send-generic', 'smtp-connect-failed', 'smtp-auth-failed', 'smtp-auth-required', 'smtp-auth-disabled', 'relay', 'sender-rejected', 'smtp-error-generic']);
/** Words that say the failure is on the sending side. */
const SMTP_WORDS = /送信|smtp|outgoing|\bsend(ing)?\b|submission|(ポート|port)\s*(25|587|465)(?!\d)|:(25|587|465)(?!\d)|25\s*番/i;

/** Words naming one certificate (or port) problem: that finding goes first among a match's candidates. First hit wins. */
const CODE_HINTS: ReadonlyArray<[RegExp, FindingCode]> = [
  [/期限|有効期間|expired|expiry/i, 'TLS_CERT_EXPIRED'],
  [/まだ有効で(は)?ない|not yet valid/i, 'TLS_CERT_NOT_YET_VALID'],
  [/自己署名|self[- ]?signed/i, 'TLS_CERT_SELF_SIGNED'],
  [/信頼され(て)?(い)?ない|信頼できない|発行元|not trusted|untrusted|unknown (ca|issuer)/i, 'TLS_CERT_UNTRUSTED'],
  [/op25b|(ポート|port)\s*25(?!\d)|25\s*番|:25(?!\d)/i, 'PORT25_BLOCKED'],
];

/** Kinds whose checks are about the password or user name: a known provider's own rules replace the generic hints. */
const AUTH_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['auth-failed', 'auth-or-settings', 'username-wrong', 'pop-err', 'smtp-auth-failed', 'app-password', 'web-login-required', 'outlook-account-auth', 'ms-auth-failed', 'password-expired']);

/** A catalog provider named in the text by a host name (imap.mail.yahoo.co.jp) or an address (taro@ocn.ne.jp). */
export function providerInText(text: string): ProviderEntry | undefined {
  // Split first, then test each short token: one pattern over a 5000-character run would backtrack for seconds.
  for (const token of text.normalize('NFKC').toLowerCase().split(/[^a-z0-9.@_%+-]+/)) {
    if (token.length < 4 || token.length > MAX_HOST_TOKEN) continue;
    const host = token.slice(token.lastIndexOf('@') + 1).replace(/^\.+|\.+$/g, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(host)) continue;
    const p = providerForHost(host);
    if (p) return p;
  }
  return undefined;
}

function providerChecks(p: ProviderEntry, kind: ErrorKind, smtp: boolean): Localized[] {
  const out: Localized[] = [];
  if (AUTH_KINDS.has(kind)) {
    if (p.authNote) out.push(p.authNote);
    if (p.usernameNote) out.push(p.usernameNote);
    for (const r of p.restrictions) if (r.kind === 'imap-must-be-enabled') out.push(r.text);
    if (p.passwordHelp) out.push(p.passwordHelp.text);
  }
  if (smtp && (kind === 'smtp-connect-failed' || kind === 'timeout' || kind === 'send-generic' || kind === 'connect-failed' || kind === 'conn-refused')) {
    for (const r of p.restrictions) if (r.kind === 'op25b') out.push(r.text);
  }
  return out;
}

const GRADE_RANK = { A: 0, B: 1, C: 2, U: 3 } as const;

export function lookupError(text: string, lang?: Lang): LookupResult {
  const genericChecks = GENERIC_CHECKS;
  const input = (typeof text === 'string' ? text : '').slice(0, MAX_INPUT_CHARS);
  if (!input.trim()) return { recognised: false, matches: [], genericChecks };
  const ix = (index ??= buildIndex());
  const qLang = textLang(input);
  const outLang = lang ?? qLang;

  const codes = extractCodes(input);
  const queryGrams = trigrams(normalizeText(input));
  const queryWeight = sumIdf(queryGrams, ix.idf, ix.unseenIdf);
  const sending = SMTP_WORDS.test(input.normalize('NFKC'));
  const provider = providerInText(input);
  const hint = CODE_HINTS.find(([re]) => re.test(input.normalize('NFKC')))?.[1];
  const classified = classifyErrorText(input);

  const scored = ix.entries.map((e) => {
    let score = textScore(queryGrams, queryWeight, e, ix) * Math.min(1, queryWeight / MIN_QUERY_WEIGHT);
    const codeHit = e.hex.some((h) => codes.hex.includes(h)) || e.enhanced.some((c) => codes.enhanced.includes(c));
    if (codeHit) score = CODE_HIT_SCORE + (1 - CODE_HIT_SCORE) * score;
    else if (codes.hex.length > 0 && e.hex.length > 0) score *= 0.7; // text of a *different* Outlook code
    if (sending && e.smtp && score > 0) score = Math.min(1, score + DIRECTION_BONUS);
    return { e, score };
  });

  scored.sort(
    (a, b) =>
      b.score - a.score ||
      // A title alone ("Cannot Get Mail") says less than the body shown under it: at the same score
      // the wording whose stage is known leads.
      Number(a.e.stage === 'unknown') - Number(b.e.stage === 'unknown') ||
      Number(b.e.lang === qLang) - Number(a.e.lang === qLang) ||
      GRADE_RANK[a.e.grade] - GRADE_RANK[b.e.grade] ||
      Number(b.e.ref >= 0) - Number(a.e.ref >= 0),
  );

  const finish = (matches: LookupMatch[]): LookupResult => ({ recognised: true, matches, genericChecks, ...(provider ? { providerId: provider.id } : {}) });
  const ctx: MatchContext = { lang: outLang, hint, provider, sending };
  const first: LookupMatch[] = classified ? [classifierMatch(classified.code, classified.kind, input, ctx)] : [];

  const best = scored[0]?.score ?? 0;
  const unrecognised = (): LookupResult => (first.length ? finish(first) : { recognised: false, matches: [], genericChecks });
  if (best < RECOGNISED_MIN_SCORE) return unrecognised();
  if (best < UNAMBIGUOUS_SCORE) {
    const stages = new Set(scored.filter((x) => x.score >= best * CONTENDER_SHARE).map((x) => x.e.stage));
    if (stages.size >= AMBIGUOUS_STAGES) return unrecognised();
  }

  // The classifier's catch-all (a refusal it has no special rule for = AUTH_FAILED) does not outrank
  // a wording that shares an exact status code with the text: "535 5.7.139" alone has several meanings.
  const weak = classified?.code === 'AUTH_FAILED' && best >= CODE_HIT_SCORE;
  const matches: LookupMatch[] = weak ? [] : [...first];
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
    const m = toMatch(e, score, ctx);
    byText.set(key, m);
    matches.push(m);
  }
  if (weak && matches.length < MAX_MATCHES) matches.push(...first);
  return finish(matches);
}

interface MatchContext {
  lang: Lang;
  hint: FindingCode | undefined;
  provider: ProviderEntry | undefined;
  sending: boolean;
}

function checksFor(kind: ErrorKind, ctx: MatchContext): string[] {
  const own = ctx.provider ? providerChecks(ctx.provider, kind, ctx.sending) : [];
  // A provider's own password rules replace the generic "which special password" hint.
  const generic = ERROR_KIND_INFO[kind].checks.filter((c) => !(own.length && c === SHARED_CHECKS.appPassword));
  return [...own, ...generic].map((c) => c[ctx.lang]);
}

function orderedCodes(kind: ErrorKind, ctx: MatchContext, lead?: FindingCode): FindingCode[] {
  const codes: FindingCode[] = [...ERROR_KIND_INFO[kind].codes];
  const top = lead ?? (ctx.hint && codes.includes(ctx.hint) ? ctx.hint : undefined);
  return top ? [top, ...codes.filter((c) => c !== top)] : codes;
}

function toMatch(e: IndexedEntry, score: number, ctx: MatchContext): LookupMatch {
  return {
    platform: e.platform,
    stage: e.stage,
    codes: orderedCodes(e.kind, ctx),
    text: e.text,
    score: Math.round(Math.min(1, score) * 1000) / 1000,
    grade: e.grade,
    meaning: ERROR_KIND_INFO[e.kind].meaning[ctx.lang],
    firstChecks: checksFor(e.kind, ctx),
  };
}

/** Where a classifier match's finding belongs in the lookup's stages. */
function stageOf(code: FindingCode): LookupStage {
  if (code.startsWith('DNS_')) return 'dns';
  if (code.startsWith('TCP_') || code === 'PORT25_BLOCKED') return 'tcp';
  if (code.startsWith('TLS_') || code === 'AUTH_PLAINTEXT_DISABLED') return 'tls';
  if (code.startsWith('SERVER_')) return 'server';
  if (code.startsWith('SMTP_') || code === 'MAILBOX_OVER_QUOTA') return 'smtp-policy';
  return 'auth';
}

export const CLASSIFIER_PLATFORMS = {
  'server-reply': 'Server reply (classified as the diagnosis does)',
  'node-error': 'Node.js / OpenSSL error (classified as the diagnosis does)',
} as const;

function classifierMatch(code: FindingCode, kind: keyof typeof CLASSIFIER_PLATFORMS, input: string, ctx: MatchContext): LookupMatch {
  const k = findingKind(code);
  return {
    platform: CLASSIFIER_PLATFORMS[kind],
    stage: stageOf(code),
    codes: orderedCodes(k, ctx, code),
    // The customer's own text, first line only (any line break, U+2028/U+2029 too), without control or format characters.
    text: input.split(/\r\n|[\n\r\u2028\u2029\u0085]/)[0]!.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ').trim().slice(0, 300),
    score: CLASSIFIER_SCORE,
    grade: 'A',
    meaning: ERROR_KIND_INFO[k].meaning[ctx.lang],
    firstChecks: checksFor(k, ctx),
  };
}

/** The reference index number of a matched text (for tests and the CLI's --json). */
export function referenceIndexOf(text: string): number {
  return ERROR_REFERENCES.find((r) => r.text === text)?.ref ?? -1;
}
