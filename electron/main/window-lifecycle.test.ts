/**
 * Start-up and window life cycle with a FAKE window (an EventEmitter with BrowserWindow's method
 * names) and fake dialogs: the decisions are the app's real code; whether Electron emits these
 * events the same way is what the Electron e2e on the release runners confirms.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bringToFront, READY_TO_SHOW_FALLBACK_MS, runStartup, startupErrorText, watchMainWindow, type LifecycleWindow } from './window-lifecycle';

class FakeWindow extends EventEmitter implements LifecycleWindow {
  visible = false;
  minimized = false;
  destroyed = false;
  calls: string[] = [];
  webContents = Object.assign(new EventEmitter(), { reload: () => this.calls.push('reload') });
  show() {
    this.visible = true;
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
  restore() {
    this.minimized = false;
    this.calls.push('restore');
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

/** Timers run by hand, so no test waits for READY_TO_SHOW_FALLBACK_MS. */
function manualTimers() {
  const pending: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms, cleared: false };
      pending.push(t);
      return t;
    },
    clearTimer: (t: unknown) => void ((t as { cleared: boolean }).cleared = true),
    fire: () => pending.filter((t) => !t.cleared).forEach((t) => t.fn()),
  };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('runStartup', () => {
  it('a throw while starting shows an error box and exits with 1 (no invisible process keeps the lock)', async () => {
    const seen: string[] = [];
    const ok = await runStartup(
      Promise.resolve(),
      () => {
        throw new Error('registerIpc: no handler for x');
      },
      { showErrorBox: (t, c) => seen.push(`box:${t}|${c}`), exit: (c) => seen.push(`exit:${c}`), lang: () => 'ja' },
    );
    expect(ok).toBe(false);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^box:メールドクターを起動できませんでした\|.*Error: registerIpc: no handler for x/s);
    expect(seen[1]).toBe('exit:1');
  });

  it('a rejected whenReady and a failing language lookup still exit', async () => {
    const seen: string[] = [];
    await runStartup(Promise.reject(new Error('GPU process died')), () => undefined, {
      showErrorBox: (t) => seen.push(t),
      exit: (c) => seen.push(`exit:${c}`),
      lang: () => {
        throw new Error('app not ready');
      },
    });
    expect(seen).toEqual(['メールドクターを起動できませんでした', 'exit:1']);
  });

  it('exits even when the error box itself throws', async () => {
    const seen: string[] = [];
    await expect(
      runStartup(Promise.resolve(), () => Promise.reject(new Error('x')), {
        showErrorBox: () => {
          throw new Error('no display');
        },
        exit: (c) => seen.push(`exit:${c}`),
        lang: () => 'en',
      }),
    ).rejects.toThrow('no display');
    expect(seen).toEqual(['exit:1']);
  });

  it('a good start neither shows a box nor exits', async () => {
    const seen: string[] = [];
    expect(await runStartup(Promise.resolve(), async () => undefined, { showErrorBox: () => seen.push('box'), exit: () => seen.push('exit'), lang: () => 'en' })).toBe(true);
    expect(seen).toEqual([]);
  });

  it('says it in English too, with the error text and no stack', () => {
    const e = new TypeError('bad');
    const { title, content } = startupErrorText(e, 'en');
    expect(title).toBe('Mail Doctor could not start');
    expect(content).toContain('TypeError: bad');
    expect(content).not.toContain('    at ');
  });
});

describe('watchMainWindow on a fake BrowserWindow', () => {
  it('shows on ready-to-show and cancels the fallback', () => {
    const w = new FakeWindow();
    const timers = manualTimers();
    watchMainWindow(w, { ask: async () => 0, quit: () => undefined, lang: () => 'ja', ...timers });
    expect(timers.pending[0]!.ms).toBe(READY_TO_SHOW_FALLBACK_MS);
    w.emit('ready-to-show');
    expect(w.calls).toEqual(['show']);
    expect(timers.pending[0]!.cleared).toBe(true);
  });

  it('shows the window anyway when ready-to-show never comes', () => {
    const w = new FakeWindow();
    const timers = manualTimers();
    watchMainWindow(w, { ask: async () => 0, quit: () => undefined, lang: () => 'ja', ...timers });
    timers.fire();
    expect(w.visible).toBe(true);
    // a late ready-to-show does not show twice
    w.emit('ready-to-show');
    expect(w.calls).toEqual(['show']);
  });

  it('a crashed renderer: dialog, then reload or quit as the user answers; a clean exit is ignored', async () => {
    const w = new FakeWindow();
    const asked: string[] = [];
    let answer = 0;
    let quit = 0;
    watchMainWindow(w, { ask: async (_w, o) => (asked.push(`${o.title}|${o.message}|${o.buttons.join('/')}`), answer), quit: () => quit++, lang: () => 'ja', ...manualTimers() });
    w.webContents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    await flush();
    expect(asked).toEqual([]);
    w.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    await flush();
    expect(asked[0]).toBe('画面の表示が止まりました|画面のプロセスが終了しました（理由: crashed）。再読み込みすると続けられます。入力中の内容は失われることがあります。|再読み込み/終了');
    expect(w.calls).toEqual(['show', 'reload']);
    answer = 1;
    w.webContents.emit('render-process-gone', {}, { reason: 'oom' });
    await flush();
    expect(quit).toBe(1);
  });

  it('a failed main-frame load asks too; aborted loads and sub-frames do not', async () => {
    const w = new FakeWindow();
    const asked: string[] = [];
    watchMainWindow(w, { ask: async (_w, o) => (asked.push(o.message), 0), quit: () => undefined, lang: () => 'en', ...manualTimers() });
    w.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://mail-doctor/index.html', true);
    w.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://mail-doctor/x.png', false);
    await flush();
    expect(asked).toEqual([]);
    w.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://mail-doctor/index.html', true);
    await flush();
    expect(asked).toEqual(['Loading the window failed (-6 ERR_FILE_NOT_FOUND).']);
    expect(w.calls).toEqual(['show', 'reload']);
  });

  it('one dialog at a time, and none for a destroyed window', async () => {
    const w = new FakeWindow();
    let asked = 0;
    let release: (n: number) => void = () => undefined;
    watchMainWindow(w, { ask: () => (asked++, new Promise<number>((r) => (release = r))), quit: () => undefined, lang: () => 'en', ...manualTimers() });
    w.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    w.webContents.emit('did-fail-load', {}, -2, 'ERR_FAILED', 'app://mail-doctor/', true);
    await flush();
    expect(asked).toBe(1);
    w.destroyed = true;
    release(0);
    await flush();
    expect(w.calls).not.toContain('reload');
    w.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    await flush();
    expect(asked).toBe(1);
  });
});

describe('bringToFront (second launch)', () => {
  it('restores, shows before focusing; ignores a missing or destroyed window', () => {
    const w = new FakeWindow();
    w.minimized = true;
    bringToFront(w);
    expect(w.calls).toEqual(['restore', 'show', 'focus']);
    const gone = new FakeWindow();
    gone.destroyed = true;
    bringToFront(gone);
    expect(gone.calls).toEqual([]);
    expect(() => bringToFront(null)).not.toThrow();
  });
});
