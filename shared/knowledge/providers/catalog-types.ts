/**
 * Shape of the provider catalog. The data lives in catalog.ts;
 * explanations and fixes (finding-text.ts, composer.ts) key on ProviderId.
 */
import type { Protocol, Security } from '../../models/account';
import type { Device, Grade, Localized } from '../../models/device';
import type { UsernameForm } from '../../models/discovery';

export const PROVIDER_IDS = [
  'icloud',
  'gmail',
  'outlook-com',
  'microsoft-365',
  'yahoo',
  'yahoo-japan',
  'docomo',
  'au',
  'softbank',
  'mopera',
  'ocn',
  'biglobe',
  'so-net',
  'nifty',
  'jcom',
  'plala',
  'eo',
  // Added from the second audit (Japanese rental servers, ISPs, brands and addresses that are not app mailboxes).
  'xserver',
  'sakura',
  'lolipop',
  'conoha',
  'heteml',
  'mixhost',
  'kagoya',
  'onamae',
  'au-one-net',
  'yahoo-bb',
  'jcom-legacy',
  'zoho',
  'softbank-mms',
  'ymobile-mms',
  'rakuten-mail',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** What password the mail app must be given. */
export type AuthRequirement =
  | 'password' // the account's normal password
  | 'app-password' // a generated app-specific password (Gmail 2SV, iCloud, Yahoo)
  | 'provider-password' // a provider-specific mail password (docomo IMAP専用パスワード, SoftBank Eメール(i) password, au mail password)
  | 'oauth-only'; // no password works: Microsoft/Google sign-in (OAuth2)

export interface ProviderServer {
  protocol: Protocol;
  /**
   * The host name. Two placeholders: "{domain}" = the address's domain
   * (au one net: pop.{domain}); "{server}" = the hosting server's own name,
   * known from the MX host that identified the provider, or — for an entry
   * with `domainIsServer` — the address's (initial) domain itself. A
   * "{server}" nobody knows yields no candidate; `serverNote` says where to find it.
   */
  host: string;
  port: number;
  security: Security;
  grade: Grade;
  /** Unconfirmed alternatives or caveats, shown as such. */
  note?: Localized;
  /** When this server wants another user-name form than the entry's (iCloud SMTP: the full address). */
  username?: UsernameForm;
}

export interface ProviderRestriction {
  kind: 'no-pop' | 'imap-must-be-enabled' | 'op25b' | 'tls12-minimum' | 'service-ending' | 'plan-dependent' | 'not-app-mailbox' | 'other';
  text: Localized;
  grade: Grade;
}

/** One step of a provider's own fix (where to get or check its password), with its grade. */
export interface ProviderStep {
  text: Localized;
  grade: Grade;
  /** A menu path outside the device (the provider's web page), segments joined by " > ". */
  path?: Localized;
  url?: string;
  note?: Localized;
}

/**
 * The provider's own words for a rejected login, kept beside its servers so a
 * new provider is one catalog entry (fix-auth.ts reads this; it holds no
 * per-provider text of its own).
 */
export interface LoginGuide {
  /** The cause sentence: which password this provider needs. Default: authNote. */
  explanation?: Localized;
  /** What goes into the password field, in the provider's own word (「IMAP専用パスワード」). */
  secretName?: Localized;
  /** How to get or check that secret; they come before "enter it on the device". Default: passwordHelp. */
  steps?: ProviderStep[];
  /** Extra steps on some devices (iCloud on Apple devices: sign in to iCloud instead). */
  deviceSteps?: Partial<Record<Device, ProviderStep[]>>;
  /**
   * The steps replace the generic password advice whatever the finding says
   * (Yahoo! JAPAN: the normal password plus its access switch, never an app password).
   */
  replacesGeneric?: boolean;
  /** oauth-only: whose sign-in page the account is added through. Default: Microsoft. */
  signIn?: 'microsoft' | 'google';
  /** For the account's administrator, after the sign-in steps (Microsoft 365: authenticated SMTP). */
  adminSteps?: ProviderStep[];
  /** username 'provider-id': what the provider calls that ID. */
  idName?: Localized;
}

export interface ProviderEntry {
  id: ProviderId;
  name: Localized;
  /** Domains it serves; a leading "*." matches any sub-domain. */
  domains: string[];
  /** MX host suffixes that identify this provider for custom domains (e.g. "google.com"). */
  mxSuffixes?: string[];
  /**
   * Suffixes of the provider's own server host names (a rental server's
   * "sv1234.xserver.jp"): a host name or certificate name under one of them
   * identifies the provider, and for a customer's own domain the server to use
   * is that host, not mail.<own domain>.
   */
  hostSuffixes?: string[];
  /** The address's domain is the server's host name (さくら: the initial domain xxxx.sakura.ne.jp). */
  domainIsServer?: boolean;
  /** Where the customer finds the server's own name when discovery cannot know it (Xserver: the sv number). */
  serverNote?: Localized;
  servers: ProviderServer[];
  username: UsernameForm;
  /** A different user-name form for some of its domains (Yahoo! JAPAN: @ymail.ne.jp and @yahoo.ne.jp use the whole address). */
  usernameByDomain?: Record<string, UsernameForm>;
  usernameNote?: Localized;
  auth: AuthRequirement;
  authNote?: Localized;
  restrictions: ProviderRestriction[];
  /** Where to create/check the app or mail password. */
  passwordHelp?: { text: Localized; url?: string };
  /** The provider's prose for a rejected login. */
  login?: LoginGuide;
  source: string;
  lastChecked: string; // ISO date
  grade: Grade;
}
