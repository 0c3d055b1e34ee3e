/** A command that got no answer becomes a failed reply with the reason; a cancel unwinds the probe. */
import type { ProbeContext } from '../probe-context';
import { Stop, codeOf } from '../probe-stop';
import { CANCELLED_CODE, errorMessage } from '../wait';
import type { CommandReply } from './dialect';

export function failedReply(ctx: ProbeContext, e: unknown): CommandReply {
  const code = codeOf(ctx, e);
  if (code === CANCELLED_CODE) throw new Stop();
  return { ok: false, text: `${code}: ${errorMessage(e)}`, lines: [], errorCode: code };
}
