/**
 * `mail-doctor discover <email> [--json] [--dns-server HOST[:PORT]] [--lang ja|en] [--offline]`
 *
 * Prints the settings autodiscovery found for an address and where each came
 * from. --json prints the DiscoveryResult unchanged (a public contract: fields
 * are only ever added). Exit 0 on an answer (and for --help, on stdout), 2 on a
 * usage or input error.
 */
import { withSchemaVersion } from '../../../shared/models/cli-json';
import { addressProblemText, isAddressProblem } from '../../../shared/knowledge/providers/idn';
import { getProvider } from '../../../shared/knowledge/providers/catalog';
import type { Lang } from '../../../shared/models/device';
import type { DiscoveryCandidate, DiscoveryResult, DiscoverySource, Trust } from '../../../shared/models/discovery';
import type { Security } from '../../../shared/models/account';
import { AppFailure, assertNever } from '../../../shared/result';
import { safeOneLine } from '../../../shared/security/server-text';
import { t } from '../../../shared/i18n/messages';
import { discover, type DiscoverDeps } from '../../probes/discovery/discover';
import { EXIT_OK, EXIT_USAGE, type CliCommand } from '../command';
import { langFromEnv } from '../lang';
import { parseFlags, type FlagSpec } from '../parse-flags';
import { displayWidth } from '../../../shared/i18n/display-width';

export { langFromEnv };

const USAGE: Record<Lang, string> = {
  ja: '使い方: mail-doctor discover <メールアドレス> [--json] [--dns-server HOST[:PORT]] [--lang ja|en] [--offline]',
  en: 'Usage: mail-doctor discover <email> [--json] [--dns-server HOST[:PORT]] [--lang ja|en] [--offline]',
};

const DISCOVER_FLAGS = {
  json: { type: 'boolean' },
  offline: { type: 'boolean' },
  'dns-server': { type: 'string' },
} as const satisfies FlagSpec;

export function makeDiscoverCommand(deps?: DiscoverDeps): CliCommand {
  return async (args, io) => {
    const f = parseFlags(args, DISCOVER_FLAGS, langFromEnv(io.env));
    if (f.help) {
      io.stdout(`${USAGE[f.lang]}\n`);
      return EXIT_OK;
    }
    const error =
      f.error ??
      (f.positionals.length === 0
        ? { ja: 'メールアドレスを指定してください', en: 'Please give an e-mail address' }
        : f.positionals.length > 1
          ? { ja: 'メールアドレスは1つだけ指定してください', en: 'Give exactly one e-mail address' }
          : undefined);
    if (error) {
      io.stderr(`${safeOneLine(error[f.lang])}\n${USAGE[f.lang]}\n`);
      return EXIT_USAGE;
    }
    const p = { email: f.positionals[0]!, lang: f.lang, json: f.values.json === true, offline: f.values.offline === true, dnsServer: f.values['dns-server'] };
    let result: DiscoveryResult;
    try {
      result = await discover({ email: p.email, ...(p.dnsServer ? { dnsServer: p.dnsServer } : {}), ...(p.offline ? { offline: true } : {}) }, deps);
    } catch (e) {
      if (e instanceof AppFailure && e.code === 'E_BAD_REQUEST') {
        const reason = e.details?.reason;
        const msg = isAddressProblem(reason)
          ? addressProblemText(reason, p.lang)
          : e.details?.field === 'dnsServer'
            ? p.lang === 'ja'
              ? `DNS サーバーは IP アドレス（HOST[:PORT]）で指定してください: ${p.dnsServer}`
              : `The DNS server must be an IP address (HOST[:PORT]): ${p.dnsServer}`
            : e.message;
        io.stderr(`${p.lang === 'ja' ? 'エラー' : 'Error'}: ${safeOneLine(msg)}\n`);
        if (!isAddressProblem(reason) && e.details?.field !== 'dnsServer') io.stderr(`${USAGE[p.lang]}\n`);
        return EXIT_USAGE;
      }
      throw e;
    }
    io.stdout(p.json ? `${JSON.stringify(withSchemaVersion(result), null, 2)}\n` : formatHuman(result, p.lang));
    return EXIT_OK;
  };
}

