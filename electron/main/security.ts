/**
 * Navigation, new-window, permission and link policy, as pure decisions that
 * the Electron glue (main.ts) applies to every web contents.
 */

/**
 * Hosts whose https pages the app may open in the system browser: provider help
 * pages we link from fix steps (app passwords, IMAP settings). Anything else is
 * refused, so a crafted server reply can never make us open an arbitrary URL.
 * security.test.ts checks that every link in the knowledge data is on this list.
 */
export const EXTERNAL_LINK_HOSTS = [
  'support.apple.com',
  'support.google.com',
  'myaccount.google.com',
  'support.microsoft.com',
  'learn.microsoft.com',
  'account.microsoft.com',
  'login.yahoo.com',
  'help.yahoo.com',
  'support.yahoo-net.jp',
  // Yahoo! JAPAN ID security pages (the password-help link of the Yahoo!メール entry).
  'security.yahoo.co.jp',
  'www.nttdocomo.co.jp',
  'www.docomo.ne.jp',
  'www.au.com',
  'www.softbank.jp',
  'my.softbank.jp',
  'support.ntt.com',
  'faq.support.biglobe.ne.jp',
  'www.nuro.jp',
  'mail.nifty.com',
  'support.nifty.com',
  'cs.zaq.ne.jp',
  'www.plala.or.jp',
  'support.eonet.jp',
  'github.com',
] as const;

export function isAllowedExternalUrl(raw: string, allow: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && u.username === '' && u.password === '' && allow.includes(u.hostname.toLowerCase());
}

/** The app is one page: no navigation at all (a reload keeps the same URL and is not a navigation event). */
export function shouldAllowNavigation(_targetUrl: string): boolean {
  return false;
}

/** We need no camera, microphone, notifications, geolocation, clipboard-read, etc. */
export function shouldGrantPermission(_permission: string): boolean {
  return false;
}

/**
 * Is this IPC sender a page of our own UI? Compared on origin (scheme + host) under the app's own
 * custom scheme (app-protocol.ts), never on file paths: percent-encoding of an install path could
 * make two spellings of one file differ, and under file:// every local file would share an origin.
 */
export function isTrustedSenderUrl(senderUrl: string, appIndexUrl: string): boolean {
  try {
    const a = new URL(senderUrl);
    const b = new URL(appIndexUrl);
    return (
      b.protocol !== 'file:' &&
      a.protocol === b.protocol &&
      a.host === b.host &&
      a.host !== '' &&
      a.username === '' &&
      a.password === '' &&
      a.port === b.port
    );
  } catch {
    return false;
  }
}

/** What the IPC glue knows about a caller (Electron's IpcMainInvokeEvent, reduced to what is checked). */
export interface IpcSenderFacts {
  senderId: number;
  /** The frame that sent the message (null once it navigated away or was destroyed). */
  frame: { url: string } | null;
  /** The sender's top frame: only the top frame of our window may call. */
  mainFrame: unknown;
}

/** Our own window (by webContents id), its top frame, showing our own UI's origin. */
export function isTrustedSender(e: IpcSenderFacts, trusted: ReadonlySet<number>, appIndexUrl: string): boolean {
  return trusted.has(e.senderId) && e.frame !== null && e.frame === e.mainFrame && isTrustedSenderUrl(e.frame.url, appIndexUrl);
}

/** The parts of a webContents the lock-down touches (a real one, or an EventEmitter in tests). */
export interface LockableContents {
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Applied to every web contents (app 'web-contents-created'): no navigation, no redirects, no
 * <webview>, no new windows; an allow-listed https link goes to the system browser instead.
 */
export function lockDown(contents: LockableContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!shouldAllowNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
