/**
 * Whether a probe may send credentials on the session it has, and why not when it may not:
 * alternatives never log in; no password method, no password, plaintext or an unverified
 * certificate without the user's consent each end the probe with their own finding.
 */
import { mechanisms } from '../../shared/findings/classify';
import type { ProbeContext } from './probe-context';
import type { ProtocolDialect, Session } from './protocols/dialect';
import { politeQuit } from './protocols/quit';

export async function loginOrExplain(ctx: ProbeContext, dialect: ProtocolDialect, s: Session): Promise<void> {
  const t = ctx.target;
  if (t.role === 'alternative') {
    // Alternatives only show that a port/security mode answers properly; they never send credentials.
    ctx.step('auth', 'skipped', 'alternative: no login', { code: 'alternative-no-login' });
    politeQuit(s.conn, dialect);
    return;
  }
  const hasError = ctx.findings.some((f) => f.severity === 'error');
  const mv = mechanisms(t.protocol, s.caps);
  const noPasswordMethod = !mv.password && !(t.protocol === 'smtp' && mv.noAuth);
  if (noPasswordMethod && t.security !== 'none') {
    // Known without any credential: over TLS the capability list is the server's real offer.
    ctx.add(mv.oauthOnly ? 'AUTH_BASIC_DISABLED' : 'AUTH_MECHANISM_UNSUPPORTED', {
      message: `the server offers no password login method here (offers: ${mv.mechanisms.join(' ') || 'none'})`,
      details: { mechanisms: mv.mechanisms.join(' ') },
    });
    ctx.step('auth', 'failed', mv.mechanisms.join(' ') || 'no mechanism', { code: 'no-common-login-method' });
    ctx.login = 'failed';
    politeQuit(s.conn, dialect);
    return;
  }
  if (!ctx.account.password) {
    ctx.add('LOGIN_NOT_TRIED', { message: 'no password was given', details: { reason: 'no-password' } });
    ctx.step('auth', 'skipped', 'no password', { code: 'no-password' });
    politeQuit(s.conn, dialect);
    return;
  }
  const insecure = t.security === 'none' || !s.secure;
  if (insecure && !ctx.options.allowInsecureAuth) {
    const reason = t.security === 'none' ? 'plaintext' : 'tls-unverified';
    ctx.add('LOGIN_NOT_TRIED', {
      message: reason === 'plaintext' ? 'the password would cross the network unencrypted' : `the TLS certificate failed verification (${ctx.tls?.verdict ?? '?'})`,
      details: { reason },
    });
    ctx.step('auth', 'skipped', reason, { code: reason === 'plaintext' ? 'password-not-sent-plaintext' : 'password-not-sent-unverified' });
    politeQuit(s.conn, dialect);
    return;
  }
  if (hasError && ctx.has('AUTH_PLAINTEXT_DISABLED')) {
    ctx.step('auth', 'skipped', 'server refuses plaintext login', { code: 'plaintext-login-refused' });
    politeQuit(s.conn, dialect);
    return;
  }
  if (noPasswordMethod) {
    // Plaintext channel (allowed for this run): no password method offered in clear.
    ctx.add('AUTH_PLAINTEXT_DISABLED', { message: `the server offers no password login method without TLS (offers: ${mv.mechanisms.join(' ') || 'none'})`, details: { mechanisms: mv.mechanisms.join(' ') } });
    ctx.step('auth', 'failed', mv.mechanisms.join(' ') || 'no mechanism', { code: 'no-common-login-method' });
    ctx.login = 'failed';
    politeQuit(s.conn, dialect);
    return;
  }
  await dialect.login(ctx, s, mv);
}
