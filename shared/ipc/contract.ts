/**
 * The IPC contract, declared once.
 *
 * Every channel takes exactly one payload object and answers a Result. Electron's
 * main process and the local web host register handlers for these same keys
 * (electron/main/ipc/handlers.ts); the preload and the WebSocket client expose
 * only these keys. Adding a channel here makes the compiler point at the missing
 * handler, and a startup check refuses to run without it.
 */
import { z } from 'zod';
import { AppInfo, ClipboardWriteRequest, ClipboardWriteResult, OpenExternalRequest, SaveFileRequest, SaveFileResult, UpdateCheck } from '../models/app';
import { CaseProgress, CaseRecord, CaseSummary } from '../models/case';
import { DiscoverRequest, DiscoveryResult } from '../models/discovery';
import { LookupRequest, LookupResult } from '../models/lookup';
import { DiagnoseProgress, DiagnoseReport, DiagnoseRequest } from '../models/probe';
import { Lang } from '../models/device';
import { WatchStartRequest } from '../models/watch';
import { WatchState } from '../watch/watch-timeline';

const Empty = z.object({}).strict();
const Id = z.object({ id: z.string().min(1).max(100) });

export const contract = {
  'app:info': { request: Empty, response: AppInfo },
  /** The UI language changed: native parts (menus, dialogs) follow it where the host has any. */
  'app:set-language': { request: z.object({ lang: Lang }), response: z.object({ applied: z.boolean() }) },
  'diagnose:run': { request: DiagnoseRequest, response: DiagnoseReport },
  'diagnose:cancel': { request: z.object({ runId: z.string().min(1).max(100) }), response: z.object({ cancelled: z.boolean() }) },
  'discover:run': { request: DiscoverRequest, response: DiscoveryResult },
  'lookup:error': { request: LookupRequest, response: LookupResult },
  'history:list': { request: z.object({ query: z.string().max(500).optional() }), response: z.array(CaseSummary) },
  'history:get': { request: Id, response: CaseRecord },
  'history:save': { request: CaseRecord, response: z.object({ id: z.string() }) },
  /** A checklist tick or note on a saved case: only that part travels, not every run's report again. */
  'history:progress': { request: CaseProgress, response: z.object({ id: z.string() }) },
  'history:delete': { request: Id, response: z.object({ deleted: z.boolean() }) },
  'file:save': { request: SaveFileRequest, response: SaveFileResult },
  'shell:open-external': { request: OpenExternalRequest, response: z.object({ opened: z.boolean() }) },
  'updates:check': { request: Empty, response: UpdateCheck },
  'clipboard:write-text': { request: ClipboardWriteRequest, response: ClipboardWriteResult },
  /**
   * A watch: the host repeats the diagnosis every intervalMs (the loop lives host-side, so it
   * keeps going while the window is minimised or the page reloads); updates arrive as
   * 'watch:update'. Bounds as in shared/models/watch.ts.
   */
  'watch:start': { request: WatchStartRequest, response: WatchState },
  'watch:stop': { request: z.object({ watchId: z.string().min(1).max(100) }), response: z.object({ stopped: z.boolean() }) },
  /** The host's watches (running and recently ended); the caller then receives their updates (a reloaded page picks its watch up again). */
  'watch:list': { request: Empty, response: z.array(WatchState) },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/** Push events, main → renderer. */
export const events = {
  'diagnose:progress': DiagnoseProgress,
  /** A watch's state after each change (a test started, ended, the watch waits or stopped). */
  'watch:update': WatchState,
} as const satisfies Record<string, z.ZodType>;

export type Channel = keyof typeof contract;
export type Req<C extends Channel> = z.input<(typeof contract)[C]['request']>;
export type ParsedReq<C extends Channel> = z.output<(typeof contract)[C]['request']>;
export type Res<C extends Channel> = z.output<(typeof contract)[C]['response']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNELS = Object.keys(contract) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(x: unknown): x is Channel {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(contract, x);
}

export function isEventName(x: unknown): x is EventName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(events, x);
}
