/**
 * The CLI starts like a native tool: `--version`, `--help` and `lookup` load nothing of the
 * probe engine (sockets, TLS, DNS, discovery); `diagnose` loads it when it
 * runs. Asserted on the modules a fresh process really loaded, never on times.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(__dirname, '..', '..');

function loaded(args: string[]): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'fixtures', 'cli-loaded-modules.cjs'), JSON.stringify(args)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out) as string[];
}

const ENGINE = /^electron\/probes\/|node_modules\/dns2\//;
/** What only `--device` needs, loaded once the run is over. */
const AFTER_THE_RUN = ['shared/knowledge/composer/composer.ts', 'shared/knowledge/composer/diagnosis-json.ts', 'shared/knowledge/lookup/lookup.ts'];
/** What only `--watch` needs. */
const WATCH_ONLY = ['electron/probes/watch.ts'];

describe('CLI lazy start', () => {
  it.each([[['--version']], [['--help']], [['lookup', '535 5.7.8 Error: authentication failed']]])('%j loads no probe-engine module', (args) => {
    const files = loaded(args);
    expect(files).toContain('electron/cli/main.ts');
    if (args[0] === 'lookup') expect(files).toContain('shared/knowledge/lookup/lookup.ts');
    expect(files.filter((f) => ENGINE.test(f))).toEqual([]);
  }, 60_000);

  it('diagnose loads the engine when it actually runs', () => {
    // An unresolvable name with no alternatives: the engine runs, fails at DNS, exits 1.
    const files = loaded(['diagnose', 'a@nonexistent.invalid', '--imap', 'mail.nonexistent.invalid:993', '--no-alternatives', '--timeout', '1000']);
    expect(files).toContain('electron/probes/diagnose.ts');
    expect(files).toContain('electron/probes/probe.ts');
    // Servers were given: autodiscovery (its sources, the autoconfig XML parser) stays unloaded.
    for (const f of ['electron/probes/discovery/discover.ts', 'electron/probes/discovery/autoconfig-xml.ts']) expect(files).not.toContain(f);
    // No --device and no --watch: the composer, its knowledge and the watch stay unloaded, so
    // nothing of them comes before the first progress line either.
    for (const f of [...AFTER_THE_RUN, ...WATCH_ONLY]) expect(files).not.toContain(f);
  }, 60_000);

  it('diagnose --device loads the composer (after the run), not the watch', () => {
    const base = ['diagnose', 'a@nonexistent.invalid', '--imap', 'mail.nonexistent.invalid:993', '--no-alternatives', '--timeout', '1000'];
    const withDevice = loaded([...base, '--device', 'iphone']);
    for (const f of AFTER_THE_RUN) expect(withDevice).toContain(f);
    expect(withDevice.filter((f) => WATCH_ONLY.includes(f))).toEqual([]);
  }, 60_000);

  it('--version, --help and lookup load none of the other commands', () => {
    for (const args of [['--version'], ['--help'], ['lookup', 'x']]) {
      const cmds = loaded(args).filter((f) => f.startsWith('electron/cli/commands/'));
      expect(cmds).toEqual(args[0] === 'lookup' ? ['electron/cli/commands/lookup.ts'] : []);
    }
  }, 120_000);
});
