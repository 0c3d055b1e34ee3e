/** POP3 (RFC 1939, RFC 2449 CAPA, RFC 2595 STLS); login with our own client in pop3-login.ts. */
import { COMMAND_TIMEOUT_MS } from '../deadlines';
import type { ProtocolDialect } from './dialect';
import { loginPop3 } from './pop3-login';
import { pop3Command } from './pop3-wire';
import { failedReply, stopOnCapabilityFailure } from './reply';

export const pop3Dialect: ProtocolDialect = {
  protocol: 'pop3',
  starttls: { capability: 'STLS', command: 'STLS' },
  quitLine: () => 'QUIT',
  command: pop3Command,
  completeGreeting: async (_ctx, _conn, firstLine) => firstLine,
  async capabilities(ctx, conn) {
    const r = await pop3Command(ctx, conn, 'CAPA');
    stopOnCapabilityFailure(ctx, 'CAPA', r);
    if (!r.ok) return [];
    try {
      return await conn.readPopMulti(ctx.ms(COMMAND_TIMEOUT_MS), 'CAPA list');
    } catch (e) {
      // An unfinished list: a flood, or a server that stopped answering.
      stopOnCapabilityFailure(ctx, 'CAPA', failedReply(ctx, e));
      return [];
    }
  },
  beforeStarttls: async () => undefined,
  // No password method in clear, but STLS offered: the server wants TLS before the password.
  refusesPlaintextLogin: (caps, mv) => !mv.password && caps.some((c) => c.toUpperCase() === 'STLS'),
  login: (ctx, s) => loginPop3(ctx, s),
};
