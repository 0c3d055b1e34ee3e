/**
 * SMTP AUTH and the envelope check on the probe's own session (after EHLO, and after
 * STARTTLS + EHLO on 587). Never sends mail: MAIL FROM / RCPT TO / RSET only, written
 * together when the server offers PIPELINING (RFC 2920), then QUIT without waiting.
 * AUTH PLAIN carries its initial response (RFC 4954 §4: one round trip); LOGIN and CRAM-MD5
 * answer the server's 334 challenges.
 */
import { classifyAuthReply, classifyEnvelopeReply } from '../../../shared/findings/classify';
import { COMMAND_TIMEOUT_MS, LOGIN_TIMEOUT_MS } from '../deadlines';
import type { ProbeContext } from '../probe-context';
import type { CommandReply, Session } from './dialect';
import { reportLoginEnded } from './login-ended';
import { markCredentialsSent } from './login-unanswered';
import { politeQuit } from './quit';
import { failedReply } from './reply';
import { cramMd5Response, loginPass, loginUser, plainResponse } from './sasl';
import { smtpCommand } from './smtp-wire';

const SMTP_QUIT = { quitLine: () => 'QUIT' };

function authMechanisms(caps: string[]): string[] {
  const line = caps.map((c) => c.toUpperCase()).find((c) => /^AUTH[ =]/.test(c));
  return line ? line.slice(5).trim().split(/[\s=]+/).filter(Boolean) : [];
}

/** AUTH with the cheapest password mechanism offered; 334 challenges answered in turn. */
async function auth(ctx: ProbeContext, s: Session, user: string, pass: string): Promise<{ reply: CommandReply; mechanism: string } | null> {
  const mechs = authMechanisms(s.caps);
  const step = (cmd: string) => smtpCommand(ctx, s.conn, cmd, LOGIN_TIMEOUT_MS);
  const challenge = (r: CommandReply): string | null => (/^334[ -]?/.test(r.text) ? r.text.replace(/^334[ -]?/, '').trim() : null);
  if (mechs.includes('PLAIN')) {
    markCredentialsSent(ctx, 'AUTH PLAIN');
    return { reply: await step(`AUTH PLAIN ${plainResponse(user, pass)}`), mechanism: 'AUTH PLAIN' };
  }
  if (mechs.includes('LOGIN')) {
    markCredentialsSent(ctx, 'AUTH LOGIN');
    let r = await step(`AUTH LOGIN ${loginUser(user)}`);
    if (challenge(r) !== null) r = await step(loginPass(pass));
    return { reply: r, mechanism: 'AUTH LOGIN' };
  }
  if (mechs.includes('CRAM-MD5')) {
    markCredentialsSent(ctx, 'AUTH CRAM-MD5');
    let r = await step('AUTH CRAM-MD5');
    const ch = challenge(r);
    if (ch !== null) r = await step(cramMd5Response(user, pass, ch));
    return { reply: r, mechanism: 'AUTH CRAM-MD5' };
  }
  return null;
}

export async function loginSmtp(ctx: ProbeContext, s: Session, serverOffersNoAuth: boolean): Promise<void> {
  ctx.step('auth', 'running');
  const from = ctx.options.from ?? ctx.account.email;
  const to = ctx.options.to ?? ctx.account.email;
  if (serverOffersNoAuth) {
    ctx.note('the server offers no AUTH here: checking the envelope without logging in');
    ctx.step('auth', 'skipped', 'server offers no AUTH', { code: 'no-auth-offered' });
  } else {
    const a = await auth(ctx, s, ctx.account.user, ctx.account.password ?? '');
    if (!a) {
      ctx.login = 'failed';
      ctx.add('AUTH_MECHANISM_UNSUPPORTED', { message: 'no password login method this probe can use', details: { mechanisms: authMechanisms(s.caps).join(' ') } });
      ctx.step('auth', 'failed', 'no mechanism', { code: 'no-common-login-method' });
      politeQuit(s.conn, SMTP_QUIT);
      return;
    }
    const r = a.reply;
    if (!r.ok || /^334/.test(r.text)) {
      if (reportLoginEnded(ctx, r)) return;
      ctx.login = 'failed';
      ctx.add(classifyAuthReply(r.text), { serverReply: r.text });
      ctx.step('auth', 'failed', r.text);
      politeQuit(s.conn, SMTP_QUIT);
      return;
    }
    ctx.login = 'ok';
    ctx.step('auth', 'ok', ctx.account.user);
  }
  await envelope(ctx, s, from, to);
  politeQuit(s.conn, SMTP_QUIT);
}

/** MAIL FROM / RCPT TO / RSET: what the server would say to this sender and recipient; nothing is sent (no DATA). */
async function envelope(ctx: ProbeContext, s: Session, from: string, to: string): Promise<void> {
  ctx.step('envelope', 'running');
  const pipelining = s.caps.some((c) => c.toUpperCase() === 'PIPELINING');
  let mail: CommandReply;
  let rcpt: CommandReply | null = null;
  if (pipelining) {
    try {
      // Policy checks (RBL, sender ownership) happen at RCPT: allow two rounds' worth for the batch.
      const deadline = Date.now() + ctx.ms(COMMAND_TIMEOUT_MS * 2);
      s.conn.writeLines([`MAIL FROM:<${from}>`, `RCPT TO:<${to}>`, 'RSET']);
      const read = async (what: string): Promise<CommandReply> => {
        const r = await s.conn.readSmtpReply(Math.max(1, deadline - Date.now()), what);
        return { ok: r.code >= 200 && r.code < 300, text: r.text, lines: r.lines };
      };
      mail = await read('MAIL FROM');
      rcpt = await read('RCPT TO');
      await read('RSET');
    } catch (e) {
      mail = failedReply(ctx, e);
    }
  } else {
    mail = await smtpCommand(ctx, s.conn, `MAIL FROM:<${from}>`);
    if (mail.ok && /^2/.test(mail.text)) rcpt = await smtpCommand(ctx, s.conn, `RCPT TO:<${to}>`);
    // Ends the transaction: nothing is ever sent (no DATA).
    await smtpCommand(ctx, s.conn, 'RSET');
  }
  const accepted = (r: CommandReply | null): boolean => !!r && /^2\d\d/.test(r.text);
  if (mail.errorCode) {
    ctx.step('envelope', 'failed', mail.text);
    return;
  }
  if (accepted(mail) && accepted(rcpt)) {
    ctx.step('envelope', 'ok', `${from} → ${to}`);
    return;
  }
  const [stage, reply] = !accepted(mail) ? (['mail', mail] as const) : (['rcpt', rcpt] as const);
  if (!reply) return;
  const code = classifyEnvelopeReply(stage, reply.text);
  if (code) ctx.add(code, { serverReply: reply.text, details: { command: stage === 'mail' ? 'MAIL FROM' : 'RCPT TO', from, to } });
  ctx.step('envelope', code ? 'failed' : 'warning', reply.text);
}
