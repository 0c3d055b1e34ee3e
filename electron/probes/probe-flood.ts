/**
 * A server that sends more than any mail server would (line, reply or probe cap hit) ends the
 * probe with SERVER_FLOODING, wherever the flood was noticed: a flood is a finding, not a hang.
 */
import type { StepName } from '../../shared/models/probe';
import { FLOOD_CODE } from './input-budget';
import type { ProbeContext } from './probe-context';
import { Stop } from './probe-stop';
import { errorCode, errorMessage } from './wait';

export function isFlood(e: unknown): boolean {
  return errorCode(e) === FLOOD_CODE;
}

/** The step the flood interrupted: the one still running, else the greeting (capabilities have no step of their own). */
function interruptedStep(ctx: ProbeContext): StepName {
  return [...ctx.steps].reverse().find((s) => s.status === 'running')?.name ?? 'greeting';
}

export function recordFlood(ctx: ProbeContext, message: string, where: string, step: StepName = interruptedStep(ctx)): void {
  if (ctx.has('SERVER_FLOODING')) return;
  ctx.add('SERVER_FLOODING', { errorCode: FLOOD_CODE, message, details: { step, during: where, bytesReceived: ctx.input.bytes } });
  ctx.step(step, 'failed', 'the server floods');
}

/** Ends the probe with SERVER_FLOODING when `e` is a flood; returns otherwise. */
export function stopOnFlood(ctx: ProbeContext, e: unknown, where: string): void {
  if (!isFlood(e)) return;
  recordFlood(ctx, errorMessage(e), where);
  throw new Stop();
}
