/**
 * `mail-doctor deliver (--report FILE|- | <email> --imap … --smtp …) --format mobileconfig|autoconfig|text|qr
 *   [--out FILE] [--profile-url URL] [--include-password --password-stdin|--password-env VAR] [--lang ja|en]`
 *
 * Turns the correct settings into something the customer can use: an Apple configuration
 * profile, a Thunderbird autoconfig document, a short text, or a QR code (terminal picture, or
 * SVG with --out). With --report the settings and their sources come from the `diagnosis` of
 * `mail-doctor diagnose --json`; servers given as flags count as typed in (untested). Warnings
 * (guessed or untested values, plaintext, unsigned profile, password inside) go to stderr.
 * Exit 0 written; 2 usage error or nothing to deliver.
 */
import { promises as fs } from 'node:fs';
import { buildAutoconfig } from '../../../shared/delivery/autoconfig-doc';
import { buildCustomerText } from '../../../shared/delivery/customer-text';
import { SourcedSettings, type DeliveryWarning } from '../../../shared/delivery/delivery-types';
import { buildMobileconfig } from '../../../shared/delivery/mobileconfig';
import { QrTooLongError, qrMatrix, qrSvg, qrTerminal } from '../../../shared/delivery/qr-code';
import { EmailAddress, type Protocol } from '../../../shared/models/account';
import type { Lang } from '../../../shared/models/device';
import { EXIT_OK, EXIT_USAGE, type CliCommand } from '../command';
import { parseServer } from '../diagnose-args';
import { parseFlags, type Bi, type FlagSpec } from '../parse-flags';
import { langFromEnv } from '../lang';

const FORMATS = ['mobileconfig', 'autoconfig', 'text', 'qr'] as const;
type Format = (typeof FORMATS)[number];

/** A `diagnose --json` report is a few hundred KB at most; 5 MB is the IPC cap for any saved file. */
const MAX_REPORT_BYTES = 5_000_000;

export const USAGE: Record<Lang, string> = {
  ja: [
    '使い方: mail-doctor deliver --report <FILE|-> --format <形式> [オプション]',
    '        mail-doctor deliver <メールアドレス> --imap HOST:PORT[:mode] --smtp HOST:PORT[:mode] --format <形式>',
    '  --report FILE|-          mail-doctor diagnose --json の出力（正しい設定と、その根拠を使います）',
    '  --format 形式            mobileconfig（iPhone・Mac 用プロファイル）/ autoconfig（Thunderbird）/ text（お客様への文面）/ qr',
    '  --out FILE               ファイルに保存（qr は SVG で保存）。省略時は標準出力',
    '  --profile-url URL        文面と QR コードに入れるプロファイルのリンク',
    '  --include-password       プロファイルにパスワードを入れる（--password-stdin か --password-env VAR と一緒に）',
    '  --imap/--pop3/--smtp, --user NAME   設定を直接指定（未確認の値として扱います）',
    '  --lang ja|en             表示言語',
    '終了コード: 0 作成 / 2 使い方の誤り・作れない',
  ].join('\n'),
  en: [
    'Usage: mail-doctor deliver --report <FILE|-> --format <format> [options]',
    '       mail-doctor deliver <email> --imap HOST:PORT[:mode] --smtp HOST:PORT[:mode] --format <format>',
    '  --report FILE|-          output of mail-doctor diagnose --json (uses its correct settings and their sources)',
    '  --format FORMAT          mobileconfig (iPhone/Mac profile) / autoconfig (Thunderbird) / text (for the customer) / qr',
    '  --out FILE               write to a file (qr as SVG); default stdout',
    '  --profile-url URL        profile link to put in the text and the QR code',
    '  --include-password       put the password in the profile (with --password-stdin or --password-env VAR)',
    '  --imap/--pop3/--smtp, --user NAME   give the settings directly (treated as untested)',
    '  --lang ja|en             output language',
    'Exit codes: 0 written / 2 usage error or nothing to deliver',
  ].join('\n'),
};

interface DeliverArgs {
  lang: Lang;
  format?: Format;
  report?: string;
  out?: string;
  profileUrl?: string;
  includePassword: boolean;
  password: { from: 'none' } | { from: 'stdin' } | { from: 'env'; name: string };
  email?: string;
  user?: string;
  servers: Partial<Record<Protocol, { host: string; port: number; security: 'tls' | 'starttls' | 'none' }>>;
}

