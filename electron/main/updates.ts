/**
 * "Check for updates": reads one small JSON release feed and says whether a newer
 * version exists. It never downloads or installs anything; the user gets the
 * release page link and decides (helpdesk PCs are often locked down, and a silent
 * self-update of a diagnostic tool in the middle of a support call is unwelcome).
 *
 * The feed (documented in docs/shipping.md):
 *   { "version": "0.2.0", "url": "https://github.com/…/releases/tag/v0.2.0",
 *     "notes": { "ja": "…", "en": "…" }, "published": "2026-12-01" }
 *
 * The feed URL comes from package.json `mailDoctor.updateFeedUrl` (set it there or
 * at packaging time with `-c.extraMetadata.mailDoctor.updateFeedUrl=…`). Without
 * one the check answers `disabled`, which is the default.
 *
 * No `electron` import: the glue passes the current version and the feed URL in.
 */
import semver from 'semver';
import { z } from 'zod';
import type { Lang } from '../../shared/models/device';
import type { UpdateCheck } from '../../shared/models/app';

/**
 * Deadline for the whole feed request (connect + headers + body). The feed is a few
 * hundred bytes and the user clicked a menu item and is waiting; if a proxy or a
 * captive portal holds the request longer than this, saying "could not check" is more
 * useful than a spinner. 8 s still covers a slow mobile tether with a TLS handshake.
 */
export const UPDATE_FEED_TIMEOUT_MS = 8_000;

/**
 * Largest feed body we read. A real feed is under 2 KB (two short release notes); the
 * cap stops a misconfigured URL (an HTML page, an installer) from being read into memory.
 */
export const UPDATE_FEED_MAX_BYTES = 64 * 1024;

/** GitHub Pages and release hosts redirect once or twice; more than this is a loop or a misconfiguration. */
export const UPDATE_FEED_MAX_REDIRECTS = 3;

/** Release notes are shown in a dialog; longer text belongs on the release page. */
const NOTES_MAX_CHARS = 2_000;

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: string[];
}

/** A strict semantic version (an optional leading "v"), through the semver package. */
export function parseSemver(text: string): SemVer | undefined {
  const v = semver.parse(text.trim());
  if (!v) return undefined;
  return { major: v.major, minor: v.minor, patch: v.patch, prerelease: v.prerelease.map(String) };
}

const format = (v: SemVer): string => `${v.major}.${v.minor}.${v.patch}${v.prerelease.length ? `-${v.prerelease.join('.')}` : ''}`;

/** Semver 2.0.0 precedence (build metadata ignored): negative if a < b, 0 if equal, positive if a > b. */
export function compareSemver(a: SemVer, b: SemVer): number {
  return semver.compare(format(a), format(b));
}

const semverString = z.string().max(100).refine((v) => parseSemver(v) !== undefined, 'not a semantic version');

export const UpdateFeed = z.object({
  version: semverString,
  /** Release page (not an installer): opened in the system browser only if the user asks. */
  url: z
    .string()
    .max(2_000)
    .url()
    .refine((u) => new URL(u).protocol === 'https:', 'release url must be https'),
  notes: z
    .object({ ja: z.string().max(NOTES_MAX_CHARS).optional(), en: z.string().max(NOTES_MAX_CHARS).optional() })
    .optional(),
  published: z.string().max(40).optional(),
});
export type UpdateFeed = z.infer<typeof UpdateFeed>;

/** Where the feed URL may point: https anywhere, plain http only on this machine (tests, a local mirror). */
export function isAcceptableFeedUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === '[::1]' || u.hostname === 'localhost');
}

/** The feed URL from package.json (`mailDoctor.updateFeedUrl`), or undefined when none is configured. */
export function feedUrlFromPackageJson(pkg: unknown): string | undefined {
  const parsed = z.object({ mailDoctor: z.object({ updateFeedUrl: z.string().min(1).optional() }).optional() }).safeParse(pkg);
  return parsed.success ? parsed.data.mailDoctor?.updateFeedUrl : undefined;
}

