/**
 * A login the server took (credentials sent) but never answered. Servers delay the answer to
 * a failed login on purpose — Dovecot's auth_failure_delay (2 s) plus a penalty that doubles
 * per failure from one address up to about 15 s; other providers 5–10 s — so silence here is
 * a slow refusal or a throttle, not an outage (SERVER_UNAVAILABLE is for servers that say so).
 */
import type { ProbeContext } from '../probe-context';

/** Call right before the command that carries the credentials goes out. */
export function markCredentialsSent(ctx: ProbeContext, mechanism: string): void {
  ctx.credentialsSent = { at: Date.now(), mechanism };
}

/** True (and the finding recorded) when the silence came after the credentials were sent. */
export function reportLoginUnanswered(ctx: ProbeContext, errorCode: string | undefined): boolean {
  const sent = ctx.credentialsSent;
  if (!sent) return false;
  const waitedMs = Date.now() - sent.at;
  ctx.login = 'failed';
  ctx.add('LOGIN_UNANSWERED', {
    errorCode: errorCode ?? 'ETIMEDOUT',
    durationMs: waitedMs,
    message: `the server took the credentials (${sent.mechanism}) and did not answer within ${(waitedMs / 1000).toFixed(1)} s; servers delay failed logins on purpose (a wrong password, or a penalty after repeated failures)`,
    details: { waitedMs, mechanism: sent.mechanism },
  });
  ctx.step('auth', 'failed', `no answer after ${(waitedMs / 1000).toFixed(1)} s`);
  return true;
}
