/**
 * The boundary every call crosses, whichever transport brought it:
 * unknown channel → E_BAD_REQUEST; payload validated against the contract;
 * the handler's answer validated against the response schema (which also strips
 * any field the contract does not declare, so nothing extra — a password —
 * can leak to the renderer); every throw turned into a Result.
 */
import { contract, events, isChannel, type Channel, type EventName, type EventPayload } from '../../../shared/ipc/contract';
import { err, ok, toAppError, type Result } from '../../../shared/result';
import type { HandlerContext, Handlers } from './handlers';

export interface Emitter {
  emit(event: string, payload: unknown): void;
}

export function createDispatcher(handlers: Handlers) {
  assertAllChannelsHandled(handlers);

  return async function dispatch(channel: unknown, raw: unknown, emitter: Emitter): Promise<Result<unknown>> {
    if (!isChannel(channel)) return err('E_BAD_REQUEST', `unknown channel ${String(channel).slice(0, 100)}`);
    const spec = contract[channel];
    const parsed = spec.request.safeParse(raw ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return err('E_BAD_REQUEST', `invalid payload for ${channel}`, first ? { path: first.path.join('.'), issue: first.message } : undefined);
    }
    const ctx: HandlerContext = {
      emit<E extends EventName>(event: E, payload: EventPayload<E>) {
        const checked = events[event].safeParse(payload);
        // A malformed event is a bug on our side: drop it rather than feed the UI garbage.
        if (checked.success) emitter.emit(event, checked.data);
      },
    };
    try {
      const handler = handlers[channel] as (req: unknown, c: HandlerContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      const out = spec.response.safeParse(value);
      if (!out.success) {
        const first = out.error.issues[0];
        return err('E_INTERNAL', `handler for ${channel} answered outside the contract`, first ? { path: first.path.join('.'), issue: first.message } : undefined);
      }
      return ok(out.data);
    } catch (e) {
      return { ok: false, error: toAppError(e) };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

/** Startup check: a contract channel without a handler is a bug that must stop the app, not a runtime miss. */
export function assertAllChannelsHandled(handlers: Partial<Record<Channel, unknown>>): void {
  const missing = (Object.keys(contract) as Channel[]).filter((c) => typeof handlers[c] !== 'function');
  if (missing.length) throw new Error(`IPC contract channels without a handler: ${missing.join(', ')}`);
}
