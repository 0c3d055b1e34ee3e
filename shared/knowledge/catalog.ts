/**
 * The provider catalog (issue 4 §1): known mail providers, their servers and
 * the rules that trip customers up.
 *
 * Source of every value: ../shared/reference/facts.md (beside the repo) §2–3 as corrected by
 * facts-corrections.md. Each server and restriction carries its own grade
 * (A vendor, B several consistent sources, C one source/inference,
 * U unverified). The UI must show grade U as "unconfirmed", never as certain;
 * values nobody could confirm are left out instead of guessed (e.g. plala's
 * IMAP/POP host, eo's SMTP host) and the gap is said in a restriction text.
 *
 * Pure data + lookups: no node:*, no DOM. docs/providers.md is the human copy.
 */
import type { Protocol } from '../models/account';
import type { ProviderEntry, ProviderId, ProviderServer } from './catalog-types';
import { PROVIDER_IDS } from './catalog-types';

/** When the underlying research was last re-checked (facts-corrections.md snapshot). */
const CHECKED = '2026-08-22';

export const CATALOG: readonly ProviderEntry[] = [
  {
    id: 'icloud',
    name: { ja: 'iCloud メール', en: 'iCloud Mail' },
    domains: ['icloud.com', 'me.com', 'mac.com'],
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
    source: 'ISPDB me.com.xml (A); Postbox iCloud setup guide (B); facts.md §2.3, §3.1',
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
      ja: '通常のパスワードだけでのログインは終了しました（個人: 2022年5月30日、Workspace: 2024年9月30日）。2段階認証を有効にしてアプリ パスワードを使うか、Google でサインイン（OAuth）できるアプリを使います。',
      en: 'Plain-password sign-in has ended (consumer: 30 May 2022; Workspace: 30 Sep 2024). Turn on 2-Step Verification and use an app password, or use an app with Google sign-in (OAuth).',
    },
    restrictions: [
      {
        kind: 'other',
        text: { ja: '同時 IMAP 接続は1アカウント15本まで。超えると「Too many simultaneous connections」。', en: 'At most 15 simultaneous IMAP connections per account ("Too many simultaneous connections").' },
        grade: 'A',
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
    source: 'ISPDB googlemail.com.xml (A); nodemailer services.json (A); facts.md §2.1, §3.1',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'outlook-com',
    name: { ja: 'Outlook.com（Hotmail / Live / MSN）', en: 'Outlook.com (Hotmail / Live / MSN)' },
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'outlook.jp', 'hotmail.co.jp', 'live.jp'],
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
    ],
    source: 'ISPDB hotmail.com.xml (A); Microsoft "POP, IMAP, and SMTP settings for Outlook.com" (A); facts.md §2.2, §3.1',
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
      ja: 'IMAP/POP のパスワード認証（基本認証）は 2022年10月から廃止。送信の SMTP AUTH はテナント/メールボックスごとに有効化が必要で、パスワード方式も廃止予定です（日付は変動中）。',
      en: 'IMAP/POP Basic auth was retired from Oct 2022. SMTP AUTH must be enabled per tenant/mailbox, and its Basic (password) form is being retired too (dates keep moving).',
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
          ja: 'SMTP AUTH のパスワード方式は廃止予定（2026年中に既定で無効、日付は変動）。拒否時の応答は「550 5.7.30」。',
          en: 'Basic (password) SMTP AUTH is being retired (off by default during 2026; dates keep moving). Rejections read "550 5.7.30".',
        },
        grade: 'C',
      },
    ],
    source: 'ISPDB office365.com.xml (A); Microsoft Learn "authenticated client SMTP submission" (A); facts.md §2.2, §3.1',
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
    source: 'ISPDB yahoo.com.xml (A); xenocept Yahoo setup guide (B); facts.md §2.3, §3.1',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'yahoo-japan',
    name: { ja: 'Yahoo!メール（Yahoo! JAPAN）', en: 'Yahoo! Mail (Yahoo! JAPAN)' },
    domains: ['yahoo.co.jp', 'ymail.ne.jp'],
    servers: [
      { protocol: 'imap', host: 'imap.mail.yahoo.co.jp', port: 993, security: 'tls', grade: 'B' },
      { protocol: 'pop3', host: 'pop.mail.yahoo.co.jp', port: 995, security: 'tls', grade: 'A' },
      { protocol: 'smtp', host: 'smtp.mail.yahoo.co.jp', port: 465, security: 'tls', grade: 'A' },
    ],
    username: 'localpart',
    usernameNote: { ja: 'Yahoo! JAPAN ID（アドレスの @ より前）。', en: 'The Yahoo! JAPAN ID (the part before the @).' },
    auth: 'password',
    authNote: {
      ja: 'Yahoo! JAPAN ID のパスワードを使います。ID にパスワードが設定されていない（パスワードなしログイン）とメールアプリからは使えません。アプリ用パスワードの有無は未確認です。',
      en: 'Uses the Yahoo! JAPAN ID password. An ID without a password (password-less login) cannot be used from mail apps. Whether app passwords exist is unconfirmed.',
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
    ],
    passwordHelp: {
      text: {
        ja: 'Yahoo! JAPAN ID のパスワードを確認・再設定します（ログインとセキュリティ）。',
        en: 'Check or reset the Yahoo! JAPAN ID password (login and security settings).',
      },
      url: 'https://security.yahoo.co.jp/guide/0012.html',
    },
    source: 'ISPDB yahoo.co.jp.xml (A, POP/SMTP); several public configs (B, IMAP); facts-corrections.md §5',
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
    ],
    passwordHelp: {
      text: {
        ja: 'My docomo ＞ メール設定 ＞「IMAP専用ID・パスワードの確認」。Wi-Fi をオフにして、ネットワーク暗証番号または spモードパスワードを入力します。',
        en: 'My docomo > メール設定 > 「IMAP専用ID・パスワードの確認」, with Wi-Fi turned off, entering the network PIN or sp-mode password.',
      },
      url: 'https://www.nttdocomo.co.jp/service/docomo_mail/security/index.html',
    },
    source: 'docomo official security page (A, excerpt); Qiita citing docomo IMAP interface spec v4.3 (B); facts.md §3.2',
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
    ],
    source: 'two independent working configurations (B, IMAP host and user form); one config (C, SMTP); facts-corrections.md §1. No KDDI manual found.',
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
    ],
    passwordHelp: {
      text: { ja: 'My SoftBank で Eメール(i) のパスワードを再設定し、端末に入れ直します。', en: 'Reset the Eメール(i) password in My SoftBank, then re-enter it on the device.' },
      url: 'https://www.softbank.jp/support/faq/view/10634',
    },
    source: 'ISPDB i.softbank.jp.xml (A); SoftBank FAQ 10634 (A, password); several public configs (B); facts-corrections.md §4',
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
    source: 'ISPDB mopera.net.xml (A); facts.md §3.2',
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
    restrictions: [
      {
        kind: 'other',
        text: {
          ja: 'SSL は「新OCNメール」のアカウント（2010年11月25日以降）で使えます。古い設定のままのメールソフトは推奨ポート・暗号化の変更後に動かなくなることがあります。',
          en: 'SSL works for "new OCN mail" accounts (from 25 Nov 2010); clients left on old settings can break after OCN changed recommended ports/encryption.',
        },
        grade: 'C',
      },
    ],
    source: 'ISPDB ocn.ne.jp.xml (A, POP/SMTP); several public tables (B, IMAP); OCN announcement 2010-11-25 (A); facts.md §3.3',
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
    ],
    source: 'BIGLOBE FAQ 12413 and 20845 (A); ISPDB biglobe.ne.jp.xml (A, SMTP); public tables (B, IMAP); facts.md §3.3',
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
    usernameNote: { ja: 'ユーザー名の形式は未確認です（メールアドレス全体と仮定）。', en: 'User-name form is unconfirmed (assumed to be the full address).' },
    auth: 'password',
    restrictions: [
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
    source: 'several public configs (B); NURO/So-net official page nuro.jp/hikari/option/mail/imap (B, excerpt); facts-corrections.md §3',
    lastChecked: CHECKED,
    grade: 'B',
  },
  {
    id: 'nifty',
    name: { ja: '@nifty', en: '@nifty' },
    domains: ['nifty.com'],
    servers: [
      { protocol: 'imap', host: 'imap.nifty.com', port: 993, security: 'tls', grade: 'B' },
      { protocol: 'pop3', host: 'pop.nifty.com', port: 995, security: 'tls', grade: 'B' },
      { protocol: 'smtp', host: 'smtp.nifty.com', port: 465, security: 'tls', grade: 'B' },
      { protocol: 'smtp', host: 'smtp.nifty.com', port: 587, security: 'starttls', grade: 'B' },
    ],
    username: 'email',
    auth: 'password',
    restrictions: [
      {
        kind: 'other',
        text: {
          ja: '古い ISPDB の設定（POP 110・SMTP 587 暗号化なし・ユーザー名は @ より前）は古いので使いません。',
          en: 'The old ISPDB entry (POP 110, SMTP 587 unencrypted, local-part user name) is outdated: do not use it.',
        },
        grade: 'B',
      },
    ],
    source: 'thunderbird/autoconfig issue #177 and PR #188 citing mail.nifty.com/info/manual (B); several public configs (B); facts-corrections.md §3',
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
      {
        kind: 'other',
        text: { ja: '旧 J:COM ドメイン（@*.jcom.home.ne.jp など）の設定は未確認です。', en: 'Settings for older J:COM domains (e.g. @*.jcom.home.ne.jp) are unconfirmed.' },
        grade: 'U',
      },
    ],
    source: 'J:COM support (A, excerpts): support.zaq.ne.jp ml_mailservice_summary, cs.zaq.ne.jp knowledge 000477643; facts.md §3.3',
    lastChecked: CHECKED,
    grade: 'A',
  },
  {
    id: 'plala',
    name: { ja: 'ぷらら', en: 'plala' },
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
    ],
    source: 'gadget-s.info/140 quoting plala (B); sp.joymate.co.jp, pc-impulse.co.jp (B/C, service end); facts-corrections.md §2',
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
    ],
    source: 'two independent public configs (C); facts-corrections.md §3',
    lastChecked: CHECKED,
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
