/** IMAP (RFC 9051): `* OK` greeting, CAPABILITY, STARTTLS, LOGINDISABLED on plaintext; login in imap-login.ts. */
import type { ProtocolDialect } from './dialect';
import { loginImap } from './imap-login';
import { imapCommand } from './imap-wire';
import { politeQuit } from './quit';

export const imapDialect: ProtocolDialect = {
  protocol: 'imap',
  starttls: { capability: 'STARTTLS', command: 'STARTTLS' },
  quitCommand: 'LOGOUT',
  command: imapCommand,
  completeGreeting: async (_ctx, _conn, firstLine) => firstLine,
  async capabilities(ctx, conn) {
    const r = await imapCommand(ctx, conn, 'CAPABILITY');
    const line = r.lines.find((l) => /^\* CAPABILITY /i.test(l));
    return line ? line.replace(/^\* CAPABILITY /i, '').split(/\s+/).filter(Boolean) : [];
  },
  beforeStarttls: async () => undefined,
  refusesPlaintextLogin: (caps) => caps.some((c) => c.toUpperCase() === 'LOGINDISABLED'),
  async login(ctx, s) {
    await politeQuit(ctx, s.conn, imapDialect);
    await loginImap(ctx, s);
  },
};
