/**
 * IMAP login and quota on the probe's own session (the connection that showed TLS, the
 * greeting and the capabilities): AUTHENTICATE PLAIN with the initial response when SASL-IR
 * is offered (one round trip), else LOGIN, else AUTHENTICATE PLAIN/LOGIN/CRAM-MD5 with
 * challenges; then GETQUOTAROOT when QUOTA may be there, and LOGOUT without waiting.
 * Nothing else after the login: the diagnosis reads only the quota.
 */
import { classifyAuthReply, classifyQuota } from '../../../shared/findings/classify';
import { COMMAND_TIMEOUT_MS, LOGIN_TIMEOUT_MS } from '../deadlines';
import type { ProbeContext } from '../probe-context';
import type { CommandReply, Session } from './dialect';
import { capabilityList, imapCommand, imapContinued, imapQuoted, type Piece } from './imap-wire';
import { reportLoginEnded } from './login-ended';
import { markCredentialsSent } from './login-unanswered';
import { cramMd5Response, loginPass, loginUser, plainResponse } from './sasl';

/** What the login sends, in the cheapest form the server allows. */
function loginPlan(caps: string[], user: string, pass: string): { mechanism: string; pieces: Piece[] } | null {
  const up = new Set(caps.map((c) => c.toUpperCase()));
  if (up.has('AUTH=PLAIN') && up.has('SASL-IR')) return { mechanism: 'AUTHENTICATE PLAIN', pieces: [`AUTHENTICATE PLAIN ${plainResponse(user, pass)}`] };
  if (!up.has('LOGINDISABLED')) {
    const qu = imapQuoted(user);
    const qp = imapQuoted(pass);
    if (qu && qp) return { mechanism: 'LOGIN', pieces: [`LOGIN ${qu} ${qp}`] };
    // 8-bit or control characters: synchronizing literals (RFC 9051 §4.3), byte counts in UTF-8.
    const len = (s: string): number => Buffer.byteLength(s, 'utf8');
    if (qu) return { mechanism: 'LOGIN', pieces: [`LOGIN ${qu} {${len(pass)}}`, pass] };
    return { mechanism: 'LOGIN', pieces: [`LOGIN {${len(user)}}`, qp ? `${user} ${qp}` : `${user} {${len(pass)}}`, ...(qp ? [] : [pass])] };
  }
  if (up.has('AUTH=PLAIN')) return { mechanism: 'AUTHENTICATE PLAIN', pieces: ['AUTHENTICATE PLAIN', plainResponse(user, pass)] };
  if (up.has('AUTH=LOGIN')) return { mechanism: 'AUTHENTICATE LOGIN', pieces: ['AUTHENTICATE LOGIN', loginUser(user), loginPass(pass)] };
  if (up.has('AUTH=CRAM-MD5')) return { mechanism: 'AUTHENTICATE CRAM-MD5', pieces: ['AUTHENTICATE CRAM-MD5', (ch) => cramMd5Response(user, pass, ch)] };
  return null;
}

export async function loginImap(ctx: ProbeContext, s: Session): Promise<void> {
  ctx.step('auth', 'running');
  const user = ctx.account.user;
  const plan = loginPlan(s.caps, user, ctx.account.password ?? '');
  if (!plan) {
    // The login gate lets only sessions with a password method through.
    ctx.login = 'failed';
    ctx.add('AUTH_MECHANISM_UNSUPPORTED', { message: 'no password login method this probe can use', details: { mechanisms: s.caps.join(' ').slice(0, 300) } });
    ctx.step('auth', 'failed', 'no mechanism', { code: 'no-common-login-method' });
    return;
  }
  markCredentialsSent(ctx, plan.mechanism);
  const r: CommandReply =
    plan.pieces.length === 1
      ? await imapCommand(ctx, s.conn, plan.pieces[0] as string, LOGIN_TIMEOUT_MS)
      : await imapContinued(ctx, s.conn, plan.pieces, plan.mechanism, LOGIN_TIMEOUT_MS);
  if (!r.ok) {
    if (reportLoginEnded(ctx, r)) return;
    ctx.login = 'failed';
    // Untagged NO/BAD/BYE or an [ALERT] carry the provider's wording too.
    const said = [...r.lines.filter((l) => /^\* (NO|BAD|BYE)\b|\[ALERT\]/i.test(l)), r.text].join('\n');
    ctx.add(classifyAuthReply(said), { serverReply: said });
    ctx.step('auth', 'failed', r.text);
    return;
  }
  ctx.login = 'ok';
  ctx.step('auth', 'ok', user);
  // The capabilities after the login (QUOTA is often listed only then) come with the tagged OK.
  await mailbox(ctx, s, capabilityList([r.text, ...r.lines]));
}

async function mailbox(ctx: ProbeContext, s: Session, postLoginCaps: string[] | null): Promise<void> {
  ctx.step('mailbox', 'running');
  const caps = (postLoginCaps ?? s.caps).map((c) => c.toUpperCase());
  if (postLoginCaps && !caps.some((c) => c === 'QUOTA' || c.startsWith('QUOTA='))) {
    ctx.step('mailbox', 'skipped', 'server has no QUOTA extension', { code: 'no-quota-info' });
    return;
  }
  // Without a post-login list we ask anyway: a BAD answer costs the same round trip as CAPABILITY would.
  const q = await imapCommand(ctx, s.conn, 'GETQUOTAROOT INBOX', COMMAND_TIMEOUT_MS);
  if (!q.ok) {
    ctx.step('mailbox', postLoginCaps ? 'warning' : 'skipped', postLoginCaps ? `quota not read: ${q.text}` : 'server has no QUOTA extension', { code: postLoginCaps ? 'quota-not-read' : 'no-quota-info' });
    return;
  }
  // RFC 9208 §5.1: `* QUOTA root (STORAGE used limit)`, in units of 1024 octets.
  const m = q.lines.map((l) => /^\* QUOTA .*\(.*\bSTORAGE (\d+) (\d+)/i.exec(l)).find(Boolean);
  const usedKiB = m ? Number(m[1]) : undefined;
  const limitKiB = m ? Number(m[2]) : undefined;
  if (usedKiB === undefined || limitKiB === undefined || !(limitKiB > 0)) {
    ctx.step('mailbox', 'ok', 'no storage limit', { code: 'no-storage-limit' });
    return;
  }
  ctx.quota = { usedKiB, limitKiB };
  const pct = Math.round((usedKiB / limitKiB) * 100);
  const code = classifyQuota(usedKiB, limitKiB);
  if (code) ctx.add(code, { message: `INBOX uses ${usedKiB} KiB of ${limitKiB} KiB (${pct} %)`, details: { usedKiB, limitKiB, percent: pct } });
  ctx.step('mailbox', code === 'MAILBOX_OVER_QUOTA' ? 'failed' : code ? 'warning' : 'ok', `${pct} %`);
}
