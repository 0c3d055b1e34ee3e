/**
 * The provider catalog: known mail providers, their servers and
 * the rules that trip customers up.
 *
 * Every entry names its sources in `source` (providers' pages, Thunderbird's
 * ISPDB, public configurations). Each server and restriction carries its own grade
 * (A vendor, B several consistent sources, C one source/inference,
 * U unverified). The UI must show grade U as "unconfirmed", never as certain;
 * values nobody could confirm are left out instead of guessed (e.g. plala's
 * IMAP/POP host, eo's SMTP host) and the gap is said in a restriction text.
 *
 * Pure data + lookups: no node:*, no DOM. docs/providers.md is the human copy.
 */
import type { Protocol } from '../../models/account';
import type { UsernameForm } from '../../models/discovery';
import type { ProviderEntry, ProviderId, ProviderServer } from './catalog-types';
import { PROVIDER_IDS } from './catalog-types';
import type { ProviderRestriction, ProviderStep } from './catalog-types';

/** When the underlying research was last re-checked. */
const CHECKED = '2026-08-22';
/** The second audit (new providers, current rules). */
const CHECKED_2 = '2026-12-01';

/**
 * Outbound port 25 is blocked on every Japanese ISP and carrier network
 * (OP25B, JEAG recommendation; au one net's submission-port page says so for
 * its own network). Shown under SMTP timeouts for these providers.
 */
const OP25B: ProviderRestriction = {
  kind: 'op25b',
  text: {
    ja: 'このプロバイダーの回線では、25 番ポートでの送信が止められています（OP25B）。送信ポートは 587 か 465 にします。',
    en: 'This provider’s network blocks sending on port 25 (OP25B): use port 587 or 465 for outgoing mail.',
  },
  grade: 'B',
};

/** On Apple devices iCloud is simpler through the iCloud sign-in than as an IMAP account. */
const APPLE_ICLOUD_SIGN_IN: ProviderStep = {
  text: {
    ja: 'Apple の端末では、IMAP で追加せず「iCloud」にサインインしてメールをオンにする方が確実です。',
    en: 'On Apple devices it is simpler to sign in to iCloud and turn Mail on than to add it as IMAP.',
  },
  grade: 'C',
};

/** お名前.com's own host names under the customer's domain do not match the certificate it sends. */
const ONAMAE_CERT_NOTE = {
  ja: 'お名前.com の案内どおりの名前ですが、証明書の名前と合わないため証明書の警告が出ます（サーバーの名前 mailNN.onamae.ne.jp なら出ません）。',
  en: 'This is Onamae.com’s documented name, but it does not match the certificate, so a certificate warning appears (the server’s own name mailNN.onamae.ne.jp does not).',
};

/** An address that is a carrier's message service, not a mailbox: said so, never guessed. */
function notAppMailbox(ja: string, en: string, grade: ProviderRestriction['grade']): ProviderRestriction {
  return { kind: 'not-app-mailbox', text: { ja, en }, grade };
}