export const run: CliCommand = makeDiscoverCommand();

/** The same words the app shows for where a server came from (one text, shared/i18n). */
function sourceLabel(s: DiscoverySource, lang: Lang): string {
  return t(lang, `source.${s}`);
}

function trustLabel(t: Trust, lang: Lang): string {
  const ja = lang === 'ja';
  switch (t) {
    case 'trusted': return ja ? '信頼できる' : 'trusted';
    case 'untrusted': return ja ? '未検証（要確認）' : 'untrusted (check it)';
    case 'unconfirmed': return ja ? '推測・未確認' : 'guess, unconfirmed';
    default: return assertNever(t, 'trust');
  }
}

function securityLabel(s: Security, lang: Lang): string {
  switch (s) {
    case 'tls': return 'SSL/TLS';
    case 'starttls': return 'STARTTLS';
    case 'none': return lang === 'ja' ? '暗号化なし' : 'none';
    default: return assertNever(s, 'security');
  }
}

function gradeLabel(c: DiscoveryCandidate, lang: Lang): string {
  if (!c.grade) return '';
  if (c.grade === 'U') return lang === 'ja' ? '、確度: 未確認' : ', grade: unconfirmed';
  return lang === 'ja' ? `、確度 ${c.grade}` : `, grade ${c.grade}`;
}

function formatHuman(r: DiscoveryResult, lang: Lang): string {
  const ja = lang === 'ja';
  const lines: string[] = [];
  const domain = r.domain === r.asciiDomain ? r.domain : `${r.domain} = ${r.asciiDomain}`;
  // The address is the user's and the autoconfig document's hosts are a stranger's: both shown inert.
  lines.push(ja ? `${safeOneLine(r.email)}（ドメイン: ${safeOneLine(domain)}）` : `${safeOneLine(r.email)} (domain: ${safeOneLine(domain)})`);
  const provider = r.providerId ? getProvider(r.providerId) : undefined;
  if (provider) lines.push(`${ja ? 'プロバイダー' : 'Provider'}: ${provider.name[lang]}`);
  lines.push('', ja ? 'おすすめの設定:' : 'Suggested settings:');
  const rows: Array<[string, DiscoveryCandidate | undefined]> = [
    [ja ? '受信 IMAP' : 'Incoming IMAP', r.best.imap],
    [ja ? '受信 POP ' : 'Incoming POP ', r.best.pop3],
    [ja ? '送信 SMTP' : 'Outgoing SMTP', r.best.smtp],
  ];
  for (const [label, c] of rows) {
    if (!c) {
      const noPop = label === rows[1]![0] && provider?.restrictions.some((x) => x.kind === 'no-pop');
      lines.push(`  ${label}  ${noPop ? (ja ? '（POP なし: IMAP を使います）' : '(no POP: use IMAP)') : ja ? '（見つかりません）' : '(none found)'}`);
      continue;
    }
    const user = c.usernameValue ?? (c.username === 'provider-id' ? (ja ? 'プロバイダー発行の ID' : 'the provider-issued ID') : undefined);
    const why = `${trustLabel(c.trust, lang)}${gradeLabel(c, lang)}`;
    lines.push(`  ${label}  ${safeOneLine(c.host, 253)}:${c.port}  ${securityLabel(c.security, lang)}  — ${sourceLabel(c.source, lang)}${ja ? `（${why}）` : ` (${why})`}`);
    if (user) lines.push(`      ${ja ? 'ユーザー名' : 'User name'}: ${safeOneLine(user, 320)}`);
  }
  if (provider) {
    // U-graded restrictions are shown too, but labelled: they are the "we do not know" notes.
    const notes = [
      ...(provider.authNote ? [`${ja ? 'パスワード' : 'Password'}: ${provider.authNote[lang]}`] : []),
      ...(provider.usernameNote ? [`${ja ? 'ユーザー名' : 'User name'}: ${provider.usernameNote[lang]}`] : []),
      ...provider.restrictions.map((n) => `${n.text[lang]}${n.grade === 'C' ? (ja ? '（未確定情報）' : ' (unverified)') : n.grade === 'U' ? (ja ? '（未確認）' : ' (unconfirmed)') : ''}`),
    ];
    if (notes.length) {
      lines.push('', ja ? '注意:' : 'Notes:');
      for (const n of notes) lines.push(`  - ${n}`);
    }
    if (provider.passwordHelp) lines.push(`  - ${provider.passwordHelp.text[lang]}${provider.passwordHelp.url ? ` ${provider.passwordHelp.url}` : ''}`);
  }
  lines.push('', ja ? '調べた情報源:' : 'Sources tried:');
  const labels = r.tried.map((t) => sourceLabel(t.source, lang));
  const col = Math.max(...labels.map(displayWidth)) + 2;
  r.tried.forEach((t, i) => lines.push(`  ${labels[i]}${' '.repeat(col - displayWidth(labels[i]!))}${safeOneLine(localizeOutcome(t.outcome, lang))}`));
  const others = r.candidates.length - Object.values(r.best).filter(Boolean).length;
  if (others > 0) lines.push('', ja ? `ほかの候補 ${others} 件（--json で全件表示）` : `${others} more candidates (see --json)`);
  return lines.join('\n') + '\n';
}

