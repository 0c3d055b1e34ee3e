// electron-builder `beforePack` hook (electron-builder.yml): writes the licence notices the
// About box shows into dist-electron/licenses.json, so every packaged app (installers in CI,
// the offline pack check) carries them without a separate build step.
// Uses the compiled collector from the build (`npm run build` must have run, as for packaging).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

module.exports = async function beforePack(context) {
  const projectDir = context.packager.projectDir;
  const compiled = path.join(projectDir, 'dist-electron', 'electron', 'main', 'licenses.js');
  if (!fs.existsSync(compiled)) throw new Error(`before-pack: ${compiled} is missing; run \`npm run build\` before packaging`);
  const { writeLicensesFile } = require(compiled);
  const out = path.join(projectDir, 'dist-electron', 'licenses.json');
  const list = writeLicensesFile(projectDir, out);
  console.log(`  • licence notices written  packages=${list.packages.length}  file=${path.relative(projectDir, out)}`);
};