export const CATALOG: readonly ProviderEntry[] = [
  {
    id: 'icloud',
    name: { ja: 'iCloud メール', en: 'iCloud Mail' },
    domains: ['icloud.com', 'me.com', 'mac.com'],
    // iCloud+ custom-domain mail: MX mx01/mx02.mail.icloud.com.
    mxSuffixes: ['mail.icloud.com'],
    servers: [
      { protocol: 'imap', host: 'imap.mail.me.com', port: 993, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'smtp.mail.me.com', port: 587, security: 'starttls', grade: 'A', username: 'email' },
    ],
    username: 'localpart',
    usernameNote: {
      ja: '受信（IMAP）はアドレスの @ より前、送信（SMTP）はメールアドレス全体。IMAP でもアドレス全体で通るという案内もあります。',
      en: 'Incoming (IMAP): the part before the @; outgoing (SMTP): the full address. Some guides say the full address also works for IMAP.',
    },
    auth: 'app-password',
    authNote: {
      ja: '他社のメールアプリでは Apple アカウントの通常のパスワードは使えません。App 用パスワード（xxxx-xxxx-xxxx-xxxx）が必要です（2ファクタ認証が前提）。',
      en: 'Third-party mail apps cannot use the normal Apple Account password; an app-specific password (xxxx-xxxx-xxxx-xxxx) is required (needs two-factor authentication).',
    },
    restrictions: [
      { kind: 'no-pop', text: { ja: 'POP には対応していません（IMAP のみ）。', en: 'No POP access (IMAP only).' }, grade: 'B' },
    ],
    passwordHelp: {
      text: {
        ja: 'Apple アカウントのページ（account.apple.com）＞「サインインとセキュリティ」＞「App 用パスワード」で作成します。',
        en: 'Create it at the Apple Account page (account.apple.com) > Sign-In and Security > App-Specific Passwords.',
      },
      url: 'https://support.apple.com/102654',
    },
    login: {
      explanation: {
        ja: 'iCloud メールは Apple アカウントのパスワードではつながりません。「App 用パスワード」が必要です。',
        en: 'iCloud Mail does not accept the Apple Account password here: it needs an app-specific password.',
      },
      steps: [
        {
          text: { ja: 'Apple アカウントのページで「App 用パスワード」を作ります（形式 xxxx-xxxx-xxxx-xxxx）。', en: 'Create an app-specific password on the Apple Account page (format xxxx-xxxx-xxxx-xxxx).' },
          grade: 'B',
          path: { ja: 'account.apple.com > サインインとセキュリティ > App 用パスワード', en: 'account.apple.com > Sign-In and Security > App-Specific Passwords' },
          url: 'https://support.apple.com/102654',
        },
      ],
      deviceSteps: {
        iphone: [APPLE_ICLOUD_SIGN_IN],
        'mac-mail': [APPLE_ICLOUD_SIGN_IN],
      },
    },
    source: 'ISPDB me.com.xml (A); Postbox iCloud setup guide (B); custom-domain MX mx01/mx02.mail.icloud.com (C)',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'gmail',
    name: { ja: 'Gmail / Google Workspace', en: 'Gmail / Google Workspace' },
    domains: ['gmail.com', 'googlemail.com'],
    // A custom domain whose MX points at Google is hosted on Google Workspace.
    mxSuffixes: ['google.com', 'googlemail.com'],
    servers: [
      { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls', grade: 'A' },
      { protocol: 'pop3', host: 'pop.gmail.com', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'smtp.gmail.com', port: 465, security: 'tls', grade: 'A' },
      {
        protocol: 'smtp',
        host: 'smtp.gmail.com',
        port: 587,
        security: 'starttls',
        grade: 'B',
        note: { ja: '465 の代わりに 587（STARTTLS）も使えます。', en: '587 with STARTTLS also works instead of 465.' },
      },
    ],
    username: 'email',
    auth: 'app-password',
    authNote: {
      ja: '通常のパスワードだけでのログインは終了しました（個人: 2022年5月30日、Workspace: 2025年3月14日）。2段階認証を有効にしてアプリ パスワードを使うか、Google でサインイン（OAuth）できるアプリを使います。',
      en: 'Plain-password sign-in has ended (consumer: 30 May 2022; Workspace: 14 Mar 2025). Turn on 2-Step Verification and use an app password, or use an app with Google sign-in (OAuth).',
    },
    restrictions: [
      {
        kind: 'other',
        text: { ja: '同時 IMAP 接続は1アカウント15本まで。超えると「Too many simultaneous connections」。', en: 'At most 15 simultaneous IMAP connections per account ("Too many simultaneous connections").' },
        grade: 'A',
      },
      {
        // support.google.com/a/answer/14114704: "Users will not be able to turn IMAP on or off".
        kind: 'imap-must-be-enabled',
        text: {
          ja: 'IMAP は常に有効です（オフにできません）。POP は Gmail のウェブ画面の 設定 ＞ メール転送と POP/IMAP ＞「POP を有効にする」でオンにする必要があります。',
          en: 'IMAP is always on (it can no longer be switched off). POP must be switched on in Gmail on the web: Settings > Forwarding and POP/IMAP > Enable POP.',
        },
        grade: 'B',
      },
      {
        kind: 'other',
        text: {
          ja: 'Workspace では管理者がアプリ パスワードを禁止できます。高度な保護機能プログラムのアカウントはアプリ パスワードを作れません。',
          en: 'Workspace admins can disable app passwords; Advanced Protection accounts cannot create them.',
        },
        grade: 'C',
      },
    ],
    passwordHelp: {
      text: {
        ja: 'Google アカウント ＞ セキュリティ ＞ 2段階認証プロセス ＞ アプリ パスワード で作成します。',
        en: 'Google Account > Security > 2-Step Verification > App passwords.',
      },
      url: 'https://support.google.com/accounts/answer/185833',
    },
    login: {
      explanation: {
        ja: 'Gmail は通常のパスワードではつながりません。2段階認証プロセスをオンにして作る「アプリ パスワード」が必要です。',
        en: 'Gmail does not accept the normal password here: it needs an app password (requires 2-Step Verification).',
      },
      signIn: 'google',
      steps: [
        {
          text: { ja: 'Google アカウントで「2段階認証プロセス」をオンにします（アプリ パスワードの前提です）。', en: 'Turn on 2-Step Verification in the Google Account (app passwords need it).' },
          grade: 'B',
          path: { ja: 'Google アカウント > セキュリティ > 2段階認証プロセス', en: 'Google Account > Security > 2-Step Verification' },
        },
        {
          text: { ja: '「アプリ パスワード」を作り、表示された16文字を控えます（表示は一度だけです）。', en: 'Create an app password and note the 16 characters (shown only once).' },
          grade: 'A',
          path: { ja: 'Google アカウント > セキュリティ > 2段階認証プロセス > アプリ パスワード', en: 'Google Account > Security > 2-Step Verification > App passwords' },
          url: 'https://support.google.com/accounts/answer/185833',
          note: {
            ja: 'メニュー名は未確認です。見つからない場合は Google アカウントの検索で「アプリ パスワード」と入れます。会社の管理者が無効にしている場合は作れません。',
            en: 'Menu labels unconfirmed; search "App passwords" in the Google Account if needed. Work accounts may have them disabled by the admin.',
          },
        },
      ],
    },
    source: 'ISPDB googlemail.com.xml (A); nodemailer services.json (A); Google Workspace Help "Transition from less secure apps to OAuth" support.google.com/a/answer/14114704 (A, 14 Mar 2025, IMAP always on); POP switch from the Gmail settings screen (C)',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'outlook-com',
    name: { ja: 'Outlook.com（Hotmail / Live / MSN）', en: 'Outlook.com (Hotmail / Live / MSN)' },
    // Microsoft's Japanese consumer domains included (ISPDB hotmail.com.xml lists live.co.jp and windowslive.com).
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'outlook.jp', 'hotmail.co.jp', 'live.jp', 'live.co.jp', 'windowslive.com'],
    servers: [
      { protocol: 'imap', host: 'outlook.office365.com', port: 993, security: 'tls', grade: 'A' },
      { protocol: 'pop3', host: 'outlook.office365.com', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'smtp-mail.outlook.com', port: 587, security: 'starttls', grade: 'A' },
    ],
    username: 'email',
    auth: 'oauth-only',
    authNote: {
      ja: '2024年9月16日以降、他社アプリからのパスワードでのログイン（基本認証）は使えません。「Microsoft でサインイン」できるアプリ（Outlook アプリなど）で追加し直します。アプリ パスワードも IMAP では通らないという報告があります。',
      en: 'Since 16 Sep 2024 third-party apps cannot sign in with a password (Basic auth). Re-add the account in an app that offers "Sign in with Microsoft" (e.g. the Outlook app). App passwords are reported not to work for IMAP.',
    },
    restrictions: [
      {
        kind: 'service-ending',
        text: { ja: 'パスワード認証（基本認証）は 2024年9月16日に終了しました。', en: 'Password (Basic) authentication ended on 16 Sep 2024.' },
        grade: 'B',
      },
      {
        // Microsoft "POP, IMAP, and SMTP settings for Outlook.com": "POP & IMAP access is disabled by default".
        kind: 'imap-must-be-enabled',
        text: {
          ja: 'POP と IMAP は最初はオフです。Outlook.com の 設定 ＞ メール ＞ 転送と IMAP で「デバイスとアプリで POP/IMAP を使用できるようにする」をオンにします。',
          en: 'POP and IMAP are off until switched on: Outlook.com Settings > Mail > Forwarding and IMAP > "Let devices and apps use POP/IMAP".',
        },
        grade: 'B',
      },
    ],
    login: {
      explanation: {
        ja: 'Outlook.com（Hotmail など）は 2024年9月16日から、パスワードでのメールアプリ接続ができません。Microsoft のサインイン画面で入る方法でアカウントを追加し直します。',
        en: 'Outlook.com (Hotmail, Live, MSN) no longer accepts a password from mail apps (since 16 Sep 2024): add the account again with Microsoft sign-in.',
      },
      signIn: 'microsoft',
    },
    source: 'ISPDB hotmail.com.xml (A); Microsoft "POP, IMAP, and SMTP settings for Outlook.com" support.microsoft.com (B, read through a copy); "Modern authentication methods now needed" (A, 16 Sep 2024)',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'microsoft-365',
    name: { ja: 'Microsoft 365（Exchange Online）', en: 'Microsoft 365 (Exchange Online)' },
    domains: ['*.onmicrosoft.com'],
    // Custom domains hosted on Exchange Online have MX <tenant>.mail.protection.outlook.com.
    mxSuffixes: ['protection.outlook.com', 'outlook.com'],
    servers: [
      { protocol: 'imap', host: 'outlook.office365.com', port: 993, security: 'tls', grade: 'A' },
      { protocol: 'pop3', host: 'outlook.office365.com', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'smtp.office365.com', port: 587, security: 'starttls', grade: 'A' },
    ],
    username: 'email',
    usernameNote: { ja: 'サインイン名（UPN）。通常はメールアドレスと同じです。', en: 'The sign-in name (UPN), usually the e-mail address.' },
    auth: 'oauth-only',
    authNote: {
      ja: 'IMAP/POP のパスワード認証（基本認証）は 2022年10月から廃止。送信の SMTP AUTH はテナント/メールボックスごとに有効化が必要で、パスワード方式は 2026年12月末に既定で無効になります（管理者は再有効化可）。',
      en: 'IMAP/POP Basic auth was retired from Oct 2022. SMTP AUTH must be enabled per tenant/mailbox; its Basic (password) form is off by default from the end of Dec 2026 (admins can switch it back on).',
    },
    restrictions: [
      {
        kind: 'other',
        text: {
          ja: '送信には「認証済み SMTP」（SMTP AUTH）が有効である必要があります: Microsoft 365 管理センター ＞ ユーザー ＞ アクティブなユーザー ＞ メール ＞ メール アプリの管理。',
          en: '"Authenticated SMTP" (SMTP AUTH) must be enabled: Microsoft 365 admin center > Users > Active users > Mail > Manage email apps.',
        },
        grade: 'A',
      },
      {
        kind: 'service-ending',
        text: {
          ja: 'SMTP AUTH のパスワード方式は 2026年12月末に既存テナントで既定で無効（管理者は再有効化可）。2026年12月以降の新しいテナントでは最初から使えません。完全廃止の日付は未発表です。拒否時の応答は「550 5.7.30」。',
          en: 'Basic (password) SMTP AUTH is off by default for existing tenants from the end of Dec 2026 (admins can switch it back on); tenants created after Dec 2026 do not have it; the final removal date is not announced. Rejections read "550 5.7.30".',
        },
        grade: 'B',
      },
    ],
    login: {
      explanation: {
        ja: 'Microsoft 365 は、パスワードでの IMAP/POP 接続が使えません。Microsoft のサインイン画面で入る方法でアカウントを追加します。',
        en: 'Microsoft 365 does not accept passwords for IMAP/POP: add the account with Microsoft sign-in.',
      },
      signIn: 'microsoft',
      adminSteps: [
        {
          text: {
            ja: '会社の管理者への確認: 送信だけできない場合、メールボックスの「認証済み SMTP」を有効にしてもらいます。',
            en: 'Ask the company’s admin: if only sending fails, enable "Authenticated SMTP" for the mailbox.',
          },
          grade: 'A',
          path: {
            ja: 'Microsoft 365 管理センター > ユーザー > アクティブなユーザー > [ユーザー] > メール > メール アプリの管理 > 認証済み SMTP',
            en: 'Microsoft 365 admin center > Users > Active users > [user] > Mail > Manage email apps > Authenticated SMTP',
          },
          url: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
        },
      ],
    },
    source: 'ISPDB office365.com.xml (A); Microsoft Learn "authenticated client SMTP submission" (A); Exchange Team Blog 27 Jan 2026 "SMTP AUTH Basic Authentication Deprecation Timeline" (B, as quoted in public projects)',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'yahoo',
    name: { ja: 'Yahoo Mail（海外版）', en: 'Yahoo Mail (global)' },
    domains: ['yahoo.com', 'ymail.com', 'rocketmail.com'],
    mxSuffixes: ['yahoodns.net'],
    servers: [
      { protocol: 'imap', host: 'imap.mail.yahoo.com', port: 993, security: 'tls', grade: 'A' },
      { protocol: 'pop3', host: 'pop.mail.yahoo.com', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'smtp.mail.yahoo.com', port: 465, security: 'tls', grade: 'A' },
      {
        protocol: 'smtp',
        host: 'smtp.mail.yahoo.com',
        port: 587,
        security: 'starttls',
        grade: 'B',
        note: { ja: '587（STARTTLS）も案内されています。', en: '587 with STARTTLS is documented too.' },
      },
    ],
    username: 'email',
    auth: 'app-password',
    authNote: {
      ja: 'アプリ パスワード（2段階認証が必要）か OAuth2 でログインします。',
      en: 'Use an app password (needs 2-step verification) or OAuth2.',
    },
    restrictions: [],
    passwordHelp: {
      text: { ja: 'アカウントのセキュリティ ＞ アプリ パスワードを生成 で作成します。', en: 'Account security > Generate app password.' },
    },
    login: {
      explanation: { ja: 'Yahoo メール（海外版）は「アプリパスワード」が必要です。', en: 'Yahoo Mail needs an app password.' },
      steps: [
        {
          text: { ja: 'Yahoo のアカウントセキュリティで「アプリパスワードを生成」します（2段階認証が必要）。', en: 'In Yahoo Account security choose "Generate app password" (needs 2-step verification).' },
          grade: 'B',
          path: { ja: 'Yahoo アカウント > アカウントセキュリティ > アプリパスワードを生成', en: 'Yahoo Account > Account security > Generate app password' },
        },
      ],
    },
    source: 'ISPDB yahoo.com.xml (A); xenocept Yahoo setup guide (B)',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'yahoo-japan',
    name: { ja: 'Yahoo!メール（Yahoo! JAPAN）', en: 'Yahoo! Mail (Yahoo! JAPAN)' },
    // yahoo.ne.jp = Y!mobile addresses hosted on Yahoo!メール (public configurations send through smtp.mail.yahoo.co.jp).
    domains: ['yahoo.co.jp', 'ymail.ne.jp', 'yahoo.ne.jp'],
    servers: [
      { protocol: 'imap', host: 'imap.mail.yahoo.co.jp', port: 993, security: 'tls', grade: 'B' },
      { protocol: 'pop3', host: 'pop.mail.yahoo.co.jp', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'smtp.mail.yahoo.co.jp', port: 465, security: 'tls', grade: 'A' },
    ],
    username: 'localpart',
    // The part before the @ is the Yahoo! JAPAN ID only for @yahoo.co.jp; the newer domains log in with the whole address.
    usernameByDomain: { 'ymail.ne.jp': 'email', 'yahoo.ne.jp': 'email' },
    usernameNote: {
      ja: 'Yahoo! JAPAN ID、またはメールアドレス全体。@ymail.ne.jp・@yahoo.ne.jp では @ より前が ID と違うので、アドレス全体を入れます。',
      en: 'The Yahoo! JAPAN ID or the whole address. For @ymail.ne.jp and @yahoo.ne.jp the part before the @ is not the ID: use the whole address.',
    },
    auth: 'password',
    authNote: {
      ja: 'いつもの Yahoo! JAPAN ID のパスワードを使います（アプリ用パスワードはありません）。ID にパスワードが設定されていない（パスワードなしログイン）とメールアプリからは使えません。',
      en: 'Uses the normal Yahoo! JAPAN ID password (there are no app passwords). An ID without a password (password-less login) cannot be used from mail apps.',
    },
    restrictions: [
      {
        kind: 'imap-must-be-enabled',
        text: {
          ja: 'Yahoo!メールの「設定・利用規約」＞「メールの設定」＞「IMAP/POP/SMTPアクセスとメール転送」で「Yahoo! JAPAN公式サービス以外からのアクセスも有効にする」を選び、IMAP（または POP）と SMTP を有効にして保存します。SMTP だけでは不十分です。',
          en: 'In Yahoo! Mail settings > メールの設定 > 「IMAP/POP/SMTPアクセスとメール転送」 choose 「Yahoo! JAPAN公式サービス以外からのアクセスも有効にする」 (allow access from non-Yahoo services), enable IMAP (or POP) and SMTP, and save. SMTP alone is not enough.',
        },
        grade: 'B',
      },
      {
        kind: 'other',
        text: {
          ja: 'ID にパスワードが必要です（パスワード無効設定の ID はメールアプリで使えません）。',
          en: 'The ID must have a password (password-less IDs cannot be used in mail apps).',
        },
        grade: 'B',
      },
      {
        kind: 'other',
        text: {
          ja: '「海外からのアクセス制限」が有効だと、海外の回線からは [AUTHENTICATIONFAILED] で拒否されます。',
          en: 'With 「海外からのアクセス制限」 (overseas access restriction) on, access from non-Japanese networks fails with [AUTHENTICATIONFAILED].',
        },
        grade: 'C',
      },
      {
        kind: 'other',
        text: { ja: '暗号化なしの SMTP（25/587）は 2021年1月19日に終了。465（SSL）を使います。', en: 'Unencrypted SMTP on 25/587 ended on 19 Jan 2021; use 465 (SSL).' },
        grade: 'C',
      },
      {
        kind: 'other',
        text: {
          ja: '新しい Outlook はメールを Microsoft のクラウド経由で受け取るため、「海外からのアクセス制限」がオンだと新しい Outlook だけつながらないことがあります。',
          en: 'New Outlook fetches mail through Microsoft’s cloud, so with the overseas access restriction on, only new Outlook may fail.',
        },
        grade: 'C',
      },
    ],
    passwordHelp: {
      // security.yahoo.co.jp/guide/0012.html describes password-less login (why an ID must have a password),
      // not checking or resetting the password, so it is named as such here instead of as the reset link.
      text: {
        ja: 'Yahoo! JAPAN ID の「ログインとセキュリティ」でパスワードを確認・再設定します。パスワードなしログインにしている ID は、先にパスワードを設定します（Yahoo! JAPAN の案内「パスワード無効設定」security.yahoo.co.jp/guide/0012.html）。',
        en: 'Check or reset the password in the Yahoo! JAPAN ID’s login and security settings. An ID set to password-less login needs a password first (Yahoo! JAPAN guide on password-less login: security.yahoo.co.jp/guide/0012.html).',
      },
    },
    login: {
      explanation: {
        ja: 'Yahoo!メールは、Yahoo!メール側で「IMAP/POP/SMTPアクセス」を有効にし、Yahoo! JAPAN ID にパスワードが設定されていないとメールアプリからつながりません。',
        en: 'Yahoo! JAPAN mail only works in mail apps when IMAP/POP/SMTP access is enabled in Yahoo! Mail and the Yahoo! JAPAN ID has a password.',
      },
      // Whatever the server's reply suggests, Yahoo! JAPAN has no app passwords: the fix is its access switch.
      replacesGeneric: true,
      secretName: { ja: 'Yahoo! JAPAN ID のパスワード', en: 'the Yahoo! JAPAN ID password' },
      steps: [
        {
          text: {
            ja: 'パソコンのブラウザで Yahoo!メールを開き、「Yahoo! JAPAN公式サービス以外からのアクセスも有効にする」を選び、IMAP（または POP）と SMTP を「有効」にして保存します。SMTP だけでは足りません。',
            en: 'In Yahoo! Mail on a computer browser choose 「Yahoo! JAPAN公式サービス以外からのアクセスも有効にする」 (allow access from other services), set IMAP (or POP) and SMTP to enabled, and save. SMTP alone is not enough.',
          },
          grade: 'B',
          path: { ja: 'Yahoo!メール > 設定・利用規約 > メールの設定 > IMAP/POP/SMTPアクセスとメール転送', en: 'Yahoo!メール > 設定・利用規約 > メールの設定 > IMAP/POP/SMTPアクセスとメール転送' },
        },
        {
          text: {
            ja: 'Yahoo! JAPAN ID にパスワードが設定されているか確認します。パスワードなしでログインする設定の ID は、メールアプリでは使えません。',
            en: 'Check the Yahoo! JAPAN ID has a password: an ID set to password-less login cannot be used in mail apps.',
          },
          grade: 'B',
        },
        {
          text: { ja: '海外の回線や VPN から使う場合は「海外からのアクセス制限」で拒否されることがあります。', en: 'From overseas networks or a VPN, the overseas access restriction may refuse the login.' },
          grade: 'C',
        },
      ],
    },
    source: 'ISPDB yahoo.co.jp.xml (A, POP/SMTP, %EMAILLOCALPART%); several public configs (B, IMAP; C, full-address user name and yahoo.ne.jp); Yahoo! JAPAN 海外からのアクセス制限 (C)',
    lastChecked: CHECKED,
    grade: 'B',
  },
  {
    id: 'docomo',
    name: { ja: 'ドコモメール（spモード）', en: 'docomo mail (sp-mode)' },
    domains: ['docomo.ne.jp'],
    servers: [
      { protocol: 'imap', host: 'imap.spmode.ne.jp', port: 993, security: 'tls', grade: 'B' },
      { protocol: 'smtp', host: 'smtp.spmode.ne.jp', port: 465, security: 'tls', grade: 'B' },
    ],
    username: 'provider-id',
    usernameNote: { ja: 'dアカウントの ID（ドコモの案内では「IMAP用ID」）。メールアドレスではありません。', en: 'The d ACCOUNT ID (docomo calls it the "IMAP ID"), not the e-mail address.' },
    auth: 'provider-password',
    authNote: {
      ja: 'IMAP専用パスワード（旧セキュリティパスワード）が必要です。dアカウントのパスワードとは別の、自動発行された文字列です。',
      en: 'Needs the IMAP専用パスワード (IMAP-only password, formerly "security password"): a generated string separate from the d ACCOUNT password.',
    },
    restrictions: [
      { kind: 'no-pop', text: { ja: 'POP の案内はありません（IMAP のみ）。', en: 'No POP server is documented (IMAP only).' }, grade: 'C' },
      { kind: 'tls12-minimum', text: { ja: 'TLS 1.2 以上が必要です。', en: 'Requires TLS 1.2 or later.' }, grade: 'B' },
      {
        kind: 'plan-dependent',
        text: {
          ja: 'irumo は有料の「ドコモメールオプション」が必要。ahamo ではプラン変更時に申し込んだ「ドコモメール持ち運び」のみ使えます。',
          en: 'irumo needs the paid "docomo mail option"; ahamo only has it via "docomo mail carry-over" applied for at the plan change.',
        },
        grade: 'C',
      },
      {
        kind: 'other',
        text: {
          ja: 'ドコモの回線以外やほかの端末から使うには、ドコモメールの「dアカウント利用設定」を「利用する」にする必要がある可能性があります（未確認）。',
          en: 'Using docomo mail off the docomo network or on other devices may also need ドコモメール’s 「dアカウント利用設定」 set to 利用する (unconfirmed).',
        },
        grade: 'U',
      },
      OP25B,
    ],
    passwordHelp: {
      text: {
        ja: 'My docomo ＞ メール設定 ＞「IMAP専用ID・パスワードの確認」。Wi-Fi をオフにして、ネットワーク暗証番号または spモードパスワードを入力します。',
        en: 'My docomo > メール設定 > 「IMAP専用ID・パスワードの確認」, with Wi-Fi turned off, entering the network PIN or sp-mode password.',
      },
      url: 'https://www.nttdocomo.co.jp/service/docomo_mail/security/index.html',
    },
    login: {
      explanation: {
        ja: 'ドコモメールは、dアカウントのパスワードではなく「IMAP専用パスワード」でないとつながりません。',
        en: 'docomo mail only accepts the IMAP専用パスワード (IMAP-only password), not the d ACCOUNT password.',
      },
      secretName: { ja: 'IMAP専用パスワード', en: 'the IMAP専用パスワード (IMAP-only password)' },
      idName: { ja: 'IMAP用ID（dアカウントの ID）', en: 'the IMAP ID (your d ACCOUNT ID)' },
      steps: [
        {
          text: {
            ja: 'スマートフォンの Wi-Fi をオフにして（モバイルデータ通信で）My docomo を開き、IMAP専用パスワードを確認します。ネットワーク暗証番号か spモードパスワードを聞かれます。',
            en: 'Turn the phone’s Wi-Fi off (use mobile data), open My docomo and check the IMAP-only password; it asks for the network PIN (ネットワーク暗証番号) or sp-mode password.',
          },
          grade: 'B',
          path: {
            ja: 'My docomo > メール設定 > IMAP専用ID・パスワードの確認',
            en: 'My docomo > メール設定 (mail settings) > IMAP専用ID・パスワードの確認 (check IMAP ID and password)',
          },
          url: 'https://www.nttdocomo.co.jp/service/docomo_mail/security/index.html',
          note: {
            ja: 'dアカウントのパスワードとは別物です。ユーザー名には同じ画面の「IMAP用ID」を使います。',
            en: 'It is not the d ACCOUNT password. Use the "IMAP ID" from the same screen as the user name.',
          },
        },
      ],
      deviceSteps: {
        iphone: [
          {
            text: {
              ja: 'iPhone ではドコモのプロファイルで設定している場合、プロファイルを入れ直す方が確実です。',
              en: 'On iPhone, if docomo’s profile set up the account, reinstalling the profile is more reliable.',
            },
            grade: 'C',
          },
        ],
      },
    },
    source: 'docomo official security page nttdocomo.co.jp/service/docomo_mail/security (A, excerpt); Qiita citing docomo IMAP interface spec v4.3 (B)',
    lastChecked: CHECKED,
    grade: 'B',
  },
  {
    id: 'au',
    name: { ja: 'auメール', en: 'au mail' },
    domains: ['au.com', 'ezweb.ne.jp'],
    servers: [
      {
        protocol: 'imap',
        host: 'imap.ezweb.ne.jp',
        port: 993,
        security: 'tls',
        grade: 'B',
        note: {
          ja: '@au.com も @ezweb.ne.jp もこのサーバーです。imap.au.com / mail.au.com は IMAP(993) に応答しないため使いません。',
          en: 'Serves both @au.com and @ezweb.ne.jp. imap.au.com / mail.au.com do not answer IMAP on 993: do not use them.',
        },
      },
      {
        protocol: 'smtp',
        host: 'smtp.ezweb.ne.jp',
        port: 465,
        security: 'tls',
        grade: 'C',
        note: { ja: '公開設定1件のみで確認。au の公式マニュアルは未確認です。', en: 'Seen in a single public configuration; no official au manual found.' },
      },
    ],
    username: 'provider-id',
    usernameNote: {
      ja: 'auメールのアカウント ID（英数字8文字程度）。メールアドレスではありません。IMAP と SMTP で同じ。',
      en: 'The au mail account ID (short alphanumeric, about 8 characters), not the e-mail address; the same for IMAP and SMTP.',
    },
    auth: 'provider-password',
    authNote: {
      ja: 'au ID のパスワードではなく、メール接続用に発行されたパスワードです（未確定情報）。',
      en: 'A password issued for mail connections, not the au ID password (unconfirmed).',
    },
    restrictions: [
      {
        kind: 'other',
        text: {
          ja: '一部のメールソフトでは au の証明書チェーンの検証に失敗するという報告があります。',
          en: 'Some clients are reported to fail validating au\'s certificate chain.',
        },
        grade: 'C',
      },
      {
        kind: 'plan-dependent',
        text: {
          ja: 'povo や解約後は「auメール持ち運び」（月330円）を申し込んだ場合のみ使えます。',
          en: 'On povo or after leaving au, only with "au mail carry-over" (330 yen/month).',
        },
        grade: 'B',
      },
      { kind: 'no-pop', text: { ja: 'POP はありません（IMAP のみ）。', en: 'No POP access (IMAP only).' }, grade: 'C' },
      OP25B,
    ],
    login: {
      explanation: {
        ja: 'auメールは au ID のパスワードではなく、メール用に発行されたパスワードを使うという情報があります（未確定）。',
        en: 'au mail reportedly uses a password issued for mail, not the au ID password (not confirmed).',
      },
      secretName: { ja: 'auメール用に発行されたパスワード', en: 'the password issued for au mail' },
      idName: { ja: 'auメールのアカウントID（メールアドレスではありません）', en: 'the au mail account ID (not the e-mail address)' },
      steps: [
        {
          text: {
            ja: 'au のサポート窓口・案内で、メールアプリ用のパスワードとアカウントID を確認します。',
            en: 'Check the mail-app password and account ID with au’s support.',
          },
          grade: 'C',
        },
      ],
    },
    source: 'two independent working configurations (B, IMAP host and user form); one config (C, SMTP); no POP documented anywhere (C). No KDDI manual found.',
    lastChecked: CHECKED,
    grade: 'C',
  },
  {
    id: 'softbank',
    name: { ja: 'ソフトバンク Eメール(i)', en: 'SoftBank Eメール(i)' },
    domains: ['i.softbank.jp'],
    servers: [
      { protocol: 'imap', host: 'imap.softbank.jp', port: 993, security: 'tls', grade: 'A' },
      {
        protocol: 'smtp',
        host: 'smtp.softbank.jp',
        port: 465,
        security: 'tls',
        grade: 'B',
        note: { ja: '587 を案内するページも1件ありますが未確認です。', en: 'One guide says 587; unconfirmed.' },
      },
    ],
    username: 'localpart',
    usernameNote: {
      ja: 'アドレスの @ より前（ISPDB）。アドレス全体でも通る設定例が複数あります。',
      en: 'The part before the @ (ISPDB); several working setups use the full address, so either is accepted.',
    },
    auth: 'provider-password',
    authNote: {
      ja: 'Eメール(i) 専用のパスワードです（ソフトバンク ID / My SoftBank のパスワードとは別）。契約時に発行される6〜12文字の英数字で、157 から SMS で届きます。表示はできないので My SoftBank で再設定します。',
      en: 'The Eメール(i) password, separate from the SoftBank ID / My SoftBank password: 6–12 random alphanumerics issued at contract and sent by SMS from 157. It cannot be displayed; reset it in My SoftBank.',
    },
    restrictions: [
      {
        kind: 'other',
        text: { ja: 'サーバーは IMAP の LOGIN コマンドのみ対応（AUTHENTICATE なし）。', en: 'The server offers only IMAP LOGIN (no AUTHENTICATE).' },
        grade: 'C',
      },
      { kind: 'no-pop', text: { ja: 'POP の案内はありません（IMAP のみ）。', en: 'No POP server is documented (IMAP only).' }, grade: 'C' },
      OP25B,
    ],
    passwordHelp: {
      text: { ja: 'My SoftBank で Eメール(i) のパスワードを再設定し、端末に入れ直します。', en: 'Reset the Eメール(i) password in My SoftBank, then re-enter it on the device.' },
      url: 'https://www.softbank.jp/support/faq/view/10634',
    },
    login: {
      explanation: {
        ja: 'Eメール(i) は、ソフトバンク ID のパスワードとは別の「Eメール(i) のパスワード」を使います。',
        en: 'Eメール(i) uses its own Eメール(i) password, separate from the SoftBank ID password.',
      },
      secretName: { ja: 'Eメール(i) のパスワード', en: 'the Eメール(i) password' },
      steps: [
        {
          text: {
            ja: 'Eメール(i) のパスワードは表示できません。My SoftBank で再設定します（6〜12文字の英数字。契約時は 157 から SMS で届いています）。',
            en: 'The Eメール(i) password cannot be displayed: reset it in My SoftBank (6–12 alphanumerics; originally sent by SMS from 157).',
          },
          grade: 'A',
          url: 'https://www.softbank.jp/support/faq/view/10634',
          note: { ja: 'ソフトバンク ID のパスワードとは別物です。', en: 'It is not the SoftBank ID password.' },
        },
      ],
    },
    source: 'ISPDB i.softbank.jp.xml (A); SoftBank FAQ softbank.jp/support/faq/view/10634 (A, password); several public configs (B)',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'mopera',
    name: { ja: 'mopera U', en: 'mopera U' },
    domains: ['mopera.net'],
    servers: [
      { protocol: 'imap', host: 'mail.mopera.net', port: 993, security: 'tls', grade: 'A' },
      { protocol: 'imap', host: 'mail.mopera.net', port: 143, security: 'starttls', grade: 'A' },
      { protocol: 'pop3', host: 'mail.mopera.net', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'pop3', host: 'mail.mopera.net', port: 110, security: 'starttls', grade: 'A' },
      { protocol: 'smtp', host: 'mail.mopera.net', port: 465, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'mail.mopera.net', port: 587, security: 'starttls', grade: 'A' },
    ],
    username: 'localpart',
    auth: 'password',
    restrictions: [],
    source: 'ISPDB mopera.net.xml (A; SMTP "password-encrypted" = CRAM-MD5)',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'ocn',
    name: { ja: 'OCN', en: 'OCN' },
    domains: ['ocn.ne.jp', '*.ocn.ne.jp'],
    servers: [
      { protocol: 'imap', host: 'imap.ocn.ne.jp', port: 993, security: 'tls', grade: 'B' },
      { protocol: 'pop3', host: 'pop.ocn.ne.jp', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'smtp.ocn.ne.jp', port: 465, security: 'tls', grade: 'A' },
    ],
    username: 'email',
    auth: 'password',
    authNote: {
      ja: 'メールパスワード（会員登録証に記載。OCN ID のログイン用パスワードや接続用のパスワードとは別）を使います。',
      en: 'Uses the mail password (メールパスワード, on the registration sheet), not the OCN ID login password or the connection password.',
    },
    restrictions: [
      {
        kind: 'other',
        text: {
          ja: 'OCN メールの SSL は、2009年11月24日以降に作成・変更したアドレスと、新しい「OCNメール」へ移行したアドレスで使えます。古い設定（受信 110／送信 25・587 で暗号化なし）のままなら、受信 995・送信 465 の SSL 設定に直してください。',
          en: 'OCN mail SSL works for addresses created or changed on or after 24 Nov 2009 and for addresses moved to the new OCN mail. On the old settings (incoming 110, outgoing 25/587 without encryption), switch to SSL on 995 (incoming) and 465 (outgoing).',
        },
        grade: 'A',
      },
      OP25B,
    ],
    source: 'ISPDB ocn.ne.jp.xml (A, POP/SMTP); several public tables (B, IMAP); OCN notice ocn.ne.jp/info/announce/2010/11/25_2.html (A, SSL conditions); OCN guide on the メールパスワード (C)',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'biglobe',
    name: { ja: 'BIGLOBE', en: 'BIGLOBE' },
    domains: ['biglobe.ne.jp', '*.biglobe.ne.jp'],
    servers: [
      { protocol: 'imap', host: 'mail.biglobe.ne.jp', port: 993, security: 'tls', grade: 'B' },
      { protocol: 'pop3', host: 'mail.biglobe.ne.jp', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'mail.biglobe.ne.jp', port: 465, security: 'tls', grade: 'A' },
    ],
    username: 'email',
    auth: 'password',
    authNote: { ja: 'BIGLOBEパスワード（会員証に記載）を使います。', en: 'Uses the BIGLOBE password printed on the membership card (会員証).' },
    restrictions: [
      {
        kind: 'tls12-minimum',
        text: {
          ja: '2023年4月13日から TLS 1.1 以下は使えません。古い OS・メールソフトでは暗号化エラーになります。',
          en: 'TLS 1.1 and older disabled since 13 Apr 2023: old OS/mail apps fail with TLS errors.',
        },
        grade: 'A',
      },
      OP25B,
    ],
    source: 'BIGLOBE FAQ 12413 and 20845 (A); ISPDB biglobe.ne.jp.xml (A, SMTP); public tables (B, IMAP)',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'so-net',
    name: { ja: 'So-net', en: 'So-net' },
    domains: ['so-net.ne.jp', '*.so-net.ne.jp'],
    servers: [
      { protocol: 'imap', host: 'imap.so-net.ne.jp', port: 993, security: 'tls', grade: 'B' },
      {
        protocol: 'pop3',
        host: 'pop.so-net.ne.jp',
        port: 995,
        security: 'tls',
        grade: 'C',
        note: { ja: '信頼度の低い公開表2件のみ。So-net の案内で確認してください。', en: 'Only two low-quality public tables; confirm with So-net.' },
      },
      { protocol: 'smtp', host: 'mail.so-net.ne.jp', port: 587, security: 'starttls', grade: 'B' },
    ],
    username: 'email',
    usernameNote: { ja: 'メールアドレス全体（公開されている設定例による）。', en: 'The full address (as in public working configurations).' },
    auth: 'password',
    authNote: {
      ja: 'メールパスワード（会員登録証に記載。So-net のログイン用パスワードとは別）を使います。',
      en: 'Uses the mail password (メールパスワード on the registration sheet), not the So-net login password.',
    },
    restrictions: [
      OP25B,
      {
        kind: 'imap-must-be-enabled',
        text: { ja: 'IMAP は別契約の「IMAPサービス」が必要です。', en: 'IMAP needs the separate "IMAP service" subscription.' },
        grade: 'B',
      },
      {
        kind: 'service-ending',
        text: { ja: 'IMAPサービスの新規申し込みは終了しています（新規の方は POP を使用）。', en: 'New applications for the IMAP service have closed (new users use POP).' },
        grade: 'B',
      },
    ],
    source: 'several public configs (B; C for the full-address user name); NURO/So-net official page nuro.jp/hikari/option/mail/imap (B, excerpt)',
    lastChecked: CHECKED,
    grade: 'B',
  },
  {
    id: 'nifty',
    name: { ja: '@nifty', en: '@nifty' },
    // nifty.ne.jp / *.nifty.ne.jp = the old @nifty address form, infoweb.ne.jp = an old @nifty domain (practitioners' domain lists).
    domains: ['nifty.com', 'nifty.ne.jp', '*.nifty.ne.jp', 'infoweb.ne.jp'],
    servers: [
      { protocol: 'imap', host: 'imap.nifty.com', port: 993, security: 'tls', grade: 'B' },
      { protocol: 'pop3', host: 'pop.nifty.com', port: 995, security: 'tls', grade: 'B' },
      { protocol: 'smtp', host: 'smtp.nifty.com', port: 465, security: 'tls', grade: 'B' },
      {
        protocol: 'smtp',
        host: 'smtp.nifty.com',
        port: 587,
        security: 'starttls',
        grade: 'C',
        note: { ja: '587 で STARTTLS が使えるかは未確認です。465（SSL）を先に使います。', en: 'Whether 587 offers STARTTLS is unconfirmed; use 465 (SSL) first.' },
      },
    ],
    username: 'email',
    auth: 'password',
    authNote: {
      ja: 'メールパスワード（@nifty ID のログイン用パスワードとは別）を使います。',
      en: 'Uses the mail password (メールパスワード), not the @nifty ID login password.',
    },
    restrictions: [
      OP25B,
      {
        kind: 'other',
        text: {
          ja: '古い ISPDB の設定（POP 110・SMTP 587 暗号化なし・ユーザー名は @ より前）は古いので使いません。',
          en: 'The old ISPDB entry (POP 110, SMTP 587 unencrypted, local-part user name) is outdated: do not use it.',
        },
        grade: 'B',
      },
    ],
    source: 'thunderbird/autoconfig issue #177 and PR #188 citing mail.nifty.com/info/manual (B; 587 listed there without TLS); several public configs (B); practitioners\' domain lists for the old domains (C)',
    lastChecked: CHECKED,
    grade: 'B',
  },
  {
    id: 'jcom',
    name: { ja: 'J:COM', en: 'J:COM' },
    domains: ['jcom.zaq.ne.jp', '*.jcom.zaq.ne.jp'],
    servers: [
      { protocol: 'imap', host: 'imap.jcom.zaq.ne.jp', port: 993, security: 'tls', grade: 'A' },
      {
        protocol: 'pop3',
        host: 'pops.jcom.zaq.ne.jp',
        port: 995,
        security: 'tls',
        grade: 'U',
        note: { ja: 'SSL 用ホスト名は公式（B）ですが、ポート 995 は未確認です。', en: 'The SSL host name is official (B) but port 995 is unconfirmed.' },
      },
      {
        protocol: 'pop3',
        host: 'pop.jcom.zaq.ne.jp',
        port: 110,
        security: 'none',
        grade: 'A',
        note: { ja: '暗号化なし。可能なら SSL の設定を使います。', en: 'Unencrypted; prefer the SSL setting when it works.' },
      },
      { protocol: 'smtp', host: 'smtpa.jcom.zaq.ne.jp', port: 465, security: 'tls', grade: 'A' },
    ],
    username: 'email',
    usernameNote: { ja: 'メールアドレス全体（@ より前だけだと Windows メールで送信に失敗）。', en: 'The full address (Windows Mail fails to send with only the part before the @).' },
    auth: 'password',
    restrictions: [
      {
        kind: 'other',
        text: { ja: 'メールボックス 2GB、保存期間60日、1通20MBまで。', en: 'Mailbox 2 GB, 60-day retention, 20 MB per message.' },
        grade: 'A',
      },
      OP25B,
    ],
    source: 'J:COM support (A, excerpts): support.zaq.ne.jp ml_mailservice_summary, cs.zaq.ne.jp knowledge 000477643',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'plala',
    name: { ja: 'ぷらら', en: 'plala' },
    authNote: {
      ja: 'メールパスワード（会員登録証に記載。ログイン用パスワードとは別）を使います。',
      en: 'Uses the mail password (メールパスワード on the registration sheet), not the login password.',
    },
    domains: ['plala.or.jp', '*.plala.or.jp'],
    servers: [
      { protocol: 'smtp', host: 'secure.plala.or.jp', port: 587, security: 'starttls', grade: 'B' },
      {
        protocol: 'smtp',
        host: 'secure.plala.or.jp',
        port: 465,
        security: 'tls',
        grade: 'C',
        note: {
          ja: 'ぷららの推奨表（引用）は 465/SSL ですが、587/STARTTLS でしか送れなかった報告があります。',
          en: 'plala\'s recommended sheet (as quoted) says 465/SSL, but one technician could only send with 587/STARTTLS.',
        },
      },
    ],
    username: 'email',
    auth: 'password',
    restrictions: [
      {
        kind: 'other',
        text: {
          ja: '受信（IMAP/POP）サーバーの現在のホスト名は確認できていません。旧サーバー mail.plala.or.jp では送信できません。',
          en: 'The current incoming (IMAP/POP) host is not confirmed. The old mail.plala.or.jp no longer sends.',
        },
        grade: 'U',
      },
      {
        kind: 'service-ending',
        text: {
          ja: 'ぷらら光は 2027年3月31日に終了（ドコモ光＋OCN へ。自動移行なし、新しい OCN アドレスになります）。',
          en: 'ぷらら光 ends on 31 Mar 2027 (moved to docomo Hikari + OCN; not automatic; a new OCN address is issued).',
        },
        grade: 'B',
      },
      {
        kind: 'service-ending',
        text: {
          ja: 'ぷららメールを含む全サービスが 2028年3月31日に終了する見込みです。',
          en: 'All plala services including plala mail are reported to end on 31 Mar 2028.',
        },
        grade: 'C',
      },
      {
        kind: 'other',
        text: {
          ja: '旧仕様（2009年8月以前）のアカウントは、Webメールで移行しないと SSL を使えません。',
          en: 'Old-spec accounts (before Aug 2009) must migrate in Webmail before SSL can be used.',
        },
        grade: 'C',
      },
      OP25B,
    ],
    source: 'gadget-s.info/140 quoting plala (B); sp.joymate.co.jp, pc-impulse.co.jp (B/C, service end); public configurations naming the メールパスワード (C)',
    lastChecked: CHECKED,
    grade: 'C',
  },
  {
    id: 'eo',
    name: { ja: 'eo（eonet）', en: 'eo (eonet)' },
    domains: ['eonet.ne.jp', '*.eonet.ne.jp'],
    servers: [
      {
        protocol: 'imap',
        host: 'imaps.eonet.ne.jp',
        port: 993,
        security: 'tls',
        grade: 'C',
        note: { ja: '公開設定2件のみ。公式情報は見つかっていません。', en: 'Two public configurations only; no official page found.' },
      },
    ],
    username: 'email',
    usernameNote: { ja: 'ユーザー名の形式は未確認です。', en: 'User-name form is unconfirmed.' },
    auth: 'password',
    restrictions: [
      {
        kind: 'other',
        text: {
          ja: 'POP と SMTP のサーバー名は確認できていません。eo の会員ページで確認してください。',
          en: 'POP and SMTP host names are not confirmed; check eo\'s member pages.',
        },
        grade: 'U',
      },
      OP25B,
    ],
    source: 'two independent public configs (C)',
    lastChecked: CHECKED,
    grade: 'U',
  },

  // ---------- rental servers: the server's own name, not mail.<own domain> ----------
  {
    id: 'xserver',
    name: { ja: 'エックスサーバー（Xserver / XServerビジネス）', en: 'Xserver (XServer Business)' },
    // Initial domains; a customer's own domain is recognised by an MX or certificate name under xserver.jp.
    domains: ['*.xsrv.jp'],
    mxSuffixes: ['xserver.jp'],
    hostSuffixes: ['xserver.jp'],
    servers: [
      { protocol: 'imap', host: '{server}', port: 993, security: 'tls', grade: 'B' },
      { protocol: 'pop3', host: '{server}', port: 995, security: 'tls', grade: 'B' },
      { protocol: 'smtp', host: '{server}', port: 465, security: 'tls', grade: 'B' },
      { protocol: 'smtp', host: '{server}', port: 587, security: 'starttls', grade: 'B' },
    ],
    serverNote: {
      ja: 'サーバー名は「sv」と番号の付いた名前（例: sv1234.xserver.jp）です。「サーバーアカウント設定完了のお知らせ」かサーバーパネルに書かれています。mail.（自分のドメイン）を入れると証明書の名前が合わずエラーになります。',
      en: 'The server name is the numbered "sv" host (e.g. sv1234.xserver.jp), printed in the account set-up notice and the server panel. mail.<own domain> gives a certificate-name mismatch.',
    },
    username: 'email',
    auth: 'password',
    authNote: { ja: 'メールアカウントを作ったときに決めたパスワードです。', en: 'The password chosen when the mail account was created.' },
    restrictions: [],
    source: 'Xserver manual (mail software settings) as quoted by threedplus.co.jp 2025 and a published copy of the Xserver manual (B)',
    lastChecked: CHECKED_2,
    grade: 'B',
  },
  {
    id: 'sakura',
    name: { ja: 'さくらのレンタルサーバ / さくらのメールボックス', en: 'Sakura Rental Server / Sakura Mailbox' },
    domains: ['*.sakura.ne.jp'],
    mxSuffixes: ['sakura.ne.jp'],
    hostSuffixes: ['sakura.ne.jp'],
    // The initial domain (xxxx.sakura.ne.jp) is the server name, for own domains too.
    domainIsServer: true,
    servers: [
      { protocol: 'imap', host: '{server}', port: 993, security: 'tls', grade: 'C' },
      { protocol: 'smtp', host: '{server}', port: 587, security: 'starttls', grade: 'C' },
      { protocol: 'smtp', host: '{server}', port: 465, security: 'tls', grade: 'C' },
    ],
    serverNote: {
      ja: 'サーバー名は「初期ドメイン」（xxxx.sakura.ne.jp）です。独自ドメインでも初期ドメインを入れると証明書のエラーになりません。',
      en: 'The server name is the initial domain (xxxx.sakura.ne.jp); use it for own domains too to avoid certificate errors.',
    },
    username: 'email',
    auth: 'password',
    restrictions: [],
    source: 'public EmailSetup component with Sakura settings (C)',
    lastChecked: CHECKED_2,
    grade: 'C',
  },
  {
    id: 'lolipop',
    name: { ja: 'ロリポップ！（GMOペパボ）', en: 'Lolipop! (GMO Pepabo)' },
    domains: ['*.lolipop.jp', '*.main.jp', '*.moo.jp', '*.sub.jp'],
    mxSuffixes: ['lolipop.jp'],
    hostSuffixes: ['lolipop.jp'],
    servers: [
      { protocol: 'imap', host: 'imap.lolipop.jp', port: 993, security: 'tls', grade: 'C' },
      { protocol: 'pop3', host: 'pop3.lolipop.jp', port: 995, security: 'tls', grade: 'C' },
      { protocol: 'smtp', host: 'smtp.lolipop.jp', port: 465, security: 'tls', grade: 'C' },
    ],
    username: 'email',
    auth: 'password',
    restrictions: [],
    source: 'public code: an EmailSetup component and a provider table ("lolipop.jp": pop3.lolipop.jp 995) (C)',
    lastChecked: CHECKED_2,
    grade: 'C',
  },
  {
    id: 'conoha',
    name: { ja: 'ConoHa WING', en: 'ConoHa WING' },
    domains: ['*.conoha.jp'],
    mxSuffixes: ['conoha.ne.jp'],
    hostSuffixes: ['conoha.ne.jp'],
    servers: [
      { protocol: 'imap', host: '{server}', port: 993, security: 'tls', grade: 'C' },
      { protocol: 'smtp', host: '{server}', port: 587, security: 'starttls', grade: 'C' },
    ],
    serverNote: {
      ja: 'サーバー名は ConoHa のコントロールパネルの「メール設定」に表示されるものを使います（表示の場所は未確認）。',
      en: 'Use the server name shown in the ConoHa control panel’s mail settings (where exactly is unconfirmed).',
    },
    username: 'email',
    auth: 'password',
    restrictions: [],
    source: 'one public component with ConoHa WING settings (C); the panel location is unverified (U)',
    lastChecked: CHECKED_2,
    grade: 'C',
  },
  {
    id: 'heteml',
    name: { ja: 'ヘテムル', en: 'heteml' },
    domains: ['*.heteml.jp'],
    hostSuffixes: ['heteml.jp'],
    servers: [],
    serverNote: {
      ja: 'サーバー名はヘテムルのコントロールパネルで確認します（メールドクターでは未確認）。',
      en: 'Check the server name in heteml’s control panel (not confirmed by Mail Doctor).',
    },
    username: 'email',
    auth: 'password',
    restrictions: [],
    source: 'initial domain from practitioners\' lists (C); servers not checked (U)',
    lastChecked: CHECKED_2,
    grade: 'U',
  },
  {
    id: 'mixhost',
    name: { ja: 'mixhost', en: 'mixhost' },
    domains: ['*.mixh.jp'],
    hostSuffixes: ['mixh.jp'],
    servers: [],
    serverNote: {
      ja: 'サーバー名は mixhost の管理画面で確認します（メールドクターでは未確認）。',
      en: 'Check the server name in mixhost’s control panel (not confirmed by Mail Doctor).',
    },
    username: 'email',
    auth: 'password',
    restrictions: [],
    source: 'initial domain from practitioners\' lists (C); servers not checked (U)',
    lastChecked: CHECKED_2,
    grade: 'U',
  },
  {
    id: 'kagoya',
    name: { ja: 'KAGOYA', en: 'KAGOYA' },
    domains: ['*.kagoya.ne.jp'],
    hostSuffixes: ['kagoya.ne.jp'],
    servers: [],
    serverNote: {
      ja: 'サーバー名は KAGOYA の管理画面で確認します（メールドクターでは未確認）。',
      en: 'Check the server name in KAGOYA’s control panel (not confirmed by Mail Doctor).',
    },
    username: 'email',
    auth: 'password',
    restrictions: [],
    source: 'initial domain from practitioners\' lists (C); servers not checked (U)',
    lastChecked: CHECKED_2,
    grade: 'U',
  },

  // ---------- ISPs and brands ----------
  {
    id: 'onamae',
    name: { ja: 'お名前.com（お名前メール / レンタルサーバー）', en: 'Onamae.com (Onamae Mail / rental server)' },
    // Only customers' own domains: recognised by the MX (mailNN.onamae.ne.jp in public DNS set-ups) or by a
    // server/certificate name under onamae.ne.jp.
    domains: [],
    mxSuffixes: ['onamae.ne.jp'],
    hostSuffixes: ['onamae.ne.jp'],
    servers: [
      {
        protocol: 'imap',
        host: '{server}',
        port: 993,
        security: 'tls',
        grade: 'C',
        note: { ja: 'サーバーの名前（例: mail65.onamae.ne.jp）は、ドメインの MX か、お名前.com の管理画面に書かれています。', en: 'The server’s own name (e.g. mail65.onamae.ne.jp) is the domain’s MX, also shown in the Onamae.com control panel.' },
      },
      { protocol: 'pop3', host: '{server}', port: 995, security: 'tls', grade: 'C' },
      { protocol: 'pop3', host: 'pop.{domain}', port: 995, security: 'tls', grade: 'A', note: ONAMAE_CERT_NOTE },
      { protocol: 'smtp', host: '{server}', port: 465, security: 'tls', grade: 'C' },
      { protocol: 'smtp', host: 'smtp.{domain}', port: 465, security: 'tls', grade: 'A', note: ONAMAE_CERT_NOTE },
    ],
    serverNote: {
      ja: 'お名前.com の案内の設定は 受信 pop.（自分のドメイン）995・送信 smtp.（自分のドメイン）465 ですが、証明書にはお名前.com 側の名前が入っているため、証明書の警告が出ます。警告を避けるには、サーバーの名前（mailNN.onamae.ne.jp。ドメインの MX と同じ）を入れます。',
      en: 'Onamae.com’s own settings are pop.<own domain> 995 in and smtp.<own domain> 465 out, but the certificate carries Onamae.com’s name, so a certificate warning appears. To avoid it, use the server’s own name (mailNN.onamae.ne.jp, the same as the domain’s MX).',
    },
    username: 'email',
    auth: 'password',
    authNote: { ja: 'メールアドレスを作ったときに決めたパスワードです。', en: 'The password chosen when the mail address was created.' },
    restrictions: [
      {
        kind: 'other',
        text: {
          ja: '暗号化しない設定（受信 110・送信 587）も案内されていますが、パスワードが暗号化されずに送られるため使いません。',
          en: 'Unencrypted settings (110 in, 587 out) are documented as well, but they send the password unencrypted: do not use them.',
        },
        grade: 'A',
      },
    ],
    source: 'Onamae.com help help.onamae.com/answer/9537 (A: pop./smtp.<domain>, 995/465, full address, certificate warning); public configurations and DNS set-ups using mailNN.onamae.ne.jp for MX, IMAP 993 and SMTP 465 (C)',
    lastChecked: CHECKED_2,
    grade: 'B',
  },
  {
    id: 'au-one-net',
    name: { ja: 'au one net（DION）', en: 'au one net (DION)' },
    domains: ['*.auone-net.jp', '*.dion.ne.jp'],
    servers: [
      {
        protocol: 'pop3',
        host: 'pop.{domain}',
        port: 110,
        security: 'none',
        grade: 'C',
        note: { ja: 'ホスト名の形は公式（A）ですが、POP のポートと暗号化は未確認です。', en: 'The host pattern is official (A); the POP port and encryption are unconfirmed.' },
      },
      { protocol: 'smtp', host: 'msa.{domain}', port: 465, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'msa.{domain}', port: 587, security: 'starttls', grade: 'B' },
    ],
    username: 'email',
    usernameNote: { ja: 'ユーザー名の形式は未確認です（メールアドレス全体と仮定）。', en: 'User-name form is unconfirmed (assumed to be the full address).' },
    auth: 'password',
    restrictions: [
      OP25B,
      {
        kind: 'other',
        text: {
          ja: '独自ドメインでは受信 pop.（ドメイン）、送信 msa-org.dion.ne.jp を使います。',
          en: 'With an own domain: incoming pop.<domain>, outgoing msa-org.dion.ne.jp.',
        },
        grade: 'A',
      },
    ],
    source: 'au.com/support/service/internet/security/anti-spam/submission-port (A, excerpt: pop./msa. pattern, 465/587 with SMTP AUTH)',
    lastChecked: CHECKED_2,
    grade: 'B',
  },
  {
    id: 'yahoo-bb',
    name: { ja: 'Yahoo! BB（SoftBank 光）', en: 'Yahoo! BB (SoftBank Hikari)' },
    domains: ['ybb.ne.jp'],
    servers: [
      { protocol: 'pop3', host: 'ybbpop.mail.yahoo.co.jp', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'ybbsmtp.mail.yahoo.co.jp', port: 465, security: 'tls', grade: 'A' },
    ],
    username: 'localpart',
    auth: 'password',
    restrictions: [OP25B],
    source: 'ISPDB ybb.ne.jp.xml (A, an old entry)',
    lastChecked: CHECKED_2,
    grade: 'B',
  },
  {
    id: 'jcom-legacy',
    name: { ja: 'J:COM（旧ドメイン・ケーブル局）', en: 'J:COM (older domains, cable stations)' },
    domains: ['jcom.home.ne.jp', '*.jcom.home.ne.jp', '*.zaq.ne.jp'],
    servers: [],
    serverNote: {
      ja: 'このアドレスのサーバー設定は、加入しているケーブル局によって違います。契約書類か、ケーブル局の案内で確認してください。',
      en: 'Server settings for this address depend on the cable station: check the contract papers or the station’s guide.',
    },
    username: 'email',
    auth: 'password',
    restrictions: [OP25B],
    source: 'J:COM support says @jcom.zaq.ne.jp is the current format (A, excerpt); older domains from practitioners\' lists (C); their servers unconfirmed (U)',
    lastChecked: CHECKED_2,
    grade: 'U',
  },
  {
    id: 'zoho',
    name: { ja: 'Zoho Mail', en: 'Zoho Mail' },
    domains: ['zoho.jp'],
    mxSuffixes: ['zoho.jp'],
    servers: [
      { protocol: 'imap', host: 'imap.zoho.jp', port: 993, security: 'tls', grade: 'A' },
      { protocol: 'pop3', host: 'pop.zoho.jp', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'smtp.zoho.jp', port: 465, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'smtp.zoho.jp', port: 587, security: 'starttls', grade: 'A' },
    ],
    username: 'email',
    auth: 'password',
    authNote: {
      ja: '2段階認証を使っている場合は、Zoho で作るアプリ用パスワードが必要になることがあります（未確認）。',
      en: 'With two-factor authentication on, an app-specific password made in Zoho may be needed (unconfirmed).',
    },
    restrictions: [],
    source: 'ISPDB zoho.jp (A); custom-domain MX under zoho.jp (C)',
    lastChecked: CHECKED_2,
    grade: 'A',
  },

  // ---------- addresses that are not mailboxes a mail app can use ----------
  {
    id: 'softbank-mms',
    name: { ja: 'ソフトバンク S!メール（MMS）', en: 'SoftBank S!メール (MMS)' },
    domains: ['softbank.ne.jp'],
    servers: [],
    username: 'email',
    auth: 'password',
    restrictions: [
      notAppMailbox(
        '@softbank.ne.jp は S!メール（MMS）のアドレスで、メールアプリには設定できません（iPhone ではメッセージアプリで使います）。メールアプリで使うなら @i.softbank.jp の Eメール(i) を設定します。',
        '@softbank.ne.jp is S!メール (MMS): it cannot be set up in a mail app (on iPhone it lives in Messages). For a mail app, use the @i.softbank.jp Eメール(i) address.',
        'B',
      ),
    ],
    source: 'SoftBank partner technical page on S!メール/MMS servers (B); ISPDB i.softbank.jp.xml for the Eメール(i) alternative (A)',
    lastChecked: CHECKED_2,
    grade: 'B',
  },
  {
    id: 'ymobile-mms',
    name: { ja: 'Y!mobile MMS', en: 'Y!mobile MMS' },
    domains: ['ymobile.ne.jp'],
    servers: [],
    username: 'email',
    auth: 'password',
    restrictions: [
      notAppMailbox(
        '@ymobile.ne.jp は MMS のアドレスで、メールアプリには設定できません。Y!mobile のメールをメールアプリで使うなら、Yahoo!メールの @yahoo.ne.jp を設定します。',
        '@ymobile.ne.jp is an MMS address: it cannot be set up in a mail app. For a mail app, use the Yahoo! Mail @yahoo.ne.jp address.',
        'B',
      ),
    ],
    source: 'SoftBank partner technical page (MMS, B); public configurations of @yahoo.ne.jp on Yahoo! JAPAN servers (C)',
    lastChecked: CHECKED_2,
    grade: 'B',
  },
  {
    id: 'rakuten-mail',
    name: { ja: '楽天モバイル 楽メール', en: 'Rakuten Mobile 楽メール' },
    domains: ['rakumail.jp'],
    servers: [],
    username: 'email',
    auth: 'password',
    restrictions: [
      notAppMailbox(
        '楽メール（@rakumail.jp）は、楽天モバイルの専用アプリで使うメールと考えられます。ほかのメールアプリに設定できるという確かな情報はありません（未確認）。',
        '楽メール (@rakumail.jp) appears to be usable only in Rakuten Mobile’s own app; there is no confirmed way to set it up in other mail apps (unconfirmed).',
        'U',
      ),
    ],
    source: 'no public IMAP/SMTP settings found (U)',
    lastChecked: CHECKED_2,
    grade: 'U',
  },
];

