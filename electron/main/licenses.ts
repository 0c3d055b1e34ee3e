/**
 * Licence notices of the libraries we ship, for Help → About.
 *
 * Two kinds of third-party code end up in the app:
 * - main-process runtime packages (`dependencies`): electron-builder copies them into
 *   app.asar. They are the non-dev entries of package-lock.json.
 * - renderer libraries (react, zustand, …): devDependencies that Vite bundles into
 *   dist/renderer. Which ones really got bundled is read from the build's source maps,
 *   so a library that tree-shaking dropped is not listed and a new one is never missed.
 *
 * The list is written to dist-electron/licenses.json right before packaging
 * (build/before-pack.js) and read by the About box. Deterministic output (no timestamps):
 * the macOS universal build packs twice and the two archives must be identical.
 * No `electron` import.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';

/**
 * Longest licence text kept per package. MIT/ISC/BSD texts are ~1 KB, Apache-2.0 ~11 KB;
 * a few packages ship their whole changelog-sized NOTICE. 24 KB keeps every real licence
 * whole and stops one file from bloating the About window.
 */
export const LICENSE_TEXT_MAX_CHARS = 24_000;

export const LicenseEntry = z.object({
  name: z.string().min(1).max(214),
  version: z.string().max(100),
  license: z.string().max(200),
  /** Where the code runs: copied as a package into the archive, or bundled into the UI. */
  usedBy: z.enum(['main', 'renderer']),
  repository: z.string().max(500).optional(),
  text: z.string().max(LICENSE_TEXT_MAX_CHARS + 100).optional(),
});
export type LicenseEntry = z.infer<typeof LicenseEntry>;

export const LicenseList = z.object({
  app: z.object({ name: z.string(), version: z.string() }),
  packages: z.array(LicenseEntry),
});
export type LicenseList = z.infer<typeof LicenseList>;

interface LockEntry {
  version?: string;
  license?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
}
interface Lockfile {
  packages?: Record<string, LockEntry>;
}

/** `node_modules/a/node_modules/@s/b/lib/x.js` → `node_modules/a/node_modules/@s/b` (the package folder). */
export function packageDirOf(modulePath: string): string | undefined {
  const parts = modulePath.split(/[\\/]+/);
  const i = parts.lastIndexOf('node_modules');
  if (i < 0 || i + 1 >= parts.length) return undefined;
  const scoped = parts[i + 1]!.startsWith('@');
  const end = i + (scoped ? 3 : 2);
  if (end > parts.length) return undefined;
  return parts.slice(0, end).join('/');
}

/** The lockfile keys of packages electron-builder copies into the app: everything not marked dev. */
export function productionPackageDirs(lock: Lockfile): string[] {
  return Object.entries(lock.packages ?? {})
    .filter(([key, e]) => key.startsWith('node_modules/') && !e.dev && !e.devOptional && !e.link)
    .map(([key]) => key);
}

/**
 * Package folders (relative to the project root) whose code a bundle's source maps name.
 * `mapFiles` are absolute paths of `*.map` files.
 */
export function bundledPackageDirs(projectRoot: string, mapFiles: readonly string[]): string[] {
  const out = new Set<string>();
  for (const file of mapFiles) {
    let map: { sources?: unknown; sourceRoot?: unknown };
    try {
      map = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    if (!Array.isArray(map.sources)) continue;
    const base = resolve(dirname(file), typeof map.sourceRoot === 'string' ? map.sourceRoot : '');
    for (const src of map.sources) {
      if (typeof src !== 'string' || !src.includes('node_modules')) continue;
      const rel = relative(projectRoot, resolve(base, src.replace(/^[a-z]+:\/\//i, ''))).split(sep).join('/');
      const dir = packageDirOf(rel);
      if (dir && dir.startsWith('node_modules/')) out.add(dir);
    }
  }
  return [...out];
}

function listMapFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listMapFiles(p));
    else if (name.endsWith('.js.map')) out.push(p);
  }
  return out;
}

const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

function repoUrl(repo: unknown): string | undefined {
  const raw = typeof repo === 'string' ? repo : repo && typeof repo === 'object' && 'url' in repo ? String(repo.url) : undefined;
  return raw?.replace(/^git\+/, '').replace(/\.git$/, '').slice(0, 500);
}

function licenseField(pkg: Record<string, unknown>, lock?: LockEntry): string {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license === 'object' && 'type' in pkg.license) return String(pkg.license.type);
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l: { type?: string }) => l?.type ?? '?').join(' OR ');
  return lock?.license ?? 'UNKNOWN';
}

function readEntry(projectRoot: string, dir: string, usedBy: LicenseEntry['usedBy'], lock?: LockEntry): LicenseEntry | undefined {
  const abs = join(projectRoot, dir);
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(readFileSync(join(abs, 'package.json'), 'utf8'));
  } catch {
    return undefined; // an optional dependency for another platform: not installed, not shipped
  }
  if (typeof pkg.name !== 'string') return undefined;
  const texts = readdirSync(abs)
    .filter((f) => LICENSE_FILE.test(f))
    .sort()
    .map((f) => readFileSync(join(abs, f), 'utf8').trim())
    .filter(Boolean);
  const joined = texts.join('\n\n');
  const text = joined.length > LICENSE_TEXT_MAX_CHARS ? `${joined.slice(0, LICENSE_TEXT_MAX_CHARS)}\n[…]` : joined;
  const entry: LicenseEntry = { name: pkg.name, version: String(pkg.version ?? lock?.version ?? ''), license: licenseField(pkg, lock), usedBy };
  const repository = repoUrl(pkg.repository) ?? (typeof pkg.homepage === 'string' ? pkg.homepage : undefined);
  if (repository) entry.repository = repository;
  if (text) entry.text = text;
  return entry;
}

/**
 * Build the notice list from the project's node_modules. `rendererMapDirs`: folders holding the
 * renderer/preload bundles' source maps (default: dist/renderer and dist-electron).
 */
export function collectLicenses(projectRoot: string, rendererMapDirs = [join(projectRoot, 'dist', 'renderer'), join(projectRoot, 'dist-electron')]): LicenseList {
  const root = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const lock = JSON.parse(readFileSync(join(projectRoot, 'package-lock.json'), 'utf8')) as Lockfile;
  const byKey = new Map<string, LicenseEntry>();
  for (const dir of productionPackageDirs(lock)) {
    const e = readEntry(projectRoot, dir, 'main', lock.packages?.[dir]);
    if (e) byKey.set(`${e.name}@${e.version}`, e);
  }
  for (const dir of bundledPackageDirs(projectRoot, rendererMapDirs.flatMap(listMapFiles))) {
    const e = readEntry(projectRoot, dir, 'renderer', lock.packages?.[dir]);
    if (e && !byKey.has(`${e.name}@${e.version}`)) byKey.set(`${e.name}@${e.version}`, e);
  }
  const packages = [...byKey.values()].filter((e) => e.name !== root.name).sort((a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'));
  return { app: { name: root.name, version: root.version }, packages };
}

export function writeLicensesFile(projectRoot: string, outFile: string): LicenseList {
  const list = LicenseList.parse(collectLicenses(projectRoot));
  writeFileSync(outFile, `${JSON.stringify(list, null, 1)}\n`, 'utf8');
  return list;
}

/** Read the packaged notice list; undefined when missing or invalid (the About box then says so). */
export function readLicensesFile(file: string): LicenseList | undefined {
  try {
    const parsed = LicenseList.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
