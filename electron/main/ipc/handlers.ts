/**
 * The one set of handlers behind the contract.
 *
 * Electron's main process (ipc/register-electron.ts) and the local web host
 * (web-host/server.ts) register exactly this object; only the transport differs.
 * Nothing here imports `electron`: host-specific abilities (native save dialog,
 * shell.openExternal, printToPDF) come in through HostServices.
 */
import type { Channel, EventName, EventPayload, ParsedReq, Res } from '../../../shared/ipc/contract';
import type { AppInfo, SaveFileRequest, SaveFileResult, UpdateCheck } from '../../../shared/models/app';
import type { Lang } from '../../../shared/models/device';
import { AppFailure } from '../../../shared/result';
import { lookupError } from '../../../shared/knowledge/lookup/lookup';
import { runDiagnosis } from '../../probes/diagnose';
import { discover } from '../../probes/discovery/discover';
import type { HistoryStore } from '../history-store';
import { createWatchManager, type WatchManager, type WatchManagerOptions } from '../watch-manager';
import type { DiagnoseRequest } from '../../../shared/models/probe';

export interface HandlerContext {
  /** Push an event to the caller (its window, or its WebSocket). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type Handler<C extends Channel> = (req: ParsedReq<C>, ctx: HandlerContext) => Promise<Res<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export interface HostServices {
  appInfo(): AppInfo;
  history: HistoryStore;
  /** Native save dialog + write; absent where the host cannot (web host: the browser downloads instead). */
  saveFile?(req: SaveFileRequest): Promise<SaveFileResult>;
  openExternal?(url: string): Promise<boolean>;
  checkForUpdates(): Promise<UpdateCheck>;
  /** Writes the system clipboard; absent where the page must copy itself (web host: the browser's own clipboard). */
  writeClipboard?(text: string): void;
  /** Native menus/dialogs follow the app's language; absent where there are none (web host). */
  setLanguage?(lang: Lang): void;
  /**
   * Resolver used when a request names none (`host[:port]`), e.g. a corporate DNS
   * server to compare with; the web host reads MAIL_DOCTOR_DNS_SERVER. Unset = the system's.
   */
  defaultDnsServer?: string;
  /** What the host does after each watch test and when a watch ends (the desktop app: a notification while minimised). */
  watchHooks?: Pick<WatchManagerOptions, 'onRun' | 'onEnd'>;
  /** The host's watch loop; created here when the host brings none (tests bring one with their own clock). */
  watches?: WatchManager;
}

export function createHandlers(host: HostServices): Handlers {
  const running = new Map<string, AbortController>();
  const withDns = (req: DiagnoseRequest): DiagnoseRequest =>
    req.options.dnsServer || !host.defaultDnsServer ? req : { ...req, options: { ...req.options, dnsServer: host.defaultDnsServer } };
  const watches = host.watches ?? createWatchManager({ ...host.watchHooks, prepare: withDns });

  return {
    'app:info': async () => host.appInfo(),

    'app:set-language': async ({ lang }) => {
      if (!host.setLanguage) return { applied: false };
      host.setLanguage(lang);
      return { applied: true };
    },

    'diagnose:run': async (req, ctx) => {
      if (running.has(req.runId)) throw new AppFailure('E_BUSY', `run ${req.runId} is already running`);
      const controller = new AbortController();
      running.set(req.runId, controller);
      // A case saved later must not contain this run's password (history-store's guard).
      host.history.noteSecret?.(req.account.user ?? req.account.email, req.account.password);
      try {
        const report = await runDiagnosis(withDns(req), {
          signal: controller.signal,
          onProgress: (p) => ctx.emit('diagnose:progress', p),
        });
        return report;
      } finally {
        running.delete(req.runId);
      }
    },

    'diagnose:cancel': async ({ runId }) => {
      const c = running.get(runId);
      c?.abort();
      return { cancelled: c !== undefined };
    },

    'discover:run': async (req) => discover(req.dnsServer || !host.defaultDnsServer ? req : { ...req, dnsServer: host.defaultDnsServer }),

    'lookup:error': async (req) => lookupError(req.text, req.lang ?? 'ja'),

    'history:list': async ({ query }) => host.history.list(query),
    'history:get': async ({ id }) => host.history.get(id),
    'history:save': async (record) => host.history.save(record),
    'history:progress': async (req) => host.history.saveProgress(req),
    'history:delete': async ({ id }) => host.history.remove(id),

    'file:save': async (req) => {
      if (!host.saveFile) throw new AppFailure('E_UNSUPPORTED', 'this host has no native save dialog');
      return host.saveFile(req);
    },

    'shell:open-external': async ({ url }) => {
      if (!host.openExternal) throw new AppFailure('E_UNSUPPORTED', 'this host cannot open external links');
      return { opened: await host.openExternal(url) };
    },

    'updates:check': async () => host.checkForUpdates(),

    'clipboard:write-text': async ({ text }) => {
      if (!host.writeClipboard) return { written: false };
      host.writeClipboard(text);
      return { written: true };
    },

    'watch:start': async (req, ctx) => {
      // A case saved later must not contain this watch's password (history-store's guard).
      host.history.noteSecret?.(req.request.account.user ?? req.request.account.email, req.request.account.password);
      return watches.start(req, ctx.emit);
    },
    'watch:stop': async ({ watchId }) => ({ stopped: watches.stop(watchId) }),
    'watch:list': async (_req, ctx) => watches.list(ctx.emit),
  };
}
