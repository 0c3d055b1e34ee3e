/** Ending a session we are done with: send LOGOUT/QUIT, never wait long for its answer. */
import { QUIT_WAIT_MS } from '../deadlines';
import type { LineConn } from '../line-conn';
import type { ProbeContext } from '../probe-context';
import { pause } from '../probe-stop';
import type { ProtocolDialect } from './dialect';

export async function politeQuit(ctx: ProbeContext, conn: LineConn, dialect: ProtocolDialect): Promise<void> {
  // Best effort with a short wait: the answer carries no information.
  await Promise.race([dialect.command(ctx, conn, dialect.quitCommand), pause(QUIT_WAIT_MS)]).catch(() => undefined);
  conn.destroy();
}
