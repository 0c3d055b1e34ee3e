/**
 * Transcript redaction: no password, AUTH payload or token ever reaches a transcript,
 * a log or a report. Two layers: command-aware masking (LOGIN/PASS/AUTH and the SASL
 * continuation lines that follow an AUTH), then a blanket mask of the secret itself and
 * its base64, URL-encoded and per-line forms wherever they appear, in any letter case
 * (shared/security/secret-mask.ts).
 */

import { MASK, maskSecrets, secretForms } from '../../shared/security/secret-mask';

export { MASK, secretForms };

export interface RedactState {
  /** True while the next client line is a SASL continuation (base64 user/password/token). */
  saslContinuation: boolean;
}

export function newRedactState(): RedactState {
  return { saslContinuation: false };
}

/**
 * Redacts one line. `dir` is who sent it: 'c' client, 's' server, 'i' our own note.
 * Server lines can end a SASL exchange (tagged reply, 2xx/5xx, +OK/-ERR).
 */
export function redactLine(dir: 'c' | 's' | 'i', line: string, state: RedactState, secrets: string[]): string {
  let out = line;
  if (dir === 'c') {
    if (state.saslContinuation) {
      // `*` cancels an exchange; anything else in a SASL continuation is credentials.
      out = out.trim() === '*' ? out : MASK;
    } else {
      // IMAP: a1 LOGIN user pass  → a1 LOGIN user ****   (user may be quoted)
      out = out.replace(/^(\S+\s+LOGIN\s+("(?:[^"\\]|\\.)*"|\S+))\s+.*$/i, `$1 ${MASK}`);
      // IMAP: a1 AUTHENTICATE PLAIN <initial response>
      out = out.replace(/^(\S+\s+AUTHENTICATE\s+\S+)\s+\S.*$/i, `$1 ${MASK}`);
      // SMTP/POP3: AUTH PLAIN <ir>, AUTH LOGIN <user-b64>, AUTH XOAUTH2 <token>
      out = out.replace(/^(AUTH\s+\S+)\s+\S.*$/i, `$1 ${MASK}`);
      // POP3: PASS secret ; APOP user digest
      out = out.replace(/^(PASS)\s.*$/i, `$1 ${MASK}`);
      out = out.replace(/^(APOP\s+\S+)\s+.*$/i, `$1 ${MASK}`);
    }
    if (/^(\S+\s+)?AUTH(ENTICATE)?\s+\S+/i.test(line)) state.saslContinuation = true;
  } else if (dir === 's') {
    // A continuation request (IMAP "+", SMTP 334, POP3 "+") keeps the exchange open; anything else ends it.
    if (!/^(\+|334[ -])/.test(line)) state.saslContinuation = false;
  }
  return maskSecrets(out, secrets);
}
