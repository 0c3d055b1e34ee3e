import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../shared/models/device';
import { createHistoryStore } from '../history-store';
import { createDispatcher } from './dispatch';
import { createHandlers, type HostServices } from './handlers';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'md-handlers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function host(extra: Partial<HostServices> = {}): HostServices {
  return {
    appInfo: () => ({ name: 'Mail Doctor', version: '1.0.0', platform: 'linux', locale: 'ja-JP', transport: 'web', capabilities: { saveFile: false, printToPdf: false, openExternal: false } }),
    history: createHistoryStore(join(dir, 'history')),
    checkForUpdates: async () => ({ status: 'disabled', current: '1.0.0' }),
    ...extra,
  };
}
const silent = { emit: () => undefined };

describe('the shared handler set', () => {
  it('passes the language switch to hosts with native menus, and says when there are none', async () => {
    const seen: Lang[] = [];
    const desktop = createDispatcher(createHandlers(host({ setLanguage: (l) => seen.push(l) })));
    expect(await desktop('app:set-language', { lang: 'en' }, silent)).toEqual({ ok: true, value: { applied: true } });
    expect(seen).toEqual(['en']);
    const web = createDispatcher(createHandlers(host()));
    expect(await web('app:set-language', { lang: 'ja' }, silent)).toEqual({ ok: true, value: { applied: false } });
    expect(await web('app:set-language', { lang: 'de' }, silent)).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
  });

  it('says what a host cannot do instead of failing obscurely', async () => {
    const web = createDispatcher(createHandlers(host()));
    expect(await web('file:save', { suggestedName: 'r.md', kind: 'markdown', content: 'x' }, silent)).toMatchObject({ ok: false, error: { code: 'E_UNSUPPORTED' } });
    expect(await web('shell:open-external', { url: 'https://support.google.com/' }, silent)).toMatchObject({ ok: false, error: { code: 'E_UNSUPPORTED' } });
    expect(await web('diagnose:cancel', { runId: 'nothing-running' }, silent)).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('writes the clipboard where the host has one; the web host answers that the page must copy', async () => {
    const written: string[] = [];
    const desktop = createDispatcher(createHandlers(host({ writeClipboard: (t) => written.push(t) })));
    expect(await desktop('clipboard:write-text', { text: '診断レポート' }, silent)).toEqual({ ok: true, value: { written: true } });
    expect(written).toEqual(['診断レポート']);
    const web = createDispatcher(createHandlers(host()));
    expect(await web('clipboard:write-text', { text: 'x' }, silent)).toEqual({ ok: true, value: { written: false } });
    expect(await web('clipboard:write-text', { text: 'x'.repeat(5_000_001) }, silent)).toMatchObject({ ok: false, error: { code: 'E_BAD_REQUEST' } });
  });

  it('answers lookups and history through the same handlers the desktop uses', async () => {
    const web = createDispatcher(createHandlers(host()));
    const lk = await web('lookup:error', { text: '0x800CCC0E', lang: 'ja' }, silent);
    expect(lk).toMatchObject({ ok: true, value: { recognised: true } });
    expect(await web('history:list', {}, silent)).toEqual({ ok: true, value: [] });
    expect(await web('history:get', { id: 'missing' }, silent)).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
  });
});
