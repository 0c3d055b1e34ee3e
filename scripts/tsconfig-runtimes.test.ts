/**
 * renderer/ and shared/ run in a browser window: tsconfig.web.json checks them without Node's
 * types. This proves the config really refuses Node globals (a fixture using Buffer and process
 * fails) and still accepts DOM code.
 */
import ts from 'typescript';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function diagnosticsFor(source: string): string[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.web.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const file = join(root, 'renderer', 'runtime-fixture.ts');
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? source : readFile(name));
  host.fileExists = ((exists) => (name: string) => name === file || exists(name))(host.fileExists.bind(host));
  const program = ts.createProgram([file], parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('tsconfig.web.json (renderer/ and shared/)', () => {
  it('has no Node types: Buffer and process are errors', () => {
    const errors = diagnosticsFor('export const a = Buffer.from("x");\nexport const b = process.env.HOME;\n');
    expect(errors.some((m) => m.includes("'Buffer'"))).toBe(true);
    expect(errors.some((m) => m.includes("'process'"))).toBe(true);
  });

  it('accepts browser code', () => {
    expect(diagnosticsFor('export const t = (): string => document.title + window.location.hash;\n')).toEqual([]);
  });
});
