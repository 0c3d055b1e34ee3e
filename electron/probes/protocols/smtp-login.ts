/**
 * SMTP login and envelope check through nodemailer's SMTPConnection. Never sends mail:
 * after AUTH it issues MAIL FROM / RCPT TO / RSET only. nodemailer has no public way to
 * send an envelope without DATA, so the envelope runs as a custom SASL handler (public
 * `customAuth` API, whose `sendCommand` speaks on the live session) invoked with a second
 * login() call after the real AUTH.
 */
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { classifyAuthReply, classifyConnectError, classifyEnvelopeReply } from '../../../shared/findings/classify';
import { COMMAND_TIMEOUT_MS, GREETING_TIMEOUT_MS, LOGIN_TIMEOUT_MS, TCP_CONNECT_TIMEOUT_MS } from '../deadlines';
import type { ProbeContext } from '../probe-context';
import type { Session } from './dialect';
import { markCredentialsSent, reportLoginUnanswered } from './login-unanswered';
import { NEUTRAL_EHLO_NAME } from './smtp-wire';
import { libraryTlsOptions } from '../tls-inspect';
import { CANCELLED_CODE, errorCode, errorMessage, within } from '../wait';

const ENVELOPE_METHOD = 'X-MAILDOCTOR-ENVELOPE';

interface SmtpFailure {
  code?: string;
  originalCode?: string;
  response?: string;
  responseCode?: number;
}

/** nodemailer writes every command of a custom SASL handler as this placeholder. */
const NODEMAILER_MASK = '/* secret */';

function smtpLogger(ctx: ProbeContext, envelopeActive: () => boolean) {
  const log = (entry: unknown, msg?: unknown, ...args: unknown[]): void => {
    const e = entry as { tnx?: string } | undefined;
    if (typeof msg !== 'string') return;
    let text = msg;
    for (const a of args) text = text.replace(/%[sd]/, String(a));
    if (e?.tnx === 'server') ctx.transcript.add('s', text);
    else if (e?.tnx === 'client') {
      // The envelope handler writes its own (non-secret) commands to the transcript.
      if (text === NODEMAILER_MASK && envelopeActive()) return;
      if (/^AUTH\b/i.test(text)) markCredentialsSent(ctx, text.split(' ').slice(0, 2).join(' ').toUpperCase());
      ctx.transcript.add('c', text === NODEMAILER_MASK ? '****' : text);
    }
  };
  return { trace: log, debug: log, info: log, warn: log, error: log, fatal: log, level: 'debug' };
}

