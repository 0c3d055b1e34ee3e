/**
 * The forms a password can leak in, and the search for them: one list for every secrets test
 * (the lab test over the CLI, reports, history and web host; the e2e over the printed report).
 */

/** Refused by the lab (alice's real password is another): upper and lower case, '+', '/', '%', a space and a non-ASCII letter, so every encoding differs from the plain text. */
export const DISTINCT_PASSWORD = 'Zq7 Nebula+Pw/Key%Ä';

export function secretForms(user: string, pw: string): string[] {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return [
    pw,
    pw.toLowerCase(),
    pw.toUpperCase(),
    encodeURIComponent(pw),
    encodeURIComponent(pw).replace(/%20/g, '+'),
    b64(pw), // AUTH LOGIN's second answer
    b64(`\0${user}\0${pw}`), // AUTH PLAIN (RFC 4616), no authzid
    b64(`${user}\0${user}\0${pw}`), // AUTH PLAIN with authzid
    // The tail of the password alone: a half that survived a split line would show here.
    pw.slice(Math.floor(pw.length / 2)),
  ];
}

/**
 * Every form of `pw` found in `text`, also with all whitespace removed from both (a PDF's text
 * layer or a wrapped terminal line breaks a long base64 string where a plain search misses it).
 */
export function secretHits(name: string, text: string, user: string, pw: string): string[] {
  const squeezed = text.replace(/\s+/g, '');
  return secretForms(user, pw)
    .filter((f) => text.includes(f) || squeezed.includes(f.replace(/\s+/g, '')))
    .map((f) => `${name}: ${JSON.stringify(f)}`);
}
