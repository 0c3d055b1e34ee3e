/** A command that got no answer becomes a failed reply with the reason; a cancel unwinds the probe. */
import { classifyCapabilityRefusal } from '../../../shared/findings/classify';
import type { ProbeContext } from '../probe-context';
import { PRE_LOGIN_LINES_SEEN_AS_FLOOD } from '../input-budget';
import { recordFlood, stopOnFlood } from '../probe-flood';
import { Stop, codeOf } from '../probe-stop';
import { CANCELLED_CODE, StepError, errorMessage } from '../wait';
import type { CommandReply } from './dialect';

/** A flood ends the probe with its own finding (probe-flood.ts). */
export function failedReply(ctx: ProbeContext, e: unknown): CommandReply {
  const code = codeOf(ctx, e);
  if (code === CANCELLED_CODE) throw new Stop();
  stopOnFlood(ctx, e, 'a command reply');
  const partial = e instanceof StepError ? e.partialReply : undefined;
  return { ok: false, text: `${code}: ${errorMessage(e)}`, lines: partial?.lines ?? [], errorCode: code, ...(partial ? { linesSeen: partial.count } : {}) };
}

/**
 * CAPABILITY / CAPA / EHLO unanswered, or refused for now (`NO [UNAVAILABLE]`, `-ERR [SYS/TEMP]`,
 * `451`): the server is not serving clients, which must not read as "STARTTLS not offered" with
 * advice to change port. Ends the probe with SERVER_UNAVAILABLE (or TOO_MANY_CONNECTIONS / TCP_RESET),
 * keeping why. Returns for refusals an old but working server gives (POP3 without CAPA, SMTP 5xx to EHLO).
 */
export function stopOnCapabilityFailure(ctx: ProbeContext, cmd: string, r: CommandReply): void {
  if (r.ok) return;
  if (r.errorCode === 'ETIMEDOUT' && ctx.input.lineCount > PRE_LOGIN_LINES_SEEN_AS_FLOOD) {
    recordFlood(ctx, `${cmd}: ${ctx.input.lineCount} lines arrived and the reply had not ended when the time ran out`, cmd);
    throw new Stop();
  }
  const code = r.errorCode ? (r.errorCode === 'ECONNRESET' ? 'TCP_RESET' : 'SERVER_UNAVAILABLE') : classifyCapabilityRefusal(ctx.target.protocol, r.text);
  if (!code) return;
  // Lines of the reply had arrived: it was answering, slowly (or cut off), not silent.
  const seen = r.errorCode ? (r.linesSeen ?? 0) : 0;
  const begun = seen > 0;
  const why =
    r.errorCode === 'ETIMEDOUT'
      ? begun
        ? `reply had begun (${seen} lines) but not ended when the time ran out (a slow server)`
        : 'got no answer in time'
      : r.errorCode
        ? begun
          ? `reply was cut off after ${seen} lines`
          : 'ended without an answer'
        : 'was refused';
  ctx.add(code, {
    ...(r.errorCode ? { errorCode: r.errorCode } : { serverReply: r.text }),
    ...(begun ? { serverReply: r.lines.slice(0, 5).join('\n') } : {}),
    message: `${cmd} ${why}: the server is not serving clients right now (${r.text.slice(0, 200)})`,
    details: { command: cmd, ...(begun ? { linesSeen: seen } : {}) },
  });
  ctx.step('greeting', 'failed', `${cmd} ${why}`);
  throw new Stop();
}