const BY_ID = new Map<ProviderId, ProviderEntry>(CATALOG.map((p) => [p.id, p]));

export function isProviderId(x: string): x is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(x);
}

export function getProvider(id: ProviderId | string): ProviderEntry | undefined {
  return isProviderId(id) ? BY_ID.get(id) : undefined;
}

/** Lower-case, trim whitespace and a trailing root dot. */
function cleanDomain(d: string): string {
  return d.trim().toLowerCase().replace(/\.+$/, '');
}

/** Exact domains win over wildcards, so "ocn.ne.jp" and "*.ocn.ne.jp" can both be listed. */
export function providerForDomain(domain: string): ProviderEntry | undefined {
  const d = cleanDomain(domain);
  if (!d) return undefined;
  for (const p of CATALOG) if (p.domains.includes(d)) return p;
  let best: { p: ProviderEntry; len: number } | undefined;
  for (const p of CATALOG) {
    for (const pattern of p.domains) {
      if (!pattern.startsWith('*.')) continue;
      const suffix = pattern.slice(1); // ".so-net.ne.jp"
      if (d.endsWith(suffix) && d.length > suffix.length && (!best || suffix.length > best.len)) best = { p, len: suffix.length };
    }
  }
  return best?.p;
}

export function providerForEmail(email: string): ProviderEntry | undefined {
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  return providerForDomain(email.slice(at + 1));
}

