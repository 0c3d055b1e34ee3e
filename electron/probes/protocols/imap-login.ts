/**
 * IMAP login and quota through imapflow, on a fresh connection to the address the
 * pre-login stage used. imapflow reports a refused login with `authenticationFailed`,
 * `serverResponseCode` and `response`, not with `code` (imapflow's error objects).
 */
import { ImapFlow } from 'imapflow';
import { classifyAuthReply, classifyConnectError, classifyQuota } from '../../../shared/findings/classify';
import { COMMAND_TIMEOUT_MS, GREETING_TIMEOUT_MS, LOGIN_TIMEOUT_MS, TCP_CONNECT_TIMEOUT_MS } from '../deadlines';
import type { ProbeContext } from '../probe-context';
import type { Session } from './dialect';
import { markCredentialsSent, reportLoginUnanswered } from './login-unanswered';
import { libraryTlsOptions } from '../tls-inspect';
import { CANCELLED_CODE, errorCode, errorMessage, within } from '../wait';

interface ImapFlowFailure {
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  response?: string;
  responseText?: string;
  responseStatus?: string;
  code?: string;
}

/** imapflow's logger → our transcript (it already hides the AUTH payload; redact.ts masks again). */
export function imapLogger(ctx: ProbeContext) {
  const log = (o: unknown): void => {
    const e = o as { src?: string; msg?: unknown };
    if ((e.src === 'c' || e.src === 's') && typeof e.msg === 'string') {
      const m = e.src === 'c' ? /^\S+ (LOGIN|AUTHENTICATE(?: \S+)?)/i.exec(e.msg) : null;
      if (m?.[1]) markCredentialsSent(ctx, m[1].toUpperCase());
      ctx.transcript.add(e.src, e.msg);
    }
  };
  return { trace: log, debug: log, info: log, warn: log, error: log, fatal: log };
}

export async function loginImap(ctx: ProbeContext, s: Session): Promise<void> {
  const t = ctx.target;
  ctx.step('auth', 'running');
  const client = new ImapFlow({
    host: s.endpoint.address,
    port: t.port,
    secure: t.security === 'tls',
    ...(s.tlsOptions.hostname !== s.endpoint.address ? { servername: s.tlsOptions.hostname } : {}),
    // Credentials never go out in clear unless the run allowed it (security "none").
    doSTARTTLS: t.security === 'starttls',
    auth: { user: ctx.account.user, pass: ctx.account.password ?? '' },
    tls: libraryTlsOptions(s.tlsOptions, s.secure),
    logger: imapLogger(ctx),
    connectionTimeout: ctx.ms(TCP_CONNECT_TIMEOUT_MS),
    greetingTimeout: ctx.ms(GREETING_TIMEOUT_MS),
    socketTimeout: ctx.ms(LOGIN_TIMEOUT_MS),
    disableAutoIdle: true,
    disableCompression: true,
    clientInfo: { name: 'Mail Doctor' },
  });
  client.on('error', () => undefined);
  ctx.cleanups.push(() => client.close());
  try {
    await within(client.connect(), ctx.ms(LOGIN_TIMEOUT_MS), ctx.signal, 'IMAP login', () => client.close());
  } catch (e) {
    const f = e as ImapFlowFailure;
    const code = errorCode(e);
    if (code === CANCELLED_CODE && !ctx.budgetExpired) return;
    const reply = f.response ?? (f.responseStatus ? `${f.responseStatus} ${f.responseText ?? ''}` : undefined);
    ctx.login = 'failed';
    if (f.authenticationFailed || f.serverResponseCode || reply) {
      ctx.add(classifyAuthReply(reply ?? f.serverResponseCode ?? ''), { serverReply: reply, errorCode: f.serverResponseCode, message: errorMessage(e) });
      ctx.step('auth', 'failed', reply ?? f.serverResponseCode);
    } else {
      const c = code === CANCELLED_CODE ? 'ETIMEDOUT' : code;
      if ((c === 'ETIMEDOUT' || c === 'CONNECT_TIMEOUT') && reportLoginUnanswered(ctx, c)) return;
      // The server greeted us moments ago (pre-login stage): silence now means it is not serving logins.
      const timedOut = c === 'ETIMEDOUT' || c === 'CONNECT_TIMEOUT' || c === 'GREETING_TIMEOUT';
      ctx.add(timedOut ? 'SERVER_UNAVAILABLE' : classifyConnectError(c), { errorCode: c, message: `login connection failed: ${errorMessage(e)}` });
      ctx.step('auth', 'failed', c);
    }
    return;
  }
  ctx.login = 'ok';
  ctx.step('auth', 'ok', ctx.account.user);
  await mailbox(ctx, client);
  await within(client.logout(), ctx.ms(COMMAND_TIMEOUT_MS), undefined, 'LOGOUT').catch(() => undefined);
}

async function mailbox(ctx: ProbeContext, client: ImapFlow): Promise<void> {
  ctx.step('mailbox', 'running');
  if (!client.capabilities.has('QUOTA')) {
    ctx.step('mailbox', 'skipped', 'server has no QUOTA extension');
    return;
  }
  try {
    const q = await within(client.getQuota('INBOX'), ctx.ms(COMMAND_TIMEOUT_MS), ctx.signal, 'GETQUOTAROOT');
    const usage = q && q.storage ? q.storage.usage : undefined;
    const limit = q && q.storage ? q.storage.limit : undefined;
    if (usage === undefined || limit === undefined || !(limit > 0)) {
      ctx.step('mailbox', 'ok', 'no storage limit');
      return;
    }
    // imapflow reports bytes; the wire (and our model) is KiB.
    const usedKiB = Math.round(usage / 1024);
    const limitKiB = Math.round(limit / 1024);
    ctx.quota = { usedKiB, limitKiB };
    const pct = Math.round((usedKiB / limitKiB) * 100);
    const code = classifyQuota(usedKiB, limitKiB);
    if (code) ctx.add(code, { message: `INBOX uses ${usedKiB} KiB of ${limitKiB} KiB (${pct} %)`, details: { usedKiB, limitKiB, percent: pct } });
    ctx.step('mailbox', code === 'MAILBOX_OVER_QUOTA' ? 'failed' : code ? 'warning' : 'ok', `${pct} %`);
  } catch (e) {
    ctx.step('mailbox', 'warning', `quota not read: ${errorMessage(e)}`);
  }
}