/** The flags of `deliver` (a public contract). `password` is declared only to refuse it with the reason. */
export const DELIVER_FLAGS = {
  format: { type: 'string' },
  report: { type: 'string' },
  out: { type: 'string' },
  'profile-url': { type: 'string' },
  imap: { type: 'string' },
  pop3: { type: 'string' },
  smtp: { type: 'string' },
  user: { type: 'string' },
  'include-password': { type: 'boolean' },
  password: { type: 'string', short: 'p' },
  'password-stdin': { type: 'boolean' },
  'password-env': { type: 'string' },
} as const satisfies FlagSpec;

function parse(argv: string[], defaultLang: Lang): { ok: true; args: DeliverArgs } | { ok: false; lang: Lang; error: Bi | null; help?: boolean } {
  const f = parseFlags(argv, DELIVER_FLAGS, defaultLang);
  const lang = f.lang;
  const fail = (error: Bi | null, help = false) => ({ ok: false as const, lang, error, ...(help ? { help } : {}) });
  if (f.seen.has('password')) return fail({ ja: 'パスワードはコマンドラインに書けません。--password-stdin か --password-env VAR を使ってください', en: 'A password is never taken on the command line. Use --password-stdin or --password-env VAR' });
  if (f.help) return fail(null, true);
  if (f.error) return fail(f.error);
  const v = f.values;
  const a: DeliverArgs = { lang, includePassword: v['include-password'] === true, password: { from: 'none' }, servers: {} };
  if (v.format === undefined) return fail({ ja: '--format を指定してください', en: 'Please give --format' });
  if (!(FORMATS as readonly string[]).includes(v.format)) return fail({ ja: `--format は ${FORMATS.join(' / ')} のどれかです`, en: `--format must be one of ${FORMATS.join(', ')}` });
  a.format = v.format as Format;
  if (v.report !== undefined) a.report = v.report;
  if (v.out !== undefined) a.out = v.out;
  if (v.user !== undefined) a.user = v.user;
  const url = v['profile-url'];
  if (url !== undefined) {
    if (!/^https:\/\/\S+$/i.test(url) || url.length > 500) return fail({ ja: '--profile-url は https:// で始まる URL です', en: '--profile-url must be an https:// URL' });
    a.profileUrl = url;
  }
  for (const proto of ['imap', 'pop3', 'smtp'] as const) {
    const spec = v[proto];
    if (spec === undefined) continue;
    const s = parseServer(spec);
    if ('ja' in s) return fail(s);
    a.servers[proto] = s;
  }
  if (v['password-stdin'] && v['password-env'] !== undefined) return fail({ ja: 'パスワードの指定は1つだけにしてください', en: 'Give the password only one way' });
  if (v['password-stdin']) a.password = { from: 'stdin' };
  const envName = v['password-env'];
  if (envName !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(envName)) return fail({ ja: `環境変数名が正しくありません: ${envName}`, en: `Not an environment variable name: ${envName}` });
    a.password = { from: 'env', name: envName };
  }
  const positional = f.positionals;
  if (a.report && (positional.length > 0 || Object.keys(a.servers).length > 0)) return fail({ ja: '--report と、アドレス・サーバーの直接指定は同時に使えません', en: '--report cannot be combined with an address or server flags' });
  if (!a.report) {
    if (positional.length !== 1 || !EmailAddress.safeParse(positional[0]).success) return fail({ ja: 'メールアドレスを1つ指定するか、--report を使ってください', en: 'Give one e-mail address, or use --report' });
    a.email = positional[0]!;
  }
  if (a.includePassword && a.password.from === 'none') return fail({ ja: '--include-password には --password-stdin か --password-env VAR が必要です', en: '--include-password needs --password-stdin or --password-env VAR' });
  if (a.includePassword && a.format !== 'mobileconfig') return fail({ ja: 'パスワードを入れられるのは mobileconfig だけです', en: 'Only a mobileconfig can carry the password' });
  return { ok: true, args: a };
}

/** The account and its sourced settings from a `diagnose --json` report (its `diagnosis.correctSettings`). */
export function settingsFromReport(json: unknown): { email: string; settings: SourcedSettings } | Bi {
  const r = json as { email?: unknown; diagnosis?: { correctSettings?: unknown } } | null;
  const email = typeof r?.email === 'string' ? r.email : undefined;
  if (!email || !EmailAddress.safeParse(email).success) return { ja: 'レポートにメールアドレスがありません（diagnose --json の出力ですか）', en: 'The report has no e-mail address (is it the output of diagnose --json?)' };
  const parsed = SourcedSettings.safeParse(r?.diagnosis?.correctSettings);
  if (!parsed.success) return { ja: 'レポートに正しい設定（diagnosis.correctSettings）がありません。diagnose を --json 付きで実行し直してください', en: 'The report has no correct settings (diagnosis.correctSettings). Run diagnose again with --json' };
  return { email, settings: parsed.data };
}

