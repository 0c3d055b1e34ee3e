#!/usr/bin/env node
// Offline packaging check: packs the built app with electron-builder (`--linux dir`) the way
// the release does, then checks what went into app.asar.
//
// Electron's binary cannot be downloaded everywhere (not on our dev machine, not in locked-down
// CI), so the pack uses a placeholder `electronDist` (a folder with a shell script named
// `electron` that carries a fuse wire, and empty locale packs). Everything else is real
// electron-builder: config validation, the `files` globs, production-dependency collection,
// the beforePack hook, asar creation, locale pruning and fuse flipping (read back afterwards).
// What cannot be checked here (a real Electron starting, installers, signing) runs on the
// release runners.
//
// Usage: node scripts/pack-dir.js [--json] [--keep] [--project <dir>]
//   --json     print the result (archive path, size, file list, problems) as JSON on stdout
//   --keep     keep the output folder (printed) instead of deleting it
//   exit 0: archive is fine; 1: problems found (listed); 2: nothing built yet (run `npm run build`).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/**
 * Largest acceptable app.asar. Measured: ~9 MB (the built UI, the compiled main process and
 * the runtime packages; zod's published tree alone is ~4 MB). The dev-dependency check
 * above names the usual accidents; this limit catches the rest (a data folder matched by a
 * glob, a heavy new runtime package): typescript would add ~23 MB, react-dom ~7 MB. 16 MB
 * leaves room for real growth and keeps the installer download small for helpdesk PCs.
 */
const MAX_ASAR_BYTES = 16 * 1024 * 1024;

/** electron-builder takes 6–12 s here; a cold npm cache on a CI runner can triple that. */
const BUILDER_TIMEOUT_MS = 180_000;

/** Files the app cannot start or show its About box without. */
const REQUIRED = [
  '/package.json',
  '/dist/renderer/index.html',
  '/dist-electron/electron/main/main.js',
  '/dist-electron/preload.js',
  '/dist-electron/licenses.json',
];

function parseArgs(argv) {
  const args = { json: false, keep: false, project: path.resolve(__dirname, '..') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--keep') args.keep = true;
    else if (a === '--project') args.project = path.resolve(argv[++i] ?? '.');
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

/**
 * Fuse states the app's security rests on (electron-builder.yml explains each). The check refuses
 * a config that drops or changes one of them, and a packed executable that does not carry them,
 * so turning a fuse back on is a visible decision here, not a one-line YAML edit.
 */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  grantFileProtocolExtraPrivileges: false,
};

/**
 * Built files that must not ship: nothing loads them. tsconfig.electron.json leaves the preload to
 * esbuild (scripts/bundle-preload.js), whose dist-electron/preload.js is the only copy loaded.
 */
const UNUSED_BUILD_OUTPUT = [/^\/dist-electron\/electron\/preload\//];

/** The archive's rules, as plain data in and problems out (also used by scripts/pack-dir.test.ts). */
function checkArchive({ files, sizeBytes, pkg, fuses, expectedFuses = {}, locales, expectedLocales }) {
  const problems = [];
  for (const [name, want] of Object.entries(REQUIRED_FUSES)) {
    if (expectedFuses[name] !== want) problems.push(`electron-builder.yml electronFuses.${name} is ${expectedFuses[name]}, the app needs ${want}`);
  }
  if (fuses !== undefined || Object.keys(expectedFuses).length) {
    if (!fuses) problems.push('no fuse wire found in the packed executable');
    else for (const [name, want] of Object.entries(expectedFuses)) if (fuses[name] !== want) problems.push(`fuse ${name} is ${fuses[name]}, electron-builder.yml wants ${want}`);
  }
  if (locales && expectedLocales) {
    const extra = locales.filter((l) => !expectedLocales.includes(l));
    if (extra.length) problems.push(`locale packs not pruned: ${extra.join(', ')}`);
  }
  const set = new Set(files);
  for (const f of REQUIRED) if (!set.has(f)) problems.push(`missing ${f}`);
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    if (!set.has(`/node_modules/${dep}/package.json`)) problems.push(`runtime dependency ${dep} is not in the archive`);
  }
  const devNames = Object.keys(pkg.devDependencies ?? {});
  for (const f of files) {
    const m = /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
    if (m && devNames.includes(m[1]) && f === `/node_modules/${m[1]}/package.json`) problems.push(`dev dependency ${m[1]} is in the archive`);
    if (f.startsWith('/node_modules/')) continue;
    if (UNUSED_BUILD_OUTPUT.some((re) => re.test(f))) problems.push(`unused build output ${f}`);
    if (/\.test\.[cm]?[jt]sx?$/.test(f)) problems.push(`test file ${f}`);
    if (f.endsWith('.map')) problems.push(`source map ${f}`);
    if (/\/(testing|fixtures)\//.test(f) || /\/test-[^/]*\.js$/.test(f)) problems.push(`test helper ${f}`);
    if (/\.tsx?$/.test(f) && !f.endsWith('.d.ts')) problems.push(`TypeScript source ${f}`);
    if (/^\/(renderer|electron|shared|e2e|scripts|build|src|release)\//.test(f)) problems.push(`source folder file ${f}`);
  }
  if (sizeBytes > MAX_ASAR_BYTES) problems.push(`app.asar is ${(sizeBytes / 1048576).toFixed(1)} MB, over the ${MAX_ASAR_BYTES / 1048576} MB limit`);
  return problems;
}

/** Where @electron/fuses finds the fuse wire in an Electron binary (see @electron/fuses constants). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse-wire v1 with Electron's shipped defaults, in @electron/fuses order ('1' on, '0' off):
 *  runAsNode, cookieEncryption, nodeOptions, nodeCliInspect, asarIntegrity, onlyLoadFromAsar,
 *  browserV8Snapshot, grantFileProtocolExtraPrivileges. */
const DEFAULT_FUSE_WIRE = '10110001';
const FUSE_NAMES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

function makePlaceholderElectron(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const bin = path.join(dir, 'electron');
  // A shell script, not Electron. It carries a real fuse wire (in a comment) so that
  // electron-builder's fuse step runs for real and the result can be read back.
  const wire = FUSE_SENTINEL + String.fromCharCode(1, DEFAULT_FUSE_WIRE.length) + DEFAULT_FUSE_WIRE;
  fs.writeFileSync(bin, `#!/bin/sh\n# ${wire}\necho "placeholder Electron for the offline pack check" >&2\nexit 1\n`, 'latin1');
  fs.chmodSync(bin, 0o755);
  // electronLanguages prunes Chromium's locale packs, so the folder has to exist.
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  for (const l of ['en-US', 'ja', 'de']) fs.writeFileSync(path.join(dir, 'locales', `${l}.pak`), '');
}

/** The fuse states electron-builder wrote into the packed executable, by name (true = on). */
function readFuses(executable) {
  const buf = fs.readFileSync(executable);
  const at = buf.indexOf(FUSE_SENTINEL);
  if (at < 0) return undefined;
  const pos = at + FUSE_SENTINEL.length;
  const len = buf[pos + 1];
  const out = {};
  for (let i = 0; i < len && i < FUSE_NAMES.length; i++) out[FUSE_NAMES[i]] = buf[pos + 2 + i] === 0x31;
  return out;
}

function pack(project, workDir) {
  const electronDist = path.join(workDir, 'electron-dist');
  const outDir = path.join(workDir, 'out');
  makePlaceholderElectron(electronDist);
  const cli = require.resolve('electron-builder/cli.js', { paths: [project] });
  const args = [
    cli,
    '--linux',
    'dir',
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${outDir}`,
  ];
  const started = Date.now();
  const r = spawnSync(process.execPath, args, {
    cwd: project,
    encoding: 'utf8',
    timeout: BUILDER_TIMEOUT_MS,
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
  });
  const ms = Date.now() - started;
  if (r.status !== 0) {
    const why = r.error ? String(r.error) : `exit ${r.status}`;
    throw new Error(`electron-builder failed (${why}) after ${ms} ms\n${r.stdout}\n${r.stderr}`);
  }
  const unpacked = path.join(outDir, 'linux-unpacked');
  return { asar: path.join(unpacked, 'resources', 'app.asar'), unpacked, ms, log: r.stdout + r.stderr };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const { project } = args;
  const notBuilt = ['dist/renderer/index.html', 'dist-electron/electron/main/main.js'].filter((f) => !fs.existsSync(path.join(project, f)));
  if (notBuilt.length) {
    console.error(`pack-dir: not built yet (${notBuilt.join(', ')} missing). Run \`npm run build\` first.`);
    process.exit(2);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8'));
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mail-doctor-pack-'));
  try {
    const { asar: archive, unpacked, ms } = pack(project, workDir);
    const asar = require(require.resolve('@electron/asar', { paths: [project] }));
    const YAML = require(require.resolve('yaml', { paths: [project] }));
    const config = YAML.parse(fs.readFileSync(path.join(project, 'electron-builder.yml'), 'utf8'));
    const files = asar.listPackage(archive, { isPack: false }).map((f) => f.split(path.sep).join('/'));
    const sizeBytes = fs.statSync(archive).size;
    const executable = path.join(unpacked, config.executableName ?? pkg.name);
    const fuses = fs.existsSync(executable) ? readFuses(executable) : undefined;
    const locales = fs.readdirSync(path.join(unpacked, 'locales')).map((f) => f.replace(/\.pak$/, ''));
    const expectedLocales = config.electronLanguages;
    const problems = checkArchive({ files, sizeBytes, pkg, fuses, expectedFuses: config.electronFuses ?? {}, locales, expectedLocales });
    const result = { archive, sizeBytes, maxBytes: MAX_ASAR_BYTES, builderMs: ms, fileCount: files.length, fuses, locales, problems, files };
    if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      console.log(`app.asar: ${(sizeBytes / 1048576).toFixed(2)} MB (limit ${MAX_ASAR_BYTES / 1048576} MB), ${files.length} entries, electron-builder ${ms} ms`);
      for (const p of problems) console.log(`  ✗ ${p}`);
      if (!problems.length) console.log('  ✓ built UI and main are in; dev dependencies, tests, maps and sources are out');
      if (args.keep) console.log(`  kept: ${path.dirname(path.dirname(archive))}`);
    }
    process.exitCode = problems.length ? 1 : 0;
  } finally {
    if (!args.keep) fs.rmSync(workDir, { recursive: true, force: true });
  }
}

module.exports = { checkArchive, readFuses, MAX_ASAR_BYTES, REQUIRED, REQUIRED_FUSES };
if (require.main === module) main();
