import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isTrustedSenderUrl, shouldAllowNavigation, shouldGrantPermission } from './security';
import { buildWindowOptions, MIN_WINDOW } from './window-options';

describe('window options', () => {
  const o = buildWindowOptions({ preloadPath: '/app/preload.js' });
  it('locks down the renderer', () => {
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
  it('waits for ready-to-show and keeps a usable minimum size', () => {
    expect(o.show).toBe(false);
    expect(o.minWidth).toBe(MIN_WINDOW.width);
    expect(o.minHeight).toBe(MIN_WINDOW.height);
  });
  it('uses remembered bounds when given', () => {
    expect(buildWindowOptions({ preloadPath: 'p', bounds: { x: 5, y: 6, width: 1500, height: 900 } })).toMatchObject({ x: 5, y: 6, width: 1500, height: 900 });
  });
});

describe('security policy', () => {
  it('opens only allow-listed https links externally', () => {
    expect(isAllowedExternalUrl('https://support.google.com/accounts/answer/185833')).toBe(true);
    expect(isAllowedExternalUrl('http://support.google.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@support.google.com/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
  it('denies all navigation and all permission requests', () => {
    expect(shouldAllowNavigation('https://example.com')).toBe(false);
    expect(shouldAllowNavigation('file:///other.html')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(shouldGrantPermission(p)).toBe(false);
  });
  it('trusts IPC only from our own index.html', () => {
    const app = 'file:///opt/Mail%20Doctor/resources/app.asar/dist/renderer/index.html';
    expect(isTrustedSenderUrl(app + '#/probe', app)).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', app)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', app)).toBe(false);
  });
});