export async function loginSmtp(ctx: ProbeContext, s: Session, serverOffersNoAuth: boolean): Promise<void> {
  const t = ctx.target;
  ctx.step('auth', 'running');
  const envelope: { stage?: 'mail' | 'rcpt'; reply?: string; ok?: boolean; active?: boolean } = {};
  const from = ctx.options.from ?? ctx.account.email;
  const to = ctx.options.to ?? ctx.account.email;
  const conn = new SMTPConnection({
    host: s.endpoint.address,
    port: t.port,
    secure: t.security === 'tls',
    ...(s.tlsOptions.hostname !== s.endpoint.address ? { servername: s.tlsOptions.hostname } : {}),
    requireTLS: t.security === 'starttls',
    ignoreTLS: t.security === 'none',
    name: NEUTRAL_EHLO_NAME,
    tls: libraryTlsOptions(s.tlsOptions, s.secure),
    logger: smtpLogger(ctx, () => envelope.active === true) as never,
    transactionLog: true,
    allowInternalNetworkInterfaces: true,
    connectionTimeout: ctx.ms(TCP_CONNECT_TIMEOUT_MS),
    greetingTimeout: ctx.ms(GREETING_TIMEOUT_MS),
    socketTimeout: ctx.ms(LOGIN_TIMEOUT_MS),
    customAuth: {
      [ENVELOPE_METHOD]: async (c) => {
        envelope.active = true;
        const send = (cmd: string) => {
          ctx.transcript.add('c', cmd);
          return c.sendCommand(cmd);
        };
        try {
          const mail = await send(`MAIL FROM:<${from}>`);
          if (mail.status >= 200 && mail.status < 300) {
            const rcpt = await send(`RCPT TO:<${to}>`);
            if (rcpt.status >= 200 && rcpt.status < 300) envelope.ok = true;
            else Object.assign(envelope, { stage: 'rcpt', reply: rcpt.response });
          } else Object.assign(envelope, { stage: 'mail', reply: mail.response });
          // Ends the transaction: nothing is ever sent (no DATA).
          await send('RSET');
        } finally {
          envelope.active = false;
        }
      },
    },
  });
  conn.on('error', () => undefined);
  ctx.cleanups.push(() => conn.close());
  const call = <T>(fn: (cb: (err: Error | null | undefined, v?: T) => void) => void, what: string, ms: number): Promise<T | undefined> =>
    within(new Promise<T | undefined>((res, rej) => fn((err, v) => (err ? rej(err) : res(v)))), ms, ctx.signal, what, () => conn.close());

  try {
    await call<void>((cb) => conn.connect((err) => cb(err)), 'SMTP connect', ctx.ms(LOGIN_TIMEOUT_MS));
  } catch (e) {
    return failConnect(ctx, e);
  }
  if (serverOffersNoAuth) {
    ctx.note('the server offers no AUTH here: checking the envelope without logging in');
    ctx.step('auth', 'skipped', 'server offers no AUTH');
  } else {
    try {
      await call<boolean>((cb) => conn.login({ user: ctx.account.user, pass: ctx.account.password ?? '' }, (err, v) => cb(err, v)), 'SMTP AUTH', ctx.ms(LOGIN_TIMEOUT_MS));
      ctx.login = 'ok';
      ctx.step('auth', 'ok', ctx.account.user);
    } catch (e) {
      const f = e as SmtpFailure;
      if (errorCode(e) === CANCELLED_CODE && !ctx.budgetExpired) return;
      ctx.login = 'failed';
      if (f.response) {
        ctx.add(classifyAuthReply(f.response), { serverReply: f.response, errorCode: f.code, message: errorMessage(e) });
        ctx.step('auth', 'failed', f.response);
      } else return failConnect(ctx, e);
      conn.quit();
      return;
    }
  }
  ctx.step('envelope', 'running');
  try {
    // Three commands (MAIL, RCPT, RSET); policy checks happen at RCPT, so two rounds' worth.
    await call<boolean>((cb) => conn.login({ method: ENVELOPE_METHOD, user: ctx.account.user }, (err, v) => cb(err, v)), 'envelope check', ctx.ms(COMMAND_TIMEOUT_MS * 2));
  } catch (e) {
    ctx.step('envelope', 'failed', errorMessage(e));
    return;
  }
  if (envelope.ok) {
    ctx.step('envelope', 'ok', `${from} → ${to}`);
  } else if (envelope.stage && envelope.reply) {
    const code = classifyEnvelopeReply(envelope.stage, envelope.reply);
    if (code) ctx.add(code, { serverReply: envelope.reply, details: { command: envelope.stage === 'mail' ? 'MAIL FROM' : 'RCPT TO', from, to } });
    ctx.step('envelope', code ? 'failed' : 'warning', envelope.reply);
  }
  conn.quit();
}

function failConnect(ctx: ProbeContext, e: unknown): void {
  const c0 = errorCode(e);
  if (c0 === CANCELLED_CODE && !ctx.budgetExpired) return;
  const c = c0 === CANCELLED_CODE ? 'ETIMEDOUT' : c0;
  const f = e as SmtpFailure;
  if (!f.response && c === 'ETIMEDOUT' && reportLoginUnanswered(ctx, c)) return;
  ctx.login = 'failed';
  // The server greeted us moments ago (pre-login stage): silence now means it is not serving logins.
  ctx.add(f.response ? classifyAuthReply(f.response) : c === 'ETIMEDOUT' ? 'SERVER_UNAVAILABLE' : classifyConnectError(c), {
    errorCode: c,
    ...(f.response ? { serverReply: f.response } : {}),
    message: `login connection failed: ${errorMessage(e)}`,
  });
  ctx.step('auth', 'failed', c);
}
