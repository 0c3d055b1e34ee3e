import type { FindingCode } from '../../findings/codes';
import type { Lang } from '../../models/device';
import { assertNever } from '../../result';

/**
 * One-line title for each finding code (CLI table, probe matrix, report).
 * Longer explanations and per-device fix steps live in finding-text.ts.
 */
export function findingTitle(code: FindingCode, lang: Lang): string {
  const [ja, en] = titles(code);
  return lang === 'ja' ? ja : en;
}

function titles(code: FindingCode): [string, string] {
  switch (code) {
    case 'DNS_NOT_FOUND': return ['サーバー名が見つかりません', 'Server name not found'];
    case 'DNS_FAILURE': return ['DNS（名前解決）が応答しません', 'DNS lookup failed'];
    case 'IPV6_UNREACHABLE': return ['IPv6 では接続できません（IPv4 は可）', 'IPv6 does not connect (IPv4 does)'];
    case 'TCP_REFUSED': return ['接続が拒否されました（ポートが閉じています）', 'Connection refused (port closed)'];
    case 'TCP_TIMEOUT': return ['接続がタイムアウトしました（遮断の可能性）', 'Connection timed out (possibly blocked)'];
    case 'TCP_UNREACHABLE': return ['サーバーに到達できません', 'Server unreachable'];
    case 'TCP_RESET': return ['接続が切断されました（リセット）', 'Connection reset'];
    case 'PORT25_BLOCKED': return ['ポート25が遮断されています（OP25B）', 'Port 25 is blocked (OP25B)'];
    case 'GREETING_TIMEOUT': return ['サーバーから最初の応答がありません', 'Server sent no greeting'];
    case 'TLS_ON_PLAIN_PORT': return ['ポート番号と暗号化（SSL）の設定が合っていません', 'The port number and the encryption (SSL) setting do not match'];
    case 'PLAIN_ON_TLS_PORT': return ['このポートは SSL/TLS が必要です', 'This port expects SSL/TLS from the start'];
    case 'STARTTLS_NOT_OFFERED': return ['サーバーが STARTTLS に対応していません', 'Server does not offer STARTTLS'];
    case 'TLS_CERT_HOSTNAME_MISMATCH': return ['証明書のサーバー名が一致しません', 'Certificate name does not match the server'];
    case 'TLS_CERT_EXPIRED': return ['サーバー証明書の有効期限が切れています', 'Server certificate has expired'];
    case 'TLS_CERT_NOT_YET_VALID': return ['サーバー証明書がまだ有効になっていません', 'Server certificate is not yet valid'];
    case 'TLS_CERT_SELF_SIGNED': return ['自己署名の証明書です', 'Self-signed certificate'];
    case 'TLS_CERT_UNTRUSTED': return ['証明書を信頼できません（発行元不明・中間証明書なし）', 'Certificate not trusted (unknown issuer or missing intermediate)'];
    case 'TLS_PROTOCOL_TOO_OLD': return ['サーバーが古い TLS（1.0/1.1）しか使えません', 'Server supports only old TLS (1.0/1.1)'];
    case 'TLS_HANDSHAKE_FAILED': return ['暗号化（TLS）の接続に失敗しました', 'TLS handshake failed'];
    case 'LOGIN_UNANSWERED': return ['ログインの返事がありません（サーバーが応答を遅らせています）', 'Login not answered (the server is delaying its reply)'];
    case 'SERVER_UNAVAILABLE': return ['サーバーが一時的に利用できません', 'Server temporarily unavailable'];
    case 'SERVER_NOT_MAIL': return ['このポートはメールサーバーではありません', 'This port is not a mail server'];
    case 'SERVER_TOO_MANY_CONNECTIONS': return ['接続数・試行回数の上限に達しています', 'Too many connections or attempts'];
    case 'AUTH_FAILED': return ['ユーザー名またはパスワードが違います', 'User name or password rejected'];
    case 'AUTH_APP_PASSWORD_REQUIRED': return ['アプリ用パスワードが必要です', 'An app password is required'];
    case 'AUTH_BASIC_DISABLED': return ['パスワードでのログインが無効です（Microsoft などのサインインが必要）', 'Password sign-in is disabled (modern sign-in required)'];
    case 'AUTH_PLAINTEXT_DISABLED': return ['暗号化なしのログインは拒否されます', 'Plaintext login refused'];
    case 'AUTH_MECHANISM_UNSUPPORTED': return ['認証方式がサーバーと合いません', 'No common authentication method'];
    case 'SMTP_AUTH_REQUIRED': return ['送信サーバーの認証（SMTP認証）が必要です', 'Outgoing server requires authentication'];
    case 'SMTP_RELAY_DENIED': return ['送信サーバーが中継を拒否しました', 'Outgoing server refused to relay'];
    case 'SMTP_SENDER_REJECTED': return ['差出人アドレスが拒否されました', 'Sender address rejected'];
    case 'MAILBOX_OVER_QUOTA': return ['メールボックスの容量がいっぱいです', 'Mailbox is full'];
    case 'MAILBOX_NEAR_QUOTA': return ['メールボックスの容量が残りわずかです', 'Mailbox is nearly full'];
    case 'INSECURE_CONNECTION': return ['暗号化されていない接続です', 'Connection is not encrypted'];
    case 'LOGIN_NOT_TRIED': return ['ログインは試していません', 'Login was not tried'];
    case 'ALTERNATIVE_WORKS': return ['別のポート・暗号化設定なら接続できます', 'Another port/security setting works'];
    case 'STARTTLS_INJECTION': return ['暗号化の直前に不正なデータが割り込みました（通信の改ざんの疑い）', 'Data was injected before encryption started (possible tampering)'];
    case 'SERVER_FLOODING': return ['サーバーが終わりのない大量のデータを送ってきます', 'Server sends an endless flood of data'];
    case 'PROBE_INTERNAL_ERROR': return ['メールドクター内部のエラーで確認を完了できませんでした', 'Mail Doctor hit an internal error and could not finish this check'];
    case 'TLS_INTERCEPTED': return ['通信が途中で検査されています（セキュリティソフト・会社のネットワーク）', 'The connection is inspected on the way (security software or company network)'];
    default: return assertNever(code, 'finding code');
  }
}
