/**
 * The one flag reader of every `mail-doctor` sub-command: `node:util` parseArgs (tokens, non-strict)
 * plus what the CLI contract adds on top — bilingual refusals, `--lang` read first so every message
 * is in the chosen language, and a value never echoed back (it may be a mistyped password flag).
 * Non-strict mode is used so an unknown flag or a missing value becomes our message and exit 2,
 * not a thrown English-only TypeError.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../../shared/models/device';

export type Bi = { ja: string; en: string };

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export type FlagValues<S extends FlagSpec> = { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean };

export interface ParsedFlags<S extends FlagSpec> {
  values: FlagValues<S>;
  /** Options that appeared at all (even with a bad or missing value). */
  seen: ReadonlySet<keyof S | 'lang' | 'help'>;
  positionals: string[];
  lang: Lang;
  help: boolean;
  /** The first refusal in argument order; undefined when every token was understood. */
  error?: Bi;
}

/** Flags every sub-command has. */
const COMMON = { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const satisfies FlagSpec;

export interface ParseFlagsOptions {
  /**
   * `lookup -ERR auth failed`: an argument with one leading dash (other than `-h`) is a word of
   * the text, not a cluster of short flags. Error texts start with `-` (POP3's `-ERR`).
   */
  dashWords?: boolean;
}

export function parseFlags<S extends FlagSpec>(argv: readonly string[], spec: S, defaultLang: Lang, opts: ParseFlagsOptions = {}): ParsedFlags<S> {
  const options = { ...spec, ...COMMON };
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean> = {};
  const seen = new Set<string>();
  const positionals: string[] = [];
  const errors: Bi[] = [];
  let lang = defaultLang;
  let langError: Bi | undefined;
  const dashWordAt = new Set<number>();

  for (const t of tokens) {
    if (t.kind === 'positional') {
      positionals.push(t.value);
      continue;
    }
    if (t.kind === 'option-terminator') continue;
    const raw = argv[t.index] ?? '';
    if (opts.dashWords && !t.rawName.startsWith('--') && raw !== '-h') {
      if (!dashWordAt.has(t.index)) positionals.push(raw);
      dashWordAt.add(t.index);
      continue;
    }
    // Only the flag's name is ever echoed: `--pasword=hunter2` must not print hunter2.
    const name = t.rawName;
    const def = Object.hasOwn(options, t.name) ? options[t.name as keyof typeof options] : undefined;
    if (!def) {
      errors.push({ ja: `不明なオプション: ${name}`, en: `Unknown option: ${name}` });
      continue;
    }
    seen.add(t.name);
    if (def.type === 'string') {
      if (t.value === undefined || t.value === '') {
        errors.push({ ja: `${name} に値がありません`, en: `${name} needs a value` });
        continue;
      }
      values[t.name] = t.value;
      if (t.name === 'lang') {
        if (t.value === 'ja' || t.value === 'en') lang = t.value;
        else langError ??= { ja: '--lang は ja か en です', en: '--lang must be ja or en' };
      }
    } else {
      if (t.value !== undefined) {
        errors.push({ ja: `${name} には値を付けません`, en: `${name} takes no value` });
        continue;
      }
      values[t.name] = true;
    }
  }
  const error = langError ?? errors[0];
  return {
    values: values as FlagValues<S>,
    seen: seen as ReadonlySet<keyof S | 'lang' | 'help'>,
    positionals,
    lang,
    help: values.help === true,
    ...(error ? { error } : {}),
  };
}
