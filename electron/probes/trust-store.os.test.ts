/**
 * The OS store as the desktop app reads it on Windows and macOS: through the runtime's
 * `tls.getCACertificates('system')` (Electron 45's Node). This runs on the release runners,
 * where `vitest run electron/probes` runs under ELECTRON_RUN_AS_NODE; on Linux the store is the
 * distribution bundle (trust-store.lab.test.ts) and this file skips, saying so. Never faked: no
 * stub of the API stands in for the real store.
 */
import tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { loadOsStore } from './trust-store';

const desktopOs = process.platform === 'win32' || process.platform === 'darwin';
const hasApi = typeof (tls as unknown as { getCACertificates?: unknown }).getCACertificates === 'function';
const reason = !desktopOs
  ? `the Windows/macOS certificate store exists only on those systems (this is ${process.platform})`
  : !hasApi
    ? `this runtime (Node ${process.versions.node}) has no tls.getCACertificates: run under Electron's Node (ELECTRON_RUN_AS_NODE=1)`
    : '';

describe.skipIf(!desktopOs || !hasApi)(`the ${process.platform} certificate store through the runtime API ${reason ? `(skipped: ${reason})` : ''}`, () => {
  it('is read from the system, not a file, and holds real roots', async () => {
    const os = await loadOsStore({}, process.platform);
    expect(os.source).toBe('system-api');
    expect(os.certs.length).toBeGreaterThan(10);
    expect(os.certs.every((c) => c.ca)).toBe(true);
  });
});

it.skipIf(desktopOs && hasApi)(`OS store spec skipped: ${reason}`, () => {
  expect(reason).not.toBe('');
});
