/**
 * What a finding means, for a non-technical customer, and how to fix it on
 * their device. Titles come from finding-title.ts; steps from
 * fix-steps.ts; this file adds the plain explanation and the evidence.
 */
import type { FindingCode } from '../../findings/codes';
import type { Device, Lang, Localized } from '../../models/device';
import type { Finding } from '../../models/probe';
import { STANDARD_PORTS } from '../../models/account';
import { assertNever } from '../../result';
import type { ProviderEntry } from '../providers/catalog-types';
import { passwordExplanation } from './fix-auth';
import { securityName, serverRoleName } from './fix-settings';
import { fieldLabel, securityControl } from '../devices/device-labels';
import { providerNoteSteps } from '../providers/fix-provider-notes';
import { fixSteps } from './fix-steps';
import { L, pick, weakestGrade, type EvidenceItem, type Explanation } from './fix-types';
import { findingTitle } from './finding-title';
import { errorCodeText } from '../../i18n/step-text';
import { formatDay } from '../../i18n/dates';
import { TRUST_DETAIL_LABELS, interceptionSummary, trustDetailValue } from '../../interception/interception-text';

export interface ExplainContext {
  device: Device;
  lang: Lang;
  provider?: ProviderEntry;
  /** The account's address (fills in the user name where the provider uses the address). */
  email?: string;
  /** When the run checked the servers (ISO), for a certificate's expiry in words. */
  checkedAt?: string;
  /** See FixContext.measured: the run decides the values, no textbook fallback. */
  measured?: boolean;
}

/** 「受信メールサーバー（IMAP） imap.example.jp:993」 — which server the finding is about. */
function where(f: Finding): Localized {
  const role = f.protocol ? L(serverRoleName(f.protocol, 'ja'), serverRoleName(f.protocol, 'en')) : L('メールサーバー', 'the mail server');
  const at = f.host ? (f.port !== undefined ? ` ${f.host}:${f.port}` : ` ${f.host}`) : '';
  return L(`${role.ja}${at}`, `${role.en}${at}`);
}

/**
 * The plain explanation of a finding (です・ます; no jargon without a gloss). With the device,
 * a remark that is only true for some devices (how their SSL setting works) is added for them.
 */
