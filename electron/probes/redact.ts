/**
 * Transcript redaction: no password, AUTH payload or token ever reaches a transcript,
 * a log or a report. Two layers: command-aware masking (LOGIN/PASS/AUTH and the SASL
 * continuation lines that follow an AUTH), then a blanket mask of the secret itself and
 * its base64 forms wherever it appears.
 */

export const MASK = '****';

export interface RedactState {
  /** True while the next client line is a SASL continuation (base64 user/password/token). */
  saslContinuation: boolean;
}

export function newRedactState(): RedactState {
  return { saslContinuation: false };
}

/** base64 forms a password can take on the wire (AUTH PLAIN, AUTH LOGIN). */
export function secretForms(user: string | undefined, password: string | undefined): string[] {
  if (!password) return [];
  const forms = new Set<string>([password, Buffer.from(password, 'utf8').toString('base64')]);
  if (user !== undefined) {
    forms.add(Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64'));
    forms.add(Buffer.from(`${user}\0${user}\0${password}`, 'utf8').toString('base64'));
  }
  // Too-short "secrets" would mask random text; passwords that short are still masked by the command rules.
  return [...forms].filter((f) => f.length >= 3).sort((a, b) => b.length - a.length);
}

function maskSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join(MASK);
  return out;
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
