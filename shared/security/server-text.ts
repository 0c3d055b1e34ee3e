/**
 * Showing text that came from a server or a user without letting it act: in a terminal an ESC
 * sequence can clear the screen, retitle the window or overwrite a line with a forged "no errors";
 * in a Markdown ticket a line break followed by "# " or "[x](http://…)" becomes a heading or a
 * live link. The one place these rules live: the CLI's human output and the reports import it.
 * JSON output keeps the exact text (a program reading it wants the bytes, and JSON escapes them).
 */

/**
 * C0 controls, DEL, C1 controls, and the bidirectional overrides/isolates that can make a line
 * read differently from what it contains ("Trojan source"); U+2028/2029 break lines in some viewers.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_OR_BREAK = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uFEFF]/g;

function visible(ch: string): string {
  const c = ch.charCodeAt(0);
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u{${c.toString(16)}}`;
}

/**
 * Every control character shown as `\x1b`-style text; a backslash itself stays as it is (the
 * point is that nothing is interpreted, not a reversible encoding). Tab and line feed are kept
 * when `keepLines` (a multi-line block the caller indents); otherwise they are shown too.
 */
export function showControls(text: string, opts: { keepLines?: boolean } = {}): string {
  return opts.keepLines ? text.replace(/\r\n/g, '\n').replace(UNSAFE, visible) : text.replace(UNSAFE_OR_BREAK, visible);
}

/** One line for a terminal or a list item: whitespace runs (line breaks included) become one space, controls shown. */
export function safeOneLine(text: string, max = Infinity): string {
  const t = showControls(text.replace(/[ \t\r\n]+/g, ' ').trim());
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

function longestBacktickRun(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/`+/g)) max = Math.max(max, m[0].length);
  return max;
}

/**
 * Markdown inline code that nothing inside can close: the delimiter is one backtick longer than
 * the longest run inside (CommonMark §6.1), padded with spaces when the text starts or ends with
 * a backtick, and the text is one line — a line break inside would let the next line start a
 * heading, a list or a link definition.
 */
export function markdownInlineCode(text: string): string {
  const t = safeOneLine(text);
  if (!t) return '` `';
  const fence = '`'.repeat(longestBacktickRun(t) + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A Markdown fenced block for multi-line server text: a fence longer than any backtick run inside (at least 3). */
export function markdownCodeBlock(text: string): string {
  const t = showControls(text, { keepLines: true }).replace(/\t/g, '    ');
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(t) + 1));
  return `${fence}text\n${t}\n${fence}`;
}
