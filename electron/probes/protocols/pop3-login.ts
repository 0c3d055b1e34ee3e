/**
 * POP3 login with our own small client on the probe's session: AUTH PLAIN with the initial
 * response when SASL PLAIN is offered (RFC 5034, one round trip), else USER/PASS (RFC 1939;
 * sent together when PIPELINING is offered, RFC 2449); then STAT, and QUIT without waiting.
 */
import { classifyAuthReply } from '../../../shared/findings/classify';
import { LOGIN_TIMEOUT_MS } from '../deadlines';
import type { ProbeContext } from '../probe-context';
import type { CommandReply, Session } from './dialect';
import { reportLoginEnded } from './login-ended';
import { markCredentialsSent } from './login-unanswered';
import { pop3Command as command } from './pop3-wire';
import { politeQuit } from './quit';
import { failedReply } from './reply';
import { plainResponse } from './sasl';

async function userPass(ctx: ProbeContext, s: Session, user: string, pass: string, pipelining: boolean): Promise<CommandReply> {
  if (!pipelining) {
    const r = await command(ctx, s.conn, `USER ${user}`);
    if (!r.ok) return r;
    markCredentialsSent(ctx, 'PASS');
    return command(ctx, s.conn, `PASS ${pass}`, LOGIN_TIMEOUT_MS);
  }
  markCredentialsSent(ctx, 'USER/PASS (pipelined)');
  try {
    s.conn.writeLines([`USER ${user}`, `PASS ${pass}`]);
    const deadline = Date.now() + ctx.ms(LOGIN_TIMEOUT_MS);
    const u = await s.conn.readLine(Math.max(1, deadline - Date.now()), 'USER');
    const p = await s.conn.readLine(Math.max(1, deadline - Date.now()), 'PASS');
    if (!u.startsWith('+OK')) return { ok: false, text: u, lines: [] };
    return { ok: p.startsWith('+OK'), text: p, lines: [] };
  } catch (e) {
    return failedReply(ctx, e);
  }
}

export async function loginPop3(ctx: ProbeContext, s: Session): Promise<void> {
  ctx.step('auth', 'running');
  const user = ctx.account.user;
  const pass = ctx.account.password ?? '';
  const upper = s.caps.map((c) => c.toUpperCase());
  const sasl = upper.find((c) => c.startsWith('SASL'))?.split(/\s+/).slice(1) ?? [];
  let reply: CommandReply;
  if (sasl.includes('PLAIN')) {
    markCredentialsSent(ctx, 'AUTH PLAIN');
    reply = await command(ctx, s.conn, `AUTH PLAIN ${plainResponse(user, pass)}`, LOGIN_TIMEOUT_MS);
  } else {
    // No CAPA answer at all: USER/PASS is the RFC 1939 default.
    reply = await userPass(ctx, s, user, pass, upper.includes('PIPELINING'));
  }
  if (reportLoginEnded(ctx, reply)) return;
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
  politeQuit(s.conn, { quitLine: () => 'QUIT' });
}
