import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG } from '../../shared/knowledge/providers/catalog';
import { APP_INDEX_URL } from './app-protocol';
import { isAllowedExternalUrl, isTrustedSender, isTrustedSenderUrl, lockDown, shouldAllowNavigation, shouldGrantPermission, type LockableContents } from './security';
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
  it('trusts IPC only from our own app:// origin, whatever the install path was', () => {
    expect(isTrustedSenderUrl(APP_INDEX_URL, APP_INDEX_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://mail-doctor/index.html#/probe', APP_INDEX_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://mail-doctor/', APP_INDEX_URL)).toBe(true);
    expect(isTrustedSenderUrl('app://other/index.html', APP_INDEX_URL)).toBe(false);
    expect(isTrustedSenderUrl('app://mail-doctor:8080/index.html', APP_INDEX_URL)).toBe(false);
    expect(isTrustedSenderUrl('app://u:p@mail-doctor/index.html', APP_INDEX_URL)).toBe(false);
    expect(isTrustedSenderUrl('file:///opt/Mail%20Doctor/resources/app.asar/dist/renderer/index.html', APP_INDEX_URL)).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', APP_INDEX_URL)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', APP_INDEX_URL)).toBe(false);
    expect(isTrustedSenderUrl('data:text/html,<b>x</b>', APP_INDEX_URL)).toBe(false);
    expect(isTrustedSenderUrl('not a url', APP_INDEX_URL)).toBe(false);
    // a file:// "app URL" never makes every local file trusted
    expect(isTrustedSenderUrl('file:///tmp/evil.html', 'file:///tmp/evil.html')).toBe(false);
  });
  it('checks the sender: our window id, its top frame, our origin', () => {
    const top = { url: APP_INDEX_URL };
    const trusted = new Set([7]);
    expect(isTrustedSender({ senderId: 7, frame: top, mainFrame: top }, trusted, APP_INDEX_URL)).toBe(true);
    expect(isTrustedSender({ senderId: 8, frame: top, mainFrame: top }, trusted, APP_INDEX_URL)).toBe(false);
    expect(isTrustedSender({ senderId: 7, frame: { url: APP_INDEX_URL }, mainFrame: top }, trusted, APP_INDEX_URL)).toBe(false);
    expect(isTrustedSender({ senderId: 7, frame: null, mainFrame: top }, trusted, APP_INDEX_URL)).toBe(false);
    const evil = { url: 'https://evil.example/' };
    expect(isTrustedSender({ senderId: 7, frame: evil, mainFrame: evil }, trusted, APP_INDEX_URL)).toBe(false);
  });
});

/** A stand-in for Electron's webContents: an EventEmitter plus the window-open hook. */
class FakeContents extends EventEmitter implements LockableContents {
  openHandler?: (d: { url: string }) => { action: 'deny' };
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }): void {
    this.openHandler = h;
  }
}

describe('lockDown on a fake webContents', () => {
  const event = () => {
    const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
    return e;
  };
  it('prevents every navigation, redirect and webview; denies every window; opens only allow-listed links outside', () => {
    const c = new FakeContents();
    const opened: string[] = [];
    lockDown(c, (u) => opened.push(u));
    for (const [name, url] of [
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'app://mail-doctor/other.html'],
      ['will-navigate', 'file:///etc/passwd'],
      ['will-redirect', 'https://x.example/'],
      ['will-attach-webview', ''],
    ] as const) {
      const e = event();
      c.emit(name, e, url);
      expect(e.prevented, `${name} ${url}`).toBe(true);
    }
    expect(c.openHandler!({ url: 'https://support.google.com/mail/answer/7126229' })).toEqual({ action: 'deny' });
    expect(c.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(c.openHandler!({ url: 'app://mail-doctor/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://support.google.com/mail/answer/7126229']);
  });
});

describe('every link the knowledge data can show passes the external-link allow-list', () => {
  // The structured links (each provider's password help) and every `url: '…'` written in the
  // knowledge sources (fix steps, checklist steps): a link that is refused would be a dead button.
  const knowledgeDir = join(__dirname, '..', '..', 'shared', 'knowledge');
  // Recursive: the knowledge lives in sub-folders (providers/, findings/, devices/, …).
  const literalUrls = readdirSync(knowledgeDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.includes('.test'))
    .flatMap((f) => [...readFileSync(join(knowledgeDir, f), 'utf8').matchAll(/\burl:\s*(?:[\w?.]+\s*\?\?\s*)?['"`](https?:\/\/[^'"`]+)['"`]/g)].map((m) => ({ file: f, url: m[1]! })));
  const catalogUrls = CATALOG.flatMap((p) => (p.passwordHelp?.url ? [{ file: `catalog ${p.id}`, url: p.passwordHelp.url }] : []));

  it('finds the links (the scan itself works)', () => {
    expect(literalUrls.length).toBeGreaterThan(5);
    expect(catalogUrls.length).toBeGreaterThan(2);
  });
  it.each([...literalUrls, ...catalogUrls].map((x) => [x.file, x.url]))('%s: %s', (_file, url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });
});
