#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary exists; otherwise say so
// in one line and serve the same UI from the local web host instead.
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { electronBinary } = require('./electron-binary');

const root = join(__dirname, '..');
const bin = electronBinary(root);

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
}

if (bin) {
  run(bin, ['.']);
} else {
  console.log('Electron is not installed on this machine (its binary cannot be downloaded here): starting the local web host instead.');
  run(process.execPath, [join(root, 'dist-electron/electron/main/web-host-main.js'), '--open']);
}
