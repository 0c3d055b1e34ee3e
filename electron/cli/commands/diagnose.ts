/**
 * `mail-doctor diagnose <email> [--imap HOST:PORT[:tls|starttls|none]] [--pop3 …] [--smtp …]
 *   [--user NAME] [--password-stdin | --password-env VAR] [--from ADDR] [--to ADDR] [--ca FILE]
 *   [--dns-server HOST[:PORT]] [--timeout MS] [--allow-insecure-auth] [--no-alternatives] [--no-domain-lookups]
 *   [--json] [--lang ja|en]`
 *
 * Exit 0: no error finding; 1: error findings; 2: usage error. --json prints the report
 * `{ ok, durationMs, findings, probes, dns, … }` (a public contract: fields are only added).
 */
import { withSchemaVersion } from '../../../shared/models/cli-json';
import { promises as fs } from 'node:fs';
import type { Lang } from '../../../shared/models/device';
import type { AccountInput } from '../../../shared/models/account';
import { DiagnoseRequest, type DiagnoseProgress } from '../../../shared/models/probe';
import { LIMITS } from '../../../shared/models/inputs';
import { AppFailure } from '../../../shared/result';
import { inputIssueText } from '../../../shared/i18n/input-text';
import { safeOneLine } from '../../../shared/security/server-text';
import { runDiagnosis } from '../../probes/diagnose';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliCommand } from '../command';
import { parseDiagnoseArgs, type Bi } from '../diagnose-args';
import { progressLine, renderDiagnosis, renderReport } from '../diagnose-output';
import { langFromEnv } from '../lang';

export const USAGE: Record<Lang, string> = {
  ja: [
    '使い方: mail-doctor diagnose <メールアドレス> [オプション]',
    '  --imap HOST:PORT[:tls|starttls|none]   受信(IMAP)サーバー（--pop3 / --smtp も同じ形）',
    '  --user NAME                ログイン名（省略時はメールアドレス）',
    '  --password-stdin           パスワードを標準入力から読む（--password-env VAR で環境変数から）',
    '  --from ADDR / --to ADDR    送信テストの差出人 / 宛先（送信はしません）',
    '  --ca FILE                  追加で信頼する CA 証明書（PEM）',
    '  --dns-server HOST[:PORT]   この DNS サーバーで名前解決',
    '  --timeout MS               各接続の制限時間（ミリ秒、500〜120000）',
    '  --allow-insecure-auth      暗号化なし・検証失敗の接続でもログインを試す',
    '  --no-alternatives          他のポート・暗号化方式を試さない',
    '  --no-domain-lookups        ドメインを照会しない（自動検出・MX・SRV なし。指定したサーバーだけに接続）',
    '  --json                     結果を JSON で出力',
    '  --watch 5m [--count 12]    間隔をおいて繰り返し診断し、変化を記録（既定 12 回、24 時間まで）',
    '  --lang ja|en               表示言語',
    '終了コード: 0 エラーなし / 1 エラーあり / 2 使い方の誤り',
  ].join('\n'),
  en: [
    'Usage: mail-doctor diagnose <email> [options]',
    '  --imap HOST:PORT[:tls|starttls|none]   incoming (IMAP) server (same form for --pop3 / --smtp)',
    '  --user NAME                login name (default: the address)',
    '  --password-stdin           read the password from stdin (or --password-env VAR)',
    '  --from ADDR / --to ADDR    envelope check sender / recipient (nothing is sent)',
    '  --ca FILE                  extra CA certificate (PEM) to trust for this run',
    '  --dns-server HOST[:PORT]   resolve names with this DNS server',
    '  --timeout MS               budget of each connection in ms (500–120000)',
    '  --allow-insecure-auth      log in even over plaintext or unverified TLS',
    '  --no-alternatives          do not try the other standard ports/security modes',
    '  --no-domain-lookups        do not look up the domain (no discovery, MX or SRV; only the given servers)',
    '  --json                     print the report as JSON',
    '  --watch 5m [--count 12]    re-run every interval and record what changed (default 12 runs, 24 h at most)',
    '  --lang ja|en               output language',
    'Exit codes: 0 no error finding / 1 error findings / 2 usage error',
  ].join('\n'),
};

/** A CA file larger than this is not a CA bundle (the same cap as the contract's caPem). */
const MAX_CA_BYTES = LIMITS.caPemBytes;

