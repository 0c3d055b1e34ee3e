import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSpec } from './parse-flags';

const SPEC = { json: { type: 'boolean' }, server: { type: 'string' }, secret: { type: 'string', short: 's' } } as const satisfies FlagSpec;

describe('parseFlags', () => {
  it('reads booleans, strings (both forms), positionals in order and the terminator', () => {
    const f = parseFlags(['a', '--server', 'x:1', '--json', 'b', '--server=y:2', '--', '--json'], SPEC, 'en');
    expect(f.error).toBeUndefined();
    expect(f.values).toEqual({ server: 'y:2', json: true });
    expect(f.positionals).toEqual(['a', 'b', '--json']);
  });

  it('--lang wins for every message, wherever it stands', () => {
    const f = parseFlags(['--bogus', '--lang', 'ja'], SPEC, 'en');
    expect(f.lang).toBe('ja');
    expect(f.error?.ja).toBe('不明なオプション: --bogus');
    expect(parseFlags(['--lang=fr'], SPEC, 'ja').error?.ja).toBe('--lang は ja か en です');
  });

  it.each([
    [['--server'], 'needs a value'],
    [['--server='], 'needs a value'],
    [['--json=yes'], 'takes no value'],
    [['-x'], 'Unknown option: -x'],
    [['--nope=1'], 'Unknown option: --nope'],
  ])('refuses %j', (argv, msg) => {
    expect(parseFlags(argv, SPEC, 'en').error?.en).toContain(msg);
  });

  it('never echoes the value of an unknown flag', () => {
    const f = parseFlags(['--secrett=hunter2'], SPEC, 'en');
    expect(JSON.stringify(f)).not.toContain('hunter2');
  });

  it('-h and --help ask for help; `seen` records a flag even without its value', () => {
    expect(parseFlags(['-h'], SPEC, 'en').help).toBe(true);
    expect(parseFlags(['--help'], SPEC, 'en').help).toBe(true);
    expect(parseFlags(['-s'], SPEC, 'en').seen.has('secret')).toBe(true);
  });

  it('dashWords: one-dash words are text, in order; -h stays help', () => {
    const f = parseFlags(['-ERR', 'auth', '-5.7.1', '--json'], SPEC, 'en', { dashWords: true });
    expect(f.error).toBeUndefined();
    expect(f.positionals).toEqual(['-ERR', 'auth', '-5.7.1']);
    expect(f.values.json).toBe(true);
    expect(parseFlags(['-h'], SPEC, 'en', { dashWords: true }).help).toBe(true);
    expect(parseFlags(['-', '--bogus'], SPEC, 'en', { dashWords: true }).error?.en).toBe('Unknown option: --bogus');
  });
});
