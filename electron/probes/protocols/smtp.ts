/** SMTP submission (RFC 5321, RFC 6409, RFC 3207 STARTTLS, RFC 4954 AUTH); login + envelope in smtp-login.ts. */
import { COMMAND_TIMEOUT_MS } from '../deadlines';
import type { ProtocolDialect } from './dialect';
import { stopOnCapabilityFailure } from './reply';
import { stopOnFlood } from '../probe-flood';
import { loginSmtp } from './smtp-login';
import { NEUTRAL_EHLO_NAME, smtpCommand } from './smtp-wire';

export const smtpDialect: ProtocolDialect = {
  protocol: 'smtp',
  starttls: { capability: 'STARTTLS', command: 'STARTTLS' },
  quitLine: () => 'QUIT',
  command: smtpCommand,
  async completeGreeting(ctx, conn, firstLine) {
    if (!/^\d{3}-/.test(firstLine)) return firstLine;
    // Multi-line SMTP greeting (RFC 5321 §4.2; postscreen and big providers send them): read to the last line.
    const rest = await conn.readSmtpReply(ctx.ms(COMMAND_TIMEOUT_MS), 'greeting').catch((e: unknown) => {
      stopOnFlood(ctx, e, 'the greeting');
      return null;
    });
    return rest ? [firstLine, ...rest.lines].join('\n') : firstLine;
  },
  async capabilities(ctx, conn) {
    const r = await smtpCommand(ctx, conn, `EHLO ${NEUTRAL_EHLO_NAME}`);
    if (r.ok) return r.lines.slice(1).map((l) => l.slice(4));
    // 4xx, silence or a hang-up: unavailable; a 5xx is an old server that wants HELO.
    stopOnCapabilityFailure(ctx, 'EHLO', r);
    await smtpCommand(ctx, conn, `HELO ${NEUTRAL_EHLO_NAME}`);
    return [];
  },
  async beforeStarttls(ctx, conn) {
    conn.write(`EHLO ${NEUTRAL_EHLO_NAME}`);
    await conn.readSmtpReply(ctx.ms(COMMAND_TIMEOUT_MS), 'EHLO');
  },
  // AUTH offered only after TLS (Postfix smtpd_tls_auth_only): no AUTH in clear, STARTTLS offered.
  refusesPlaintextLogin: (caps, mv) => mv.noAuth && caps.some((c) => c.toUpperCase() === 'STARTTLS'),
  login: (ctx, s, mv) => loginSmtp(ctx, s, mv.noAuth),
};
