/**
 * Channel and event names without their schemas, for the sandboxed preload:
 * it must not bundle zod and every model just to check a name. A unit test
 * keeps these lists identical to the keys of `contract` and `events`.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'app:set-language',
  'diagnose:run',
  'diagnose:cancel',
  'discover:run',
  'lookup:error',
  'history:list',
  'history:get',
  'history:save',
  'history:progress',
  'history:delete',
  'file:save',
  'shell:open-external',
  'updates:check',
  'clipboard:write-text',
  'watch:start',
  'watch:stop',
  'watch:list',
] as const;

export const EVENT_NAME_LIST = ['diagnose:progress', 'watch:update'] as const;

export function isChannelName(x: unknown): x is (typeof CHANNEL_NAMES)[number] {
  return typeof x === 'string' && (CHANNEL_NAMES as readonly string[]).includes(x);
}

export function isEventNameString(x: unknown): x is (typeof EVENT_NAME_LIST)[number] {
  return typeof x === 'string' && (EVENT_NAME_LIST as readonly string[]).includes(x);
}
