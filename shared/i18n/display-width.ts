/**
 * How many columns a text takes in a monospaced terminal or plain-text file: East Asian wide
 * characters (kana, kanji, hangul, full-width forms) take two, everything else one. Used to
 * line up columns and to draw a heading's underline exactly as wide as the heading.
 */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}
