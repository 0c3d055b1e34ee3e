// Where the Electron binary is, if this machine has one. Never require('electron')
// from Node to find out: since Electron 42 that starts a download attempt.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

function electronBinary(root = join(__dirname, '..')) {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathTxt = join(pkgDir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(p) ? p : null;
  }
  if (!existsSync(pathTxt)) return null;
  const bin = join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

module.exports = { electronBinary };
