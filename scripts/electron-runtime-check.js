#!/usr/bin/env node
// Checks the runtime the probe engine really runs on in the desktop app: Electron's own Node
// (BoringSSL instead of OpenSSL, Electron's c-ares). Run on the release runners, which have the
// binary:  ELECTRON_RUN_AS_NODE=1 <electron> scripts/electron-runtime-check.js
// Prints the versions and what the engine depends on; exits 1 on a known-bad runtime.
'use strict';
const dns = require('node:dns');
const tls = require('node:tls');

/**
 * c-ares versions whose system resolver list is wrong on Windows: 1.34.6 fails to read the
 * adapters' DNS servers on some Windows 10/11 machines and falls back to 127.0.0.1, so every
 * MX/SRV lookup fails (c-ares/c-ares#1140; 1.34.5 worked; fixed on c-ares master after 1.34.6).
 * The engine then reports "system resolver unavailable" instead of blaming the domain, but
 * MX/SRV context is lost on those PCs, so a release must not ship it for Windows.
 */
const BAD_ARES_ON_WINDOWS = ['1.34.6'];

/** Pure verdict over process.versions and the platform (scripts/electron-runtime-check.test.ts). */
function checkRuntime(versions, platform) {
  const problems = [];
  const notes = [];
  if (!versions.electron) problems.push('not running under Electron (set ELECTRON_RUN_AS_NODE=1 and run the Electron binary)');
  if (!versions.ares) problems.push('no c-ares version reported');
  else if (platform === 'win32' && BAD_ARES_ON_WINDOWS.includes(versions.ares)) {
    problems.push(`c-ares ${versions.ares} falls back to 127.0.0.1 on some Windows 11 machines (MX/SRV lookups fail); use an Electron with another c-ares`);
  }
  notes.push(`Electron ${versions.electron ?? '-'} / Node ${versions.node} / c-ares ${versions.ares ?? '-'} / ${versions.openssl ? `OpenSSL-API ${versions.openssl}` : 'no openssl version'}${versions.boringssl ? ` / BoringSSL ${versions.boringssl}` : ''}`);
  return { problems, notes };
}

/** Does this TLS library accept OpenSSL's `@SECLEVEL` in a cipher string? (BoringSSL does not.) */
function acceptsSecLevel() {
  try {
    tls.createSecureContext({ ciphers: 'DEFAULT@SECLEVEL=0' });
    return true;
  } catch {
    return false;
  }
}

/** How many OS-store roots the runtime API returns (the interception check reads them); null when it has no API. */
function systemCaCount() {
  if (typeof tls.getCACertificates !== 'function') return null;
  try {
    return tls.getCACertificates('system').length;
  } catch {
    return null;
  }
}

function main() {
  const { problems, notes } = checkRuntime(process.versions, process.platform);
  for (const n of notes) console.log(n);
  console.log(`cipher strings with @SECLEVEL: ${acceptsSecLevel() ? 'accepted (OpenSSL)' : 'refused (BoringSSL) — the engine must pick its legacy cipher string by feature test'}`);
  console.log(`system resolvers (c-ares): ${dns.getServers().join(', ') || '(none)'}`);
  const ca = systemCaCount();
  console.log(`OS trust store (tls.getCACertificates('system')): ${ca === null ? 'not available — TLS interception falls back to the bundled roots only' : `${ca} roots`}`);
  for (const p of problems) console.log(`::error::${p}`);
  process.exitCode = problems.length ? 1 : 0;
}

module.exports = { checkRuntime, BAD_ARES_ON_WINDOWS };
if (require.main === module) main();
