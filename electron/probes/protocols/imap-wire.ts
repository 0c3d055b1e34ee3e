/** IMAP command syntax (RFC 9051 §2.2): a tagged command, untagged lines, then the tagged status. */
import { COMMAND_TIMEOUT_MS } from '../deadlines';
import type { LineConn } from '../line-conn';
import type { ProbeContext } from '../probe-context';
import type { CommandReply } from './dialect';
import { failedReply } from './reply';

let tagCounter = 0;

export async function imapCommand(ctx: ProbeContext, conn: LineConn, cmd: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandReply> {
  try {
    const tag = `md${++tagCounter}`;
    conn.write(`${tag} ${cmd}`);
    const r = await conn.readImapTagged(tag, ctx.ms(timeoutMs), cmd);
    return { ok: /^\S+ OK/i.test(r.tagged), text: r.tagged, lines: r.untagged };
  } catch (e) {
    return failedReply(ctx, e);
  }
}
