/**
 * The application menu, built as plain data so every platform/language variant is
 * unit-tested without Electron (only Electron's *types* are imported; the glue calls
 * `Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(...)))`).
 *
 * Edit-menu roles are what make copy/paste/undo work in text fields on macOS at all
 * (without them Cmd+C does nothing), so they are always present. Every item carries an
 * explicit Japanese or English label: Electron's role defaults are English-only on
 * Windows/Linux, and the helpdesk reads Japanese.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../../shared/models/device';

export interface MenuActions {
  about(): void;
  /** Absent when this build has no update feed configured: the menu then has no "Check for Updates". */
  checkForUpdates?(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  lang: Lang;
  /** Adds reload and developer tools (View menu); never in a packaged app. */
  isDev: boolean;
  appName: string;
  actions: MenuActions;
}

export const MENU_LABELS = {
  ja: {
    file: 'ファイル',
    edit: '編集',
    view: '表示',
    window: 'ウインドウ',
    help: 'ヘルプ',
    about: '{app} について',
    checkUpdates: 'アップデートを確認…',
    services: 'サービス',
    hide: '{app} を隠す',
    hideOthers: 'ほかを隠す',
    unhide: 'すべてを表示',
    quit: '{app} を終了',
    close: 'ウインドウを閉じる',
    undo: '取り消す',
    redo: 'やり直す',
    cut: '切り取り',
    copy: 'コピー',
    paste: '貼り付け',
    pasteAndMatchStyle: 'ペーストしてスタイルを合わせる',
    delete: '削除',
    selectAll: 'すべてを選択',
    reload: '再読み込み',
    forceReload: '強制的に再読み込み',
    devTools: '開発者ツール',
    resetZoom: '実際のサイズ',
    zoomIn: '拡大',
    zoomOut: '縮小',
    fullScreen: 'フルスクリーン',
    minimize: 'しまう',
    zoom: '拡大/縮小',
    front: 'すべてを手前に移動',
  },
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: 'About {app}',
    checkUpdates: 'Check for Updates…',
    services: 'Services',
    hide: 'Hide {app}',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    quit: 'Quit {app}',
    close: 'Close Window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    delete: 'Delete',
    selectAll: 'Select All',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type MenuLabelKey = keyof (typeof MENU_LABELS)['en'];

const sep: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const L = (k: MenuLabelKey) => MENU_LABELS[opts.lang][k].replace('{app}', opts.appName);
  const mac = opts.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: L('about'), click: () => opts.actions.about() };
  const check = opts.actions.checkForUpdates;
  // An item that can only ever answer "not configured" is noise: without a feed there is none.
  const updates: MenuItemConstructorOptions[] = check ? [{ label: L('checkUpdates'), click: () => check() }] : [];

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: opts.appName,
      submenu: [
        about,
        ...updates,
        sep,
        { role: 'services', label: L('services') },
        sep,
        { role: 'hide', label: L('hide') },
        { role: 'hideOthers', label: L('hideOthers') },
        { role: 'unhide', label: L('unhide') },
        sep,
        { role: 'quit', label: L('quit') },
      ],
    });
  }
  template.push({
    label: L('file'),
    submenu: mac ? [{ role: 'close', label: L('close') }] : [{ role: 'quit', label: L('quit') }],
  });
  template.push({
    label: L('edit'),
    submenu: [
      { role: 'undo', label: L('undo') },
      { role: 'redo', label: L('redo') },
      sep,
      { role: 'cut', label: L('cut') },
      { role: 'copy', label: L('copy') },
      { role: 'paste', label: L('paste') },
      ...(mac ? [{ role: 'pasteAndMatchStyle', label: L('pasteAndMatchStyle') } as MenuItemConstructorOptions] : []),
      { role: 'delete', label: L('delete') },
      sep,
      { role: 'selectAll', label: L('selectAll') },
    ],
  });
  template.push({
    label: L('view'),
    submenu: [
      ...(opts.isDev
        ? ([
            { role: 'reload', label: L('reload') },
            { role: 'forceReload', label: L('forceReload') },
            { role: 'toggleDevTools', label: L('devTools') },
            sep,
          ] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom', label: L('resetZoom') },
      { role: 'zoomIn', label: L('zoomIn') },
      // Ctrl/Cmd+"=" zooms in too: on US and JIS keyboards "+" needs Shift, which people don't press.
      { role: 'zoomIn', label: L('zoomIn'), accelerator: 'CommandOrControl+=', visible: false },
      { role: 'zoomOut', label: L('zoomOut') },
      sep,
      { role: 'togglefullscreen', label: L('fullScreen') },
    ],
  });
  template.push({
    label: L('window'),
    ...(mac ? { role: 'windowMenu' as const } : {}),
    submenu: mac
      ? [{ role: 'minimize', label: L('minimize') }, { role: 'zoom', label: L('zoom') }, sep, { role: 'front', label: L('front') }]
      : [{ role: 'minimize', label: L('minimize') }, { role: 'close', label: L('close') }],
  });
  template.push({
    label: L('help'),
    ...(mac ? { role: 'help' as const } : {}),
    // On macOS About and updates live in the app menu, where Mac users look for them.
    submenu: mac ? updates : [...updates, ...(updates.length ? [sep] : []), about],
  });
  return template;
}
