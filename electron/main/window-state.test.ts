import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DisplayLike,
  type Rect,
  type WindowState,
  readWindowStateSync,
  restoreBounds,
  trackWindowState,
  writeWindowState,
} from './window-state';

const DEFAULTS = { width: 1280, height: 800 };
const MIN = { width: 1024, height: 700 };
// A laptop (taskbar at the bottom) with a bigger monitor to its right.
const laptop: DisplayLike = { workArea: { x: 0, y: 0, width: 1440, height: 860 } };
const monitor: DisplayLike = { workArea: { x: 1440, y: -200, width: 2560, height: 1400 } };
const both = [laptop, monitor];

const state = (r: Partial<WindowState>): WindowState => ({ x: 100, y: 100, width: 1200, height: 760, maximized: false, fullScreen: false, ...r });

describe('restoreBounds', () => {
  it('first run: default size, centred (no x/y), fitted to a small screen', () => {
    expect(restoreBounds(undefined, both, laptop, DEFAULTS, MIN).bounds).toEqual({ width: 1280, height: 800 });
    const tiny: DisplayLike = { workArea: { x: 0, y: 0, width: 1024, height: 728 } };
    expect(restoreBounds(undefined, [tiny], tiny, DEFAULTS, MIN).bounds).toEqual({ width: 1024, height: 728 });
  });

  it('keeps a position that is fully visible', () => {
    const r = restoreBounds(state({ x: 2000, y: 0, width: 1400, height: 900 }), both, laptop, DEFAULTS, MIN);
    expect(r.bounds).toEqual({ x: 2000, y: 0, width: 1400, height: 900 });
  });

  it('pulls a partly off-screen window fully onto the display that shows its title bar', () => {
    // hangs off the right edge of the monitor
    const r = restoreBounds(state({ x: 3600, y: 100, width: 1200, height: 760 }), both, laptop, DEFAULTS, MIN);
    expect(r.bounds).toEqual({ x: 4000 - 1200, y: 100, width: 1200, height: 760 });
    // above the laptop's top edge but with enough title bar still there: moved down
    const up = restoreBounds(state({ x: 50, y: -10, width: 1200, height: 760 }), both, laptop, DEFAULTS, MIN);
    expect(up.bounds).toMatchObject({ x: 50, y: 0 });
  });

  it('ignores the position when the monitor it was on is gone, but keeps the size', () => {
    const r = restoreBounds(state({ x: 2000, y: 0, width: 1300, height: 820 }), [laptop], laptop, DEFAULTS, MIN);
    expect(r.bounds).toEqual({ width: 1300, height: 820 });
  });

  it('ignores a window whose title bar is out of reach (only a sliver visible)', () => {
    const sliver = restoreBounds(state({ x: 1440 - 40, y: 100 }), [laptop], laptop, DEFAULTS, MIN);
    expect(sliver.bounds.x).toBeUndefined();
    const titleAbove = restoreBounds(state({ x: 100, y: -500 }), [laptop], laptop, DEFAULTS, MIN);
    expect(titleAbove.bounds.x).toBeUndefined();
  });

  it('shrinks a window bigger than its display, but not below the app minimum unless the screen is smaller', () => {
    const big = restoreBounds(state({ x: 0, y: 0, width: 3000, height: 2000 }), [laptop], laptop, DEFAULTS, MIN);
    expect(big.bounds).toEqual({ x: 0, y: 0, width: 1440, height: 860 });
    const small = restoreBounds(state({ x: 0, y: 0, width: 300, height: 200 }), [laptop], laptop, DEFAULTS, MIN);
    expect(small.bounds).toEqual({ x: 0, y: 0, width: 1024, height: 700 });
  });

  it('keeps the maximized / full-screen flags', () => {
    const r = restoreBounds(state({ maximized: true, fullScreen: true }), both, laptop, DEFAULTS, MIN);
    expect(r).toMatchObject({ maximized: true, fullScreen: true });
  });
});

describe('window-state file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'md-winstate-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips through a real file and rejects invalid content', async () => {
    const file = join(dir, 'sub', 'window-state.json');
    expect(readWindowStateSync(file)).toBeUndefined();
    await writeWindowState(file, state({ x: -1200, maximized: true }));
    expect(readWindowStateSync(file)).toEqual(state({ x: -1200, maximized: true }));
    for (const bad of ['{', '[]', '{"x":1,"y":2}', JSON.stringify(state({ width: -5 })), JSON.stringify(state({ x: 1e9 })), JSON.stringify({ ...state({}), x: 1.5 })]) {
      await writeFile(file, bad);
      expect(readWindowStateSync(file), bad).toBeUndefined();
    }
    // an older file without fullScreen still loads
    const { fullScreen: _omit, ...old } = state({});
    await writeFile(file, JSON.stringify(old));
    expect(readWindowStateSync(file)).toEqual(state({}));
  });

  it('a superseded write leaves neither its content nor a temp file behind', async () => {
    const file = join(dir, 'window-state.json');
    await writeWindowState(file, state({ x: 1 }));
    await writeWindowState(file, state({ x: 2 }), () => false);
    expect(readWindowStateSync(file)).toEqual(state({ x: 1 }));
    expect((await readdir(dir)).sort()).toEqual(['window-state.json']);
  });

  it('the final state on close wins over a debounced save that was about to run', async () => {
    const file = join(dir, 'window-state.json');
    const win = Object.assign(new EventEmitter(), {
      bounds: { x: 5, y: 5, width: 1100, height: 720 } as Rect,
      getNormalBounds() {
        return this.bounds;
      },
      isMaximized: () => false,
      isFullScreen: () => false,
      isDestroyed: () => false,
    });
    const tracker = trackWindowState(win, file, { debounceMs: 10_000 });
    win.emit('move');
    const pending = tracker.flush();
    win.bounds = { x: 77, y: 5, width: 1100, height: 720 };
    win.emit('close');
    await pending;
    await new Promise((r) => setTimeout(r, 20));
    expect(readWindowStateSync(file)).toMatchObject({ x: 77 });
  });

  it('tracks a window: debounced saves while moving, a final save on close', async () => {
    const file = join(dir, 'window-state.json');
    class FakeWindow extends EventEmitter {
      bounds: Rect = { x: 10, y: 20, width: 1100, height: 720 };
      maximized = false;
      getNormalBounds = () => this.bounds;
      isMaximized = () => this.maximized;
      isFullScreen = () => false;
      isDestroyed = () => false;
    }
    const win = new FakeWindow();
    trackWindowState(win, file, { debounceMs: 30 });
    for (let i = 0; i < 20; i++) {
      win.bounds = { ...win.bounds, x: 10 + i };
      win.emit('move');
    }
    expect(readWindowStateSync(file)).toBeUndefined(); // debounced: nothing yet
    await new Promise((r) => setTimeout(r, 120));
    expect(readWindowStateSync(file)).toMatchObject({ x: 29, y: 20 });

    win.maximized = true;
    win.bounds = { ...win.bounds, width: 1300 }; // normal bounds keep the restore size
    win.emit('close');
    // written before 'close' returns: the app may exit right after
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ x: 29, y: 20, width: 1300, height: 720, maximized: true, fullScreen: false });
  });
});
