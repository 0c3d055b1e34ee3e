/** docs/findings.md is the public description of the closed code list: it must name every code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, FINDING_META } from '../../shared/findings/codes';

const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'findings.md'), 'utf8');

describe('docs/findings.md', () => {
  it.each(FINDING_CODES.map((c) => [c]))('documents %s with its stage and severity', (code) => {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${code}\` |`));
    expect(row, `no table row for ${code}`).toBeDefined();
    const cells = (row ?? '').split('|').map((c) => c.trim());
    expect(cells[2]).toBe(FINDING_META[code].stage);
    expect(cells[3]).toBe(FINDING_META[code].severity);
    expect(Number(cells[4])).toBe(FINDING_META[code].weight);
  });
});

/**
 * The real-server lab (diagnose.lab.test.ts, intercept.lab.test.ts) and the hostile-server suite (scripted listeners:
 * hostile-cases.ts, run by hostile-servers.test.ts; probe-internal-error.test.ts) together.
 */
const REAL_SOCKET_TESTS = [
  path.join(__dirname, 'diagnose.lab.test.ts'),
  path.join(__dirname, 'hostile-servers.test.ts'),
  path.join(__dirname, 'probe-internal-error.test.ts'),
  path.join(__dirname, 'intercept.lab.test.ts'),
  path.join(__dirname, '..', '..', 'test', 'lab', 'hostile', 'hostile-cases.ts'),
];

describe('every finding code has a real-socket test', () => {
  const labTests = REAL_SOCKET_TESTS.map((f) => readFileSync(f, 'utf8')).join('\n');
  it.each(FINDING_CODES.map((c) => [c]))('%s appears in an expectation of a real-socket test', (code) => {
    expect(labTests).toMatch(new RegExp(`'${code}'`));
  });
});
