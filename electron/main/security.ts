/**
 * Navigation, new-window, permission and link policy, as pure decisions that
 * the Electron glue (main.ts) applies to every web contents.
 */

/**
 * Hosts whose https pages the app may open in the system browser: provider help
 * pages we link from fix steps (app passwords, IMAP settings). Anything else is
 * refused, so a crafted server reply can never make us open an arbitrary URL.
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

/** Is this IPC sender our own top frame, loaded from our own file? */
export function isTrustedSenderUrl(senderUrl: string, appIndexUrl: string): boolean {
  try {
    const a = new URL(senderUrl);
    const b = new URL(appIndexUrl);
    return a.protocol === 'file:' && a.protocol === b.protocol && a.pathname === b.pathname;
  } catch {
    return false;
  }
}