/**
 * The `tried` outcomes are short technical English (HTTP 404, URLs, ms);
 * for Japanese output the fixed phrases around them are translated.
 */
const OUTCOME_JA: ReadonlyArray<[RegExp, string]> = [
  [/skipped \(offline\)/g, 'スキップ（オフライン）'],
  [/domain not in the catalog/g, 'カタログにないドメイン'],
  [/not finished within the (\d+) ms budget/g, '全体の制限時間 $1 ms 内に終わらず'],
  [/DNS timed out after (\d+) ms/g, 'DNS が $1 ms でタイムアウト'],
  [/timed out after (\d+) ms/g, '$1 ms でタイムアウト'],
  [/DNS timed out/g, 'DNS タイムアウト'],
  [/host not found/g, 'ホストが見つからない'],
  [/connection refused/g, '接続拒否'],
  [/not in ISPDB/g, 'ISPDB に登録なし'],
  [/no SRV records/g, 'SRV レコードなし'],
  [/no MX records/g, 'MX レコードなし'],
  [/no records/g, 'レコードなし'],
  [/MX lookup:/g, 'MX 検索:'],
  [/is the domain itself: no hosting provider to look up/g, 'はドメイン自身（ホスティングのプロバイダー情報なし）'],
  [/(\d+) servers over plain HTTP only \(untrusted\)/g, '暗号化なしの HTTP でのみ $1 件（未検証）'],
  [/\(redirected to plain HTTP: untrusted\)/g, '（暗号化なしの HTTP へ転送: 未検証）'],
  [/(\d+) servers from (\S+)/g, '$2 から $1 件'],
  [/\((\d+) servers, grade (\w)\)/g, '（サーバー $1 件、確度 $2）'],
  [/(\d+) SRV records/g, 'SRV レコード $1 件'],
  [/all (\d+) SRV names:/g, 'SRV 名 $1 件すべて:'],
  [/DNS server refused/g, 'DNS サーバーが拒否'],
  [/(\d+) guesses \(unconfirmed\)/g, '推測 $1 件（未確認）'],
  [/bad autoconfig XML:/g, '自動設定 XML が不正:'],
  [/document larger than (\d+) bytes/g, '文書が大きすぎる（$1 バイト超）'],
  [/more than (\d+) redirects/g, '転送が $1 回を超えた'],
  [/cancelled/g, 'キャンセル'],
];

function localizeOutcome(outcome: string, lang: Lang): string {
  if (lang === 'en') return outcome;
  return OUTCOME_JA.reduce((s, [re, to]) => s.replace(re, to), outcome);
}