/**
 * Maps an MX host (custom domain) to its hosting provider, on label boundaries:
 * "aspmx.l.google.com" → gmail, "contoso-com.mail.protection.outlook.com" →
 * microsoft-365. The longest matching suffix wins.
 */
export function providerForMx(mxHost: string): ProviderEntry | undefined {
  const h = cleanDomain(mxHost);
  if (!h) return undefined;
  let best: { p: ProviderEntry; len: number } | undefined;
  for (const p of CATALOG) {
    for (const s of p.mxSuffixes ?? []) {
      if ((h === s || h.endsWith('.' + s)) && (!best || s.length > best.len)) best = { p, len: s.length };
    }
  }
  return best?.p;
}

/** An address a mail app cannot use at all (S!メール, MMS, 楽メール): the catalog says so instead of offering servers. */
export function isNotAppMailbox(p: ProviderEntry): boolean {
  return p.restrictions.some((r) => r.kind === 'not-app-mailbox');
}

/**
 * A catalog server's host for one address: "{domain}" becomes the address's
 * domain; "{server}" the hosting server's own name (the MX host that
 * identified the provider, else the domain when the entry says the domain is
 * the server). Undefined when nobody knows it (Xserver's sv number offline).
 */
export function expandServerHost(p: ProviderEntry, s: ProviderServer, domain: string, mxHost?: string): string | undefined {
  if (s.host.includes('{server}')) {
    const server = mxHost ?? (p.domainIsServer && providerForDomain(domain) === p ? domain : undefined);
    return server ? s.host.replace('{server}', server) : undefined;
  }
  return s.host.replace('{domain}', domain);
}

