/**
 * Flags of `mail-doctor diagnose` → a DiagnoseRequest (pure: the caller reads files,
 * stdin and env). Every refusal is a bilingual message; the flags are a public contract.
 */
import { STANDARD_PORTS, type Protocol, type Security, type ServerSettings } from '../../shared/models/account';
import { DEVICES, type Device, type Lang } from '../../shared/models/device';
import { EmailAddress, ServerSettings as ServerSettingsSchema } from '../../shared/models/account';
import { parseInterval } from '../../shared/watch/watch-timeline';
import { WATCH_DEFAULT_COUNT, WATCH_MAX_RUNS, WATCH_MIN_RUNS, watchBoundsIssue } from '../../shared/models/watch';
import { TIMEOUT_MS } from '../../shared/models/inputs';
import { inputIssueText } from '../../shared/i18n/input-text';
import { parseFlags, type Bi, type FlagSpec } from './parse-flags';

export type { Bi };

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
  /** --no-domain-lookups: no discovery, MX or SRV; only the named servers' host names are resolved. */
  domainLookups: boolean;
  json: boolean;
  lang: Lang;
  /** With a device, the composer's diagnosis (headline, causes, that device's steps) is printed too. */
  device?: Device;
  errorText?: string;
  /** --watch INTERVAL --count N: re-run every intervalMs, count runs in all. */
  watch?: { intervalMs: number; count: number };
}

export type ParseResult = { ok: true; args: DiagnoseArgs } | { ok: false; error: Bi | null; lang: Lang; help?: boolean };

const IMPLICIT_TLS_PORTS = new Set<number>([STANDARD_PORTS.imap.tls, STANDARD_PORTS.pop3.tls, STANDARD_PORTS.smtp.tls]);

/** HOST:PORT[:tls|starttls|none]; IPv6 as [addr]:PORT[:mode]. Security defaults from the port (993/995/465 → tls). */
const isBi = (x: unknown): x is Bi => typeof x === 'object' && x !== null && 'ja' in x && 'en' in x;

export function parseServer(spec: string): ServerSettings | Bi {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})(?::(tls|starttls|none|ssl))?$/i.exec(spec.trim());
  if (!m || !m[1] || !m[2]) return { ja: `サーバーの指定が正しくありません: "${spec}"（HOST:PORT[:tls|starttls|none] の形で）`, en: `Bad server "${spec}": use HOST:PORT[:tls|starttls|none]` };
  const host = m[1].replace(/^\[|\]$/g, '');
  const port = Number(m[2]);
  const mode = (m[3]?.toLowerCase() === 'ssl' ? 'tls' : m[3]?.toLowerCase()) as Security | undefined;
  const security: Security = mode ?? (IMPLICIT_TLS_PORTS.has(port) ? 'tls' : 'starttls');
  const parsed = ServerSettingsSchema.safeParse({ host, port, security });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ja: `サーバーの指定が正しくありません: "${spec}" — ${inputIssueText(issue, 'ja')}`, en: `Bad server "${spec}": ${inputIssueText(issue, 'en')}` };
  }
  return parsed.data;
}

/**
 * The flags of `diagnose` (a public contract: extend, never rename or drop). `password` is
 * declared only so `--password`/`-p` can be refused with the reason, whatever follows it.
 */
export const DIAGNOSE_FLAGS = {
  imap: { type: 'string' },
  pop3: { type: 'string' },
  smtp: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string', short: 'p' },
  'password-stdin': { type: 'boolean' },
  'password-env': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  ca: { type: 'string' },
  'dns-server': { type: 'string' },
  timeout: { type: 'string' },
  'allow-insecure-auth': { type: 'boolean' },
  'no-alternatives': { type: 'boolean' },
  'no-domain-lookups': { type: 'boolean' },
  json: { type: 'boolean' },
  device: { type: 'string' },
  'error-text': { type: 'string' },
  watch: { type: 'string' },
  count: { type: 'string' },
} as const satisfies FlagSpec;

const PASSWORD_ON_COMMAND_LINE: Bi = {
  ja: 'パスワードはコマンドラインに書けません（履歴やプロセス一覧に残るため）。--password-stdin か --password-env VAR を使ってください',
  en: 'A password is never taken on the command line (it would stay in shell history and the process list). Use --password-stdin or --password-env VAR',
};

