/** How a probe's stages end early: a Stop unwinds to runProbe once a finding (or a cancel) is recorded. */
import type { ProbeContext } from './probe-context';
import { CANCELLED_CODE, errorCode } from './wait';

export class Stop extends Error {
  constructor() {
    super('probe stopped');
  }
}

/** A step's error code; a cancel caused by the probe's own budget is a timeout, not a user cancel. */
export function codeOf(ctx: ProbeContext, e: unknown): string {
  const c = errorCode(e) ?? 'EUNKNOWN';
  return c === CANCELLED_CODE && ctx.budgetExpired ? 'ETIMEDOUT' : c;
}

/** Resolves with null after `ms`; unref'd, so a race that is already decided never keeps the process alive. */
export function pause(ms: number): Promise<null> {
  return new Promise((r) => setTimeout(() => r(null), ms).unref());
}
