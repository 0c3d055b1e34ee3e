/**
 * How helpdesk staff and customers describe errors in their own words, beyond
 * the exact on-screen texts in error-references.ts. These are our own
 * inferences (grade C), so a match on one of them is never shown as a quote
 * from a client; `platform` says so.
 */
import type { LookupStage } from '../../models/lookup';
import type { ErrorKind } from './error-kinds';

export interface ErrorPhrase {
  lang: 'ja' | 'en';
  text: string;
  stage: LookupStage;
  kind: ErrorKind;
}

export const PHRASE_PLATFORM = 'Common wording (not an exact on-screen text)';

export const ERROR_PHRASES: readonly ErrorPhrase[] = [
  { lang: 'ja', text: 'パスワードが違う', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: 'パスワードが間違っている', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: 'パスワードを入れても通らない', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: 'パスワードを何度も聞かれる', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: 'ログインできない', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: '認証エラーになる', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: 'アプリパスワードが必要', stage: 'auth', kind: 'app-password' },
  { lang: 'ja', text: 'アプリ用パスワード', stage: 'auth', kind: 'app-password' },
  { lang: 'ja', text: 'IMAP専用パスワード', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: 'メールを取得できない', stage: 'unknown', kind: 'receive-generic' },
  { lang: 'ja', text: '送信サーバーに接続できない', stage: 'tcp', kind: 'smtp-connect-failed' },
  { lang: 'ja', text: 'メールが受信できない', stage: 'unknown', kind: 'receive-generic' },
  { lang: 'ja', text: 'メールが届かない', stage: 'unknown', kind: 'receive-generic' },
  { lang: 'ja', text: 'メールが送れない', stage: 'unknown', kind: 'send-generic' },
  { lang: 'ja', text: '送信できない', stage: 'unknown', kind: 'send-generic' },
  { lang: 'ja', text: '送信エラー', stage: 'unknown', kind: 'send-generic' },
  { lang: 'ja', text: 'サーバーにつながらない', stage: 'tcp', kind: 'connect-failed' },
  { lang: 'ja', text: 'サーバーに接続できない', stage: 'tcp', kind: 'connect-failed' },
  { lang: 'ja', text: '接続がタイムアウトしました', stage: 'tcp', kind: 'timeout' },
  { lang: 'ja', text: 'タイムアウト', stage: 'tcp', kind: 'timeout' },
  { lang: 'ja', text: '証明書が無効', stage: 'tls', kind: 'cert' },
  { lang: 'ja', text: '証明書の期限切れ', stage: 'tls', kind: 'cert' },
  { lang: 'ja', text: 'このサーバの証明書は無効です', stage: 'tls', kind: 'cert' },
  { lang: 'ja', text: 'SSLエラー', stage: 'tls', kind: 'tls-failed' },
  { lang: 'ja', text: 'ポート25がブロックされている', stage: 'tcp', kind: 'smtp-connect-failed' },
  { lang: 'ja', text: '容量がいっぱい', stage: 'smtp-policy', kind: 'over-quota' },
  { lang: 'ja', text: 'メールボックスがいっぱいです', stage: 'smtp-policy', kind: 'over-quota' },
  { lang: 'ja', text: '中継が拒否されました', stage: 'smtp-policy', kind: 'relay' },
  { lang: 'ja', text: '同時接続数が多すぎる', stage: 'server', kind: 'too-many-connections' },
  { lang: 'ja', text: 'オフラインと表示される', stage: 'tcp', kind: 'offline' },
  { lang: 'ja', text: 'パスワードが違います', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: 'サーバーが応答しません', stage: 'tcp', kind: 'timeout' },
  { lang: 'ja', text: '送信サーバーの認証に失敗しました', stage: 'auth', kind: 'smtp-auth-failed' },
  { lang: 'ja', text: '送信サーバー (SMTP) の認証に失敗', stage: 'auth', kind: 'smtp-auth-failed' },
  { lang: 'ja', text: '接続が拒否されました', stage: 'tcp', kind: 'conn-refused' },
  // What other tools (Node, OpenSSL, mail libraries) print for the same failures.
  { lang: 'en', text: 'connect ECONNREFUSED connection refused', stage: 'tcp', kind: 'conn-refused' },
  { lang: 'en', text: 'getaddrinfo ENOTFOUND', stage: 'dns', kind: 'dns' },
  { lang: 'en', text: 'ETIMEDOUT operation timed out', stage: 'tcp', kind: 'timeout' },
  { lang: 'en', text: 'ssl routines wrong version number', stage: 'tls', kind: 'tls-failed' },
  { lang: 'en', text: 'self signed certificate', stage: 'tls', kind: 'cert' },
  { lang: 'en', text: 'certificate has expired', stage: 'tls', kind: 'cert' },
  { lang: 'en', text: 'unable to verify the first certificate', stage: 'tls', kind: 'cert' },
  // Common server replies not in the reference list (Postfix/Dovecot wording).
  { lang: 'en', text: '550 5.1.1 <rcpt>: Recipient address rejected: User unknown', stage: 'smtp-policy', kind: 'recipient-unknown' },
  { lang: 'en', text: '530 5.7.0 Must issue a STARTTLS command first', stage: 'tls', kind: 'starttls-required' },
  { lang: 'en', text: '530 5.7.0 Authentication required', stage: 'smtp-policy', kind: 'smtp-auth-required' },
  { lang: 'en', text: '421 4.7.0 Too many connections, try again later', stage: 'server', kind: 'too-many-connections' },
  { lang: 'en', text: 'wrong password', stage: 'auth', kind: 'auth-failed' },
  { lang: 'en', text: 'password incorrect', stage: 'auth', kind: 'auth-failed' },
  { lang: 'en', text: 'keeps asking for password', stage: 'auth', kind: 'auth-failed' },
  { lang: 'en', text: 'login failed', stage: 'auth', kind: 'auth-failed' },
  { lang: 'en', text: 'invalid credentials', stage: 'auth', kind: 'auth-failed' },
  { lang: 'en', text: 'app password required', stage: 'auth', kind: 'app-password' },
  { lang: 'en', text: 'can not receive email', stage: 'unknown', kind: 'receive-generic' },
  { lang: 'en', text: 'can not send email', stage: 'unknown', kind: 'send-generic' },
  { lang: 'en', text: 'can not connect to server', stage: 'tcp', kind: 'connect-failed' },
  { lang: 'en', text: 'connection timed out', stage: 'tcp', kind: 'timeout' },
  { lang: 'en', text: 'certificate is not valid', stage: 'tls', kind: 'cert' },
  { lang: 'en', text: 'certificate expired', stage: 'tls', kind: 'cert' },
  { lang: 'en', text: 'ssl error', stage: 'tls', kind: 'tls-failed' },
  { lang: 'en', text: 'port 25 blocked', stage: 'tcp', kind: 'smtp-connect-failed' },
  { lang: 'en', text: 'mailbox full', stage: 'smtp-policy', kind: 'over-quota' },
  { lang: 'en', text: 'relay denied', stage: 'smtp-policy', kind: 'relay' },
  // iPhone's Japanese relay rejection, read out in parts.
  { lang: 'ja', text: 'サーバがリレーを許可していません', stage: 'smtp-policy', kind: 'relay' },
  { lang: 'ja', text: '受信者はサーバによって拒否されました', stage: 'smtp-policy', kind: 'relay' },
  { lang: 'ja', text: '中継は許可されていません', stage: 'smtp-policy', kind: 'relay' },
  { lang: 'ja', text: 'リレーが拒否されました', stage: 'smtp-policy', kind: 'relay' },
  // Spoken forms of the iPhone's certificate alert and of an expired certificate.
  { lang: 'ja', text: 'サーバの識別情報が検証できない', stage: 'tls', kind: 'cert' },
  { lang: 'ja', text: '証明書の有効期限が切れています', stage: 'tls', kind: 'cert' },
  { lang: 'ja', text: '証明書の期限が切れている', stage: 'tls', kind: 'cert' },
  // "It stopped after the password was changed": the stored password is the old one.
  { lang: 'ja', text: 'パスワードを変えてからメールが見られなくなった', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: 'パスワードを変更したらメールが見られない', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: 'ログインできません', stage: 'auth', kind: 'auth-failed' },
  // Mac Mail's own sentences (Japanese and English), as read out.
  { lang: 'ja', text: 'サーバにポートで接続できません', stage: 'tcp', kind: 'connect-failed' },
  { lang: 'ja', text: 'サーバを使用してメッセージを送信できません', stage: 'unknown', kind: 'send-generic' },
  { lang: 'ja', text: 'アカウントはオフラインのようです', stage: 'tcp', kind: 'offline' },
  { lang: 'ja', text: 'サーバがユーザのパスワードを拒否しました', stage: 'auth', kind: 'auth-failed' },
  { lang: 'en', text: 'the server cannot be contacted on port', stage: 'tcp', kind: 'connect-failed' },
  { lang: 'en', text: 'cannot send message using the server', stage: 'unknown', kind: 'send-generic' },
  { lang: 'en', text: 'the server rejected the password for user', stage: 'auth', kind: 'auth-failed' },
  // Thunderbird's connection failures.
  { lang: 'en', text: 'could not connect to server the connection was refused', stage: 'tcp', kind: 'conn-refused' },
  { lang: 'en', text: 'the connection was refused when attempting to contact', stage: 'tcp', kind: 'conn-refused' },
  { lang: 'en', text: 'the operation timed out when attempting to contact', stage: 'tcp', kind: 'timeout' },
  // Outlook's logon failures are about the password, not the connection.
  { lang: 'ja', text: 'メール サーバーがログインを拒否しました', stage: 'auth', kind: 'auth-failed' },
  { lang: 'ja', text: 'ログオンできません。適切なサーバー名とメールボックス名を使用していることを確認してください', stage: 'auth', kind: 'auth-failed' },
  { lang: 'en', text: 'your e-mail server rejected your login', stage: 'auth', kind: 'auth-failed' },
  { lang: 'en', text: 'cannot log on. verify you are using the proper server and mailbox name', stage: 'auth', kind: 'auth-failed' },
  // Outgoing server silent or blocked, and other spoken forms.
  { lang: 'ja', text: '送信サーバーが応答しません', stage: 'tcp', kind: 'smtp-connect-failed' },
  { lang: 'ja', text: '送信サーバーがタイムアウトしました', stage: 'tcp', kind: 'smtp-connect-failed' },
  { lang: 'ja', text: '25番ポートが使えない', stage: 'tcp', kind: 'smtp-connect-failed' },
  { lang: 'en', text: 'outgoing mail server not responding', stage: 'tcp', kind: 'smtp-connect-failed' },
  { lang: 'en', text: 'mail server not responding', stage: 'tcp', kind: 'timeout' },
  { lang: 'ja', text: 'サーバ名が見つかりません', stage: 'dns', kind: 'dns' },
  { lang: 'ja', text: 'サーバーが見つかりません', stage: 'dns', kind: 'dns' },
  { lang: 'ja', text: '同時接続数の上限を超えました', stage: 'server', kind: 'too-many-connections' },
  { lang: 'en', text: 'too many connections', stage: 'server', kind: 'too-many-connections' },
  { lang: 'ja', text: 'ポートで接続できません', stage: 'tcp', kind: 'connect-failed' },
];
