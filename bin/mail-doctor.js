#!/usr/bin/env node
// mail-doctor CLI launcher: the compiled build when present, else the TypeScript source
// through tsx (a devDependency), so it works in a dev checkout without building.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist-electron', 'electron', 'cli', 'main.js');

if (fs.existsSync(compiled)) {
  require(compiled).runCli();
} else {
  // The commands load lazily through import(), which only `node --import tsx` hooks for .ts.
  const r = require('node:child_process').spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.error) {
    process.stderr.write('mail-doctor: not built (npm run build) and tsx is not installed (npm install)\n');
    process.exit(70);
  }
  process.exit(r.status ?? 70);
}
