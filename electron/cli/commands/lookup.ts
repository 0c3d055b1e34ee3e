/**
 * `mail-doctor lookup "<text>" [--json] [--lang ja|en]`
 *
 * Looks up an error message the customer reads off the screen. Several words
 * without quotes are joined (`lookup 535 5.7.139`); "-" reads the text from
 * stdin (pasted logs). --json prints `{ recognised, matches: [{ platform,
 * stage, codes, text, score, grade, meaning, firstChecks }], genericChecks }`
 * — a public contract: fields are only ever added. Exit 0 whether or not the
 * text was recognised (an unknown message is an answer, not an error); 2 on
 * a usage error. Without --lang the answer is in the language the text is
 * written in (Japanese text → Japanese answer; a bare code follows LANG); `providerId` is added when the
 * text names a catalog provider's host or address. --help prints the usage on stdout with exit 0. A word with one
 * leading dash is text (`lookup -ERR Authentication failed`), `--` ends the flags.
 */
import { CLI_JSON_SCHEMA_VERSION, type LookupJson } from '../../../shared/models/cli-json';
import { findingTitle } from '../../../shared/knowledge/findings/finding-title';
import { lookupError, writtenLang } from '../../../shared/knowledge/lookup/lookup';
import type { Lang } from '../../../shared/models/device';
import type { LookupResult, LookupStage } from '../../../shared/models/lookup';
import { assertNever } from '../../../shared/result';
import { EXIT_OK, EXIT_USAGE, type CliCommand } from '../command';
import { langFromEnv } from '../lang';
import { parseFlags, type FlagSpec } from '../parse-flags';

/** Same cap as the IPC schema (LookupRequest.text). */
const MAX_TEXT = 5000;

const LOOKUP_FLAGS = { json: { type: 'boolean' } } as const satisfies FlagSpec;

const USAGE: Record<Lang, string> = {
  ja: '使い方: mail-doctor lookup "<エラーメッセージ>" [--json] [--lang ja|en]   （"-" で標準入力から読みます）',
  en: 'Usage: mail-doctor lookup "<error text>" [--json] [--lang ja|en]   ("-" reads the text from stdin)',
};

export const run: CliCommand = async (args, io) => {
  const f = parseFlags(args, LOOKUP_FLAGS, langFromEnv(io.env), { dashWords: true });
  const lang = f.lang;
  if (f.help) {
    io.stdout(`${USAGE[lang]}\n`);
    return EXIT_OK;
  }
  const usage = (msg?: { ja: string; en: string }) => {
    if (msg) io.stderr(`${msg[lang]}\n`);
    io.stderr(`${USAGE[lang]}\n`);
    return EXIT_USAGE;
  };
  if (f.error) return usage(f.error);
  const json = f.values.json === true;
  const words = f.positionals;
  let text = words.join(' ');
  if (text === '-') text = await io.readStdin();
  if (!text.trim()) return usage({ ja: '調べるエラーメッセージを指定してください', en: 'Please give the error text to look up' });
  if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);

  // The answer is in the language of the text unless --lang asked for one (a bare code has none: LANG decides).
  const answerLang = f.seen.has('lang') ? lang : (writtenLang(text) ?? lang);
  const result = lookupError(text, answerLang);
  io.stdout(json ? `${JSON.stringify(toJson(result, answerLang), null, 2)}\n` : formatHuman(result, answerLang));
  return EXIT_OK;
};

function toJson(r: LookupResult, lang: Lang): LookupJson {
  return {
    schemaVersion: CLI_JSON_SCHEMA_VERSION,
    recognised: r.recognised,
    matches: r.matches.map((m) => ({
      platform: m.platform,
      stage: m.stage,
      codes: m.codes,
      text: m.text,
      score: m.score,
      grade: m.grade,
      meaning: m.meaning,
      firstChecks: m.firstChecks,
    })),
    genericChecks: (r.genericChecks ?? []).map((c) => c[lang]),
    ...(r.providerId ? { providerId: r.providerId } : {}),
  };
}

function stageLabel(s: LookupStage, lang: Lang): string {
  const ja = lang === 'ja';
  switch (s) {
    case 'dns': return ja ? '名前解決 (DNS)' : 'name lookup (DNS)';
    case 'tcp': return ja ? '接続 (TCP)' : 'connection (TCP)';
    case 'tls': return ja ? '暗号化 (TLS)' : 'encryption (TLS)';
    case 'auth': return ja ? 'ログイン（認証）' : 'login (authentication)';
    case 'server': return ja ? 'サーバー側' : 'server side';
    case 'smtp-policy': return ja ? '送信ポリシー' : 'sending policy';
    case 'config': return ja ? 'アプリの設定' : 'app settings';
    case 'unknown': return ja ? '段階不明（見出しのみ）' : 'stage unknown (title only)';
    default: return assertNever(s, 'lookup stage');
  }
}

function gradeNote(g: string | undefined, lang: Lang): string {
  if (!g) return '';
  if (g === 'U') return lang === 'ja' ? '、文言は未確認' : ', wording unconfirmed';
  return lang === 'ja' ? `、確度 ${g}` : `, grade ${g}`;
}

function formatHuman(r: LookupResult, lang: Lang): string {
  const ja = lang === 'ja';
  const lines: string[] = [];
  if (!r.recognised) {
    lines.push(ja ? 'このメッセージは見つかりませんでした。まず次を確認してください:' : 'This message was not recognised. Check these first:');
    for (const c of r.genericChecks ?? []) lines.push(`  - ${c[lang]}`);
    return lines.join('\n') + '\n';
  }
  lines.push(ja ? `候補 ${r.matches.length} 件（一致度の高い順）:` : `${r.matches.length} candidate(s), best first:`);
  r.matches.forEach((m, i) => {
    lines.push('');
    const pct = Math.round(m.score * 100);
    lines.push(`${i + 1}. [${stageLabel(m.stage, lang)}] ${m.platform} — ${ja ? `一致度 ${pct}%${gradeNote(m.grade, lang)}` : `match ${pct}%${gradeNote(m.grade, lang)}`}`);
    lines.push(`   ${ja ? '「' : '"'}${m.text.replace(/\\n/g, ' ').slice(0, 160)}${m.text.length > 160 ? '…' : ''}${ja ? '」' : '"'}`);
    if (m.meaning) lines.push(`   ${ja ? '意味' : 'Meaning'}: ${m.meaning}`);
    if (m.codes.length) lines.push(`   ${ja ? '考えられる原因' : 'Likely causes'}: ${m.codes.slice(0, 3).map((c) => (ja ? `${c}（${findingTitle(c, lang)}）` : `${c} (${findingTitle(c, lang)})`)).join(ja ? '、' : ', ')}`);
    if (m.firstChecks?.length && i === 0) {
      lines.push(`   ${ja ? 'まず確認' : 'Check first'}:`);
      for (const c of m.firstChecks) lines.push(`     - ${c}`);
    }
  });
  return lines.join('\n') + '\n';
}
