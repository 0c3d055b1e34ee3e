/**
 * A scripted MailDoctorApi for unit tests: answers each channel with a handler the
 * test supplies, records every call, and can push events like the engine does.
 */
import type { MailDoctorApi } from '../../shared/ipc/api';
import type { Channel, EventName, EventPayload, Req, Res } from '../../shared/ipc/contract';
import { err, ok, type Result } from '../../shared/result';
import type { StateStorage } from 'zustand/middleware';
import type { StoreEnv } from '../../renderer/store/slice-types';

export type FakeHandlers = { [C in Channel]?: (req: Req<C>) => Result<Res<C>> | Promise<Result<Res<C>>> };

export interface FakeApi extends MailDoctorApi {
  calls: Array<{ channel: Channel; req: unknown }>;
  handlers: FakeHandlers;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function fakeApi(handlers: FakeHandlers = {}): FakeApi {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const api: FakeApi = {
    transport: 'web',
    calls: [],
    handlers,
    async invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>> {
      api.calls.push({ channel, req: structuredClone(req) });
      const h = api.handlers[channel] as ((r: Req<C>) => Result<Res<C>> | Promise<Result<Res<C>>>) | undefined;
      if (!h) {
        if (channel === 'history:list') return ok([] as Res<C>);
        if (channel === 'history:save' || channel === 'history:progress') return ok({ id: (req as { id: string }).id } as Res<C>);
        return err('E_UNSUPPORTED', `no fake for ${channel}`);
      }
      return h(req);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    emit(event, payload) {
      listeners.get(event)?.forEach((l) => l(payload));
    },
  };
  return api;
}

export function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

export function testEnv(overrides: Partial<StoreEnv> = {}): StoreEnv & { downloads: Array<{ name: string; content: string }>; printed: number; opened: string[]; copied: string[] } {
  let n = 0;
  const env = {
    locale: () => 'ja-JP',
    newId: () => `id-${++n}`,
    now: () => new Date('2026-11-28T10:00:00Z'),
    downloads: [] as Array<{ name: string; content: string }>,
    opened: [] as string[],
    openWindow(url: string) {
      env.opened.push(url);
    },
    printed: 0,
    copied: [] as string[],
    async writeClipboard(text: string) {
      env.copied.push(text);
    },
    download(name: string, content: string) {
      env.downloads.push({ name, content });
    },
    print() {
      env.printed++;
    },
    lookupDebounceMs: 0,
    ...overrides,
  };
  return env;
}
