import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LICENSE_TEXT_MAX_CHARS, collectLicenses, packageDirOf, readLicensesFile, writeLicensesFile } from './licenses';

async function put(root: string, rel: string, content: string | object) {
  const p = join(root, rel);
  await mkdir(dirname(p), { recursive: true });
  await writeFile(p, typeof content === 'string' ? content : JSON.stringify(content));
}

describe('packageDirOf', () => {
  it('finds the innermost package folder, scoped or not', () => {
    expect(packageDirOf('node_modules/react-dom/cjs/react-dom.production.js')).toBe('node_modules/react-dom');
    expect(packageDirOf('node_modules/a/node_modules/@scope/b/lib/x.js')).toBe('node_modules/a/node_modules/@scope/b');
    expect(packageDirOf('renderer/main.tsx')).toBeUndefined();
    expect(packageDirOf('node_modules/@scope')).toBeUndefined();
  });
});

describe('collectLicenses on a small real project tree', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'md-licenses-'));
    await put(root, 'package.json', { name: 'app', version: '1.2.3' });
    await put(root, 'package-lock.json', {
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.2.3' },
        'node_modules/runtime-a': { version: '2.0.0', license: 'MIT' },
        'node_modules/runtime-a/node_modules/@s/nested': { version: '0.1.0', license: 'ISC' },
        'node_modules/dev-only': { version: '9.9.9', dev: true },
        'node_modules/dev-opt': { version: '1.0.0', devOptional: true },
        'node_modules/other-platform': { version: '1.0.0', optional: true },
        'node_modules/ui-lib': { version: '19.0.0', dev: true, license: 'MIT' },
        'node_modules/ui-unused': { version: '1.0.0', dev: true },
      },
    });
    await put(root, 'node_modules/runtime-a/package.json', { name: 'runtime-a', version: '2.0.0', license: 'MIT', repository: { url: 'git+https://github.com/x/runtime-a.git' } });
    await put(root, 'node_modules/runtime-a/LICENSE', 'MIT License\n\nCopyright (c) runtime-a authors');
    await put(root, 'node_modules/runtime-a/node_modules/@s/nested/package.json', { name: '@s/nested', version: '0.1.0', license: 'ISC' });
    await put(root, 'node_modules/runtime-a/node_modules/@s/nested/LICENCE.md', 'ISC licence text');
    await put(root, 'node_modules/dev-only/package.json', { name: 'dev-only', version: '9.9.9', license: 'MIT' });
    await put(root, 'node_modules/dev-opt/package.json', { name: 'dev-opt', version: '1.0.0' });
    // other-platform is in the lockfile but not installed on this OS: silently not shipped
    await put(root, 'node_modules/ui-lib/package.json', { name: 'ui-lib', version: '19.0.0', license: 'MIT', homepage: 'https://ui-lib.example' });
    await put(root, 'node_modules/ui-lib/LICENSE', `Big licence\n${'x'.repeat(LICENSE_TEXT_MAX_CHARS * 2)}`);
    await put(root, 'node_modules/ui-unused/package.json', { name: 'ui-unused', version: '1.0.0', license: 'MIT' });
    // the renderer bundle's source map names ui-lib (and app sources), not ui-unused
    await put(root, 'dist/renderer/assets/index-abc.js.map', {
      version: 3,
      sources: ['../../../node_modules/ui-lib/index.js', '../../../renderer/main.tsx', '\u0000vite/preload-helper'],
      mappings: '',
    });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists runtime packages and bundled renderer libraries, nothing dev-only', () => {
    const list = collectLicenses(root);
    expect(list.app).toEqual({ name: 'app', version: '1.2.3' });
    expect(list.packages.map((p) => `${p.name}@${p.version}:${p.usedBy}`)).toEqual(['@s/nested@0.1.0:main', 'runtime-a@2.0.0:main', 'ui-lib@19.0.0:renderer']);
    const a = list.packages.find((p) => p.name === 'runtime-a')!;
    expect(a).toMatchObject({ license: 'MIT', repository: 'https://github.com/x/runtime-a' });
    expect(a.text).toContain('Copyright (c) runtime-a authors');
    expect(list.packages.find((p) => p.name === '@s/nested')!.text).toBe('ISC licence text');
  });

  it('caps a huge licence text and round-trips through the JSON file', () => {
    const out = join(root, 'dist-electron', 'licenses.json');
    return mkdir(dirname(out), { recursive: true }).then(() => {
      const written = writeLicensesFile(root, out);
      const ui = written.packages.find((p) => p.name === 'ui-lib')!;
      expect(ui.text!.length).toBeLessThanOrEqual(LICENSE_TEXT_MAX_CHARS + 10);
      expect(ui.text!.endsWith('[…]')).toBe(true);
      expect(readLicensesFile(out)).toEqual(written);
      // deterministic: the macOS universal build packs twice and needs identical archives
      expect(writeLicensesFile(root, out)).toEqual(written);
    });
  });

  it('treats a missing or corrupt file as no list', async () => {
    expect(readLicensesFile(join(root, 'nope.json'))).toBeUndefined();
    await put(root, 'bad.json', '{"app":1}');
    expect(readLicensesFile(join(root, 'bad.json'))).toBeUndefined();
  });
});

describe('collectLicenses on this repository', () => {
  const repo = resolve(__dirname, '../..');
  it('covers the real runtime dependencies with their licence texts, and no build tools', () => {
    const list = collectLicenses(repo);
    const names = new Set(list.packages.map((p) => p.name));
    for (const n of ['zod', 'ws', 'semver', 'qrcode-generator']) expect(names.has(n), n).toBe(true);
    for (const n of ['vite', 'typescript', 'electron', 'electron-builder', 'vitest', 'playwright-core']) expect(names.has(n), n).toBe(false);
    for (const p of list.packages.filter((x) => x.usedBy === 'main')) expect(p.license, p.name).not.toBe('UNKNOWN');
    expect(list.packages.find((p) => p.name === 'zod')?.text).toBeTruthy();
    if (existsSync(join(repo, 'dist', 'renderer', 'index.html'))) {
      // the built UI bundles React: its notice must be there
      expect(list.packages.some((p) => p.name === 'react-dom' && p.usedBy === 'renderer')).toBe(true);
    }
  });
});
