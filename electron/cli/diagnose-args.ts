/**
 * Flags of `mail-doctor diagnose` → a DiagnoseRequest (pure: the caller reads files,
 * stdin and env). Every refusal is a bilingual message; the flags are a public contract.
 */
import { STANDARD_PORTS, type Protocol, type Security, type ServerSettings } from '../../shared/models/account';
import type { Lang } from '../../shared/models/device';
import { EmailAddress, ServerSettings as ServerSettingsSchema } from '../../shared/models/account';

export type Bi = { ja: string; en: string };

export interface DiagnoseArgs {
  email: string;
  user?: string;
  servers: Partial<Record<Protocol, ServerSettings>>;
  password: { from: 'none' } | { from: 'stdin' } | { from: 'env'; name: string };
  from?: string;
  to?: string;
  caFile?: string;
  dnsServer?: string;
  timeoutMs?: number;
  allowInsecureAuth: boolean;
  tryAlternatives: boolean;
  json: boolean;
  lang: Lang;
}

export type ParseResult = { ok: true; args: DiagnoseArgs } | { ok: false; error: Bi | null; lang: Lang; help?: boolean };

const IMPLICIT_TLS_PORTS = new Set<number>([STANDARD_PORTS.imap.tls, STANDARD_PORTS.pop3.tls, STANDARD_PORTS.smtp.tls]);

/** HOST:PORT[:tls|starttls|none]; IPv6 as [addr]:PORT[:mode]. Security defaults from the port (993/995/465 → tls). */
export function parseServer(spec: string): ServerSettings | Bi {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})(?::(tls|starttls|none|ssl))?$/i.exec(spec.trim());
  if (!m || !m[1] || !m[2]) return { ja: `サーバーの指定が正しくありません: "${spec}"（HOST:PORT[:tls|starttls|none] の形で）`, en: `Bad server "${spec}": use HOST:PORT[:tls|starttls|none]` };
  const host = m[1].replace(/^\[|\]$/g, '');
  const port = Number(m[2]);
  const mode = (m[3]?.toLowerCase() === 'ssl' ? 'tls' : m[3]?.toLowerCase()) as Security | undefined;
  const security: Security = mode ?? (IMPLICIT_TLS_PORTS.has(port) ? 'tls' : 'starttls');
  const parsed = ServerSettingsSchema.safeParse({ host, port, security });
  if (!parsed.success) return { ja: `サーバーの指定が正しくありません: "${spec}"（ポートは 1〜65535）`, en: `Bad server "${spec}" (port must be 1–65535, host letters/digits/dots/hyphens)` };
  return parsed.data;
}

const isBi = (x: unknown): x is Bi => typeof x === 'object' && x !== null && 'ja' in x && 'en' in x;

export function parseDiagnoseArgs(argv: string[], defaultLang: Lang): ParseResult {
  let lang = defaultLang;
  // --lang first, so every later message is in the chosen language.
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const v = a.startsWith('--lang=') ? a.slice(7) : a === '--lang' ? argv[i + 1] : undefined;
    if (v === 'ja' || v === 'en') lang = v;
  }
  const fail = (error: Bi | null, help = false): ParseResult => ({ ok: false, error, lang, ...(help ? { help } : {}) });
  const out: Omit<DiagnoseArgs, 'email'> = { servers: {}, password: { from: 'none' }, allowInsecureAuth: false, tryAlternatives: true, json: false, lang };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? argv[++i];
    const need = (name: string): string | Bi => {
      const v = value();
      return v === undefined || v === '' ? { ja: `${name} に値がありません`, en: `${name} needs a value` } : v;
    };
    switch (flag) {
      case '--imap':
      case '--pop3':
      case '--smtp': {
        const v = need(flag);
        if (isBi(v)) return fail(v);
        const s = parseServer(v);
        if (isBi(s)) return fail(s);
        out.servers[flag.slice(2) as Protocol] = s;
        break;
      }
      case '--user': {
        const v = need(flag);
        if (isBi(v)) return fail(v);
        out.user = v;
        break;
      }
      case '--password':
      case '-p':
        return fail({
          ja: 'パスワードはコマンドラインに書けません（履歴やプロセス一覧に残るため）。--password-stdin か --password-env VAR を使ってください',
          en: 'A password is never taken on the command line (it would stay in shell history and the process list). Use --password-stdin or --password-env VAR',
        });
      case '--password-stdin':
        if (out.password.from !== 'none') return fail({ ja: 'パスワードの指定は1つだけにしてください', en: 'Give the password only one way' });
        out.password = { from: 'stdin' };
        break;
      case '--password-env': {
        const v = need(flag);
        if (isBi(v)) return fail(v);
        if (out.password.from !== 'none') return fail({ ja: 'パスワードの指定は1つだけにしてください', en: 'Give the password only one way' });
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) return fail({ ja: `環境変数名が正しくありません: ${v}`, en: `Not an environment variable name: ${v}` });
        out.password = { from: 'env', name: v };
        break;
      }
      case '--from':
      case '--to': {
        const v = need(flag);
        if (isBi(v)) return fail(v);
        if (!EmailAddress.safeParse(v).success) return fail({ ja: `${flag} はメールアドレスではありません: ${v}`, en: `${flag} is not an e-mail address: ${v}` });
        out[flag === '--from' ? 'from' : 'to'] = v;
        break;
      }
      case '--ca': {
        const v = need(flag);
        if (isBi(v)) return fail(v);
        out.caFile = v;
        break;
      }
      case '--dns-server': {
        const v = need(flag);
        if (isBi(v)) return fail(v);
        out.dnsServer = v;
        break;
      }
      case '--timeout': {
        const v = need(flag);
        if (isBi(v)) return fail(v);
        const n = Number(v);
        if (!Number.isInteger(n) || n < 500 || n > 120_000) return fail({ ja: '--timeout は 500〜120000（ミリ秒）の整数です', en: '--timeout must be a whole number of milliseconds from 500 to 120000' });
        out.timeoutMs = n;
        break;
      }
      case '--allow-insecure-auth':
        out.allowInsecureAuth = true;
        break;
      case '--no-alternatives':
        out.tryAlternatives = false;
        break;
      case '--json':
        out.json = true;
        break;
      case '--lang': {
        const v = need(flag);
        if (v !== 'ja' && v !== 'en') return fail({ ja: '--lang は ja か en です', en: '--lang must be ja or en' });
        break;
      }
      case '-h':
      case '--help':
        return fail(null, true);
      default:
        if (a.startsWith('-') && a.length > 1) return fail({ ja: `不明なオプション: ${a}`, en: `Unknown option: ${a}` });
        positional.push(a);
    }
  }
  if (positional.length !== 1) {
    return fail(positional.length === 0 ? { ja: 'メールアドレスを指定してください', en: 'Please give the e-mail address to diagnose' } : { ja: 'メールアドレスは1つだけ指定してください', en: 'Give exactly one e-mail address' });
  }
  const email = positional[0] ?? '';
  if (!EmailAddress.safeParse(email).success) return fail({ ja: `メールアドレスではありません: ${email}`, en: `Not an e-mail address: ${email}` });
  return { ok: true, args: { ...out, email, lang } };
}
