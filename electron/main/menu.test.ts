import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_LABELS, buildMenuTemplate, type MenuOptions } from './menu';

function opts(over: Partial<MenuOptions> = {}): MenuOptions & { calls: string[] } {
  const calls: string[] = [];
  return {
    platform: 'win32',
    lang: 'ja',
    isDev: false,
    appName: 'Mail Doctor',
    actions: { about: () => calls.push('about'), checkForUpdates: () => calls.push('updates') },
    calls,
    ...over,
  };
}

/** Every item, depth-first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}
const roles = (items: MenuItemConstructorOptions[]) => flatten(items).map((i) => i.role).filter(Boolean);
const top = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label);
const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('application menu', () => {
  it('Windows/Linux in Japanese: File, Edit, View, Window, Help, with About and updates under Help', () => {
    const o = opts();
    const t = buildMenuTemplate(o);
    expect(top(t)).toEqual(['ファイル', '編集', '表示', 'ウインドウ', 'ヘルプ']);
    const help = flatten([t[4]!]).slice(1).filter((i) => i.type !== 'separator');
    expect(help.map((i) => i.label)).toEqual(['アップデートを確認…', 'Mail Doctor について']);
    help.forEach(click);
    expect(o.calls).toEqual(['updates', 'about']);
    expect(roles(t)).toContain('quit');
  });

  it('macOS in English: the app menu first, with About, updates, services, hide and quit', () => {
    const o = opts({ platform: 'darwin', lang: 'en' });
    const t = buildMenuTemplate(o);
    expect(top(t)).toEqual(['Mail Doctor', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = flatten([t[0]!]).slice(1).filter((i) => i.type !== 'separator');
    expect(appMenu.map((i) => i.label)).toEqual(['About Mail Doctor', 'Check for Updates…', 'Services', 'Hide Mail Doctor', 'Hide Others', 'Show All', 'Quit Mail Doctor']);
    expect(t[4]!.role).toBe('windowMenu');
    expect(t[5]!.role).toBe('help');
    expect(roles(t)).toEqual(expect.arrayContaining(['services', 'hide', 'hideOthers', 'unhide', 'quit', 'close', 'pasteAndMatchStyle', 'front', 'zoom']));
  });

  it('no "Check for Updates" when the build has no update feed', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const t = buildMenuTemplate(opts({ platform, actions: { about: () => undefined } }));
      const labels = flatten(t).map((i) => i.label);
      expect(labels, platform).not.toContain('アップデートを確認…');
      expect(labels, platform).toContain('Mail Doctor について');
    }
    const help = buildMenuTemplate(opts({ actions: { about: () => undefined } }))[4]!;
    expect((help.submenu as MenuItemConstructorOptions[]).map((i) => i.type ?? i.label)).toEqual(['Mail Doctor について']);
  });

  it('always has the edit roles that make copy/paste work in text fields', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const r = roles(buildMenuTemplate(opts({ platform })));
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(r, `${platform} ${role}`).toContain(role);
    }
  });

  it('View: zoom in/out/reset and full screen; reload and devtools only in development', () => {
    const prod = roles(buildMenuTemplate(opts()));
    expect(prod).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    expect(prod).not.toContain('toggleDevTools');
    expect(prod).not.toContain('reload');
    expect(prod).not.toContain('forceReload');
    const dev = roles(buildMenuTemplate(opts({ isDev: true })));
    expect(dev).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
    const hiddenZoom = flatten(buildMenuTemplate(opts())).find((i) => i.role === 'zoomIn' && i.visible === false);
    expect(hiddenZoom?.accelerator).toBe('CommandOrControl+=');
  });

  it('every item that is not a separator has a label in the chosen language', () => {
    for (const lang of ['ja', 'en'] as const)
      for (const platform of ['darwin', 'win32'] as const) {
        const items = flatten(buildMenuTemplate(opts({ lang, platform, isDev: true }))).filter((i) => i.type !== 'separator');
        for (const i of items) expect(i.label, `${lang} ${platform} ${i.role}`).toBeTruthy();
        const labels = new Set(Object.values(MENU_LABELS[lang]).map((l) => l.replace('{app}', 'Mail Doctor')));
        for (const i of items.slice(1)) if (i.label !== 'Mail Doctor') expect(labels.has(i.label!), `${lang}: ${i.label}`).toBe(true);
      }
  });

  it('has the same label keys in Japanese and English, none empty', () => {
    expect(Object.keys(MENU_LABELS.ja).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
    for (const lang of ['ja', 'en'] as const) for (const [k, v] of Object.entries(MENU_LABELS[lang])) expect(v.trim(), `${lang}.${k}`).not.toBe('');
  });
});
