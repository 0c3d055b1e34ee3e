/**
 * The Japanese helpdesk troubleshooting method as checklist data.
 *
 * Default order = the order a helpdesk works through on the phone: 5-minute
 * first checks, network comparison, password, server outage, send vs receive,
 * TLS/certificate, device-specific steps, carrier/provider specifics. The
 * ordering function (checklist.ts) moves steps up when the diagnosis makes
 * them relevant; `codes` and `causes` say which findings/causes do that.
 */
import { codesIn, type FindingCode } from '../../findings/codes';
import type { Device, Grade, Localized } from '../../models/device';
import type { ChecklistGroup } from './checklist-types';
import type { ProviderId } from '../providers/catalog-types';
import type { Place } from './device-paths';
import { L } from '../findings/fix-types';
import type { AnswerCheck } from './checklist-answered';

export interface ChecklistStepDef {
  id: string;
  group: ChecklistGroup;
  /** Only on these devices (default: all). */
  devices?: readonly Device[];
  /**
   * Provider-specific: shown for these providers, or when nothing is known of the address.
   * An address whose domain the catalog does not know is none of them: the step is left out.
   */
  providers?: readonly ProviderId[];
  /** A finding that shows the provider whatever the domain (Microsoft's own "basic auth disabled" on a custom domain). */
  evidentBy?: readonly FindingCode[];
  /** What the connection test can have answered of this check (see checklist-answered.ts). */
  answeredBy?: AnswerCheck;
  /** Where on the device; with `needsPlace`, devices without that place skip the step. */
  place?: Place;
  needsPlace?: boolean;
  /** A path outside the device (a provider's web page), with its grade. */
  outsidePath?: { path: Localized; grade: Grade; url?: string };
  title: Localized;
  /** Device-dependent wording where phones and computers differ. */
  action: Localized | ((device: Device) => Localized);
  lookFor: Localized;
  note?: Localized;
  /** Grade of the step's advice itself (the path has its own grade). */
  grade: Grade;
  /** Findings/causes this step is the direct check for. */
  codes: readonly FindingCode[];
  causes: readonly string[];
  /** Findings/causes it helps with, but less directly (half weight when ordering). */
  weakCodes?: readonly FindingCode[];
  weakCauses?: readonly string[];
  /**
   * Advice about the customer's own network (line, Wi-Fi, VPN, security software): it misleads on a
   * device whose mail goes through the vendor's cloud (new Outlook), so it ranks last there.
   */
  localNetwork?: boolean;
  /** Deleting the account: the backup step must come first. */
  deletes?: boolean;
  uiAction?: 'recheck' | 'compare-networks';
}

const PHONES: readonly Device[] = ['iphone', 'android-gmail', 'samsung-email'];
const ANDROIDS: readonly Device[] = ['android-gmail', 'samsung-email'];
const isPhone = (d: Device) => PHONES.includes(d);

// The groups are declared in FINDING_META (shared/findings/codes.ts).
const NETWORK_CODES: readonly FindingCode[] = [...codesIn('network-path')];
const INTERCEPT_CODES: readonly FindingCode[] = [...codesIn('interception')];
const AUTH_CODES: readonly FindingCode[] = [...codesIn('password')];
const SETTING_CODES: readonly FindingCode[] = [...codesIn('device-setting')];

