/**
 * What each family of error messages means: the finding codes it
 * points at (most likely first), a one-line meaning and what to check first,
 * in Japanese and English. error-references.ts assigns every reference
 * message to one kind; the `satisfies Record<ErrorKind, …>` below makes a new
 * kind without text a compile error.
 *
 * Codes are candidates for the probes to confirm, not verdicts: the same
 * "cannot connect" alert has many causes. An empty list means no finding code
 * fits (e.g. a recipient typo or greylisting is not a connection problem).
 */
import type { FindingCode } from '../../findings/codes';
import type { Localized } from '../../models/device';

export const ERROR_KINDS = [
  'receive-generic',
  'send-generic',
  'connect-failed',
  'conn-refused',
  'pop-connect-failed',
  'smtp-connect-failed',
  'offline',
  'dns',
  'dropped',
  'timeout',
  'too-many-connections',
  'rate-limit',
  'server-unavailable',
  'cert',
  'tls-failed',
  'starttls-missing',
  'starttls-required',
  'outlook-account-auth',
  'auth-failed',
  'auth-or-settings',
  'username-wrong',
  'pop-err',
  'password-expired',
  'app-password',
  'web-login-required',
  'ms-auth-failed',
  'basic-disabled',
  'smtp-auth-disabled',
  'security-defaults',
  'smtp-auth-failed',
  'smtp-auth-required',
  'spa',
  'auth-mech',
  'settings-check-failed',
  'wrong-server',
  'relay',
  'sender-rejected',
  'smtp-error-generic',
  'recipient-unknown',
  'over-quota',
  'greylisting',
  'unknown-code',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ErrorKindInfo {
  codes: FindingCode[];
  meaning: Localized;
  checks: Localized[];
}

// Checks reused by several kinds.
const C = {
  network: { ja: 'インターネットにつながっているか（ブラウザでページが開くか、機内モードがオフか）', en: 'Is the device online (does a web page open, is airplane mode off)?' },
  wifiVsMobile: { ja: 'Wi-Fi とモバイルデータを切り替えて試す（公衆 Wi-Fi はメールのポートを塞ぐことがあります）', en: 'Switch between Wi-Fi and mobile data (public Wi-Fi may block mail ports).' },
  vpn: { ja: 'VPN・セキュリティソフトのメール保護を一時的にオフにして試す', en: 'Turn off VPN and antivirus mail shields for a moment and retry.' },
  serverName: { ja: 'サーバー名（ホスト名）に打ち間違いがないか', en: 'Is the server (host) name spelled correctly?' },
  portSsl: {
    ja: 'ポート番号と SSL の組み合わせ（993/995/465 は SSL/TLS、143/110/587 は STARTTLS。iPhone・Mac は「SSLを使用」をオンのまま、ポート番号を直す）',
    en: 'Port and SSL must match (993/995/465 = SSL/TLS; 143/110/587 = STARTTLS; on iPhone and Mac leave "Use SSL" on and fix the port).',
  },
  password: { ja: 'パスワードを入れ直す（大文字小文字・全角半角に注意。最近変更していないか）', en: 'Re-enter the password (case, full-width characters; was it changed recently?).' },
  username: { ja: 'ユーザー名の形式（メールアドレス全体か、@ より前だけか、プロバイダーの ID か）', en: 'User-name form (full address, the part before @, or a provider ID).' },
  // Yahoo! JAPAN has no app passwords: its mail apps use the normal ID password once IMAP/POP/SMTP access
  // is switched on (Yahoo! JAPAN help "IMAP/POP/SMTPアクセス"); only Yahoo Mail (global) uses app passwords.
  appPassword: {
    ja: 'Gmail は「アプリ パスワード」、iCloud は「App 用パスワード」、ドコモは「IMAP専用パスワード」、ソフトバンクは「Eメール(i) のパスワード」を入れる（Yahoo!メールはいつものパスワードのまま、「IMAP/POP/SMTPアクセス」を有効にする）',
    en: 'Gmail needs an app password, iCloud an app-specific password, docomo its IMAP-only password, SoftBank the Eメール(i) password (Yahoo! JAPAN mail keeps the normal password, with IMAP/POP/SMTP access switched on).',
  },
  serverStatus: { ja: 'プロバイダーの障害・メンテナンス情報を確認する', en: 'Check the provider\'s outage / maintenance page.' },
  otherDevices: { ja: '他の端末やメールソフトを閉じて、数分待ってから試す', en: 'Close mail on other devices/apps, wait a few minutes and retry.' },
  clock: { ja: '端末の日付と時刻が正しいか（自動設定）', en: 'Is the device date and time correct (set automatically)?' },
  smtpAuth: { ja: '送信サーバーの「認証」がオンで、ユーザー名とパスワードが入っているか', en: 'Is outgoing-server authentication on, with user name and password filled in?' },
  port587: { ja: '送信ポートを 587（STARTTLS）または 465（SSL）にする（25 は遮断されがち: OP25B）', en: 'Use outgoing port 587 (STARTTLS) or 465 (SSL); port 25 is often blocked (OP25B).' },
  reAddOAuth: { ja: 'アカウントを削除し、「Microsoft でサインイン」/「Google でサインイン」で追加し直す', en: 'Remove the account and add it again with "Sign in with Microsoft/Google".' },
  runDiagnosis: { ja: 'メールドクターで診断を実行して、どの段階で失敗するか確かめる', en: 'Run a Mail Doctor diagnosis to see which step fails.' },
} satisfies Record<string, Localized>;

export const ERROR_KIND_INFO = {
  'receive-generic': {
    codes: ['AUTH_FAILED', 'TCP_TIMEOUT', 'TCP_REFUSED', 'DNS_NOT_FOUND', 'TLS_HANDSHAKE_FAILED', 'AUTH_BASIC_DISABLED'],
    meaning: { ja: '受信に失敗したという見出しだけで、原因は続く文や設定によります（ネットワーク・設定・パスワードのどれか）。', en: 'A generic "receiving failed" title: the cause is in the message below it or the settings (network, settings or password).' },
    checks: [C.network, C.password, C.serverName, C.runDiagnosis],
  },
  'send-generic': {
    codes: ['PORT25_BLOCKED', 'SMTP_AUTH_REQUIRED', 'AUTH_FAILED', 'TCP_TIMEOUT', 'TLS_ON_PLAIN_PORT'],
    meaning: { ja: '送信に失敗したという見出しです。送信サーバーの設定（ポート・認証）やネットワークが原因のことが多いです。', en: 'A generic "sending failed" title; usually the outgoing server settings (port, authentication) or the network.' },
    checks: [C.port587, C.smtpAuth, C.wifiVsMobile],
  },
  'connect-failed': {
    codes: ['TCP_TIMEOUT', 'TCP_REFUSED', 'DNS_NOT_FOUND', 'TLS_ON_PLAIN_PORT', 'PLAIN_ON_TLS_PORT', 'AUTH_BASIC_DISABLED'],
    meaning: { ja: 'サーバーにつながりません。ネットワーク、サーバー名・ポート・SSL の設定、サーバー障害が主な原因です（Outlook.com では再サインインが必要な場合も）。', en: 'The server cannot be reached: network, wrong host/port/SSL, or an outage (for Outlook.com, the sign-in may have expired).' },
    checks: [C.network, C.serverName, C.portSsl, C.vpn],
  },
  'conn-refused': {
    codes: ['TCP_REFUSED', 'SERVER_NOT_MAIL', 'PORT25_BLOCKED'],
    meaning: { ja: 'サーバーが接続を拒否しました。ポート番号の誤りか、そのポートでメールサービスが動いていません。', en: 'The server refused the connection: wrong port, or no mail service on that port.' },
    checks: [C.portSsl, C.serverName, C.serverStatus],
  },
  'pop-connect-failed': {
    codes: ['TCP_TIMEOUT', 'TCP_REFUSED', 'DNS_NOT_FOUND', 'PLAIN_ON_TLS_PORT'],
    meaning: { ja: '受信（POP）サーバーにつながりません（送信側の失敗として出るという報告もあります）。', en: 'The incoming (POP) server cannot be reached (one source reports it for sending failures too).' },
    checks: [C.serverName, C.portSsl, C.vpn, C.network],
  },
  'smtp-connect-failed': {
    codes: ['PORT25_BLOCKED', 'TCP_TIMEOUT', 'TCP_REFUSED', 'TLS_ON_PLAIN_PORT', 'PLAIN_ON_TLS_PORT', 'DNS_NOT_FOUND'],
    meaning: { ja: '送信（SMTP）サーバーにつながりません。ポート25の遮断（OP25B）、ポートと SSL の不一致、サーバー名の誤りが多い原因です。', en: 'The outgoing (SMTP) server cannot be reached: port 25 blocking (OP25B), port/SSL mismatch or a wrong host are common.' },
    checks: [C.port587, C.portSsl, C.serverName, C.wifiVsMobile],
  },
  offline: {
    codes: ['TCP_UNREACHABLE', 'DNS_FAILURE', 'TCP_TIMEOUT'],
    meaning: { ja: '端末がネットワークにつながっていないか、アカウントがオフライン扱いです（設定が古い場合も）。', en: 'The device is offline or the account is treated as offline (possibly outdated settings).' },
    checks: [C.network, C.wifiVsMobile, C.vpn],
  },
  dns: {
    codes: ['DNS_NOT_FOUND', 'DNS_FAILURE'],
    meaning: { ja: 'サーバー名が見つかりません。サーバー名の打ち間違いか、DNS・ネットワークの問題です。', en: 'The server name cannot be found: a typo in the host name, or a DNS/network problem.' },
    checks: [C.serverName, C.network, C.vpn],
  },
  dropped: {
    codes: ['TCP_RESET', 'SERVER_UNAVAILABLE', 'TLS_ON_PLAIN_PORT', 'SERVER_TOO_MANY_CONNECTIONS'],
    meaning: { ja: 'サーバーとの接続が途中で切れました。SSL 設定の不一致、セキュリティソフト、サーバー側の制限や障害が考えられます。', en: 'The connection was cut: SSL mismatch, antivirus interference, server limits or an outage.' },
    checks: [C.portSsl, C.vpn, C.serverStatus, C.otherDevices],
  },
  timeout: {
    codes: ['TCP_TIMEOUT', 'GREETING_TIMEOUT', 'PORT25_BLOCKED'],
    meaning: { ja: 'サーバーの応答がなく時間切れになりました。ポートの遮断、回線の不調、セキュリティソフトのメール検査が多い原因です。', en: 'The server did not answer in time: a blocked port, a poor network or antivirus mail scanning are common.' },
    checks: [C.wifiVsMobile, C.port587, C.vpn, C.serverStatus],
  },
  'too-many-connections': {
    codes: ['SERVER_TOO_MANY_CONNECTIONS'],
    meaning: { ja: '同じアカウントの同時接続数の上限を超えています（複数の端末・アプリで同時に開いている）。', en: 'Too many simultaneous connections for this account (mail open on several devices/apps).' },
    checks: [C.otherDevices, { ja: 'メールソフトの「最大接続数」を減らす', en: 'Lower the mail app\'s maximum number of connections.' }],
  },
  'rate-limit': {
    codes: ['SERVER_TOO_MANY_CONNECTIONS', 'AUTH_FAILED'],
    meaning: { ja: 'ログインの試行回数が多すぎて一時的に拒否されています。', en: 'Too many login attempts: temporarily refused.' },
    checks: [{ ja: '15分〜1時間ほど待ってから試す', en: 'Wait 15–60 minutes, then retry.' }, C.otherDevices, C.password],
  },
  'server-unavailable': {
    codes: ['SERVER_UNAVAILABLE', 'SERVER_TOO_MANY_CONNECTIONS'],
    meaning: { ja: 'サーバー側が一時的に利用できないか、接続を拒否しています（混雑・制限・障害）。', en: 'The server is temporarily unavailable or refusing the session (load, limits or an outage).' },
    checks: [C.serverStatus, C.otherDevices, { ja: '時間をおいて再度試す', en: 'Try again later.' }],
  },
  cert: {
    codes: ['TLS_CERT_HOSTNAME_MISMATCH', 'TLS_CERT_EXPIRED', 'TLS_CERT_UNTRUSTED', 'TLS_CERT_SELF_SIGNED', 'TLS_CERT_NOT_YET_VALID'],
    meaning: { ja: 'サーバー証明書を確認できません。サーバー名が証明書と違う（独自ドメインをサーバー名にした等）、証明書の期限切れ、端末の時刻ずれが多い原因です。', en: 'The server certificate cannot be verified: the host name does not match it (e.g. a custom domain used as server name), it expired, or the device clock is wrong.' },
    checks: [C.serverName, C.clock, { ja: '公衆 Wi-Fi をやめてモバイルデータで試す（通信の割り込み対策）', en: 'Try mobile data instead of public Wi-Fi (interception).' }],
  },
  'tls-failed': {
    codes: ['TLS_ON_PLAIN_PORT', 'PLAIN_ON_TLS_PORT', 'TLS_PROTOCOL_TOO_OLD', 'TLS_HANDSHAKE_FAILED'],
    meaning: { ja: '暗号化（SSL/TLS）で接続できません。ポートと SSL 設定の不一致、古い TLS しか使えない端末、セキュリティソフトの割り込みが考えられます。', en: 'The encrypted (SSL/TLS) connection fails: port/SSL mismatch, an old device limited to old TLS, or antivirus interception.' },
    checks: [C.portSsl, { ja: 'OS・メールアプリを最新にする（TLS 1.2 以上が必要なプロバイダーがあります）', en: 'Update the OS/mail app (some providers require TLS 1.2+).' }, C.vpn],
  },
  'starttls-missing': {
    codes: ['STARTTLS_NOT_OFFERED', 'TLS_ON_PLAIN_PORT', 'PLAIN_ON_TLS_PORT'],
    meaning: { ja: '暗号化を要求しましたが、このポートのサーバーは STARTTLS に対応していません。ポートか暗号化の種類が違う可能性があります。', en: 'Encryption was requested but the server on this port does not offer STARTTLS: the port or encryption type is probably wrong.' },
    checks: [C.portSsl, C.serverName],
  },
  'starttls-required': {
    codes: ['AUTH_PLAINTEXT_DISABLED', 'INSECURE_CONNECTION'],
    meaning: { ja: 'サーバーは暗号化（STARTTLS/SSL）を必須にしていますが、暗号化なしで接続しています。', en: 'The server requires encryption (STARTTLS/SSL) but the client connected without it.' },
    checks: [{ ja: '暗号化の種類を STARTTLS または SSL/TLS にする', en: 'Set encryption to STARTTLS or SSL/TLS.' }, C.portSsl],
  },
  'outlook-account-auth': {
    codes: ['AUTH_BASIC_DISABLED', 'AUTH_FAILED'],
    meaning: { ja: '保存された認証が受け付けられなくなりました。Outlook.com/Hotmail ではパスワード方式が終了しているため、サインインし直しが必要です。', en: 'The stored sign-in is no longer accepted; for Outlook.com/Hotmail password sign-in has ended, so sign in again.' },
    checks: [C.reAddOAuth, C.password],
  },
  'auth-failed': {
    codes: ['AUTH_FAILED', 'AUTH_APP_PASSWORD_REQUIRED'],
    meaning: { ja: 'ユーザー名かパスワードが受け付けられませんでした。パスワードの変更・入力ミス、アプリ用パスワードが必要なケースが多いです。', en: 'The user name or password was rejected: a changed or mistyped password, or an app password is required.' },
    checks: [C.password, C.appPassword, C.username],
  },
  'auth-or-settings': {
    codes: ['AUTH_FAILED', 'DNS_NOT_FOUND', 'TLS_ON_PLAIN_PORT', 'AUTH_APP_PASSWORD_REQUIRED'],
    meaning: { ja: 'ログインできません。パスワードのほか、サーバー名やポートの設定も疑ってください。', en: 'Login failed: suspect the password, but also the server name and port settings.' },
    checks: [C.password, C.username, C.serverName, C.portSsl],
  },
  'username-wrong': {
    codes: ['AUTH_FAILED'],
    meaning: { ja: 'ユーザー名（アカウント名）が認識されません。アドレス全体と @ より前の取り違えが多いです。', en: 'The user (account) name is not recognised; full address vs local part is the usual mix-up.' },
    checks: [C.username, C.password],
  },
  'pop-err': {
    codes: ['AUTH_FAILED', 'SERVER_UNAVAILABLE', 'SERVER_TOO_MANY_CONNECTIONS'],
    meaning: { ja: 'POP サーバーがエラーを返しました。多くはパスワードの誤りですが、別の端末が受信中でメールボックスがロックされている場合もあります。', en: 'The POP server answered -ERR: usually a wrong password, sometimes a mailbox locked by another client.' },
    checks: [C.password, C.otherDevices],
  },
  'password-expired': {
    codes: ['AUTH_FAILED'],
    meaning: { ja: 'パスワードの有効期限が切れています。', en: 'The password has expired.' },
    checks: [{ ja: 'プロバイダーのサイトでパスワードを変更し、端末に入れ直す', en: 'Change the password on the provider\'s site, then re-enter it on the device.' }],
  },
  'app-password': {
    codes: ['AUTH_APP_PASSWORD_REQUIRED'],
    meaning: { ja: '2段階認証が有効なため、通常のパスワードではなくアプリ パスワードが必要です。', en: '2-step verification is on: an app password is required instead of the normal password.' },
    checks: [{ ja: 'Google アカウントでアプリ パスワードを作成し、パスワード欄に入れる', en: 'Create an app password in the Google Account and put it in the password field.' }, C.reAddOAuth],
  },
  'web-login-required': {
    codes: ['AUTH_FAILED'],
    meaning: { ja: '不審なログインとしてブロックされました。一度ブラウザでサインインして確認が必要です。', en: 'The sign-in was blocked as suspicious: sign in once in a web browser to confirm.' },
    checks: [{ ja: 'ブラウザでアカウントにサインインし、セキュリティ通知を確認する', en: 'Sign in in a browser and review the security alert.' }, C.appPassword],
  },
  'ms-auth-failed': {
    codes: ['AUTH_FAILED', 'AUTH_BASIC_DISABLED'],
    meaning: { ja: 'Microsoft のサーバーがログインを拒否しました。パスワードの誤りか、パスワード方式（基本認証）が無効になっています。', en: 'Microsoft\'s server refused the login: a wrong password, or password (Basic) sign-in is disabled.' },
    checks: [C.password, C.reAddOAuth],
  },
  'basic-disabled': {
    codes: ['AUTH_BASIC_DISABLED'],
    meaning: { ja: 'パスワードでのログイン（基本認証）は無効です。Microsoft のサインイン（OAuth）に対応したアプリで追加し直します。', en: 'Password (Basic) sign-in is disabled: re-add the account in an app that supports Microsoft sign-in (OAuth).' },
    checks: [C.reAddOAuth],
  },
  'smtp-auth-disabled': {
    codes: ['AUTH_BASIC_DISABLED', 'SMTP_AUTH_REQUIRED'],
    meaning: { ja: 'Microsoft 365 で SMTP AUTH（認証済み SMTP）が組織またはメールボックスで無効です。管理者が有効にする必要があります。', en: 'SMTP AUTH (Authenticated SMTP) is disabled for the Microsoft 365 tenant or mailbox; an admin must enable it.' },
    checks: [{ ja: '管理者に「認証済み SMTP」を有効にしてもらう（Microsoft 365 管理センター ＞ ユーザー ＞ メール ＞ メール アプリの管理）', en: 'Ask the admin to enable "Authenticated SMTP" (Microsoft 365 admin center > Users > Mail > Manage email apps).' }],
  },
  'security-defaults': {
    codes: ['AUTH_BASIC_DISABLED'],
    meaning: { ja: '組織のセキュリティの既定値によりパスワード方式のログインがブロックされています。', en: 'The organisation\'s security defaults block password (legacy) sign-in.' },
    checks: [{ ja: '管理者に相談し、OAuth 対応アプリを使う', en: 'Talk to the admin; use an OAuth-capable app.' }, C.reAddOAuth],
  },
  'smtp-auth-failed': {
    codes: ['AUTH_FAILED', 'AUTH_MECHANISM_UNSUPPORTED', 'AUTH_APP_PASSWORD_REQUIRED'],
    meaning: { ja: '送信サーバーでの認証に失敗しました。パスワードか認証方式の設定を確認します。', en: 'Authentication at the outgoing server failed: check the password and the authentication method.' },
    checks: [C.password, C.smtpAuth, { ja: '認証方式を「通常のパスワード」にする', en: 'Set the authentication method to "Normal password".' }],
  },
  'smtp-auth-required': {
    codes: ['SMTP_AUTH_REQUIRED', 'AUTH_BASIC_DISABLED'],
    meaning: { ja: '送信サーバーが認証されていない送信を拒否しました。', en: 'The outgoing server refused to send for an unauthenticated client.' },
    checks: [C.smtpAuth, C.password],
  },
  spa: {
    codes: ['AUTH_MECHANISM_UNSUPPORTED'],
    meaning: { ja: '「セキュリティで保護されたパスワード認証（SPA）」がオンですが、サーバーが対応していません。', en: '"Secure Password Authentication (SPA)" is ticked but the server does not support it.' },
    checks: [{ ja: 'アカウント設定で SPA のチェックを外す', en: 'Untick SPA in the account settings.' }],
  },
  'auth-mech': {
    codes: ['AUTH_MECHANISM_UNSUPPORTED', 'AUTH_PLAINTEXT_DISABLED', 'AUTH_BASIC_DISABLED'],
    meaning: { ja: 'アプリとサーバーで共通の認証方式がありません（サーバーが OAuth のみ、または暗号化なしのログインを拒否）。', en: 'No authentication method in common (the server allows only OAuth, or refuses login without encryption).' },
    checks: [{ ja: '暗号化（SSL/TLS）をオンにしてから再試行', en: 'Turn on encryption (SSL/TLS) and retry.' }, C.reAddOAuth],
  },
  'settings-check-failed': {
    codes: ['DNS_NOT_FOUND', 'TCP_REFUSED', 'AUTH_FAILED', 'TLS_HANDSHAKE_FAILED'],
    meaning: { ja: 'サーバー設定の確認に失敗しました。サーバー名・ポート・暗号化・パスワードのどれかが合っていません。', en: 'Checking the server settings failed: host, port, encryption or password is off.' },
    checks: [C.serverName, C.portSsl, C.password, C.runDiagnosis],
  },
  'wrong-server': {
    codes: ['DNS_NOT_FOUND', 'SERVER_NOT_MAIL', 'TLS_PROTOCOL_TOO_OLD'],
    meaning: { ja: 'サーバー名が間違っているか、サーバーが求める方式（TLS など）にアプリが対応していません。', en: 'The server address is wrong, or the server requires a protocol version the app does not support.' },
    checks: [C.serverName, C.portSsl],
  },
  relay: {
    codes: ['SMTP_RELAY_DENIED', 'SMTP_AUTH_REQUIRED'],
    meaning: { ja: '送信サーバーが中継を拒否しました。多くは送信サーバーの認証（SMTP認証）がオフか、別のサーバーを使っています。', en: 'The outgoing server refused to relay: usually SMTP authentication is off, or the wrong outgoing server is used.' },
    checks: [C.smtpAuth, { ja: '送信サーバーがこのアドレスのプロバイダーのものか', en: 'Is the outgoing server the one of this address\'s provider?' }],
  },
  'sender-rejected': {
    codes: ['SMTP_SENDER_REJECTED', 'SMTP_AUTH_REQUIRED'],
    meaning: { ja: '差出人アドレスがこのログインでは使えません（アドレスの入力ミス、別アカウントの送信サーバー）。', en: 'The From address is not allowed for this login (typo in the address, or another account\'s outgoing server).' },
    checks: [{ ja: 'アカウントのメールアドレス欄が正しいか', en: 'Is the account\'s e-mail address field correct?' }, C.smtpAuth],
  },
  'smtp-error-generic': {
    codes: ['SMTP_SENDER_REJECTED', 'SMTP_RELAY_DENIED', 'SMTP_AUTH_REQUIRED'],
    meaning: { ja: '送信サーバーがエラーを返しました。続くサーバーの応答（数字のコード）が原因を示します。', en: 'The outgoing server returned an error; the server reply that follows (numeric code) names the cause.' },
    checks: [{ ja: 'エラー内のサーバー応答（例: 535 5.7.8）をここに貼り付けて調べる', en: 'Paste the server reply from the error (e.g. 535 5.7.8) here to look it up.' }, C.smtpAuth],
  },
  'recipient-unknown': {
    codes: [],
    meaning: { ja: '宛先のメールボックスが見つかりません。宛先アドレスの誤りで、接続の問題ではありません。', en: 'The recipient mailbox does not exist: a recipient address typo, not a connection problem.' },
    checks: [{ ja: '宛先アドレスのつづりを確認する', en: 'Check the recipient address spelling.' }],
  },
  'over-quota': {
    codes: ['MAILBOX_OVER_QUOTA'],
    meaning: { ja: 'メールボックスの容量がいっぱいです（自分または相手）。', en: 'A mailbox is full (yours or the recipient\'s).' },
    checks: [{ ja: '不要なメール・ごみ箱を削除する（Webメールで）', en: 'Delete unneeded mail and empty the trash (in webmail).' }],
  },
  greylisting: {
    codes: [],
    meaning: { ja: '受信側の一時的な保留（グレイリスト）です。数分後に自動で再送されるので、端末の問題ではありません。', en: 'Greylisting: a temporary deferral; the sending server retries after a few minutes. Not a device problem.' },
    checks: [{ ja: '数分〜数十分待つ', en: 'Wait a few minutes.' }],
  },
  'unknown-code': {
    codes: [],
    meaning: { ja: 'このコードの意味は確認されていません。', en: 'The meaning of this code has not been established.' },
    checks: [C.runDiagnosis, C.network, C.password],
  },
} satisfies Record<ErrorKind, ErrorKindInfo>;

/** Checks several kinds share (the lookup swaps the generic password hint for a known provider's own rules). */
export const SHARED_CHECKS = C;

/** The kind whose meaning and checks fit a finding the classifier named. */
const FINDING_KIND: Partial<Record<FindingCode, ErrorKind>> = {
  AUTH_FAILED: 'auth-failed',
  AUTH_APP_PASSWORD_REQUIRED: 'app-password',
  AUTH_BASIC_DISABLED: 'basic-disabled',
  AUTH_PLAINTEXT_DISABLED: 'starttls-required',
  AUTH_MECHANISM_UNSUPPORTED: 'auth-mech',
  SERVER_TOO_MANY_CONNECTIONS: 'too-many-connections',
  SERVER_UNAVAILABLE: 'server-unavailable',
  SMTP_AUTH_REQUIRED: 'smtp-auth-required',
  SMTP_RELAY_DENIED: 'relay',
  SMTP_SENDER_REJECTED: 'sender-rejected',
  TLS_CERT_HOSTNAME_MISMATCH: 'cert',
  TLS_CERT_EXPIRED: 'cert',
  TLS_CERT_NOT_YET_VALID: 'cert',
  TLS_CERT_SELF_SIGNED: 'cert',
  TLS_CERT_UNTRUSTED: 'cert',
  TLS_ON_PLAIN_PORT: 'tls-failed',
  TLS_HANDSHAKE_FAILED: 'tls-failed',
  TLS_PROTOCOL_TOO_OLD: 'tls-failed',
  TCP_REFUSED: 'conn-refused',
  TCP_TIMEOUT: 'timeout',
  TCP_UNREACHABLE: 'offline',
  TCP_RESET: 'dropped',
  DNS_NOT_FOUND: 'dns',
  DNS_FAILURE: 'dns',
  MAILBOX_OVER_QUOTA: 'over-quota',
};

export function findingKind(code: FindingCode): ErrorKind {
  return FINDING_KIND[code] ?? 'unknown-code';
}

/** Shown when nothing matches (and as a fallback). */
export const GENERIC_CHECKS: Localized[] = [
  C.network,
  { ja: '機内モードがオフか', en: 'Is airplane mode off?' },
  C.wifiVsMobile,
  C.vpn,
  C.password,
  C.serverStatus,
];
