/**
 * Start-up and window life cycle decisions, kept apart from Electron so they run under Vitest with
 * a fake window (an EventEmitter with the few methods used here). Why each exists:
 * - a failure while starting (whenReady handler) must not leave an invisible process holding the
 *   single-instance lock: later double-clicks would then do nothing at all. Show an error, exit.
 * - a window whose `ready-to-show` never comes (a renderer that hangs or crashed while loading)
 *   must still appear, or the user sees nothing.
 * - a crashed renderer or a page that failed to load gets a dialog: reload or quit.
 * - a second launch brings the window to the front: restore, show (it may be hidden), focus.
 */
import type { Lang } from '../../shared/models/device';

/**
 * Longest wait for `ready-to-show` before the window is shown anyway. The built UI loads from the
 * local archive in well under a second on a slow PC; 5 s covers a cold start on a spinning disk
 * with an antivirus scan of the archive, and is short enough that nobody double-clicks again.
 */
export const READY_TO_SHOW_FALLBACK_MS = 5_000;

/** Chromium's "navigation aborted" (a reload replacing a load): not a failure to report. */
const ERR_ABORTED = -3;

const TEXT = {
  ja: {
    startTitle: 'メールドクターを起動できませんでした',
    startDetail: '起動中にエラーが起きました。アプリを終了します。もう一度起動しても直らない場合は、次の内容をサポートに伝えてください。',
    goneTitle: '画面の表示が止まりました',
    goneMessage: '画面のプロセスが終了しました（理由: {reason}）。再読み込みすると続けられます。入力中の内容は失われることがあります。',
    loadTitle: '画面を読み込めませんでした',
    loadMessage: '画面の読み込みに失敗しました（{code} {description}）。',
    reload: '再読み込み',
    quit: '終了',
  },
  en: {
    startTitle: 'Mail Doctor could not start',
    startDetail: 'An error occurred while starting. The app will close. If starting it again does not help, send the text below to support.',
    goneTitle: 'The window stopped working',
    goneMessage: 'The window’s process ended (reason: {reason}). Reload to continue; what you were typing may be lost.',
    loadTitle: 'The window could not be loaded',
    loadMessage: 'Loading the window failed ({code} {description}).',
    reload: 'Reload',
    quit: 'Quit',
  },
} as const satisfies Record<Lang, Record<string, string>>;

function fill(t: string, p: Record<string, string | number>): string {
  return t.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));
}

/** What the start-up error box says: a title, and the error's own text (no stack: the user reads it out). */
export function startupErrorText(error: unknown, lang: Lang): { title: string; content: string } {
  const t = TEXT[lang];
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { title: t.startTitle, content: `${t.startDetail}\n\n${what.slice(0, 1_000)}` };
}

export interface StartupDeps {
  /** `dialog.showErrorBox` (works before and after `ready`, blocks until dismissed). */
  showErrorBox(title: string, content: string): void;
  /** `app.exit(code)`: ends at once and releases the single-instance lock. */
  exit(code: number): void;
  lang(): Lang;
  log?(message: string, error: unknown): void;
}

/** Runs the start-up work after `ready`; any throw or rejection ends in an error box and exit(1). */
export async function runStartup(ready: Promise<unknown>, start: () => void | Promise<void>, deps: StartupDeps): Promise<boolean> {
  try {
    await ready;
    await start();
    return true;
  } catch (e) {
    deps.log?.('start-up failed:', e);
    try {
      let lang: Lang = 'ja';
      try {
        lang = deps.lang();
      } catch {
        // the language comes from `app`, which may be what failed; Japanese is the default audience
      }
      const { title, content } = startupErrorText(e, lang);
      deps.showErrorBox(title, content);
    } finally {
      deps.exit(1);
    }
    return false;
  }
}

/** The parts of a BrowserWindow this module uses (a real one, or an EventEmitter in tests). */
export interface LifecycleWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isVisible(): boolean;
  isDestroyed(): boolean;
  webContents: {
    on(event: 'render-process-gone', listener: (e: unknown, details: { reason: string; exitCode?: number }) => void): unknown;
    on(event: 'did-fail-load', listener: (e: unknown, code: number, description: string, url: string, isMainFrame: boolean) => void): unknown;
    reload(): void;
  };
}

export interface LifecycleDeps {
  /** `dialog.showMessageBox(win, options)` → index of the button clicked. */
  ask(win: LifecycleWindow, o: { type: 'error'; title: string; message: string; buttons: string[]; defaultId: number; cancelId: number }): Promise<number>;
  quit(): void;
  lang(): Lang;
  setTimer?(fn: () => void, ms: number): { unref?(): void } | unknown;
  clearTimer?(t: unknown): void;
}

/** Show on ready-to-show, or after READY_TO_SHOW_FALLBACK_MS at the latest; crash and load-failure dialogs. */
export function watchMainWindow(win: LifecycleWindow, deps: LifecycleDeps, fallbackMs = READY_TO_SHOW_FALLBACK_MS): void {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const showNow = () => {
    if (!win.isDestroyed() && !win.isVisible()) win.show();
  };
  const timer = setTimer(showNow, fallbackMs);
  win.once('ready-to-show', () => {
    clearTimer(timer);
    showNow();
  });

  let asking = false;
  const offerReload = async (title: string, message: string) => {
    if (asking || win.isDestroyed()) return;
    asking = true;
    try {
      showNow();
      const t = TEXT[deps.lang()];
      const answer = await deps.ask(win, { type: 'error', title, message, buttons: [t.reload, t.quit], defaultId: 0, cancelId: 1 });
      if (win.isDestroyed()) return;
      if (answer === 0) win.webContents.reload();
      else deps.quit();
    } finally {
      asking = false;
    }
  };

  win.webContents.on('render-process-gone', (_e, details) => {
    // 'clean-exit' is the renderer closing with its window: nothing went wrong.
    if (details.reason === 'clean-exit') return;
    const t = TEXT[deps.lang()];
    void offerReload(t.goneTitle, fill(t.goneMessage, { reason: details.reason }));
  });
  win.webContents.on('did-fail-load', (_e, code, description, _url, isMainFrame) => {
    if (!isMainFrame || code === ERR_ABORTED) return;
    const t = TEXT[deps.lang()];
    void offerReload(t.loadTitle, fill(t.loadMessage, { code, description }));
  });
}

/** A second launch: bring the existing window to the front (a hidden window must be shown before focus works). */
export function bringToFront(win: LifecycleWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
