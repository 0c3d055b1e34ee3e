/**
 * The offline packaging check: real electron-builder, real app.asar, placeholder Electron binary
 * (scripts/pack-dir.js explains why). Skips only when the app has not been built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface PackCheck {
  checkArchive(input: {
    files: string[];
    sizeBytes: number;
    pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    fuses?: Record<string, boolean>;
    expectedFuses?: Record<string, boolean>;
    locales?: string[];
    expectedLocales?: string[];
  }): string[];
  MAX_ASAR_BYTES: number;
  REQUIRED: string[];
  REQUIRED_FUSES: Record<string, boolean>;
}
const packDir = createRequire(__filename)('./pack-dir.js') as PackCheck;

const root = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('checkArchive rules', () => {
  const good = [
    ...packDir.REQUIRED,
    '/dist/renderer/assets/index-abc.js',
    ...Object.keys(pkg.dependencies).flatMap((d) => [`/node_modules/${d}`, `/node_modules/${d}/package.json`]),
  ];
  const input = { files: good, sizeBytes: 1_000_000, pkg, expectedFuses: packDir.REQUIRED_FUSES, fuses: packDir.REQUIRED_FUSES };

  it('accepts an archive with the built app and only runtime packages', () => {
    expect(packDir.checkArchive(input)).toEqual([]);
  });

  it('names each kind of mistake', () => {
    const problems = packDir.checkArchive({
      ...input,
      files: [
        ...good.filter((f) => f !== '/dist-electron/preload.js' && !f.startsWith('/node_modules/zod')),
        '/node_modules/react/package.json',
        '/node_modules/@playwright/test/package.json',
        '/dist-electron/electron/main/updates.test.js',
        '/dist/renderer/assets/index-abc.js.map',
        '/renderer/main.tsx',
        '/dist-electron/electron/probes/testing/fake-server.js',
        '/dist-electron/electron/main/ipc/test-handlers.js',
        '/dist-electron/electron/preload/preload.js',
      ],
      sizeBytes: packDir.MAX_ASAR_BYTES + 1,
      fuses: { ...packDir.REQUIRED_FUSES, runAsNode: true },
      expectedFuses: { ...packDir.REQUIRED_FUSES, grantFileProtocolExtraPrivileges: true },
      locales: ['en-US', 'ja', 'de'],
      expectedLocales: ['en-US', 'ja'],
    });
    const expected = [
      'missing /dist-electron/preload.js',
      'runtime dependency zod',
      'dev dependency react',
      'dev dependency @playwright/test',
      'test file /dist-electron/electron/main/updates.test.js',
      'source map',
      'TypeScript source /renderer/main.tsx',
      'test helper /dist-electron/electron/probes/testing/fake-server.js',
      'test helper /dist-electron/electron/main/ipc/test-handlers.js',
      'over the',
      'fuse runAsNode',
      'electron-builder.yml electronFuses.grantFileProtocolExtraPrivileges is true, the app needs false',
      'fuse grantFileProtocolExtraPrivileges is false, electron-builder.yml wants true',
      'unused build output /dist-electron/electron/preload/preload.js',
      'locale packs not pruned: de',
    ];
    for (const e of expected) expect(problems.some((p) => p.includes(e)), `${e}\n${problems.join('\n')}`).toBe(true);
  });
});

const built = existsSync(join(root, 'dist', 'renderer', 'index.html')) && existsSync(join(root, 'dist-electron', 'electron', 'main', 'main.js'));
// The check packs for Linux with a placeholder binary; on the Windows/macOS release runners the
// real installer is built right after the unit tests, which is the stronger check there.
const linux = process.platform === 'linux';

describe('electron-builder --linux dir with a placeholder Electron', () => {
  it.skipIf(!built || !linux)(
    'packs the built app: UI and main in, dev dependencies/tests/maps out, fuses flipped, size under the limit',
    () => {
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'pack-dir.js'), '--json'], { cwd: root, encoding: 'utf8', timeout: 200_000 });
      expect(r.status, r.stderr.slice(-3000)).not.toBe(2);
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
        sizeBytes: number;
        maxBytes: number;
        builderMs: number;
        problems: string[];
        files: string[];
        fuses: Record<string, boolean>;
        locales: string[];
      };
      expect(out.problems).toEqual([]);
      expect(r.status).toBe(0);
      const files = new Set(out.files);
      for (const f of ['/dist/renderer/index.html', '/dist-electron/electron/main/main.js', '/dist-electron/preload.js', '/dist-electron/licenses.json', '/package.json']) {
        expect(files.has(f), f).toBe(true);
      }
      for (const dep of ['zod', 'ws', 'semver']) expect(files.has(`/node_modules/${dep}/package.json`), dep).toBe(true);
      for (const dev of ['react', 'react-dom', 'vite', 'electron', 'electron-builder', 'playwright-core', 'typescript', 'vitest', 'zustand']) {
        expect(out.files.some((f) => f.startsWith(`/node_modules/${dev}/`)), dev).toBe(false);
      }
      expect(out.files.filter((f) => !f.startsWith('/node_modules/') && /\.test\.|\.map$|\.tsx?$/.test(f))).toEqual([]);
      // the JS the UI runs is there (Vite's hashed bundle), not the sources
      expect(out.files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
      expect(out.files.some((f) => f.startsWith('/renderer/') || f.startsWith('/electron/') || f.startsWith('/shared/'))).toBe(false);
      expect(out.sizeBytes).toBeLessThan(out.maxBytes);
      expect(out.fuses).toMatchObject(packDir.REQUIRED_FUSES);
      expect(out.files.some((f) => f.startsWith('/dist-electron/electron/preload/'))).toBe(false);
      expect(out.locales.sort()).toEqual(['en-US', 'ja']);
      // licence notices are the packaged ones, and cover the runtime packages
      const lic = JSON.parse(readFileSync(join(root, 'dist-electron', 'licenses.json'), 'utf8')) as { packages: Array<{ name: string; usedBy: string }> };
      expect(lic.packages.some((p) => p.name === 'zod' && p.usedBy === 'main')).toBe(true);
      expect(lic.packages.some((p) => p.name === 'react-dom' && p.usedBy === 'renderer')).toBe(true);
      console.info(`[pack-dir] app.asar ${(out.sizeBytes / 1048576).toFixed(2)} MB of ${out.maxBytes / 1048576} MB, ${out.files.length} entries, electron-builder ${out.builderMs} ms`);
    },
    240_000,
  );
  if (!built) it.skip('not built: run `npm run build` first (npm test builds before the unit tests)', () => {});
  if (!linux) it.skip('Linux only: on Windows/macOS the release workflow builds the real installer instead', () => {});
});