export function parseDiagnoseArgs(argv: string[], defaultLang: Lang): ParseResult {
  const f = parseFlags(argv, DIAGNOSE_FLAGS, defaultLang);
  const lang = f.lang;
  const fail = (error: Bi | null, help = false): ParseResult => ({ ok: false, error, lang, ...(help ? { help } : {}) });
  // Refused before anything else, so no later message can quote what followed it.
  if (f.seen.has('password')) return fail(PASSWORD_ON_COMMAND_LINE);
  if (f.help) return fail(null, true);
  if (f.error) return fail(f.error);
  const v = f.values;
  const out: Omit<DiagnoseArgs, 'email'> = { servers: {}, password: { from: 'none' }, allowInsecureAuth: false, tryAlternatives: true, domainLookups: true, json: false, lang };
  for (const proto of ['imap', 'pop3', 'smtp'] as const) {
    const spec = v[proto];
    if (spec === undefined) continue;
    const s = parseServer(spec);
    if (isBi(s)) return fail(s);
    out.servers[proto] = s;
  }
  if (v.user !== undefined) out.user = v.user;
  if (v['password-stdin'] && v['password-env'] !== undefined) return fail({ ja: 'パスワードの指定は1つだけにしてください', en: 'Give the password only one way' });
  if (v['password-stdin']) out.password = { from: 'stdin' };
  const envName = v['password-env'];
  if (envName !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(envName)) return fail({ ja: `環境変数名が正しくありません: ${envName}`, en: `Not an environment variable name: ${envName}` });
    out.password = { from: 'env', name: envName };
  }
  for (const flag of ['from', 'to'] as const) {
    const addr = v[flag];
    if (addr === undefined) continue;
    if (!EmailAddress.safeParse(addr).success) return fail({ ja: `--${flag} はメールアドレスではありません: ${addr}`, en: `--${flag} is not an e-mail address: ${addr}` });
    out[flag] = addr;
  }
  if (v.ca !== undefined) out.caFile = v.ca;
  if (v['dns-server'] !== undefined) out.dnsServer = v['dns-server'];
  if (v.timeout !== undefined) {
    const n = Number(v.timeout);
    if (!Number.isInteger(n) || n < TIMEOUT_MS.min || n > TIMEOUT_MS.max) return fail({ ja: '--timeout は 500〜120000（ミリ秒）の整数です', en: '--timeout must be a whole number of milliseconds from 500 to 120000' });
    out.timeoutMs = n;
  }
  if (v['allow-insecure-auth']) out.allowInsecureAuth = true;
  if (v['no-alternatives']) out.tryAlternatives = false;
  if (v['no-domain-lookups']) out.domainLookups = false;
  if (v.json) out.json = true;
  if (v.device !== undefined) {
    if (!(DEVICES as readonly string[]).includes(v.device)) return fail({ ja: `--device は ${DEVICES.join(' / ')} のどれかです`, en: `--device must be one of ${DEVICES.join(', ')}` });
    out.device = v.device as Device;
  }
  if (v['error-text'] !== undefined) {
    // The same limit as the app's error-text field.
    if (v['error-text'].length > 5000) return fail({ ja: '--error-text は 5000 文字までです', en: '--error-text takes at most 5000 characters' });
    out.errorText = v['error-text'];
  }
  if (v.count !== undefined && v.watch === undefined) return fail({ ja: '--count は --watch と一緒に使います', en: '--count goes with --watch' });
  if (v.watch !== undefined) {
    // The bounds are the app's (shared/models/watch.ts); the messages say them in flag words.
    const intervalMs = parseInterval(v.watch);
    const count = v.count === undefined ? WATCH_DEFAULT_COUNT : Number(v.count);
    const issue = intervalMs === undefined ? 'watch.interval.min' : watchBoundsIssue(intervalMs, count);
    if (intervalMs === undefined || issue === 'watch.interval.min') return fail({ ja: '--watch は 5m・30m・1h のような間隔です（1分以上）', en: '--watch takes an interval such as 5m, 30m or 1h (at least 1 minute)' });
    if (issue === 'watch.count.range') return fail({ ja: `--count は ${WATCH_MIN_RUNS}〜${WATCH_MAX_RUNS} の整数です`, en: `--count must be a whole number from ${WATCH_MIN_RUNS} to ${WATCH_MAX_RUNS}` });
    if (issue === 'watch.total.max') return fail({ ja: '--watch × --count は 24 時間までです', en: '--watch × --count must fit in 24 hours' });
    out.watch = { intervalMs, count };
  }

  if (f.positionals.length !== 1) {
    return fail(f.positionals.length === 0 ? { ja: 'メールアドレスを指定してください', en: 'Please give the e-mail address to diagnose' } : { ja: 'メールアドレスは1つだけ指定してください', en: 'Give exactly one e-mail address' });
  }
  const email = f.positionals[0] ?? '';
  if (!EmailAddress.safeParse(email).success) return fail({ ja: `メールアドレスではありません: ${email}`, en: `Not an e-mail address: ${email}` });
  return { ok: true, args: { ...out, email, lang } };
}