export function findingSummary(f: Finding, lang: Lang, device?: Device): string {
  const text = summaryText(f, lang, device);
  // English sentences may open with the server role ("incoming mail server ...").
  return lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function summaryText(f: Finding, lang: Lang, device: Device | undefined): string {
  const w = where(f);
  const code: FindingCode = f.code;
  switch (code) {
    case 'DNS_NOT_FOUND':
      return pick(
        f.host
          ? L(`「${f.host}」という名前のサーバーが見つかりません。サーバー名のつづり間違いがいちばん多い原因です。`, `No server called "${f.host}" could be found. A typo in the server name is the most common cause.`)
          : L('メールサーバーの名前が見つかりません。サーバー名のつづり間違いがいちばん多い原因です。', 'The mail server name could not be found. A typo in the server name is the most common cause.'),
        lang,
      );
    case 'DNS_FAILURE':
      return pick(L('サーバーの住所を調べる仕組み（DNS）が答えませんでした。いまつないでいるネットワークの問題の可能性が高いです。', 'The system that looks up server addresses (DNS) did not answer. The network in use is the likely cause.'), lang);
    case 'IPV6_UNREACHABLE':
      return pick(L(`${w.ja} へ新しい方式（IPv6）ではつながりませんが、従来の方式（IPv4）ではつながります。ネットワーク装置（ルーターなど）の問題で、多くの場合メールはそのまま使えます。`, `${w.en} cannot be reached over IPv6 but works over IPv4. It is a network equipment issue; mail usually still works.`), lang);
    case 'TCP_REFUSED':
      return pick(L(`${w.ja} は、このポート番号での接続を受け付けていません。ポート番号の設定違いか、サーバーの停止が考えられます。`, `${w.en} refuses connections on this port. The port setting is probably wrong, or the server is down.`), lang);
    case 'TCP_TIMEOUT':
      return pick(L(`${w.ja} へ接続しようとしても応答がありません。途中のネットワーク（Wi-Fi、会社のファイアウォール、VPN、セキュリティソフト）で止められている可能性があります。`, `Connecting to ${w.en} got no answer. Something on the way (Wi-Fi, a company firewall, VPN, security software) may be blocking it.`), lang);
    case 'TCP_UNREACHABLE':
      return pick(L(`${w.ja} まで通信が届きません。ネットワークにつながっていないか、経路が遮断されています。`, `${w.en} cannot be reached. The device may be offline, or the route is blocked.`), lang);
    case 'TCP_RESET':
      return pick(L(`${w.ja} との接続が途中で切られました。セキュリティソフトやネットワーク装置（ルーターなど）が割り込んでいるか、サーバーが接続を拒んでいます。`, `The connection to ${w.en} was cut off. Security software or network equipment may be interfering, or the server refused the session.`), lang);
    case 'PORT25_BLOCKED': {
      // The engine names the port it saw work (implicit TLS first): the text then names only that one,
      // as the steps and the correct settings do.
      const seen = f.evidence.details?.recommendedPort;
      if (typeof seen === 'number') {
        return pick(
          L(`送信に使うポート25番は、迷惑メール対策（OP25B）のため多くの回線で使えません。この回線では ${seen}番 で送信サーバーにつながることを確かめました。送信ポートを ${seen}番 に変えて、送信サーバーの認証（SMTP認証）をオンにすれば送れます。`, `Port 25 is blocked on most networks to stop spam (OP25B). Port ${seen} of the outgoing server was seen to work from this network: switch sending to port ${seen} and turn on outgoing-server authentication (SMTP authentication).`),
          lang,
        );
      }
      return pick(
        L('送信に使うポート25番は、迷惑メール対策（OP25B）のため多くの回線で使えません。プロバイダーが案内する送信用のポート（多くは465番か587番）に変えて、送信サーバーの認証（SMTP認証）をオンにすれば送れます。', 'Port 25 is blocked on most networks to stop spam (OP25B). Switch sending to the submission port your provider gives (usually 465 or 587) and turn on outgoing-server authentication (SMTP authentication).'),
        lang,
      );
    }
    case 'GREETING_TIMEOUT':
      return pick(L(`${w.ja} にはつながりましたが、その後サーバーから返事がありません。サーバーが混み合っているか、ポート番号と暗号化（SSL）の設定が合っていない可能性があります。`, `${w.en} accepted the connection but then sent nothing. The server may be busy, or the port number and the encryption (SSL) setting do not match.`), lang);
    case 'TLS_ON_PLAIN_PORT': {
      // The pair of this protocol's standard ports (993/143, 995/110, 465/587), never SMTP's for IMAP.
      const protocol = f.protocol ?? 'smtp';
      const ports = STANDARD_PORTS[protocol];
      const rule = L(
        `${w.ja} では、ポート番号と暗号化の設定の組み合わせが合っていません。ポートが ${ports.starttls} 番なら暗号化は「STARTTLS」、${ports.tls} 番なら「SSL/TLS」です。`,
        `At ${w.en} the port number and the encryption setting do not match. Port ${ports.starttls} goes with STARTTLS, port ${ports.tls} with SSL/TLS.`,
      );
      // Only where the device cannot choose STARTTLS is the port the whole fix (the steps say which).
      const control = device ? securityControl(device, protocol) : 'choice';
      const label = device ? fieldLabel(device, protocol, 'security', lang)?.label : undefined;
      const remark =
        control === 'switch' && label
          ? L(`この端末では「${label}」はオンのままにして、ポート番号を直します。`, `On this device keep "${label}" on and correct the port.`)
          : control === 'checkbox' && label
            ? L(`この端末では「${label}」にはチェックを入れたままにして、ポート番号を直します。`, `On this device keep "${label}" ticked and correct the port.`)
            : undefined;
      return remark ? `${pick(rule, lang)}${lang === 'en' ? ' ' : ''}${pick(remark, lang)}` : pick(rule, lang);
    }
    case 'PLAIN_ON_TLS_PORT': {
      // STARTTLS is encryption too: "turn encryption on" would contradict a device set to STARTTLS.
      const label = device && f.protocol ? fieldLabel(device, f.protocol, 'security', lang)?.label : undefined;
      const switchOnly = device && f.protocol ? securityControl(device, f.protocol) !== 'choice' : false;
      const what =
        switchOnly && label
          ? L(`「${label}」をオンにする必要があります。`, `"${label}" must be on.`)
          : f.security === 'starttls'
            ? L('暗号化は「STARTTLS」ではなく「SSL/TLS」にする必要があります。', 'The encryption must be SSL/TLS, not STARTTLS.')
            : L('暗号化（SSL/TLS）を有効にする必要があります。', 'Encryption (SSL/TLS) must be turned on.');
      return `${pick(L(`${w.ja} のこのポートは、最初から暗号化（SSL/TLS）でつなぐポートです。`, `This port of ${w.en} expects SSL/TLS from the first byte.`), lang)}${lang === 'en' ? ' ' : ''}${pick(what, lang)}`;
    }
    case 'STARTTLS_NOT_OFFERED':
      return pick(L(`${w.ja} は、このポートで暗号化への切り替え（STARTTLS）に対応していません。暗号化専用のポートを使います。`, `${w.en} does not offer the switch to encryption (STARTTLS) on this port. Use the SSL/TLS port instead.`), lang);
    case 'TLS_CERT_HOSTNAME_MISMATCH':
      return pick(L(`${w.ja} の証明書（サーバーの身分証明）に書かれた名前が、設定したサーバー名と一致しません。サーバー名に自分のドメイン名などを入れていると起こります。`, `The certificate (the server’s ID card) of ${w.en} carries a different name than the one configured. This happens when the server name is, for example, your own domain.`), lang);
    case 'TLS_CERT_EXPIRED':
      return pick(L(`${w.ja} の証明書（サーバーの身分証明）の有効期限が切れています。端末の日付が大きくずれていても同じことが起こります。`, `The certificate (the server’s ID card) of ${w.en} has expired. A device clock that is far off causes the same message.`), lang);
    case 'TLS_CERT_NOT_YET_VALID':
      return pick(L(`${w.ja} の証明書（サーバーの身分証明）が「まだ有効でない」と判定されました。端末の日付・時刻がずれている可能性が高いです。`, `The certificate of ${w.en} looks "not yet valid". The device’s date and time are probably wrong.`), lang);
    case 'TLS_CERT_SELF_SIGNED':
      return pick(L(`${w.ja} の証明書が、信頼できる発行元のものではありません（自己署名）。公衆 Wi-Fi やセキュリティソフトが通信に割り込んでいる場合にも起こります。`, `The certificate of ${w.en} is self-signed, not from a trusted issuer. Public Wi-Fi or security software intercepting the connection causes this too.`), lang);
    case 'TLS_CERT_UNTRUSTED':
      return pick(L(`${w.ja} の証明書を信頼できません（発行元が不明、または中間証明書が足りません）。公衆 Wi-Fi やセキュリティソフトの割り込みでも起こります。`, `The certificate of ${w.en} cannot be trusted (unknown issuer or missing intermediate). Public Wi-Fi or security software interception causes this too.`), lang);
    case 'TLS_PROTOCOL_TOO_OLD':
      return pick(L(`${w.ja} は古い暗号化方式（TLS 1.0/1.1）しか使えないため、今の端末は安全のために接続しません。`, `${w.en} only supports old TLS (1.0/1.1), which current devices refuse for safety.`), lang);
    case 'TLS_HANDSHAKE_FAILED':
      return pick(L(`${w.ja} との暗号化（SSL/TLS）の準備に失敗しました。SSL の設定とポートの組み合わせ違いや、セキュリティソフトの割り込みが考えられます。`, `Setting up encryption (SSL/TLS) with ${w.en} failed. A mismatched SSL setting and port, or security software, are the usual causes.`), lang);
    case 'LOGIN_UNANSWERED':
      return pick(L(`${w.ja} はユーザー名とパスワードを受け取ったあと、返事をしませんでした。サーバーはパスワードが違うときにわざと返事を遅らせます（失敗が続くと最大15秒ほど）。障害ではなく、パスワード違いか、ログインの試しすぎが考えられます。`, `${w.en} took the user name and password and then did not answer. Servers delay their answer to a wrong password on purpose (up to about 15 s after repeated failures): this points to a wrong password or too many attempts, not an outage.`), lang);
    case 'SERVER_UNAVAILABLE':
      return pick(L(`${w.ja} が「一時的に利用できない」と答えています。サーバー側の障害やメンテナンスで、端末の設定の問題ではありません。`, `${w.en} says it is temporarily unavailable: an outage or maintenance at the provider, not a device setting.`), lang);
    case 'SERVER_NOT_MAIL':
      return pick(L(`${w.ja} のこのポートで答えたのはメールサーバーではありません。サーバー名かポート番号が違います。`, `What answered at this port of ${w.en} is not a mail server. The server name or port is wrong.`), lang);
    case 'SERVER_TOO_MANY_CONNECTIONS':
      return pick(L(`${w.ja} への同時接続やログインの回数が上限に達しています。ほかの端末のメールアプリが多数つないでいるときや、何度もやり直したときに起こります。`, `${w.en} has hit its limit of simultaneous connections or login attempts, e.g. many devices connected at once or many retries.`), lang);
    case 'AUTH_FAILED':
      // Without a server it was read from the customer's message, not seen: say so, never "the server rejected".
      if (!f.host) {
        return pick(L(`お客様の画面の表示は、${w.ja}がユーザー名またはパスワードを受け付けなかったことを示しています（このテストではまだ確かめていません）。最近パスワードを変えた場合や、入力違いのときに起こります。`, `The message on the customer’s screen says ${w.en.startsWith('the ') ? w.en : `the ${w.en}`} rejected the user name or password (this check has not confirmed it). This happens after a password change or with a typo.`), lang);
      }
      return pick(L(`${w.ja} がユーザー名またはパスワードを受け付けませんでした。最近パスワードを変えた場合や、入力違いのときに起こります。`, `${w.en} rejected the user name or password. This happens after a password change or with a typo.`), lang);
    case 'AUTH_APP_PASSWORD_REQUIRED':
      // Without a server it was read from the customer's message: a possibility, not a fact.
      if (!f.host) {
        return pick(L('お客様の画面の表示は、このメールが普段のパスワードではメールアプリから使えず、専用の「アプリ用パスワード」が必要な場合にも出ます（このテストではまだ確かめていません）。', 'The message on the customer’s screen also appears when the account cannot use its normal password in mail apps and needs a dedicated app password (this check has not confirmed it).'), lang);
      }
      return pick(L('このメールは、普段のパスワードではメールアプリから使えません。専用の「アプリ用パスワード」を作って入れる必要があります。', 'This account cannot use its normal password in mail apps. A dedicated app password must be created and entered.'), lang);
    case 'AUTH_BASIC_DISABLED':
      return pick(
        L(
          'このアカウントは、メールアプリにパスワードを入れてログインする方法が使えなくなっています。パスワードを入れ直しても直りません。いったんアカウントを削除し、追加するときに「Microsoft」（または「Google」）を選んで、表示されるサインイン画面でログインしてください。',
          'This account can no longer sign in by typing a password into the mail app; re-entering the password will not help. Remove the account, and when adding it again choose "Microsoft" (or "Google") and sign in on the page that appears.',
        ),
        lang,
      );
    case 'AUTH_PLAINTEXT_DISABLED':
      return pick(L(`${w.ja} は、暗号化していない接続でのログインを断っています。SSL/TLS をオンにする必要があります。`, `${w.en} refuses logins over an unencrypted connection. SSL/TLS must be turned on.`), lang);
    case 'AUTH_MECHANISM_UNSUPPORTED':
      return pick(L(`${w.ja} と端末の間で、使えるログイン方式が一致しません。端末の「認証方式」の設定を変えると直ることがあります。`, `${w.en} and the device share no login method. Changing the device’s authentication setting usually fixes it.`), lang);
    case 'SMTP_AUTH_REQUIRED':
      return pick(L('送信サーバーは、送る前にユーザー名とパスワードの確認（SMTP認証）を求めています。端末で送信サーバーの認証がオフになっています。', 'The outgoing server needs the user name and password before sending (SMTP authentication), and it is off on the device.'), lang);
    case 'SMTP_RELAY_DENIED':
      return pick(L('送信サーバーが「このメールは中継できません」と断りました。送信サーバーの認証（SMTP認証）がオフか、別のプロバイダーの送信サーバーを使っています。', 'The outgoing server refused to relay the message: SMTP authentication is off, or the outgoing server belongs to another provider.'), lang);
    case 'SMTP_SENDER_REJECTED':
      return pick(L('送信サーバーが差出人のアドレスを断りました。端末に設定した「メールアドレス」が、ログインしているアカウントのものと違う可能性があります。', 'The outgoing server refused the sender address. The "Email address" set on the device may differ from the account you log in with.'), lang);
    case 'MAILBOX_OVER_QUOTA':
      return pick(L('メールボックスの容量がいっぱいです。新しいメールを受け取れなかったり、送信済みメールが保存できなかったりします。', 'The mailbox is full: new mail may bounce and sent mail may not be saved.'), lang);
    case 'MAILBOX_NEAR_QUOTA':
      return pick(L('メールボックスの容量が残りわずかです。いっぱいになる前に古いメールを整理してください。', 'The mailbox is almost full. Clear out old mail before it fills up.'), lang);
    case 'INSECURE_CONNECTION':
      return pick(L(`${w.ja} への接続は暗号化されていません。パスワードやメールが読み取られるおそれがあるため、SSL/TLS に切り替えることをおすすめします。`, `The connection to ${w.en} is not encrypted, so passwords and mail could be read. Switching to SSL/TLS is recommended.`), lang);
    case 'LOGIN_NOT_TRIED':
      return pick(L('パスワードが入力されていないため、ログインできるかどうかは確かめていません。接続と暗号化までは確認済みです。', 'No password was entered, so the login itself was not tested; connection and encryption were checked.'), lang);
    case 'ALTERNATIVE_WORKS':
      return pick(L(`今の設定ではつながりませんが、${w.ja}${f.security ? `（${securityName(f.security, 'ja')}）` : ''} ならつながることを確認しました。設定をこちらに変えれば直ります。`, `The current setting fails, but ${w.en}${f.security ? ` (${securityName(f.security, 'en')})` : ''} was seen to work. Changing to it fixes the problem.`), lang);
    case 'STARTTLS_INJECTION':
      return pick(L(`${w.ja} との暗号化（STARTTLS）が始まる直前に、暗号化されていないデータが割り込みました。途中のネットワーク装置やセキュリティソフトが通信を書き換えているおそれがあります。この状態でパスワードを送るのは危険です。`, `Unencrypted data was slipped in just before encryption (STARTTLS) with ${w.en} began. Equipment or security software on the way may be tampering with the connection; sending a password over it is unsafe.`), lang);
    case 'SERVER_FLOODING':
      return pick(L(`${w.ja} が、メールサーバーとしてありえない量のデータを終わりなく送ってきたため、確認を打ち切りました。サーバーの故障か、メールサーバーではない相手につながっている可能性があります。`, `${w.en} kept sending far more data than any mail server would, so the check was stopped. The server may be broken, or something other than the mail server is answering.`), lang);
    case 'PROBE_INTERNAL_ERROR':
      return pick(L(`${w.ja} の確認中に、メールドクター自身の予期しないエラーが起きました。この項目は「問題なし」とは判断していません。もう一度診断し、続くようなら診断結果を添えて担当部署に連絡してください。`, `Mail Doctor itself hit an unexpected error while checking ${w.en}. This check is not counted as passed. Run the check again; if it happens again, send the report to your support team.`), lang);
    case 'TLS_INTERCEPTED':
      return interceptionSummary(f, w, lang);
    default:
      return assertNever(code, 'finding code');
  }
}

/** Labels for the detail keys the probes report (electron/probes); unknown keys show as they are. */
const DETAIL_LABELS: Record<string, Localized> = {
  usedKiB: L('使用量 (KiB)', 'Used (KiB)'),
  limitKiB: L('上限 (KiB)', 'Limit (KiB)'),
  percent: L('使用率 (%)', 'Used (%)'),
  command: L('コマンド', 'Command'),
  from: L('差出人', 'From'),
  to: L('宛先', 'To'),
  resolver: L('DNS サーバー', 'DNS resolver'),
  capabilities: L('サーバーの対応機能', 'Server capabilities'),
  verdict: L('判定', 'Verdict'),
  protocol: L('TLS のバージョン', 'TLS version'),
  cipher: L('暗号方式', 'Cipher'),
  clockSuspect: L('端末の時計のずれの疑い', 'Device clock looks wrong'),
  tlsHandshake: L('TLS の接続', 'TLS handshake'),
  reason: L('理由', 'Reason'),
  mechanisms: L('使えるログイン方式', 'Login methods offered'),
  configured: L('今の設定', 'Configured'),
  alsoWorks: L('ほかにつながる設定', 'Also works'),
  recommendedPort: L('使うポート', 'Port to use'),
  recommendedSecurity: L('使う暗号化', 'Encryption to use'),
};

function detailLabel(key: string, lang: Lang): string {
  const l = DETAIL_LABELS[key] ?? TRUST_DETAIL_LABELS[key];
  return l ? pick(l, lang) : key;
}

/** "25/starttls, 465/tls" (port/security pairs from the ranking) in the reader's words. */
function portSecurityList(v: string, lang: Lang): string {
  return v
    .split(/,\s*/)
    .map((pair) => {
      const [port, sec] = pair.split('/');
      return sec === 'tls' || sec === 'starttls' || sec === 'none' ? `${port} ${securityName(sec, lang)}` : pair;
    })
    .join(lang === 'ja' ? '、' : ', ');
}

/** Words for the fixed values the probes put in details (LOGIN_NOT_TRIED's reason, the TLS check of a port). */
const DETAIL_VALUES: Record<string, Record<string, Localized>> = {
  reason: {
    'no-password': L('パスワードが入力されていません', 'no password was given'),
    plaintext: L('暗号化されていない接続です（パスワードを送りませんでした）', 'the connection is not encrypted (the password was not sent)'),
    'tls-unverified': L('証明書を確認できませんでした（パスワードを送りませんでした）', 'the certificate could not be verified (the password was not sent)'),
  },
  tlsHandshake: { ok: L('SSL/TLS で接続できました', 'SSL/TLS connected') },
};

function detailValue(key: string, v: string | number | boolean, lang: Lang): string {
  const fixed = typeof v === 'string' ? DETAIL_VALUES[key]?.[v] : undefined;
  if (fixed) return pick(fixed, lang);
  if (key === 'configured' || key === 'alsoWorks') return portSecurityList(String(v), lang);
  if (key === 'recommendedSecurity' && (v === 'tls' || v === 'starttls' || v === 'none')) return securityName(v, lang);
  const trust = trustDetailValue(key, v, lang);
  if (trust !== undefined) return trust;
  if (typeof v === 'boolean') return v ? pick(L('はい', 'yes'), lang) : pick(L('いいえ', 'no'), lang);
  return String(v);
}

function ev(label: Localized, value: string, lang: Lang): EvidenceItem {
  return { label: pick(label, lang), value };
}

/** What the diagnosis saw, as label/value pairs (already redacted by the probes). */
export function findingEvidence(f: Finding, lang: Lang): EvidenceItem[] {
  const out: EvidenceItem[] = [];
  if (f.host) {
    const parts = [f.protocol ? f.protocol.toUpperCase() : undefined, f.port !== undefined ? `${f.host}:${f.port}` : f.host, f.security ? securityName(f.security, lang) : undefined];
    out.push(ev(L('サーバー', 'Server'), parts.filter(Boolean).join(' '), lang));
  }
  const e = f.evidence;
  if (e.serverReply) out.push(ev(L('サーバーの応答', 'Server reply'), e.serverReply, lang));
  if (e.errorCode) out.push(ev(L('エラーコード', 'Error code'), `${errorCodeText(e.errorCode, lang)} (${e.errorCode})`, lang));
  // The probes' own message is English developer text: shown in English only; in Japanese the
  // title, the explanation and the rows here already say it.
  if (e.message && lang === 'en') out.push(ev(L('技術的な詳細', 'Technical detail'), e.message, lang));
  if (e.addresses && e.addresses.length > 0) out.push(ev(L('IPアドレス', 'IP addresses'), e.addresses.join(', '), lang));
  if (e.cert) {
    out.push(ev(L('証明書の名前', 'Certificate name'), [e.cert.subject, ...e.cert.subjectAltNames].filter(Boolean).join(', '), lang));
    out.push(ev(L('証明書の発行元', 'Certificate issuer'), e.cert.issuer, lang));
    out.push(ev(L('証明書の有効期間', 'Certificate validity'), `${formatDay(e.cert.validFrom, lang)} – ${formatDay(e.cert.validTo, lang)}`, lang));
  }
  if (e.durationMs !== undefined) out.push(ev(L('所要時間', 'Time taken'), `${Math.round(e.durationMs)} ms`, lang));
  if (e.details) for (const [k, v] of Object.entries(e.details)) out.push({ label: detailLabel(k, lang), value: detailValue(k, v, lang) });
  if (f.fix) out.push(ev(L('つながった設定', 'Setting that worked'), `${f.fix.host}:${f.fix.port} ${securityName(f.fix.security, lang)}`, lang));
  return out;
}

/** Everything the UI needs to show one finding on the chosen device. */
export function explainFinding(finding: Finding, ctx: ExplainContext): Explanation {
  const { lang, provider } = ctx;
  let summary = findingSummary(finding, lang, ctx.device);
  // For password problems the provider decides which password is meant, so say it.
  if (finding.code === 'AUTH_FAILED' || finding.code === 'AUTH_APP_PASSWORD_REQUIRED' || finding.code === 'AUTH_BASIC_DISABLED') {
    const extra = passwordExplanation(provider, lang);
    if (extra) summary = `${summary} ${extra}`;
  }
  const steps = [...fixSteps(finding, ctx), ...providerNoteSteps(provider, finding, lang)];
  return {
    code: finding.code,
    title: findingTitle(finding.code, lang),
    summary,
    evidence: findingEvidence(finding, lang),
    steps,
    grade: weakestGrade(steps.map((s) => s.grade)),
  };
}