export interface CheckOptions {
  current: string;
  feedUrl: string | undefined;
  lang: Lang;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const TEXT = {
  ja: {
    badConfig: '更新情報の URL の設定が正しくありません。',
    badCurrent: 'このアプリのバージョン番号を読み取れません。',
    http: '更新情報を取得できませんでした (HTTP {status})。',
    timeout: '更新情報の取得が時間内に終わりませんでした。ネットワークやプロキシを確認してください。',
    network: '更新情報のサーバーに接続できませんでした。',
    tooBig: '更新情報が大きすぎます。URL の設定を確認してください。',
    badFeed: '更新情報の形式が正しくありません。',
    available: '新しいバージョン {latest} があります (現在 {current})。',
    upToDate: '最新のバージョン ({current}) を使っています。',
  },
  en: {
    badConfig: 'The update feed URL is not configured correctly.',
    badCurrent: "This app's version number cannot be read.",
    http: 'Could not get the update information (HTTP {status}).',
    timeout: 'Getting the update information took too long. Check the network or proxy.',
    network: 'Could not connect to the update server.',
    tooBig: 'The update information is too large. Check the feed URL setting.',
    badFeed: 'The update information is not in the expected format.',
    available: 'A newer version {latest} is available (you have {current}).',
    upToDate: 'You have the latest version ({current}).',
  },
} as const satisfies Record<Lang, Record<string, string>>;

function fill(t: string, p: Record<string, string | number>): string {
  return t.replace(/\{(\w+)\}/g, (m, k: string) => (k in p ? String(p[k]) : m));
}

class FeedTooLarge extends Error {}

async function readCapped(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw new FeedTooLarge();
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new FeedTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Fetch the feed and compare versions. Never throws: every failure is an `error` status with a message in `lang`. */
export async function checkForUpdates(opts: CheckOptions): Promise<UpdateCheck> {
  const { current, feedUrl, lang } = opts;
  const t = TEXT[lang];
  if (!feedUrl) return { status: 'disabled', current };
  if (!isAcceptableFeedUrl(feedUrl)) return { status: 'error', current, message: t.badConfig };
  const currentVer = parseSemver(current);
  if (!currentVer) return { status: 'error', current, message: t.badCurrent };

  const fetchImpl = opts.fetchImpl ?? fetch;
  const deadline = AbortSignal.timeout(opts.timeoutMs ?? UPDATE_FEED_TIMEOUT_MS);
  const signal = opts.signal ? AbortSignal.any([deadline, opts.signal]) : deadline;

  let body: string;
  try {
    let res: Response | undefined;
    let url = feedUrl;
    // Redirects are followed by hand so that every hop is checked before it is requested
    // (a hop to plain http:// off this machine is refused, not fetched).
    for (let hop = 0; ; hop++) {
      res = await fetchImpl(url, { signal, headers: { accept: 'application/json' }, redirect: 'manual' });
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (!location) break;
      await res.body?.cancel();
      const next = new URL(location, url).toString();
      if (hop >= UPDATE_FEED_MAX_REDIRECTS || !isAcceptableFeedUrl(next)) return { status: 'error', current, message: t.badConfig };
      url = next;
    }
    if (!res.ok) {
      await res.body?.cancel();
      return { status: 'error', current, message: fill(t.http, { status: res.status }) };
    }
    body = await readCapped(res, UPDATE_FEED_MAX_BYTES);
  } catch (e) {
    if (e instanceof FeedTooLarge) return { status: 'error', current, message: t.tooBig };
    if (deadline.aborted) return { status: 'error', current, message: t.timeout };
    if (opts.signal?.aborted) throw e;
    return { status: 'error', current, message: t.network };
  }

  let feed: UpdateFeed;
  try {
    const parsed = UpdateFeed.safeParse(JSON.parse(body));
    if (!parsed.success) return { status: 'error', current, message: t.badFeed };
    feed = parsed.data;
  } catch {
    return { status: 'error', current, message: t.badFeed };
  }

  const latest = feed.version.replace(/^v/, '');
  const latestVer = parseSemver(latest)!;
  if (compareSemver(latestVer, currentVer) > 0) {
    const notes = feed.notes?.[lang] ?? feed.notes?.en ?? feed.notes?.ja;
    const headline = fill(t.available, { latest, current });
    return { status: 'available', current, latest, url: feed.url, message: notes ? `${headline}\n\n${notes}` : headline };
  }
  return { status: 'up-to-date', current, latest, message: fill(t.upToDate, { current }) };
}
