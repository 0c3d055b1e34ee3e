/** The verdict of scripts/electron-runtime-check.js over runtime versions (the script itself runs on the release runners). */
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const check = createRequire(__filename)('./electron-runtime-check.js') as {
  checkRuntime(v: Record<string, string | undefined>, platform: string): { problems: string[]; notes: string[] };
  BAD_ARES_ON_WINDOWS: string[];
};

describe('electron-runtime-check', () => {
  const electron = { node: '22.20.0', electron: '45.5.0', ares: '1.34.5', openssl: '3.0.0+quic', boringssl: undefined };
  it('accepts an Electron runtime with a good c-ares', () => {
    expect(check.checkRuntime(electron, 'win32').problems).toEqual([]);
    expect(check.checkRuntime(electron, 'win32').notes[0]).toContain('c-ares 1.34.5');
  });
  it('refuses c-ares 1.34.6 for Windows only', () => {
    expect(check.checkRuntime({ ...electron, ares: '1.34.6' }, 'win32').problems[0]).toMatch(/1\.34\.6 falls back to 127\.0\.0\.1/);
    expect(check.checkRuntime({ ...electron, ares: '1.34.6' }, 'darwin').problems).toEqual([]);
  });
  it('refuses to pass when not under Electron (plain Node is not what ships)', () => {
    expect(check.checkRuntime({ node: '22.0.0', ares: '1.34.5' }, 'linux').problems[0]).toMatch(/not running under Electron/);
  });
  it('run under plain Node here, the script says so and exits 1', () => {
    const r = spawnSync(process.execPath, [join(__dirname, 'electron-runtime-check.js')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('not running under Electron');
    expect(r.stdout).toMatch(/cipher strings with @SECLEVEL: accepted/);
  });
});
