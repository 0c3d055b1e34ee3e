#!/usr/bin/env node
// A sandboxed preload can only require('electron') and a few built-ins, so the
// preload and the small part of shared/ it uses are bundled into one file.
const { build } = require('esbuild');
const { join } = require('node:path');

build({
  entryPoints: [join(__dirname, '../electron/preload/preload.ts')],
  outfile: join(__dirname, '../dist-electron/preload.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: false,
  logLevel: 'warning',
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