/**
 * Reads at most `max` bytes; null when there is more. stat() cannot tell (`/dev/zero`, a FIFO and
 * /proc files report size 0), so the cap is on what is read, not on what the file claims.
 */
async function readCapped(file: string, max: number): Promise<string | null> {
  const h = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(max + 1);
    let n = 0;
    while (n < buf.length) {
      const { bytesRead } = await h.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return n > max ? null : buf.subarray(0, n).toString('utf8');
  } finally {
    await h.close();
  }
}

export const run: CliCommand = async (argv, io) => {
  const parsed = parseDiagnoseArgs(argv, langFromEnv(io.env));
  const usage = (lang: Lang, msg: Bi | null): number => {
    // A refusal may quote the input (an address, a file name): shown with its controls made visible.
    if (msg) io.stderr(`mail-doctor diagnose: ${safeOneLine(msg[lang])}\n`);
    io.stderr(`${USAGE[lang]}\n`);
    return EXIT_USAGE;
  };
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(`${USAGE[parsed.lang]}\n`);
      return EXIT_OK;
    }
    return usage(parsed.lang, parsed.error);
  }
  const a = parsed.args;
  const lang = a.lang;

  let password: string | undefined;
  if (a.password.from === 'stdin') {
    // Only the line ending the password is dropped: spaces inside or around it are part of it.
    password = (await io.readStdin()).replace(/\r?\n$/, '');
    if (!password) return usage(lang, { ja: '標準入力からパスワードを読めませんでした（空です）', en: 'No password on stdin (it was empty)' });
    // A line break left inside (a two-line paste) is refused below by the contract's Password schema, with its reason.
  } else if (a.password.from === 'env') {
    password = io.env[a.password.name];
    if (!password) return usage(lang, { ja: `環境変数 ${a.password.name} が空か、ありません`, en: `Environment variable ${a.password.name} is empty or not set` });
  }

  let caPem: string | undefined;
  if (a.caFile) {
    try {
      const text = await readCapped(a.caFile, MAX_CA_BYTES);
      if (text === null) return usage(lang, { ja: `CA ファイルが大きすぎます: ${a.caFile}`, en: `CA file too large: ${a.caFile}` });
      caPem = text;
    } catch {
      return usage(lang, { ja: `CA ファイルを読めません: ${a.caFile}`, en: `Cannot read the CA file: ${a.caFile}` });
    }
    if (!caPem.includes('-----BEGIN CERTIFICATE-----')) return usage(lang, { ja: `PEM 形式の証明書ではありません: ${a.caFile}`, en: `Not a PEM certificate: ${a.caFile}` });
  }

  const account: AccountInput = { email: a.email, ...(a.user ? { user: a.user } : {}), ...(password ? { password } : {}), ...a.servers };
  const req = DiagnoseRequest.safeParse({
    runId: `cli-${Date.now()}`,
    account,
    options: {
      ...(a.timeoutMs ? { timeoutMs: a.timeoutMs } : {}),
      ...(a.allowInsecureAuth ? { allowInsecureAuth: true } : {}),
      ...(caPem ? { caPem } : {}),
      ...(a.dnsServer ? { dnsServer: a.dnsServer } : {}),
      ...(a.from ? { from: a.from } : {}),
      ...(a.to ? { to: a.to } : {}),
      ...(a.tryAlternatives ? {} : { tryAlternatives: false }),
      ...(a.domainLookups ? {} : { domainLookups: false }),
    },
  });
  if (!req.success) {
    // Never echo the input: it may contain the password. Each message names its field.
    const say = (l: Lang) => [...new Set(req.error.issues.map((i) => inputIssueText(i, l)))].join(' / ');
    return usage(lang, { ja: say('ja'), en: say('en') });
  }

  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const onProgress = (p: DiagnoseProgress): void => {
      if (a.json) return;
      const line = progressLine(p, lang, io.color);
      if (line) io.stderr(line + '\n');
    };
    if (a.watch) return await watch(req.data, a.watch, lang, a.json, io, controller.signal, onProgress);
    const report = await runDiagnosis(req.data, { signal: controller.signal, onProgress });
    // With --device: the same composer the app uses (the customer's error text looked up too).
    // Loaded only now, after the run: the composer and its knowledge are a large part of the
    // start-up, and the progress lines should not wait for them.
    const k = a.device ? await composerModules() : undefined;
    const diagnosis =
      k && a.device
        ? k.composeDiagnosis({
            report,
            device: a.device,
            lang,
            ...(a.errorText ? { errorText: a.errorText, lookup: k.lookupError(a.errorText, lang) } : {}),
            ...(k.providerForEmail(a.email) ? { provider: k.providerForEmail(a.email) } : {}),
            ...(a.servers.imap || a.servers.pop3 || a.servers.smtp ? { serverSources: Object.fromEntries(Object.keys(a.servers).map((p) => [p, 'typed' as const])) } : {}),
            ...(a.user ? { user: a.user } : {}),
          })
        : undefined;
    if (a.json) io.stdout(JSON.stringify(withSchemaVersion({ ...(diagnosis && k ? { diagnosis: k.diagnosisJson(diagnosis) } : {}), ...report }), null, 2) + '\n');
    else io.stdout((diagnosis && a.device ? renderDiagnosis(diagnosis, a.device, lang, io.color) : '') + renderReport(report, lang, io.color));
    return report.ok ? EXIT_OK : EXIT_FINDINGS;
  } catch (e) {
    if (e instanceof AppFailure && e.code === 'E_BAD_REQUEST') {
      return usage(lang, { ja: `入力が正しくありません: ${e.message}`, en: `Invalid input: ${e.message}` });
    }
    throw e;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
};

