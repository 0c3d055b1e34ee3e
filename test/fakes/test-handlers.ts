/**
 * A complete Handlers object for transport tests: each channel answers a valid
 * contract value, so the tests exercise the real dispatcher, validation and
 * sockets without needing mail servers. Not used by the app.
 */
import type { Handlers } from '../../electron/main/ipc/handlers';

export function makeTestHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const notUsed = async () => {
    throw new Error('not used in this test');
  };
  const base: Handlers = {
    'app:info': async () => ({
      name: 'Mail Doctor',
      version: '9.9.9',
      platform: 'linux',
      locale: 'ja-JP',
      transport: 'web',
      capabilities: { saveFile: false, printToPdf: false, openExternal: false },
    }),
    'app:set-language': async () => ({ applied: false }),
    'diagnose:run': notUsed,
    'diagnose:cancel': async () => ({ cancelled: false }),
    'discover:run': notUsed,
    'lookup:error': async () => ({ recognised: false, matches: [] }),
    'history:list': async () => [],
    'history:get': notUsed,
    'history:save': notUsed,
    'history:progress': notUsed,
    'history:delete': async () => ({ deleted: false }),
    'file:save': notUsed,
    'shell:open-external': notUsed,
    'updates:check': async () => ({ status: 'disabled', current: '9.9.9' }),
    'clipboard:write-text': async () => ({ written: false }),
    'watch:start': notUsed,
    'watch:stop': async () => ({ stopped: false }),
    'watch:list': async () => [],
  };
  return { ...base, ...overrides };
}