/** The user-name form the provider expects for an address at this domain. */
export function usernameFormFor(p: ProviderEntry, domain: string | undefined): UsernameForm {
  const d = domain ? cleanDomain(domain) : '';
  return p.usernameByDomain?.[d] ?? p.username;
}

/** The catalog's servers for one protocol, in the listed (preferred) order. */
export function serversFor(p: ProviderEntry, protocol: Protocol): ProviderServer[] {
  return p.servers.filter((s) => s.protocol === protocol);
}

/**
 * The provider a server host name belongs to: a catalog server's own name
 * (imap.mail.yahoo.co.jp), a hosting company's server suffix (sv1234.xserver.jp),
 * or a host under one of its mail domains (pop.ocn.ne.jp → ocn.ne.jp).
 */
export function providerForHost(host: string): ProviderEntry | undefined {
  const h = cleanDomain(host);
  if (!h) return undefined;
  for (const p of CATALOG) if (p.servers.some((s) => s.host === h)) return p;
  let best: { p: ProviderEntry; len: number } | undefined;
  for (const p of CATALOG) {
    for (const s of p.hostSuffixes ?? []) {
      if ((h === s || h.endsWith('.' + s)) && (!best || s.length > best.len)) best = { p, len: s.length };
    }
  }
  if (best) return best.p;
  const labels = h.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const p = providerForDomain(labels.slice(i).join('.'));
    if (p) return p;
  }
  return undefined;
}
