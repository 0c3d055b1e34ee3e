/**
 * The one rule for a login whose credentials went out and whose answer never came: the same
 * for IMAP, POP3 and SMTP. Silence until the deadline is LOGIN_UNANSWERED (a slow refusal or
 * a throttle, see login-unanswered.ts); a connection that ended instead is TCP_RESET for a
 * reset, else SERVER_UNAVAILABLE (some servers hang up on repeated failures). Either way it
 * is not a refused password: no server wording was read, so AUTH_FAILED would be a guess.
 */
import { classifyConnectError } from '../../../shared/findings/classify';
import type { ProbeContext } from '../probe-context';
import type { CommandReply } from './dialect';
import { reportLoginUnanswered } from './login-unanswered';

/** True (and the finding and the failed auth step recorded) when the reply is no answer at all. */
export function reportLoginEnded(ctx: ProbeContext, r: CommandReply): boolean {
  if (r.ok || !r.errorCode) return false;
  if (r.errorCode === 'ETIMEDOUT' && reportLoginUnanswered(ctx, r.errorCode)) return true;
  ctx.login = 'failed';
  const code = r.errorCode === 'ECONNRESET' ? classifyConnectError(r.errorCode) : 'SERVER_UNAVAILABLE';
  ctx.add(code, { errorCode: r.errorCode, message: `the connection ended after the credentials were sent: ${r.text}` });
  ctx.step('auth', 'failed', r.errorCode);
  return true;
}
