/** IMAP (RFC 9051): `* OK` greeting, CAPABILITY, STARTTLS, LOGINDISABLED on plaintext; login in imap-login.ts. */
import type { ProtocolDialect } from './dialect';
import { loginImap } from './imap-login';
import { capabilityList, imapCommand, nextTag } from './imap-wire';
import { stopOnCapabilityFailure } from './reply';

export const imapDialect: ProtocolDialect = {
  protocol: 'imap',
  starttls: { capability: 'STARTTLS', command: 'STARTTLS' },
  quitLine: () => `${nextTag()} LOGOUT`,
  command: imapCommand,
  completeGreeting: async (_ctx, _conn, firstLine) => firstLine,
  async capabilities(ctx, conn, afterStarttls) {
    // Most servers list their capabilities in the greeting (`* OK [CAPABILITY …]`): no round trip.
    // After STARTTLS that list is void and must be asked for again.
    const fromGreeting = !afterStarttls && ctx.greeting ? capabilityList([ctx.greeting]) : null;
    if (fromGreeting) return fromGreeting;
    const r = await imapCommand(ctx, conn, 'CAPABILITY');
    stopOnCapabilityFailure(ctx, 'CAPABILITY', r);
    return capabilityList(r.lines) ?? [];
  },
  beforeStarttls: async () => undefined,
  refusesPlaintextLogin: (caps) => caps.some((c) => c.toUpperCase() === 'LOGINDISABLED'),
  login: (ctx, s) => loginImap(ctx, s),
};