function printWarnings(io: Parameters<CliCommand>[1], warnings: DeliveryWarning[], lang: Lang): void {
  const label = lang === 'ja' ? '注意' : 'warning';
  for (const w of warnings) io.stderr(`${label}: ${w.text}\n`);
}

export const run: CliCommand = async (argv, io) => {
  const parsed = parse(argv, langFromEnv(io.env));
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(`${USAGE[parsed.lang]}\n`);
      return EXIT_OK;
    }
    if (parsed.error) io.stderr(`mail-doctor deliver: ${parsed.error[parsed.lang]}\n`);
    io.stderr(`${USAGE[parsed.lang]}\n`);
    return EXIT_USAGE;
  }
  const a = parsed.args;
  const lang = a.lang;
  const failWith = (msg: Bi): number => {
    io.stderr(`mail-doctor deliver: ${msg[lang]}\n`);
    return EXIT_USAGE;
  };

  let email: string;
  let settings: SourcedSettings;
  if (a.report) {
    let text: string;
    try {
      if (a.report === '-') text = await io.readStdin();
      else {
        if ((await fs.stat(a.report)).size > MAX_REPORT_BYTES) return failWith({ ja: `レポートが大きすぎます: ${a.report}`, en: `Report too large: ${a.report}` });
        text = await fs.readFile(a.report, 'utf8');
      }
    } catch {
      return failWith({ ja: `レポートを読めません: ${a.report}`, en: `Cannot read the report: ${a.report}` });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return failWith({ ja: 'レポートが JSON ではありません', en: 'The report is not JSON' });
    }
    const got = settingsFromReport(json);
    if ('ja' in got) return failWith(got);
    ({ email, settings } = got);
  } else {
    email = a.email!;
    settings = {};
    for (const p of ['imap', 'pop3', 'smtp'] as const) if (a.servers[p]) settings[p] = { ...a.servers[p]!, source: 'typed' };
    if (a.user) settings.user = { value: a.user, source: 'typed' };
  }

  let password: string | undefined;
  if (a.includePassword) {
    password = a.password.from === 'stdin' ? (await io.readStdin()).replace(/\r?\n$/, '') : a.password.from === 'env' ? io.env[a.password.name] : undefined;
    if (!password) return failWith({ ja: 'パスワードが空です', en: 'The password is empty' });
  }

  let content: string;
  let warnings: DeliveryWarning[];
  const account = { email };
  if (a.format === 'mobileconfig') {
    const r = buildMobileconfig(account, settings, { lang, ...(password ? { includePassword: true, password } : {}) });
    warnings = r.warnings;
    if (!r.ok) {
      printWarnings(io, warnings, lang);
      return EXIT_USAGE;
    }
    content = r.xml;
  } else if (a.format === 'autoconfig') {
    const r = buildAutoconfig(account, settings, lang);
    warnings = r.warnings;
    if (!r.ok) {
      printWarnings(io, warnings, lang);
      return EXIT_USAGE;
    }
    content = r.xml;
  } else {
    const t = buildCustomerText(account, settings, lang, a.profileUrl ? { profileUrl: a.profileUrl } : {});
    warnings = t.warnings;
    if (a.format === 'text') content = t.text;
    else {
      try {
        const m = qrMatrix(t.qrText);
        content = a.out ? qrSvg(m, t.qrText.split('\n')[0]!) : qrTerminal(m);
      } catch (e) {
        if (e instanceof QrTooLongError) return failWith({ ja: `QR コードに入れるには長すぎます（${e.bytes} バイト）`, en: `Too long for a QR code (${e.bytes} bytes)` });
        throw e;
      }
    }
  }
  printWarnings(io, warnings, lang);
  if (a.out) {
    // A profile with the password inside is readable by its owner only.
    await fs.writeFile(a.out, content, { encoding: 'utf8', mode: password ? 0o600 : 0o644 });
    io.stderr((lang === 'ja' ? `保存しました: ${a.out}` : `Written: ${a.out}`) + '\n');
  } else io.stdout(content);
  return EXIT_OK;
};
