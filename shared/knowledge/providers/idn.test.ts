import { describe, expect, it } from 'vitest';
import { addressProblemText, checkAsciiDomain, isAddressProblem } from './idn';

describe('checkAsciiDomain', () => {
  it.each(['example.jp', 'EXAMPLE.JP.', 'xn--wgv71a119e.jp', 'a-b.c-d.co.jp', `${'a'.repeat(63)}.jp`])('accepts %s', (d) => {
    expect(checkAsciiDomain(d).ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['a..jp', 'empty-label'],
    ['.a.jp', 'empty-label'],
    [`${'a'.repeat(64)}.jp`, 'label-too-long'],
    [`${'abcdefghi.'.repeat(26)}jp`, 'too-long'],
    ['exa_mple.jp', 'bad-character'],
    ['exa mple.jp', 'bad-character'],
    ['-a.jp', 'hyphen-edge'],
    ['a-.jp', 'hyphen-edge'],
    ['localhost', 'single-label'],
    ['10.0.0.1', 'numeric-tld'],
  ])('refuses %j (%s)', (d, problem) => {
    expect(checkAsciiDomain(d)).toMatchObject({ ok: false, problem });
  });

  it('has text in both languages for every problem', () => {
    for (const p of ['no-at', 'empty-local', 'space', 'empty', 'too-long', 'empty-label', 'label-too-long', 'bad-character', 'hyphen-edge', 'single-label', 'numeric-tld', 'bad-punycode'] as const) {
      expect(isAddressProblem(p)).toBe(true);
      expect(addressProblemText(p, 'ja')).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(addressProblemText(p, 'en')).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(isAddressProblem('toString')).toBe(false);
  });
});
