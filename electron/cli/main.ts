/**
 * `mail-doctor` entry point: dispatches the sub-command; each command parses its own flags.
 * `main(argv, io)` is pure enough for in-process tests; `runCli()` wires the real process.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../shared/models/device';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from './command';
import { langFromEnv } from './lang';

/**
 * Each command is loaded only when it runs: `--version`, `--help` and `lookup` never load the
 * probe engine (sockets, TLS, DNS, the discovery code), so they start like a native tool.
 */
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  diagnose: async () => (await import('./commands/diagnose.js')).run,
  discover: async () => (await import('./commands/discover.js')).run,
  lookup: async () => (await import('./commands/lookup.js')).run,
  deliver: async () => (await import('./commands/deliver.js')).run,
};

const HELP: Record<Lang, string> = {
  ja: [
    'メールドクター — メールがつながらない原因を調べます',
    '',
    '使い方: mail-doctor <コマンド> [オプション]',
    '  diagnose <メールアドレス>   サーバーに接続して原因を診断（mail-doctor diagnose --help）',
    '  discover <メールアドレス>   サーバー設定を自動で探す',
    '  lookup "<エラーメッセージ>"  エラーメッセージの意味を調べる',
    '  deliver …                 正しい設定をプロファイル・autoconfig・文面・QR コードにする（mail-doctor deliver --help）',
    '  --version                 バージョンを表示',
  ].join('\n'),
  en: [
    'Mail Doctor — finds out why a mail account cannot connect',
    '',
    'Usage: mail-doctor <command> [options]',
    '  diagnose <email>        connect to the servers and find the cause (mail-doctor diagnose --help)',
    '  discover <email>        find the server settings for an address',
    '  lookup "<error text>"   explain an error message',
    '  deliver …               turn the correct settings into a profile, autoconfig, text or QR code (mail-doctor deliver --help)',
    '  --version               print the version',
  ].join('\n'),
};

export function version(): string {
  // dist-electron/electron/cli/main.js and electron/cli/main.ts both sit below the package root.
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mail-doctor' && pkg.version) return pkg.version;
    } catch {
      /* keep looking upwards */
    }
  }
  return 'unknown';
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const lang = langFromEnv(io.env);
  const [sub, ...rest] = argv;
  if (sub === undefined) {
    io.stderr(HELP[lang] + '\n');
    return EXIT_USAGE;
  }
  if (sub === 'help' || sub === '--help' || sub === '-h') {
    const target = rest[0] && Object.hasOwn(COMMANDS, rest[0]) ? COMMANDS[rest[0]] : undefined;
    if (target) return (await target())(['--help'], io);
    io.stdout(HELP[lang] + '\n');
    return EXIT_OK;
  }
  if (sub === '--version' || sub === '-V' || sub === 'version') {
    io.stdout(`mail-doctor ${version()}\n`);
    return EXIT_OK;
  }
  const load = Object.hasOwn(COMMANDS, sub) ? COMMANDS[sub] : undefined;
  if (!load) {
    io.stderr((lang === 'ja' ? `不明なコマンド: ${sub}` : `Unknown command: ${sub}`) + '\n' + HELP[lang] + '\n');
    return EXIT_USAGE;
  }
  return (await load())(rest, io);
}

function readAllStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d: string) => (data += d));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

export function realIo(): CliIo {
  const env = process.env;
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: readAllStdin,
    env,
    // hasColors() applies FORCE_COLOR / NO_COLOR / NODE_DISABLE_COLORS / TERM=dumb; NO_COLOR is checked
    // again by name because https://no-color.org asks that any non-empty value disables colour.
    color: process.stdout.isTTY === true && process.stdout.hasColors() && !env.NO_COLOR,
  };
}

export function runCli(argv = process.argv.slice(2)): void {
  main(argv, realIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`mail-doctor: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70; // EX_SOFTWARE (sysexits.h): a bug, not a finding
    },
  );
}

if (require.main === module) runCli();
