/**
 * The one-line plain conclusion for each finding code: what is wrong, in words a
 * customer understands, for the top of the diagnosis (「ポート25番が回線で止められています」).
 * Titles (finding-title.ts) name the fault for the matrix and the CLI; this says it to a person.
 */
import type { FindingCode } from '../../findings/codes';
import type { Lang, Localized } from '../../models/device';
import { assertNever } from '../../result';
import { L, pick } from './fix-types';

export function findingConclusion(code: FindingCode, lang: Lang): string {
  return pick(conclusion(code), lang);
}

function conclusion(code: FindingCode): Localized {
  switch (code) {
    case 'DNS_NOT_FOUND': return L('サーバー名が間違っています（その名前のサーバーはありません）', 'The server name is wrong (no server has that name)');
    case 'DNS_FAILURE': return L('いまのネットワークでは、サーバーの住所を調べられません', 'This network cannot look up the server’s address');
    case 'IPV6_UNREACHABLE': return L('新しい方式（IPv6）だけつながりません（メールは従来の方式で使えます）', 'Only IPv6 fails (mail still works over IPv4)');
    case 'TCP_REFUSED': return L('サーバーがこのポート番号では受け付けていません', 'The server does not accept connections on this port number');
    case 'TCP_TIMEOUT': return L('サーバーへの接続が途中で止められています', 'The connection to the server is stopped on the way');
    case 'TCP_UNREACHABLE': return L('サーバーまで通信が届きません', 'The server cannot be reached');
    case 'TCP_RESET': return L('サーバーとの接続が途中で切られています', 'The connection to the server is cut off');
    case 'PORT25_BLOCKED': return L('ポート25番が回線で止められています', 'Port 25 is blocked by the internet line');
    case 'GREETING_TIMEOUT': return L('サーバーにはつながりますが、応答がありません', 'The server connects but does not answer');
    case 'TLS_ON_PLAIN_PORT': return L('「SSL」の設定とポート番号の組み合わせが合っていません', 'The SSL setting does not match the port number');
    // Also the headline when STARTTLS was chosen (encryption was on, just the wrong kind), so it
    // says "SSL from the start" rather than "turn SSL on".
    case 'PLAIN_ON_TLS_PORT': return L('このポート番号は、最初から「SSL」で暗号化する設定でないとつながりません', 'This port number only connects with SSL from the start');
    case 'STARTTLS_NOT_OFFERED': return L('このポート番号では暗号化できません（SSL用のポートを使います）', 'This port number cannot encrypt (use the SSL port)');
    case 'TLS_CERT_HOSTNAME_MISMATCH': return L('設定したサーバー名が、サーバーの証明書の名前と違います', 'The server name does not match the server’s certificate');
    case 'TLS_CERT_EXPIRED': return L('サーバーの証明書の期限が切れています', 'The server’s certificate has expired');
    case 'TLS_CERT_NOT_YET_VALID': return L('サーバーの証明書がまだ有効になっていません（日付の設定も確認します）', 'The server’s certificate is not valid yet (check the date setting too)');
    case 'TLS_CERT_SELF_SIGNED': return L('サーバーの証明書が、信頼できる発行元のものではありません（自己署名）', 'The server’s certificate is not from a trusted issuer (self-signed)');
    case 'TLS_CERT_UNTRUSTED': return L('サーバーの証明書を確かめられません', 'The server’s certificate cannot be verified');
    case 'TLS_PROTOCOL_TOO_OLD': return L('サーバーの暗号化方式が古く、いまの端末ではつながりません', 'The server’s encryption is too old for current devices');
    case 'TLS_HANDSHAKE_FAILED': return L('暗号化した接続ができません', 'The encrypted connection cannot be set up');
    case 'LOGIN_UNANSWERED': return L('サーバーがログインに返事をしません', 'The server does not answer the login');
    case 'SERVER_UNAVAILABLE': return L('メールサーバーが一時的に使えません', 'The mail server is temporarily unavailable');
    case 'SERVER_NOT_MAIL': return L('設定したポート番号はメールサーバーではありません', 'The configured port is not a mail server');
    case 'SERVER_TOO_MANY_CONNECTIONS': return L('接続やログインの回数が多すぎて、一時的に止められています', 'Too many connections or sign-in attempts: blocked for a while');
    case 'AUTH_FAILED': return L('ユーザー名かパスワードが違います', 'The user name or password is wrong');
    case 'AUTH_APP_PASSWORD_REQUIRED': return L('いつものパスワードではなく、アプリ用パスワードが必要です', 'An app password is needed instead of the usual password');
    case 'AUTH_BASIC_DISABLED': return L('このアカウントはパスワードだけではログインできません', 'This account cannot sign in with a password alone');
    case 'AUTH_PLAINTEXT_DISABLED': return L('暗号化しないとログインできません', 'Signing in needs an encrypted connection');
    case 'AUTH_MECHANISM_UNSUPPORTED': return L('ログインの方式がサーバーと合いません', 'The sign-in method does not match the server');
    case 'SMTP_AUTH_REQUIRED': return L('送信サーバーの認証（SMTP認証）がオフになっています', 'Outgoing server authentication (SMTP authentication) is off');
    case 'SMTP_RELAY_DENIED': return L('送信サーバーが、このアカウントからの送信を受け付けません', 'The outgoing server does not accept mail from this account');
    case 'SMTP_SENDER_REJECTED': return L('差出人のアドレスが、このアカウントのものではありません', 'The sender address does not belong to this account');
    case 'MAILBOX_OVER_QUOTA': return L('メールボックスがいっぱいです', 'The mailbox is full');
    case 'MAILBOX_NEAR_QUOTA': return L('メールボックスがもうすぐいっぱいになります', 'The mailbox is nearly full');
    case 'INSECURE_CONNECTION': return L('暗号化されていない接続を使っています', 'The connection is not encrypted');
    case 'LOGIN_NOT_TRIED': return L('ログインは確かめていません', 'The login was not checked');
    case 'ALTERNATIVE_WORKS': return L('ポート番号か「SSL」の設定を変えればつながります', 'A different port or SSL setting works');
    case 'STARTTLS_INJECTION': return L('通信の途中に割り込みがあります（改ざんの疑い）', 'Something on the way interferes with the connection (possible tampering)');
    case 'SERVER_FLOODING': return L('サーバーが異常な量のデータを送ってきます', 'The server sends an abnormal amount of data');
    case 'PROBE_INTERNAL_ERROR': return L('メールドクターの内部エラーで、確認を終えられませんでした', 'Mail Doctor could not finish the check (internal error)');
    case 'TLS_INTERCEPTED': return L('セキュリティソフトか会社のネットワークが、メールの暗号化通信を検査しています（サーバーの問題ではありません）', 'Security software or the company network inspects the encrypted mail connection (not a server problem)');
    default: return assertNever(code, 'finding code');
  }
}
