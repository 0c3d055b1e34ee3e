/**
 * The GitHub Actions workflows can only run on GitHub, so this checks, offline, what we rely on:
 * triggers, the OS matrix, Node version, step order, signing hygiene, and that the artefact
 * globs really match the file names electron-builder.yml produces.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

const root = resolve(__dirname, '..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  container?: { image: string };
  strategy?: { 'fail-fast'?: boolean; matrix: { include?: Array<Record<string, string>>; os?: string[] } };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

function load(name: string): Workflow {
  const text = readFileSync(join(root, '.github', 'workflows', name), 'utf8');
  const doc = YAML.parseDocument(text);
  expect(doc.errors, `${name}: YAML errors`).toEqual([]);
  return doc.toJS() as Workflow;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; productName: string; scripts: Record<string, string> };
const builder = YAML.parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, { artifactName?: string; target?: unknown }>;

/** GitHub's glob subset we use (`*` within a path segment) as a RegExp. */
function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
}

function stepIndex(steps: Step[], pred: (s: Step) => boolean, what: string): number {
  const i = steps.findIndex(pred);
  expect(i, `step not found: ${what}`).toBeGreaterThanOrEqual(0);
  return i;
}

const runs = (re: RegExp) => (s: Step) => typeof s.run === 'string' && re.test(s.run);

