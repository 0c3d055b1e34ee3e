/**
 * The layer rules are only real if lint fails when they are broken: lint small
 * fixtures as if they lived in each folder and check the rule fires (and that a
 * legal import stays clean).
 */
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath });
  return (res?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it('shared/ may not import node, electron, react or the other layers, nor use DOM globals', async () => {
    expect(await ruleIds("import { readFile } from 'node:fs';\nexport const x = readFile;\n", 'shared/lint-fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'shared/lint-fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { useState } from 'react';\nexport const x = useState;\n", 'shared/lint-fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { runDiagnosis } from '../electron/probes/diagnose';\nexport const x = runDiagnosis;\n", 'shared/lint-fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds('export const x = () => document.title;\n', 'shared/lint-fixture.ts')).toContain('no-restricted-globals');
    expect(await ruleIds("import { z } from 'zod';\nexport const x = z.string();\n", 'shared/lint-fixture.ts')).toEqual([]);
  });

  it('renderer/ may not import node or anything from electron/', async () => {
    expect(await ruleIds("import { join } from 'path';\nexport const x = join;\n", 'renderer/lint-fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { runDiagnosis } from '../electron/probes/diagnose';\nexport const x = runDiagnosis;\n", 'renderer/lint-fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'renderer/lint-fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { api } from './ipc/client';\nexport const x = api;\n", 'renderer/lint-fixture.ts')).toEqual([]);
  });

  it('electron/probes/ may not import electron', async () => {
    expect(await ruleIds("import { app } from 'electron';\nexport const x = app;\n", 'electron/probes/lint-fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { connect } from 'node:net';\nexport const x = connect;\n", 'electron/probes/lint-fixture.ts')).toEqual([]);
  });

  it('only the IPC glue touches ipcMain / ipcRenderer', async () => {
    expect(await ruleIds("import { ipcMain } from 'electron';\nexport const x = ipcMain;\n", 'electron/main/lint-fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { ipcMain } from 'electron';\nexport const x = ipcMain;\n", 'electron/main/ipc/lint-fixture.ts')).toEqual([]);
    expect(await ruleIds("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'electron/preload/lint-fixture.ts')).toEqual([]);
  });

  it('no module imports itself through a cycle (type-only imports count too)', async () => {
    // The fixtures are lint-ignored (*.test-fixture.*) so `npm run lint` stays green; lint them here on purpose.
    const unignored = new ESLint({ cwd: process.cwd(), ignore: false });
    const lintFile = async (file: string): Promise<string[]> => {
      const [res] = await unignored.lintText(readFileSync(file, 'utf8'), { filePath: file });
      return (res?.messages ?? []).map((m) => m.ruleId ?? m.message);
    };
    expect(await lintFile('scripts/fixtures/cycle-a.test-fixture.ts')).toContain('import-x/no-cycle');
    expect(await lintFile('scripts/fixtures/cycle-b.test-fixture.ts')).toContain('import-x/no-cycle');
    expect(await lintFile('scripts/fixtures/cycle-c.test-fixture.ts')).toEqual([]);
  });
});
