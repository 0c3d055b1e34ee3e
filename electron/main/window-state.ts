/**
 * Remembers the main window's size and position between launches.
 *
 * Pure math plus a small tracker that takes a window-like object, so all of it runs
 * under Vitest with a fake screen list. The saved file is JSON in userData and is
 * validated with zod on load: a hand-edited, truncated or foreign file means "no saved
 * state", never a crash or a window placed at nonsense coordinates.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What Electron's `screen.getAllDisplays()` gives us that matters here. */
export interface DisplayLike {
  workArea: Rect;
}

export interface Size {
  width: number;
  height: number;
}

/** Window coordinates larger than any real desktop (8K × several monitors) are corrupt data. */
const COORD_LIMIT = 100_000;
const coord = z.number().int().min(-COORD_LIMIT).max(COORD_LIMIT);
const extent = z.number().int().min(1).max(COORD_LIMIT);

export const WindowState = z.object({
  x: coord,
  y: coord,
  width: extent,
  height: extent,
  maximized: z.boolean(),
  fullScreen: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

/**
 * How much of the saved window must still be on a display for the position to be kept:
 * enough of the title bar to grab it with the mouse and drag it back. Less than this
 * (a monitor was unplugged, resolution changed) and the window opens centred instead.
 */
export const MIN_VISIBLE_WIDTH = 120;
export const MIN_VISIBLE_HEIGHT = 10;
/** Height of the strip at the top of a window that holds the title bar (Windows: ~31 px at 100 %). */
export const TITLEBAR_HEIGHT = 32;

/**
 * Save at most this often while the user drags or resizes: every `move` event would
 * mean dozens of writes per second; the final state is written on close anyway.
 */
export const WINDOW_STATE_SAVE_DEBOUNCE_MS = 500;

function intersect(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const r = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return r > x && bottom > y ? { x, y, width: r - x, height: bottom - y } : undefined;
}

/** The title-bar strip of a window, the part that must be reachable. */
function titleBar(r: Rect): Rect {
  return { x: r.x, y: r.y, width: r.width, height: Math.min(TITLEBAR_HEIGHT, r.height) };
}

/** The display showing the largest part of the window's title bar, if enough of it is visible. */
export function displayShowing(rect: Rect, displays: readonly DisplayLike[]): DisplayLike | undefined {
  let best: DisplayLike | undefined;
  let bestArea = 0;
  for (const d of displays) {
    const i = intersect(titleBar(rect), d.workArea);
    if (!i || i.width < MIN_VISIBLE_WIDTH || i.height < Math.min(MIN_VISIBLE_HEIGHT, rect.height)) continue;
    const area = i.width * i.height;
    if (area > bestArea) {
      best = d;
      bestArea = area;
    }
  }
  return best;
}

function clampSize(size: Size, min: Size, area: Rect): Size {
  // Never larger than the work area, never smaller than the app's minimum (unless the
  // screen itself is smaller: then the screen wins, the window must fit).
  return {
    width: Math.min(Math.max(size.width, min.width), area.width),
    height: Math.min(Math.max(size.height, min.height), area.height),
  };
}

export interface RestoredBounds {
  /** x/y absent: let Electron centre the window. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
  fullScreen: boolean;
}

/**
 * Where to open the window. Keeps the saved position when its title bar is still on a
 * display, moved and shrunk just enough to lie fully inside that display's work area;
 * otherwise keeps only the size (fitted to the primary display) and centres it.
 */
export function restoreBounds(
  saved: WindowState | undefined,
  displays: readonly DisplayLike[],
  primary: DisplayLike,
  defaults: Size,
  min: Size,
): RestoredBounds {
  if (!saved) return { bounds: clampSize(defaults, min, primary.workArea), maximized: false, fullScreen: false };
  const flags = { maximized: saved.maximized, fullScreen: saved.fullScreen };
  const home = displayShowing(saved, displays);
  if (!home) return { bounds: clampSize(saved, min, primary.workArea), ...flags };
  const wa = home.workArea;
  const size = clampSize(saved, min, wa);
  const x = Math.min(Math.max(saved.x, wa.x), wa.x + wa.width - size.width);
  const y = Math.min(Math.max(saved.y, wa.y), wa.y + wa.height - size.height);
  return { bounds: { x, y, ...size }, ...flags };
}

/** Read the saved state; anything missing or invalid is "no saved state". Synchronous on purpose:
 *  one small file, read once before the first window is created, so the window opens in place. */
export function readWindowStateSync(file: string): WindowState | undefined {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

let tmpCounter = 0;

/**
 * Write atomically (temp file + rename) so a crash mid-write leaves the old file, not half a JSON.
 * `commit` is asked right before the rename: a newer write may have superseded this one.
 */
export async function writeWindowState(file: string, state: WindowState, commit: () => boolean = () => true): Promise<void> {
  const valid = WindowState.parse(state);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`;
  await writeFile(tmp, JSON.stringify(valid, null, 2), 'utf8');
  if (commit()) await rename(tmp, file);
  else await rm(tmp, { force: true });
}

/** Same, synchronously: used when the window closes, because the app may quit before an async write lands. */
export function writeWindowStateSync(file: string, state: WindowState): void {
  const valid = WindowState.parse(state);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`;
  writeFileSync(tmp, JSON.stringify(valid, null, 2), 'utf8');
  renameSync(tmp, file);
}

/** The parts of a BrowserWindow the tracker uses. */
export interface TrackableWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'enter-full-screen' | 'leave-full-screen' | 'close', listener: () => void): unknown;
  /** Bounds of the window when not maximized/full-screen: what to restore to. */
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
}

export function captureState(win: TrackableWindow): WindowState {
  const b = win.getNormalBounds();
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.max(1, Math.round(b.width)),
    height: Math.max(1, Math.round(b.height)),
    maximized: win.isMaximized(),
    fullScreen: win.isFullScreen(),
  };
}

/**
 * Save the window's state while the user moves/resizes it (debounced) and once more,
 * synchronously, when it closes. Returns `flush()`, which writes the latest state now (used by tests and on quit).
 * Write failures are reported to `onError` and otherwise ignored: a read-only profile must not
 * stop the app.
 */
export function trackWindowState(
  win: TrackableWindow,
  file: string,
  opts: { debounceMs?: number; onError?: (e: unknown) => void } = {},
): { flush(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let last: WindowState | undefined;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;

  const snapshot = () => {
    if (!win.isDestroyed()) last = captureState(win);
  };
  const save = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const state = last;
    if (!state) return writing;
    // After close the synchronous final write is the truth; a debounced write still in flight must not replace it.
    writing = writing.then(() => (closed ? undefined : writeWindowState(file, state, () => !closed))).catch((e) => opts.onError?.(e));
    return writing;
  };
  const schedule = () => {
    snapshot();
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), opts.debounceMs ?? WINDOW_STATE_SAVE_DEBOUNCE_MS);
  };

  for (const ev of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) win.on(ev, schedule);
  win.on('close', () => {
    closed = true;
    if (timer) clearTimeout(timer);
    timer = undefined;
    snapshot();
    if (!last) return;
    try {
      writeWindowStateSync(file, last);
    } catch (e) {
      opts.onError?.(e);
    }
  });
  return { flush: save };
}