describe('release.yml', () => {
  const wf = load('release.yml');
  const job = wf.jobs.installers!;
  const steps = job.steps;

  it('runs on version tags (and by hand), with read-only permissions', () => {
    expect(wf.on.push).toEqual({ tags: ['v*'] });
    expect('workflow_dispatch' in wf.on).toBe(true);
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  it('builds on Windows, macOS and Linux with the matching electron-builder target, not stopping the others on one failure', () => {
    const include = job.strategy!.matrix.include!;
    expect(Object.fromEntries(include.map((m) => [m.os, m.target]))).toEqual({ 'windows-latest': '--win', 'macos-latest': '--mac', 'ubuntu-latest': '--linux' });
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy!['fail-fast']).toBe(false);
  });

  it('uses Node 22 and npm ci', () => {
    const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup?.with?.['node-version']).toBe(22);
    expect(steps.some(runs(/^npm ci\b/))).toBe(true);
  });

  it('tests before packaging: lint, type-check, build, unit, Electron binary, the engine on Electron\'s Node, Electron e2e (xvfb on Linux), then the installer and its upload', () => {
    const order = [
      stepIndex(steps, (s) => s.uses?.startsWith('actions/checkout@') ?? false, 'checkout'),
      stepIndex(steps, runs(/^npm ci\b/), 'npm ci'),
      stepIndex(steps, runs(/^npm run lint$/), 'lint'),
      stepIndex(steps, runs(/^npm run typecheck$/), 'typecheck'),
      stepIndex(steps, runs(/^npm run build$/), 'build'),
      stepIndex(steps, runs(/^npm run unit$/), 'unit'),
      stepIndex(steps, runs(/^npx install-electron$/), 'install-electron'),
      stepIndex(steps, (s) => s.name === "Probe engine on Electron's Node", 'probe engine on Electron'),
      stepIndex(steps, runs(/apparmor_restrict_unprivileged_userns=0/), 'AppArmor user-namespace workaround'),
      stepIndex(steps, runs(/^xvfb-run .*npx playwright test --project=electron$/), 'electron e2e under xvfb'),
      stepIndex(steps, runs(/^npx electron-builder \$\{\{ matrix\.target \}\} --publish never\b/m), 'electron-builder'),
      stepIndex(steps, (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false, 'upload'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const xvfb = steps.find(runs(/^xvfb-run/))!;
    expect(xvfb.if).toBe("runner.os == 'Linux'");
    const plain = steps.find(runs(/^npx playwright test --project=electron$/))!;
    expect(plain.if).toBe("runner.os != 'Linux'");
    // the Debian-only mail lab is not started for the Electron specs on these runners
    for (const s of [xvfb, plain]) expect(s.env?.MAIL_DOCTOR_E2E_NO_LAB).toBe('1');
  });

  it("runs the probe engine's tests on Electron's own Node after the binary is installed, the lab only on Linux", () => {
    const engine = steps.find((s) => s.name === "Probe engine on Electron's Node")!;
    expect(engine.env?.ELECTRON_RUN_AS_NODE).toBe('1');
    expect(engine.env?.MAIL_DOCTOR_LAB).toBe("${{ runner.os == 'Linux' && 'limited' || 'off' }}");
    expect(engine.shell).toBe('bash');
    expect(engine.run).toMatch(/electronBinary\(\)/);
    expect(engine.run).toMatch(/"\$electron" scripts\/electron-runtime-check\.js/);
    expect(engine.run).toMatch(/"\$electron" node_modules\/vitest\/vitest\.mjs run electron\/probes/);
    expect(steps.indexOf(engine)).toBeGreaterThan(steps.findIndex(runs(/^npx install-electron$/)));
    expect(existsSync(join(root, 'node_modules', 'vitest', 'vitest.mjs'))).toBe(true);
    expect(existsSync(join(root, 'scripts', 'electron-runtime-check.js'))).toBe(true);
    // the unit step does not try to start the Linux-only lab on Windows/macOS
    const unit = steps.find(runs(/^npm run unit$/))!;
    expect(unit.env?.MAIL_DOCTOR_LAB).toBe("${{ runner.os == 'Linux' && 'limited' || 'off' }}");
  });

  it('sets the update feed from a repository variable when there is one (otherwise the build has no update check)', () => {
    const build = steps.find(runs(/npx electron-builder/))!;
    expect(build.env?.UPDATE_FEED_URL).toBe('${{ vars.MAIL_DOCTOR_UPDATE_FEED_URL }}');
    expect(build.run).toContain('${UPDATE_FEED_URL:+"-c.extraMetadata.mailDoctor.updateFeedUrl=${UPDATE_FEED_URL}"}');
  });

  it('calls only npm scripts that package.json defines', () => {
    const called = [...steps.map((s) => s.run ?? '').join('\n').matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    for (const s of called) expect(pkg.scripts[s], `npm run ${s}`).toBeDefined();
  });

  it('refuses a tag that does not match package.json', () => {
    const check = steps.find((s) => s.name === 'Tag matches package.json version')!;
    expect(check.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(check.run).toContain('GITHUB_REF_NAME');
  });

  it('uses signing secrets only when present, through env, and disables identity discovery otherwise', () => {
    const signing = steps.find((s) => s.name === 'Code-signing setup')!;
    const secretEnv = Object.entries(signing.env ?? {}).map(([k, v]) => [k, /^\$\{\{ secrets\.(\w+) \}\}$/.exec(v)?.[1]]);
    expect(Object.fromEntries(secretEnv)).toEqual({
      MAC_CSC_LINK: 'CSC_LINK',
      MAC_CSC_KEY_PASSWORD: 'CSC_KEY_PASSWORD',
      WIN_CSC_LINK: 'WIN_CSC_LINK',
      WIN_CSC_KEY_PASSWORD: 'WIN_CSC_KEY_PASSWORD',
      APPLE_ID: 'APPLE_ID',
      APPLE_APP_SPECIFIC_PASSWORD: 'APPLE_APP_SPECIFIC_PASSWORD',
      APPLE_TEAM_ID: 'APPLE_TEAM_ID',
    });
    expect(signing.run).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false');
    expect(signing.run).toMatch(/-n "\$MAC_CSC_LINK"/);
    expect(signing.run).toMatch(/-n "\$WIN_CSC_LINK"/);
    const signIdx = steps.indexOf(signing);
    expect(signIdx).toBeLessThan(steps.findIndex(runs(/^npx electron-builder/m)));
    // secrets never pasted into a script body or into any other step
    for (const j of Object.values(wf.jobs))
      for (const s of j.steps) {
        expect(s.run ?? '', s.name).not.toMatch(/secrets\./);
        if (s !== signing) expect(JSON.stringify(s.env ?? {}), s.name).not.toMatch(/secrets\./);
      }
  });

  it('uploads exactly the installers electron-builder.yml names, failing when one is missing', () => {
    const include = job.strategy!.matrix.include!;
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.with?.path).toBe('${{ matrix.artifacts }}');
    expect(upload.with?.['if-no-files-found']).toBe('error');
    const expand = (pattern: string, arch: string, ext: string) =>
      pattern.replace('${version}', pkg.version).replace('${arch}', arch).replace('${ext}', ext).replace('${productName}', pkg.productName);
    const produced: Record<string, string[]> = {
      'windows-latest': [expand(builder.win!.artifactName!, 'x64', 'exe')],
      'macos-latest': [expand(builder.mac!.artifactName!, 'universal', 'dmg')],
      'ubuntu-latest': [expand(builder.linux!.artifactName!, 'x86_64', 'AppImage'), expand(builder.linux!.artifactName!, 'amd64', 'deb')],
    };
    for (const m of include) {
      const globs = m.artifacts!.trim().split('\n').map((g) => g.trim());
      for (const file of produced[m.os!]!) {
        expect(globs.some((g) => globToRegExp(g).test(`release/${file}`)), `${m.os}: ${file} vs ${globs.join(', ')}`).toBe(true);
      }
    }
  });

  it('pins every action to a major version', () => {
    for (const j of Object.values(wf.jobs)) for (const s of j.steps) if (s.uses) expect(s.uses).toMatch(/^actions\/[\w-]+@v\d+$/);
  });

  it('writes checksums after all installers', () => {
    const sums = wf.jobs.checksums!;
    expect(sums.needs).toBe('installers');
    expect(sums.steps.some(runs(/sha256sum/))).toBe(true);
  });
});

describe('ci.yml', () => {
  const wf = load('ci.yml');
  it('runs .ci/run on pushes to main and on pull requests, in the Debian image it was written for', () => {
    expect(wf.on.push).toEqual({ branches: ['main'] });
    expect('pull_request' in wf.on).toBe(true);
    const job = wf.jobs.test!;
    expect(job.container?.image).toMatch(/^node:22-bookworm$/);
    expect(job.steps.some(runs(/^bash \.ci\/run$/))).toBe(true);
    expect(wf.permissions).toEqual({ contents: 'read' });
  });
});

describe('electron-builder.yml', () => {
  it('declares why the app uses the local network (macOS 15+ blocks LAN servers otherwise), in Japanese and English', () => {
    const info = (builder.mac as unknown as { extendInfo: Record<string, unknown> }).extendInfo;
    const text = info.NSLocalNetworkUsageDescription as string;
    expect(text).toMatch(/ローカルネットワーク/);
    expect(text).toMatch(/local network/);
  });

  it('declares the installers the workflow uploads and the resources it points at', () => {
    expect(builder.appId).toBe('jp.maildoctor.app');
    // the running app announces the same id to Windows (taskbar grouping with the shortcut)
    const glue = readFileSync(join(root, 'electron', 'main', 'desktop-integration.ts'), 'utf8');
    expect(glue).toContain(`APP_USER_MODEL_ID = '${String(builder.appId)}'`);
    expect(JSON.stringify(builder.win!.target)).toContain('nsis');
    expect(JSON.stringify(builder.mac!.target)).toContain('dmg');
    expect(JSON.stringify(builder.linux!.target)).toMatch(/AppImage.*deb/);
    const nsis = builder.nsis as Record<string, unknown>;
    expect(nsis).toMatchObject({ oneClick: true, perMachine: false, installerLanguages: ['ja_JP', 'en_US'] });
    const mac = builder.mac as Record<string, unknown>;
    expect(mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    for (const f of ['build/entitlements.mac.plist', 'build/before-pack.js', 'build/icon.ico', 'build/icon.icns', 'build/icon.png']) {
      expect(() => readFileSync(join(root, f)), f).not.toThrow();
    }
  });
});
