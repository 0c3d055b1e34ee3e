/**
 * Start-up failure in a real Electron: a fault thrown while the app starts must end in an error
 * box and exit code 1 (never an invisible process holding the single-instance lock). The app's
 * real main.js runs with one injected fault (e2e/fixtures/startup-failure/main.js). Runs where
 * Electron's binary exists (release workflow runners); skips here, where it cannot be downloaded.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronBinary } = require('../scripts/electron-binary') as { electronBinary: (root?: string) => string | null };

const root = join(__dirname, '..');
const binary = electronBinary(root);

test.skip(!binary, 'Electron binary not installed on this machine (it cannot be downloaded here); this spec runs on the release workflow runners after `npx install-electron`.');

test('a fault while starting shows an error box and exits with code 1', async () => {
  // A fresh profile: the single-instance lock of another run must not make this one quit early.
  const profile = await mkdtemp(join(tmpdir(), 'md-e2e-startup-'));
  try {
    const child = spawn(binary!, [join(__dirname, 'fixtures', 'startup-failure'), `--user-data-dir=${profile}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    const box = /ERROR-BOX (.*)\n/.exec(stderr);
    expect(box, stderr.slice(-2000)).not.toBeNull();
    const { title, content } = JSON.parse(box![1]!) as { title: string; content: string };
    expect(title).toMatch(/^(メールドクターを起動できませんでした|Mail Doctor could not start)$/);
    expect(content).toContain('injected start-up fault');
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
