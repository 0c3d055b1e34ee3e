/**
 * The forms a password can take in text it must never appear in (transcripts, evidence, reports,
 * saved cases), and the blanket mask over them. Pure (no Buffer): the engine, the main process and
 * the renderer's report all use this one list.
 */

export const MASK = '****';

/** Shorter fragments would mask ordinary text ("ok", "a"); the command-aware rules still cover them. */
const MIN_FORM = 3;

function base64(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * The password, each line of it (a password with a line break would otherwise leave its second
 * half in clear on a line of its own), its URL-encoded forms, and the base64 forms of AUTH LOGIN
 * and AUTH PLAIN (with and without an authorization identity). Longest first, so a form that
 * contains another is masked whole.
 */
export function secretForms(user: string | undefined, password: string | undefined): string[] {
  if (!password) return [];
  const forms = new Set<string>([password, base64(password)]);
  for (const part of password.split(/[\r\n\0]+/)) forms.add(part);
  const url = encodeURIComponent(password);
  forms.add(url);
  forms.add(url.replace(/%20/g, '+'));
  if (user !== undefined) {
    forms.add(base64(`\0${user}\0${password}`));
    forms.add(base64(`${user}\0${user}\0${password}`));
  }
  return [...forms].filter((f) => f.length >= MIN_FORM).sort((a, b) => b.length - a.length);
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Masks every form, whatever its letter case: a server that echoes the password upper-cased
 * ("-ERR unknown command HUNTER2") or percent-encoded with lower-case hex leaks it just the same.
 */
export function maskSecrets(text: string, forms: readonly string[], mask = MASK): string {
  const usable = forms.filter((f) => f.length >= MIN_FORM);
  if (!usable.length || !text) return text;
  return text.replace(new RegExp(usable.map(escapeRe).join('|'), 'gi'), mask);
}

/** True when any form of the secret is in the text (the same matching as maskSecrets). */
export function containsSecret(text: string, forms: readonly string[]): boolean {
  const usable = forms.filter((f) => f.length >= MIN_FORM);
  return usable.length > 0 && new RegExp(usable.map(escapeRe).join('|'), 'i').test(text);
}
