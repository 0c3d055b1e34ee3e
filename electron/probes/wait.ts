/** Deadlines and cancellation for one awaited step. */

export class StepError extends Error {
  /** A multi-line reply that had begun when the step failed (cut off or slow, not "no answer"): its first lines and how many arrived. */
  partialReply?: { lines: string[]; count: number };

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StepError';
  }
}

export const CANCELLED_CODE = 'ECANCELLED';

/**
 * Resolves with `p`, or rejects with ETIMEDOUT after `ms`, or ECANCELLED when `signal` aborts.
 * `onGiveUp` runs on timeout/cancel so the caller can destroy the socket behind `p`.
 */
export function within<T>(p: Promise<T>, ms: number, signal: AbortSignal | undefined, what: string, onGiveUp?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (): void => {
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      if (done) return;
      finish();
      onGiveUp?.();
      reject(new StepError(CANCELLED_CODE, `${what}: cancelled`));
    };
    const timer = setTimeout(() => {
      if (done) return;
      finish();
      onGiveUp?.();
      reject(new StepError('ETIMEDOUT', `${what}: no answer within ${ms} ms`));
    }, Math.max(0, ms));
    timer.unref();
    // Handlers go on `p` first: given an already-aborted signal, `p` still settles later (often
    // rejecting once onGiveUp cancels it), and an unobserved rejection would crash the process.
    p.then(
      (v) => {
        if (done) return;
        finish();
        resolve(v);
      },
      (e: unknown) => {
        if (done) return;
        finish();
        reject(e);
      },
    );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function errorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; originalCode?: unknown };
    if (typeof o.originalCode === 'string') return o.originalCode;
    if (typeof o.code === 'string') return o.code;
  }
  return undefined;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}