export const CHECKLIST_STEPS: readonly ChecklistStepDef[] = [
  // ---------- 5-minute first checks ----------
  {
    id: 'airplane-mode',
    localNetwork: true,
    group: 'first-checks',
    place: 'airplane-mode',
    needsPlace: true,
    title: L('機内モードをオン・オフする', 'Toggle airplane mode'),
    action: L('機内モードをオンにし、10秒ほど待ってからオフにします。', 'Turn airplane mode on, wait about 10 seconds, then turn it off.'),
    lookFor: L('電波や Wi-Fi の表示が戻ってから、メールの受信を試します。エラーが消えれば通信の一時的な不調でした。', 'Once the signal/Wi-Fi icon is back, check mail. If the error is gone, it was a temporary connection glitch.'),
    grade: 'B',
    codes: NETWORK_CODES,
    causes: ['first-checks'],
    weakCauses: ['network-filter'],
  },
  {
    id: 'switch-network',
    localNetwork: true,
    group: 'first-checks',
    place: 'wifi',
    title: L('Wi-Fi とモバイルデータを切り替える', 'Switch between Wi-Fi and mobile data'),
    action: (d) =>
      isPhone(d)
        ? L('Wi-Fi をオフにしてモバイルデータ通信で試し、次に Wi-Fi だけで試します。', 'Turn Wi-Fi off and try on mobile data, then try on Wi-Fi only.')
        : L('別のネットワーク（スマートフォンのテザリングなど）につないで試します。', 'Connect to another network (e.g. phone tethering) and try again.'),
    lookFor: L('片方のネットワークでだけ失敗するなら、ネットワーク側（Wi-Fi・フィルター・回線）の問題です。', 'If it fails on only one of them, the network (Wi-Fi, filter, line) is the cause.'),
    grade: 'B',
    codes: NETWORK_CODES,
    causes: ['first-checks', 'network-filter'],
    weakCodes: ['PORT25_BLOCKED', ...INTERCEPT_CODES],
    weakCauses: ['server-outage'],
  },
  {
    id: 'vpn-off',
    localNetwork: true,
    group: 'first-checks',
    place: 'vpn',
    title: L('VPN・プロキシをオフにする', 'Turn off VPN and proxy'),
    action: L('VPN アプリやプロキシを使っていれば、いったんオフにして試します。', 'If a VPN app or proxy is in use, turn it off and try again.'),
    lookFor: L('オフにしてつながるなら、VPN・プロキシがメールの通信を止めています。', 'If mail works with it off, the VPN/proxy is blocking mail.'),
    grade: 'B',
    codes: NETWORK_CODES,
    causes: ['first-checks', 'network-filter'],
    weakCodes: [...INTERCEPT_CODES, 'DNS_NOT_FOUND'],
  },
  {
    id: 'restart',
    group: 'first-checks',
    title: L('アプリと端末を再起動する', 'Restart the app and the device'),
    action: L('メールアプリを完全に終了してから、端末の電源を入れ直します。', 'Quit the mail app completely, then restart the device.'),
    lookFor: L('再起動後に受信・送信を試し、エラーが出るか確かめます。', 'After the restart, try receiving and sending and see whether the error returns.'),
    grade: 'B',
    codes: [],
    causes: ['first-checks', 'device-side'],
    weakCodes: ['GREETING_TIMEOUT'],
  },
  // ---------- network comparison ----------
  {
    id: 'compare-networks',
    localNetwork: true,
    answeredBy: 'networks',
    group: 'network',
    title: L('2つのネットワークで診断して比べる', 'Diagnose on two networks and compare'),
    action: L('メールドクターで、いまのネットワークと別のネットワーク（テザリングなど）でそれぞれ診断し、名前を付けて比べます。', 'In Mail Doctor, run the check on the current network and on another one (e.g. tethering), name each run, and compare.'),
    lookFor: L('片方だけ失敗 → そのネットワークの遮断。両方で同じ失敗 → サーバーかアカウントの問題です。', 'Fails on one only → that network blocks it. Same failure on both → the server or the account.'),
    grade: 'B',
    codes: NETWORK_CODES,
    causes: ['network-filter'],
    weakCodes: ['PORT25_BLOCKED', ...INTERCEPT_CODES],
    weakCauses: ['server-outage'],
    uiAction: 'compare-networks',
  },
  {
    id: 'security-software',
    localNetwork: true,
    group: 'network',
    devices: ['outlook-classic', 'outlook-new', 'mac-mail', 'android-gmail', 'samsung-email'],
    title: L('セキュリティソフトのメール保護を確かめる', 'Check the security software’s mail protection'),
    action: L('ウイルス対策ソフトの「メール保護」「SSL/TLS スキャン」を一時的にオフにして試します。終わったら必ず元に戻します。', 'Temporarily turn off the antivirus "mail protection" / "SSL/TLS scanning" and try again. Turn it back on afterwards.'),
    lookFor: L('オフでつながるなら、セキュリティソフトが通信に割り込んでいます。ソフトの設定でメールを除外します。', 'If mail works with it off, the software intercepts the connection: exclude mail in its settings.'),
    grade: 'C',
    codes: [...INTERCEPT_CODES, 'TCP_RESET', 'GREETING_TIMEOUT'],
    causes: ['network-filter'],
  },
  {
    id: 'network-reset',
    localNetwork: true,
    group: 'network',
    place: 'network-reset',
    needsPlace: true,
    title: L('ネットワーク設定をリセットする', 'Reset network settings'),
    action: L('ほかの確認で直らないときだけ、端末のネットワーク設定をリセットします。', 'Only if nothing else helps, reset the device’s network settings.'),
    lookFor: L('リセット後に Wi-Fi につなぎ直し、メールを試します。', 'Reconnect to Wi-Fi after the reset and try mail.'),
    note: L('保存した Wi-Fi のパスワードも消えます。', 'Saved Wi-Fi passwords are erased too.'),
    grade: 'C',
    codes: ['DNS_FAILURE', 'IPV6_UNREACHABLE'],
    causes: [],
  },
  // ---------- password ----------
  {
    id: 'reenter-password',
    group: 'password',
    place: 'password',
    title: L('パスワードを入れ直す', 'Re-enter the password'),
    action: L('端末のパスワード欄を一度消して、正しいパスワードを入れ直します（大文字・小文字に注意）。', 'Clear the device’s password field and type the correct password again (mind upper/lower case).'),
    lookFor: L('パスワードを求める画面や「パスワードが違う」というエラーが出なくなるか確かめます。', 'Check that the password prompt or the "wrong password" error no longer appears.'),
    grade: 'B',
    codes: ['AUTH_FAILED', 'LOGIN_NOT_TRIED'],
    causes: ['password-changed', 'device-side'],
  },
  {
    id: 'webmail-login',
    answeredBy: 'login',
    group: 'password',
    title: L('Webメールにログインできるか試す', 'Try the same password in webmail'),
    action: L('ブラウザでプロバイダーのWebメールを開き、同じユーザー名とパスワードでログインします。', 'Open the provider’s webmail in a browser and sign in with the same user name and password.'),
    lookFor: L('Webメールにも入れない → パスワードの再設定が必要。Webメールには入れる → 端末側の設定か、専用パスワードが必要です。', 'Webmail fails too → the password must be reset. Webmail works → the device settings, or a special mail password is needed.'),
    grade: 'B',
    codes: ['AUTH_FAILED'],
    causes: ['password-changed'],
    weakCodes: ['AUTH_APP_PASSWORD_REQUIRED'],
  },
  {
    id: 'special-password',
    group: 'password',
    title: L('アプリ用・メール専用のパスワードが必要か確かめる', 'Check whether an app or mail-only password is needed'),
    // Each provider's own word for its password. Yahoo! JAPAN has no app passwords: its customers keep the normal
    // password and switch on IMAP/POP/SMTP access; only the global Yahoo Mail uses an app password.
    action: L(
      'Gmail は「アプリ パスワード」、iCloud は「App 用パスワード」、ドコモは「IMAP専用パスワード」、ソフトバンクは「Eメール(i) のパスワード」を入れます。いつものログイン用パスワードでは入れません。なお、Yahoo!メール（yahoo.co.jp）はいつものパスワードのままで、代わりに「IMAP/POP/SMTPアクセス」を有効にします（「アプリパスワード」が要るのは海外版の Yahoo メールです）。',
      'Gmail needs an app password, iCloud an app-specific password, docomo the IMAP専用パスワード (IMAP-only password), SoftBank the Eメール(i) password; the normal sign-in password does not work. Yahoo! JAPAN mail (yahoo.co.jp) keeps the normal password and needs IMAP/POP/SMTP access switched on instead (only the global Yahoo Mail uses an app password).',
    ),
    lookFor: L('専用のパスワードを入れてログインできるか確かめます。', 'Check that the login works with the dedicated password.'),
    grade: 'B',
    codes: ['AUTH_APP_PASSWORD_REQUIRED', 'AUTH_FAILED'],
    causes: [],
  },
  {
    id: 'microsoft-sign-in',
    evidentBy: ['AUTH_BASIC_DISABLED'],
    group: 'password',
    providers: ['outlook-com', 'microsoft-365'],
    title: L('Microsoft のサインインで追加し直す', 'Re-add the account with Microsoft sign-in'),
    action: L('Outlook.com・Microsoft 365 はパスワードではつながりません。アカウントを削除し、Microsoft のサインイン画面で入る方法で追加し直すか、Outlook アプリを使います。', 'Outlook.com and Microsoft 365 do not accept passwords here: remove the account and add it again with Microsoft sign-in, or use the Outlook app.'),
    lookFor: L('追加のときに Microsoft のサインイン画面が出れば正しい方法です。', 'The right way shows Microsoft’s sign-in page while adding the account.'),
    grade: 'B',
    codes: ['AUTH_BASIC_DISABLED', 'AUTH_MECHANISM_UNSUPPORTED', 'AUTH_FAILED'],
    causes: [],
    deletes: true,
  },
  {
    id: 'every-device-password',
    group: 'password',
    title: L('ほかの端末のパスワードも直す', 'Update the password on every other device'),
    action: L('パスワードを変えた場合は、このメールを使うすべての端末（スマートフォン・パソコン・タブレット）で入れ直します。', 'After a password change, update it on every device that uses this address (phones, computers, tablets).'),
    lookFor: L('古いパスワードのままの端末が残っていると、アカウントが一時的にロックされることがあります。', 'A device left with the old password can get the account locked for a while.'),
    grade: 'B',
    codes: ['SERVER_TOO_MANY_CONNECTIONS'],
    causes: ['password-changed'],
    weakCodes: ['AUTH_FAILED'],
  },
  // ---------- server outage ----------
  {
    id: 'outage-wait',
    answeredBy: 'server-up',
    group: 'outage',
    title: L('サーバーの障害を確かめ、時間をおいて再確認する', 'Check for an outage, wait and re-check'),
    action: L('プロバイダーの障害・メンテナンス情報を確認し、15〜30分待ってからメールドクターでもう一度診断します。', 'Check the provider’s outage/maintenance page, wait 15–30 minutes, then run the check again in Mail Doctor.'),
    lookFor: L('時間をおいて直れば、サーバー側の一時的な問題でした。どのネットワークでも失敗が続くならプロバイダーに連絡します。', 'If it recovers later, it was temporary at the provider. If it keeps failing on every network, contact the provider.'),
    grade: 'B',
    codes: ['SERVER_UNAVAILABLE', 'SERVER_TOO_MANY_CONNECTIONS', 'TLS_PROTOCOL_TOO_OLD'],
    causes: ['server-outage'],
    weakCodes: ['GREETING_TIMEOUT', 'TLS_CERT_EXPIRED'],
    uiAction: 'recheck',
  },
  {
    id: 'mailbox-space',
    group: 'outage',
    title: L('メールボックスの空き容量を確かめる', 'Check the mailbox space'),
    action: L('Webメールで容量を確認し、添付の大きい古いメールを削除してゴミ箱を空にします。', 'Check the quota in webmail; delete old messages with large attachments and empty the Trash.'),
    lookFor: L('容量に余裕ができれば、受信・送信済みの保存が元に戻ります。', 'Once there is room, receiving and saving sent mail work again.'),
    grade: 'B',
    codes: ['MAILBOX_OVER_QUOTA', 'MAILBOX_NEAR_QUOTA'],
    causes: [],
  },
  // ---------- send vs receive ----------
  {
    id: 'send-receive-split',
    answeredBy: 'both-sides',
    group: 'send-receive',
    title: L('受信と送信のどちらが失敗するか分ける', 'Find out whether receiving or sending fails'),
    action: L('自分宛てにテストメールを送り、受信だけ・送信だけ・両方のどれが失敗するかを確かめます。', 'Send a test message to yourself and see whether receiving, sending or both fail.'),
    lookFor: L('受信はできて送信だけ失敗 → 送信サーバーの設定（ポート・SMTP認証）が原因です。', 'Receiving works but sending fails → the outgoing server settings (port, SMTP authentication).'),
    grade: 'B',
    codes: ['PORT25_BLOCKED', 'SMTP_AUTH_REQUIRED', 'SMTP_RELAY_DENIED', 'SMTP_SENDER_REJECTED'],
    causes: ['sending-only'],
  },
  {
    id: 'smtp-port',
    group: 'send-receive',
    place: 'outgoing-server',
    title: L('送信ポートを 25番から変える', 'Move sending off port 25'),
    action: L('送信サーバーのポートが 25番なら、接続テストで使えたポート（ふつうは 465番（SSL/TLS）、なければ 587番（STARTTLS））に変えます。', 'If the outgoing port is 25, change it to the port the connection test saw work (usually 465 with SSL/TLS, else 587 with STARTTLS).'),
    lookFor: L('25番は多くの回線で止められています（OP25B）。変えた後にテストメールを送ります。', 'Port 25 is blocked on most networks (OP25B). Send a test message after the change.'),
    grade: 'B',
    codes: ['PORT25_BLOCKED'],
    causes: ['sending-only'],
    weakCodes: ['ALTERNATIVE_WORKS'],
  },
  {
    id: 'smtp-auth',
    group: 'send-receive',
    place: 'outgoing-server',
    title: L('送信サーバーの認証（SMTP認証）をオンにする', 'Turn on outgoing server authentication (SMTP auth)'),
    action: L('送信サーバーの設定で認証をオンにし、受信と同じユーザー名とパスワードを入れます。', 'In the outgoing server settings turn authentication on and enter the same user name and password as for receiving.'),
    lookFor: L('「中継できません」「relay」といったエラーが消えるか確かめます。', 'Check that "relaying denied" errors go away.'),
    grade: 'B',
    codes: ['SMTP_AUTH_REQUIRED', 'SMTP_RELAY_DENIED', 'PORT25_BLOCKED'],
    causes: ['sending-only'],
  },
  // ---------- TLS / certificate ----------
  {
    id: 'date-time',
    group: 'tls',
    place: 'date-time',
    title: L('日付と時刻を自動設定にする', 'Set date and time to automatic'),
    action: L('日付と時刻を「自動設定」にして、時刻が正しいか確かめます。', 'Set date and time to automatic and check the clock is right.'),
    lookFor: L('時刻が大きくずれていると「サーバの識別情報を検証できません」などの証明書エラーになります。', 'A clock far off causes certificate errors such as "Cannot Verify Server Identity".'),
    grade: 'B',
    codes: ['TLS_CERT_NOT_YET_VALID', 'TLS_CERT_EXPIRED'],
    causes: [],
    weakCodes: ['TLS_CERT_UNTRUSTED', 'TLS_HANDSHAKE_FAILED'],
  },
  {
    id: 'ssl-setting',
    answeredBy: 'ports',
    group: 'tls',
    place: 'incoming-advanced',
    title: L('SSL の設定とポート番号の組み合わせを確かめる', 'Check the SSL setting matches the port'),
    action: L('993・995・465番は SSL/TLS、587・143番は STARTTLS が普通の組み合わせです。端末の設定がこの組み合わせか確かめます。', 'Ports 993, 995 and 465 go with SSL/TLS; 587 and 143 with STARTTLS. Check the device uses such a pair.'),
    lookFor: L('組み合わせが違うと「SSL で接続できません」「セキュリティエラー」などになります。', 'A mismatch shows errors like "cannot connect using SSL" or "security error".'),
    grade: 'A',
    codes: ['TLS_ON_PLAIN_PORT', 'PLAIN_ON_TLS_PORT', 'STARTTLS_NOT_OFFERED', 'TLS_HANDSHAKE_FAILED', 'INSECURE_CONNECTION', 'AUTH_PLAINTEXT_DISABLED'],
    causes: ['device-settings'],
    weakCodes: ['GREETING_TIMEOUT'],
  },
  {
    id: 'os-update',
    group: 'tls',
    title: L('端末の OS を最新にする', 'Update the device’s operating system'),
    action: L('古い端末では、OS やメールアプリを最新にすると新しい暗号化方式に対応して直ることがあります。', 'On old devices, updating the OS or mail app adds newer TLS versions and may fix it.'),
    lookFor: L('更新後にもう一度診断します。', 'Run the check again after the update.'),
    grade: 'C',
    codes: ['TLS_HANDSHAKE_FAILED'],
    causes: [],
  },
  // ---------- device-specific ----------
  {
    id: 'server-settings',
    answeredBy: 'settings',
    group: 'device',
    place: 'incoming-server',
    title: L('サーバーの設定を正しい値と見比べる', 'Compare the server settings with the correct values'),
    action: L('受信・送信サーバーの名前、ポート、SSL、ユーザー名を、メールドクターが示す正しい値と1つずつ見比べます。', 'Compare incoming and outgoing server name, port, SSL and user name one by one with the correct values Mail Doctor shows.'),
    lookFor: L('違う値があれば正しい値に直します（設定画面の図で強調した欄）。', 'Correct any value that differs (the highlighted fields in the settings picture).'),
    grade: 'B',
    codes: SETTING_CODES,
    causes: ['device-settings'],
  },
  {
    id: 'carrier-profile',
    group: 'device',
    devices: ['iphone'],
    providers: ['docomo', 'au', 'softbank'],
    place: 'carrier-profile',
    title: L('キャリアの構成プロファイルを入れ直す', 'Reinstall the carrier’s configuration profile'),
    action: L('ドコモ・au・ソフトバンクのメールは構成プロファイルで設定されていることが多いです。古いプロファイルを削除し、キャリアの案内に従って入れ直します。', 'docomo / au / SoftBank mail is usually set up by a configuration profile. Remove the old profile and install it again following the carrier’s guidance.'),
    lookFor: L('プロファイルで作ったアカウントは、メールの設定画面では直せないことがあります。', 'Accounts created by a profile may not be editable in Mail settings.'),
    grade: 'C',
    codes: [],
    causes: ['device-side'],
    weakCodes: ['AUTH_FAILED', 'AUTH_APP_PASSWORD_REQUIRED'],
  },
  {
    id: 'credential-manager',
    group: 'device',
    devices: ['outlook-classic', 'outlook-new'],
    place: 'credential-manager',
    title: L('Windows に保存された古いパスワードを消す', 'Remove old passwords stored in Windows'),
    action: L('資格情報マネージャーの「Windows 資格情報」から、このメールアドレスやサーバー名の項目を削除し、Outlook を開き直してパスワードを入れます。', 'In Credential Manager > Windows Credentials remove the entries for this address or server, reopen Outlook and enter the password.'),
    lookFor: L('パスワードを何度聞かれても通らない症状が消えるか確かめます。', 'Check that the endless password prompts stop.'),
    grade: 'B',
    codes: ['AUTH_FAILED'],
    causes: ['device-side', 'password-changed'],
  },
  {
    id: 'offline-mode',
    group: 'device',
    devices: ['outlook-classic', 'mac-mail'],
    place: 'offline-mode',
    title: L('オフライン作業になっていないか確かめる', 'Make sure the app is not offline'),
    action: (d) =>
      d === 'outlook-classic'
        ? L('「送受信」タブの「オフライン作業」がオンになっていたらオフにします。', 'If "Work Offline" on the Send / Receive tab is on, turn it off.')
        : L('アカウントがオフラインになっていたら、オンラインに戻します。', 'If the account is offline, take it online again.'),
    lookFor: L('画面の下やアカウント名の横の「オフライン」表示が消えるか確かめます。', 'Check the "offline" indicator disappears.'),
    grade: 'C',
    codes: [],
    causes: ['device-side', 'first-checks'],
  },
  {
    id: 'profile-repair',
    group: 'device',
    devices: ['outlook-classic'],
    place: 'profile-repair',
    title: L('Outlook のアカウントを修復する', 'Repair the Outlook account'),
    action: L('アカウント設定でアカウントを選び、「修復」を実行します。直らなければ新しいプロファイルを作ります。', 'In Account Settings select the account and run "Repair". If that fails, create a new profile.'),
    lookFor: L('修復後に送受信を試します。', 'Try Send / Receive after the repair.'),
    grade: 'C',
    codes: [],
    causes: ['device-side'],
  },
  {
    id: 'connection-doctor',
    group: 'device',
    devices: ['mac-mail'],
    place: 'connection-test',
    title: L('接続診断を開く', 'Open Connection Doctor'),
    action: L('メールの「ウインドウ」メニューから接続診断を開き、受信・送信サーバーの状態を確かめます。', 'Open Connection Doctor from Mail’s Window menu and check the incoming and outgoing servers.'),
    lookFor: L('赤い表示のサーバーが問題の箇所です。', 'A server shown in red is where the problem is.'),
    grade: 'B',
    codes: [],
    causes: ['device-side'],
  },
  {
    id: 'test-account-settings',
    group: 'device',
    devices: ['outlook-classic'],
    place: 'connection-test',
    title: L('アカウント設定のテストを実行する', 'Run Test Account Settings'),
    action: L('設定を直したら「アカウント設定のテスト」で受信と送信を確かめます。', 'After changing settings, run "Test Account Settings" to check receiving and sending.'),
    lookFor: L('両方に「完了」と出れば設定は正しいです。', 'Both tasks completed means the settings are right.'),
    grade: 'B',
    codes: [],
    causes: [],
    weakCodes: SETTING_CODES,
    weakCauses: ['device-settings'],
  },
  {
    id: 'battery-optimisation',
    group: 'device',
    devices: ANDROIDS,
    place: 'battery',
    title: L('バッテリーの最適化を外す', 'Exempt the mail app from battery optimisation'),
    action: L('メールアプリのバッテリー設定を「制限なし」にします。', 'Set the mail app’s battery usage to unrestricted.'),
    lookFor: L('画面を閉じているとメールが届かない・遅れる症状が直るか確かめます。', 'Check that mail no longer stops or arrives late while the screen is off.'),
    grade: 'C',
    codes: [],
    causes: ['device-side'],
  },
  {
    id: 'background-data',
    group: 'device',
    devices: ANDROIDS,
    place: 'background-data',
    title: L('バックグラウンドのデータ通信を許可する', 'Allow background data'),
    action: L('メールアプリのモバイルデータ設定で、バックグラウンドのデータ使用を許可します。データセーバーもオフにして試します。', 'Allow background data for the mail app and try with Data Saver off.'),
    lookFor: L('モバイルデータのときだけ受信しない症状が直るか確かめます。', 'Check that mail now also arrives on mobile data.'),
    grade: 'C',
    codes: [],
    causes: ['device-side'],
  },
  {
    id: 'sync-on',
    group: 'device',
    devices: ANDROIDS,
    place: 'sync',
    title: L('アカウントの同期をオンにする', 'Turn account sync on'),
    action: L('端末のアカウント設定で、このメールアカウントの同期がオンになっているか確かめます。', 'In the phone’s account settings check that sync is on for this mail account.'),
    lookFor: L('同期がオフだと新しいメールが自動で届きません。', 'With sync off, new mail does not arrive automatically.'),
    grade: 'C',
    codes: [],
    causes: ['device-side'],
  },
  {
    id: 'backup-before-delete',
    group: 'device',
    title: L('アカウントを削除する前にバックアップする', 'Back up before deleting the account'),
    action: L('今の設定画面を写真に撮り、端末の中にだけあるメール（POP で受信したもの、下書き、送信済み）を書き出すか転送しておきます。', 'Photograph the current settings screens and export or forward mail that exists only on the device (POP-downloaded, drafts, sent).'),
    lookFor: L('IMAP のメールはサーバーに残りますが、POP で受信したメールは削除すると消えます。', 'IMAP mail stays on the server, but POP-downloaded mail is lost when the account is deleted.'),
    grade: 'B',
    codes: [],
    causes: ['device-side'],
  },
  {
    id: 'delete-readd',
    group: 'device',
    place: 'delete-account',
    needsPlace: true,
    title: L('アカウントを削除して追加し直す', 'Delete the account and add it again'),
    action: L('バックアップの後でアカウントを削除し、正しい設定で追加し直します。', 'After the backup, delete the account and add it again with the correct settings.'),
    lookFor: L('追加し直した直後に受信と送信を試します。', 'Try receiving and sending right after adding it again.'),
    grade: 'B',
    codes: ['AUTH_BASIC_DISABLED'],
    causes: ['device-side'],
    deletes: true,
  },
  // ---------- carrier / provider specifics ----------
  {
    id: 'docomo-imap-password',
    group: 'provider',
    providers: ['docomo'],
    outsidePath: {
      path: L('My docomo > メール設定 > IMAP専用ID・パスワードの確認', 'My docomo > メール設定 > IMAP専用ID・パスワードの確認'),
      grade: 'B',
      url: 'https://www.nttdocomo.co.jp/service/docomo_mail/security/index.html',
    },
    title: L('ドコモの IMAP専用パスワードを確認する', 'Check docomo’s IMAP-only password'),
    action: L('スマートフォンの Wi-Fi をオフにして My docomo を開き、ネットワーク暗証番号か spモードパスワードを入れて、IMAP用ID と IMAP専用パスワードを確認します。', 'With the phone’s Wi-Fi off, open My docomo, enter the network PIN or sp-mode password, and check the IMAP ID and IMAP-only password.'),
    lookFor: L('ユーザー名に IMAP用ID、パスワードに IMAP専用パスワードを入れます（dアカウントのパスワードではありません）。', 'Use the IMAP ID as user name and the IMAP-only password (not the d ACCOUNT password).'),
    grade: 'B',
    codes: AUTH_CODES,
    causes: ['password-changed'],
  },
  {
    id: 'au-mail',
    group: 'provider',
    providers: ['au'],
    title: L('au メールの設定を確かめる', 'Check the au mail settings'),
    action: L('ユーザー名はメールアドレスではなく au メールのアカウントID です。パスワードは au ID のものではなく、メール用に発行されたものという情報があります。', 'The user name is the au mail account ID, not the address. The password is reportedly one issued for mail, not the au ID password.'),
    lookFor: L('au の公式の手順は確認できていません。au のサポートでも確かめてください。', 'au’s official procedure is unconfirmed; check with au support too.'),
    grade: 'C',
    codes: AUTH_CODES,
    causes: [],
  },
  {
    id: 'softbank-password',
    group: 'provider',
    providers: ['softbank'],
    outsidePath: { path: L('My SoftBank', 'My SoftBank'), grade: 'A', url: 'https://www.softbank.jp/support/faq/view/10634' },
    title: L('ソフトバンク Eメール(i) のパスワードを再設定する', 'Reset the SoftBank Eメール(i) password'),
    action: L('Eメール(i) のパスワードは表示できないので、My SoftBank で再設定し、端末に入れ直します。', 'The Eメール(i) password cannot be displayed: reset it in My SoftBank and enter it on the device.'),
    lookFor: L('ソフトバンク ID のパスワードとは別物です。', 'It is not the SoftBank ID password.'),
    grade: 'A',
    codes: AUTH_CODES,
    causes: ['password-changed'],
  },
  {
    id: 'yahoo-japan-access',
    group: 'provider',
    providers: ['yahoo-japan'],
    outsidePath: { path: L('Yahoo!メール > 設定・利用規約 > メールの設定 > IMAP/POP/SMTPアクセスとメール転送', 'Yahoo!メール > 設定・利用規約 > メールの設定 > IMAP/POP/SMTPアクセスとメール転送'), grade: 'B' },
    title: L('Yahoo!メールの IMAP/POP/SMTP アクセスを有効にする', 'Enable IMAP/POP/SMTP access in Yahoo! Mail'),
    action: L('「Yahoo! JAPAN公式サービス以外からのアクセスも有効にする」を選び、IMAP（または POP）と SMTP を有効にして保存します。ID にパスワードが設定されているかも確かめます。', 'Choose 「Yahoo! JAPAN公式サービス以外からのアクセスも有効にする」, enable IMAP (or POP) and SMTP and save. Also check the ID has a password.'),
    lookFor: L('SMTP だけ有効では足りません。パスワードなしでログインする ID はメールアプリで使えません。', 'SMTP alone is not enough; a password-less ID cannot be used in mail apps.'),
    grade: 'B',
    codes: [...AUTH_CODES, 'SMTP_AUTH_REQUIRED'],
    causes: [],
  },
];
