/** POP3 command syntax (RFC 1939 §3): one line out, one status line (+OK / -ERR) back. */
import { COMMAND_TIMEOUT_MS } from '../deadlines';
import type { LineConn } from '../line-conn';
import type { ProbeContext } from '../probe-context';
import type { CommandReply } from './dialect';
import { failedReply } from './reply';

export async function pop3Command(ctx: ProbeContext, conn: LineConn, cmd: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandReply> {
  try {
    conn.write(cmd);
    const l = await conn.readLine(ctx.ms(timeoutMs), cmd.split(' ')[0] ?? cmd);
    return { ok: l.startsWith('+OK'), text: l, lines: [] };
  } catch (e) {
    return failedReply(ctx, e);
  }
}
