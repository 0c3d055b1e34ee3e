/** IMAP command syntax (RFC 9051 §2.2): a tagged command, untagged lines, then the tagged status. */
import { COMMAND_TIMEOUT_MS } from '../deadlines';
import type { LineConn } from '../line-conn';
import type { ProbeContext } from '../probe-context';
import type { CommandReply } from './dialect';
import { failedReply } from './reply';

let tagCounter = 0;

export function nextTag(): string {
  return `md${++tagCounter}`;
}

export async function imapCommand(ctx: ProbeContext, conn: LineConn, cmd: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandReply> {
  try {
    const tag = nextTag();
    conn.write(`${tag} ${cmd}`);
    const r = await conn.readImapTagged(tag, ctx.ms(timeoutMs), cmd);
    return { ok: /^\S+ OK/i.test(r.tagged), text: r.tagged, lines: r.untagged };
  } catch (e) {
    return failedReply(ctx, e);
  }
}

/**
 * A command sent in pieces: after each piece but the last the server must answer `+`
 * (a synchronizing literal, RFC 9051 §4.3, or a SASL challenge). A tagged answer instead ends it.
 */
export type Piece = string | ((challenge: string) => string);

export async function imapContinued(ctx: ProbeContext, conn: LineConn, pieces: Piece[], what: string, timeoutMs: number): Promise<CommandReply> {
  const tag = nextTag();
  const deadline = Date.now() + ctx.ms(timeoutMs);
  const untagged: string[] = [];
  try {
    let challenge = '';
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i] ?? '';
      const text = typeof p === 'function' ? p(challenge) : p;
      conn.write(i === 0 ? `${tag} ${text}` : text);
      for (;;) {
        const l = await conn.readLine(Math.max(1, deadline - Date.now()), what);
        if (l.startsWith(`${tag} `)) return { ok: /^\S+ OK/i.test(l), text: l, lines: untagged };
        if (l.startsWith('+') && i < pieces.length - 1) {
          challenge = l.slice(1).trim();
          break;
        }
        if (untagged.length < 100) untagged.push(l);
      }
    }
    throw Object.assign(new Error(`${what}: the server asked for more than we send`), { code: 'EPROTOCOL' });
  } catch (e) {
    return failedReply(ctx, e);
  }
}

/** An astring (RFC 9051 §9) as a quoted string, or null when it needs a literal (8-bit or CR/LF/NUL). */
export function imapQuoted(s: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[^\x01-\x09\x0b\x0c\x0e-\x7f]/.test(s)) return null;
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `* CAPABILITY a b` or a `[CAPABILITY a b]` response code → the list; null when absent. */
export function capabilityList(lines: string[]): string[] | null {
  for (const l of lines) {
    const m = /^\* CAPABILITY (.*)$/i.exec(l) ?? /\[CAPABILITY ([^\]]*)\]/i.exec(l);
    if (m?.[1]) return m[1].split(/\s+/).filter(Boolean);
  }
  return null;
}
