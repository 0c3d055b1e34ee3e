/** The greeting stage; for plaintext modes, also tells "this port wants TLS" from "this server is slow/silent". */
import { classifyGreeting, isPendingGreeting } from '../../shared/findings/classify';
import { FLOOD_CODE } from './input-budget';
import { recordFlood } from './probe-flood';
import { GREETING_TIMEOUT_MS, SILENCE_BEFORE_TLS_CHECK_MS } from './deadlines';
import type { LineConn } from './line-conn';
import type { ProbeContext } from './probe-context';
import { Stop, codeOf, pause } from './probe-stop';
import { tlsHelloCheck } from './probe-tls';
import type { Endpoint, ProtocolDialect } from './protocols/dialect';
import { CANCELLED_CODE, errorMessage } from './wait';

export async function readGreeting(ctx: ProbeContext, dialect: ProtocolDialect, conn: LineConn, ep: Endpoint, plain: boolean): Promise<boolean> {
  const t = ctx.target;
  ctx.step('greeting', 'running');
  const greetingDeadline = ctx.ms(GREETING_TIMEOUT_MS);
  const greeting = conn.readLine(greetingDeadline, 'greeting').then(
    (line) => ({ line }),
    (e: unknown) => ({ error: codeOf(ctx, e), message: errorMessage(e) }),
  );
  let result: { line: string } | { error: string; message: string } | 'tls' | { notMail: string };
  if (plain) {
    const early = await Promise.race([greeting, pause(Math.min(SILENCE_BEFORE_TLS_CHECK_MS, greetingDeadline))]);
    if (early) result = early;
    else {
      ctx.note(`no greeting after ${SILENCE_BEFORE_TLS_CHECK_MS} ms: trying a TLS hello on a second connection`);
      const check = tlsHelloCheck(ctx, ep).then((r) => r, () => null);
      const first = await Promise.race([greeting, check.then((r) => (r === 'tls' ? ('tls' as const) : r ? { notMail: r } : null))]);
      result = first ?? (await greeting);
    }
  } else {
    result = await greeting;
  }
  if (result === 'tls') {
    ctx.add('PLAIN_ON_TLS_PORT', { message: `port ${ep.port} sends nothing in plaintext but completes a TLS handshake: it expects SSL/TLS from the first byte`, details: { tlsHandshake: 'ok' } });
    ctx.step('greeting', 'failed', 'port expects TLS', { code: 'expects-tls' });
    return false;
  }
  if ('notMail' in result) {
    ctx.add('SERVER_NOT_MAIL', { serverReply: result.notMail, message: 'something other than a mail server answers on this port' });
    ctx.step('greeting', 'failed', result.notMail, { code: 'not-mail-server' });
    return false;
  }
  if ('error' in result) {
    if (result.error === CANCELLED_CODE) throw new Stop();
    if (result.error === FLOOD_CODE) {
      recordFlood(ctx, result.message, 'the greeting');
      return false;
    }
    if (result.error === 'ETIMEDOUT') {
      // A partial greeting that is still the protocol's OK (a server dripping bytes) is slow, not "not mail".
      const partial = conn.pending();
      const slow = partial !== '' && isPendingGreeting(t.protocol, partial);
      ctx.add('GREETING_TIMEOUT', {
        errorCode: result.error,
        message: slow ? `the greeting started ("${partial.slice(0, 60)}") but did not end in time: a slow server` : result.message,
        durationMs: greetingDeadline,
        ...(partial ? { serverReply: partial, details: { partialGreeting: true } } : {}),
      });
    } else {
      // The server hung up or reset before saying anything.
      ctx.add(result.error === 'ECONNRESET' ? 'TCP_RESET' : 'SERVER_UNAVAILABLE', { errorCode: result.error, message: result.message, serverReply: conn.pending() || undefined });
    }
    ctx.step('greeting', 'failed', result.error);
    return false;
  }
  const line = await dialect.completeGreeting(ctx, conn, result.line);
  ctx.greeting = line;
  const code = classifyGreeting(t.protocol, line);
  if (code) {
    ctx.add(code, { serverReply: line });
    ctx.step('greeting', 'failed', line);
    return false;
  }
  ctx.step('greeting', 'ok', (line.split('\n').pop() ?? '').slice(0, 120));
  return true;
}
