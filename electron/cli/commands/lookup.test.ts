import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../../shared/findings/codes';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../command';
import { run } from './lookup';

function fakeIo(env: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: async () => stdin, env, color: false };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('mail-doctor lookup', () => {
  it('prints the JSON contract: matches with platform, stage, ranked codes, text', async () => {
    const f = fakeIo();
    expect(await run(['0x800CCC0E', '--json'], f.io)).toBe(EXIT_OK);
    const j = JSON.parse(f.out()) as { recognised: boolean; matches: Array<{ platform: string; stage: string; codes: string[]; text: string; score: number }> };
    expect(j.recognised).toBe(true);
    expect(j.matches[0]).toMatchObject({ platform: 'Outlook (classic, Windows) / Outlook Express', stage: 'tcp' });
    expect(j.matches[0]!.text).toContain('0x800CCC0E');
    expect(j.matches[0]!.codes[0]).toBe('TCP_TIMEOUT');
    for (const c of j.matches[0]!.codes) expect(FINDING_CODES).toContain(c);
    expect(f.err()).toBe('');
  });

  it('joins unquoted words and answers in Japanese when LANG is Japanese', async () => {
    const f = fakeIo({ LANG: 'ja_JP.UTF-8' });
    expect(await run(['535', '5.7.139'], f.io)).toBe(EXIT_OK);
    expect(f.out()).toContain('候補');
    expect(f.out()).toContain('5.7.139');
    expect(f.out()).toContain('まず確認');
    expect(f.out()).toContain('AUTH_BASIC_DISABLED');
  });

  it('--lang en overrides the environment', async () => {
    const f = fakeIo({ LANG: 'ja_JP.UTF-8' });
    await run(['サーバに接続できません', '--lang', 'en'], f.io);
    expect(f.out()).toContain('Check first');
    expect(f.out()).toContain('connection (TCP)');
    expect(f.out()).not.toContain('まず確認');
  });

  it('reads a pasted log from stdin with "-"', async () => {
    const f = fakeIo({}, 'Task \'me - Sending\' reported error (0x80042109) : Outlook cannot connect to your outgoing (SMTP) e-mail server.\n');
    expect(await run(['-', '--json'], f.io)).toBe(EXIT_OK);
    expect(JSON.parse(f.out()).matches[0].codes).toContain('PORT25_BLOCKED');
  });

  it('unknown text: not recognised, generic checks, exit 0', async () => {
    const f = fakeIo();
    expect(await run(['--lang=ja', '今日は天気がいいですね'], f.io)).toBe(EXIT_OK);
    expect(f.out()).toContain('見つかりませんでした');
    expect(f.out()).toContain('機内モード');
    const j = fakeIo();
    await run(['--json', 'asdfghjkl'], j.io);
    const parsed = JSON.parse(j.out());
    expect(parsed).toMatchObject({ recognised: false, matches: [] });
    expect(parsed.genericChecks.length).toBeGreaterThanOrEqual(5);
  });

  it('--help prints the usage on stdout, exit 0', async () => {
    const f = fakeIo({ LANG: 'ja_JP.UTF-8' });
    expect(await run(['--help'], f.io)).toBe(EXIT_OK);
    expect(f.out()).toContain('使い方: mail-doctor lookup');
    expect(f.err()).toBe('');
  });

  it('a text starting with a dash is text (POP3 -ERR), and -- ends the flags', async () => {
    const f = fakeIo();
    expect(await run(['-ERR', 'Authentication', 'failed', '--json'], f.io)).toBe(EXIT_OK);
    expect(JSON.parse(f.out()).recognised).toBe(true);
    const g = fakeIo();
    expect(await run(['--', '--json'], g.io)).toBe(EXIT_OK);
    expect(g.out()).not.toMatch(/^\{/);
  });

  it.each([[[]], [['--json']], [['--lang', 'fr', 'x']], [['--bogus', 'x']], [['   ']]])('usage error %j → exit 2 with a message', async (args) => {
    const f = fakeIo();
    expect(await run(args, f.io)).toBe(EXIT_USAGE);
    expect(f.err()).toMatch(/Usage: mail-doctor lookup/);
    expect(f.out()).toBe('');
  });
});
