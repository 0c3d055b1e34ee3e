/**
 * Every runtime dependency (package.json `dependencies`, shipped in app.asar) is imported by the
 * code that ships: the main process, the CLI or shared/. A package nothing imports any more is
 * dead weight in the installer and in the licence list, so it must leave `dependencies`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(root, dir, f));
}

/** The packages a file imports by name (static and dynamic import, require). */
export function importedPackages(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'".][^'"]*)['"]/gm)) {
    const spec = m[1] as string;
    if (spec.startsWith('node:')) continue;
    names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
  }
  return [...names];
}

describe('runtime dependencies', () => {
  it('finds the package names of every import form', () => {
    expect(importedPackages(`import a from 'zod';\nimport { b } from "ws/lib/x";\nconst c = await import('semver');\nrequire('@scope/pkg/sub');\nimport './side';\nimport 'qrcode-generator';\nimport x from 'node:fs';`).sort()).toEqual(['@scope/pkg', 'qrcode-generator', 'semver', 'ws', 'zod']);
  });

  it('are each imported by shipped code (electron/, shared/)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const used = new Set([...sources('electron'), ...sources('shared')].flatMap((f) => importedPackages(readFileSync(f, 'utf8'))));
    const unused = Object.keys(pkg.dependencies).filter((d) => !used.has(d));
    expect(unused).toEqual([]);
  });
});
