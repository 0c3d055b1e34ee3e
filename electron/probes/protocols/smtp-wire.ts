/** SMTP command syntax (RFC 5321 §4.2): one line out, a (multi-line) numbered reply back. */
import { COMMAND_TIMEOUT_MS } from '../deadlines';
import type { LineConn } from '../line-conn';
import type { ProbeContext } from '../probe-context';
import type { CommandReply } from './dialect';
import { failedReply } from './reply';

/** Sent with EHLO: a neutral name, never the PC's host name (which can identify the user). */
export const NEUTRAL_EHLO_NAME = 'mail-doctor.invalid';

export async function smtpCommand(ctx: ProbeContext, conn: LineConn, cmd: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandReply> {
  try {
    conn.write(cmd);
    const r = await conn.readSmtpReply(ctx.ms(timeoutMs), cmd.split(' ')[0] ?? cmd);
    return { ok: r.code >= 200 && r.code < 400, text: r.text, lines: r.lines };
  } catch (e) {
    return failedReply(ctx, e);
  }
}
