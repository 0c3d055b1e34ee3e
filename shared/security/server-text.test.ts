import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownCodeBlock, markdownInlineCode, safeOneLine, showControls } from './server-text';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('showControls / safeOneLine', () => {
  it('shows ESC, BEL, NUL, OSC and C1 as text', () => {
    expect(showControls('\x1b[2J\x1b]0;owned\x07ok\0\x9b31m')).toBe('\\x1b[2J\\x1b]0;owned\\x07ok\\x00\\x9b31m');
    expect(showControls('a\u202Eb')).toBe('a\\u{202e}b');
  });

  it('keeps printable text, Japanese included, byte for byte', () => {
    expect(safeOneLine('* OK [CAPABILITY IMAP4rev1] ドヴコット ready.')).toBe('* OK [CAPABILITY IMAP4rev1] ドヴコット ready.');
  });

  it('a forged line cannot start: CR and LF fold into one line', () => {
    expect(safeOneLine('550 no\r\nResult: no errors\rX')).toBe('550 no Result: no errors X');
  });

  it('property: no raw control character and no line break ever survives', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = safeOneLine(s);
        expect(out).not.toMatch(RAW_CONTROL);
        expect(out).not.toMatch(/[\r\n\u2028\u2029]/);
      }),
      { numRuns: 500 },
    );
  });

  it('property: text without controls is unchanged by showControls', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !RAW_CONTROL.test(s) && !/[\u061C\u200E\u200F\u2028\u2029\uFEFF\t\n\r]/.test(s)), (s) => showControls(s) === s));
  });
});

/** The text a CommonMark inline code span with this exact delimiter holds, or null when the span is broken. */
function codeSpanContent(md: string): string | null {
  const m = /^(`+)([\s\S]*?)\1$/.exec(md);
  if (!m) return null;
  if (m[2]!.includes(m[1]!)) return null; // a run as long as the delimiter would close it early
  return m[2]!;
}

describe('markdownInlineCode', () => {
  it('survives backticks and multi-line replies that try to break out', () => {
    const evil = '535 nope`\n# Fixed!\n[click](http://evil.example)';
    const md = markdownInlineCode(evil);
    expect(md).not.toContain('\n');
    expect(md.startsWith('``')).toBe(true);
    expect(codeSpanContent(md)).toContain('# Fixed!');
  });

  it('property: one line, and no backtick run inside is as long as the delimiter', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const md = markdownInlineCode(s);
        expect(md).not.toMatch(/[\r\n]/);
        const delim = /^`+/.exec(md)![0];
        const inner = md.slice(delim.length, md.length - delim.length);
        expect(md.endsWith(delim)).toBe(true);
        for (const run of inner.match(/`+/g) ?? []) expect(run.length).not.toBe(delim.length);
        expect(Math.max(0, ...(inner.match(/`+/g) ?? []).map((r) => r.length))).toBeLessThan(delim.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('markdownCodeBlock', () => {
  it('property: the fence is longer than every backtick run, so no line inside closes it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const md = markdownCodeBlock(s);
        const lines = md.split('\n');
        const fence = /^`+/.exec(lines[0]!)![0];
        expect(lines[lines.length - 1]).toBe(fence);
        for (const l of lines.slice(1, -1)) expect(l.startsWith(fence)).toBe(false);
        expect(md).not.toMatch(RAW_CONTROL);
      }),
      { numRuns: 500 },
    );
  });
});
