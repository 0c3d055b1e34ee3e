/** Ending a session we are done with: LOGOUT/QUIT goes out and our side closes; its answer carries no information, so nobody waits for it. */
import type { LineConn } from '../line-conn';
import type { ProtocolDialect } from './dialect';

export function politeQuit(conn: LineConn, dialect: Pick<ProtocolDialect, 'quitLine'>): void {
  conn.sendAndClose(dialect.quitLine());
}
