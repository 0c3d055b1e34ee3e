/**
 * POP3 login with our own small client (RFC 1939, RFC 5034): USER/PASS, or AUTH PLAIN
 * when USER is not offered; then STAT and QUIT. Runs on the pre-login connection.
 */
import { classifyAuthReply } from '../../../shared/findings/classify';
import { LOGIN_TIMEOUT_MS } from '../deadlines';
import type { ProbeContext } from '../probe-context';
import type { Session } from './dialect';
import { markCredentialsSent, reportLoginUnanswered } from './login-unanswered';
import { pop3Command as command } from './pop3-wire';

export async function loginPop3(ctx: ProbeContext, s: Session): Promise<void> {
  ctx.step('auth', 'running');
  const user = ctx.account.user;
  const pass = ctx.account.password ?? '';
  const upper = s.caps.map((c) => c.toUpperCase());
  let reply: { ok: boolean; text: string; errorCode?: string };
  if (upper.length === 0 || upper.includes('USER')) {
    reply = await command(ctx, s.conn, `USER ${user}`);
    if (reply.ok) {
      markCredentialsSent(ctx, 'PASS');
      reply = await command(ctx, s.conn, `PASS ${pass}`, LOGIN_TIMEOUT_MS);
    }
  } else {
    markCredentialsSent(ctx, 'AUTH PLAIN');
    reply = await command(ctx, s.conn, `AUTH PLAIN ${Buffer.from(`\0${user}\0${pass}`, 'utf8').toString('base64')}`, LOGIN_TIMEOUT_MS);
  }
  if (!reply.ok && reply.errorCode === 'ETIMEDOUT' && reportLoginUnanswered(ctx, reply.errorCode)) return;
  if (!reply.ok) {
    ctx.login = 'failed';
    ctx.add(classifyAuthReply(reply.text), { serverReply: reply.text });
    ctx.step('auth', 'failed', reply.text);
    return;
  }
  ctx.login = 'ok';
  ctx.step('auth', 'ok', user);
  ctx.step('mailbox', 'running');
  const stat = await command(ctx, s.conn, 'STAT');
  ctx.step('mailbox', stat.ok ? 'ok' : 'warning', stat.text);
  await command(ctx, s.conn, 'QUIT');
  s.conn.destroy();
}