/** What `--device` needs after the run: the composer and the knowledge it reads. */
async function composerModules() {
  const [composer, json, lookup, catalog] = await Promise.all([
    import('../../../shared/knowledge/composer/composer.js'),
    import('../../../shared/knowledge/composer/diagnosis-json.js'),
    import('../../../shared/knowledge/lookup/lookup.js'),
    import('../../../shared/knowledge/providers/catalog.js'),
  ]);
  return { composeDiagnosis: composer.composeDiagnosis, diagnosisJson: json.diagnosisJson, lookupError: lookup.lookupError, providerForEmail: catalog.providerForEmail };
}

/**
 * `--watch`: the runs one after another, each run's changes on stderr as they happen, then the
 * last report with the timeline (human: after it; JSON: a `watch` field beside the report's own).
 * Exit 1 when any run had an error finding: an intermittent fault is a fault.
 */
async function watch(
  req: DiagnoseRequest,
  w: { intervalMs: number; count: number },
  lang: Lang,
  json: boolean,
  io: Parameters<CliCommand>[1],
  signal: AbortSignal,
  onProgress: (p: DiagnoseProgress) => void,
): Promise<number> {
  let anyProblem = false;
  // Only a watch needs these: a single run does not load them.
  const [{ runWatch }, { timelineText }, { formatInterval }] = await Promise.all([import('../../probes/watch.js'), import('../../../shared/watch/watch-timeline.js'), import('../../../shared/watch/watch-text.js')]);
  if (!json) io.stderr((lang === 'ja' ? `${formatInterval(w.intervalMs, lang)}ごとに ${w.count} 回診断します（Ctrl-C で止めます）` : `Diagnosing ${w.count} times, every ${formatInterval(w.intervalMs, lang)} (Ctrl-C stops)`) + '\n');
  const { timeline, last } = await runWatch(req, {
    intervalMs: w.intervalMs,
    count: w.count,
    lang,
    signal,
    onProgress,
    ...(io.clock ? { clock: io.clock } : {}),
    onRun: (entry) => {
      if (!entry.ok && !entry.cancelled) anyProblem = true;
      if (json) return;
      io.stderr(`#${entry.index}/${w.count} ${entry.ok ? (lang === 'ja' ? '問題なし' : 'no problem') : entry.codes.join(', ') || (lang === 'ja' ? '中止' : 'cancelled')}\n`);
      for (const c of entry.changes) io.stderr(`  ${lang === 'ja' ? '変化' : 'change'}: ${safeOneLine(c.text)}\n`);
    },
  });
  if (json) io.stdout(JSON.stringify({ ...withSchemaVersion(last), watch: timeline }, null, 2) + '\n');
  else io.stdout(renderReport(last, lang, io.color) + '\n' + timelineText(timeline, lang));
  return anyProblem ? EXIT_FINDINGS : EXIT_OK;
}
