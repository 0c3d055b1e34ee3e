/**
 * Menu paths on each device family.
 *
 * Each path carries its own grade per language, because the English and the
 * Japanese labels were verified separately (often only the English one).
 * Apple's Japanese UI writes サーバ/ユーザ without ー, so the iPhone and Mac
 * paths do too. A path segment in brackets ([アカウント]) stands for the
 * customer's own account name.
 *
 * Grades: B where public guides for the current layout agree (iOS 18, Outlook
 * classic's account dialog, Mac Mail, the Gmail app's account settings,
 * Windows 11 Settings), C where one guide or the newest Android layout shows
 * it, U where nothing public confirms it (new Outlook, Samsung Email).
 */
import type { Device, Grade, Lang, Localized } from '../../models/device';
import { assertNever } from '../../result';
import { L, pick } from '../findings/fix-types';

/** The places a fix or checklist step sends the customer to. */
export const PLACES = [
  'account-list',
  'password',
  'incoming-server',
  'incoming-advanced',
  'outgoing-server',
  'add-account',
  'delete-account',
  'airplane-mode',
  'wifi',
  'vpn',
  'date-time',
  'network-reset',
  'carrier-profile',
  'credential-manager',
  'offline-mode',
  'profile-repair',
  'connection-test',
  'battery',
  'background-data',
  'sync',
] as const;
export type Place = (typeof PLACES)[number];

export interface DevicePath {
  ja: string[];
  en: string[];
  grade: { ja: Grade; en: Grade };
  note?: Localized;
}

/** A path resolved to one language. */
export interface ResolvedPath {
  path: string[];
  grade: Grade;
  note?: string;
}

function p(ja: string[], en: string[], gradeJa: Grade, gradeEn: Grade, note?: Localized): DevicePath {
  return note ? { ja, en, grade: { ja: gradeJa, en: gradeEn }, note } : { ja, en, grade: { ja: gradeJa, en: gradeEn } };
}

// ---------- iPhone / iPad (iOS 18 layout first; older layout in the note) ----------

const IOS_ACCOUNTS_JA = ['設定', 'アプリ', 'メール', 'メールアカウント'];
const IOS_ACCOUNTS_EN = ['Settings', 'Apps', 'Mail', 'Mail Accounts'];
const IOS17_NOTE = L('iOS 17 以前は 設定 > メール > アカウント です。', 'On iOS 17 and earlier: Settings > Mail > Accounts.');

const IPHONE: Partial<Record<Place, DevicePath>> = {
  'account-list': p(IOS_ACCOUNTS_JA, IOS_ACCOUNTS_EN, 'B', 'B', IOS17_NOTE),
  password: p(
    [...IOS_ACCOUNTS_JA, '[アカウント]', 'アカウント', 'パスワード'],
    [...IOS_ACCOUNTS_EN, '[account]', 'Account', 'Password'],
    'B',
    'B',
    L('iOS のバージョンにより「アカウント設定」と表示されます。' + IOS17_NOTE.ja, "Depending on the iOS version it reads 'Account Settings'. " + IOS17_NOTE.en),
  ),
  // 「受信メールサーバ」 is a section header on the account screen, not a row to tap: the fields sit under it.
  'incoming-server': p(
    [...IOS_ACCOUNTS_JA, '[アカウント]', 'アカウント', '受信メールサーバの「ホスト名」'],
    [...IOS_ACCOUNTS_EN, '[account]', 'Account', 'Host Name under Incoming Mail Server'],
    'C',
    'C',
    IOS17_NOTE,
  ),
  'incoming-advanced': p(
    [...IOS_ACCOUNTS_JA, '[アカウント]', 'アカウント', '詳細'],
    [...IOS_ACCOUNTS_EN, '[account]', 'Account', 'Advanced'],
    'B',
    'B',
    IOS17_NOTE,
  ),
  // The row to tap is 「SMTP」 under the header 送信メールサーバ; the next screen lists the host under the
  // header プライマリサーバ, and that host row is the one to tap.
  'outgoing-server': p(
    [...IOS_ACCOUNTS_JA, '[アカウント]', 'アカウント', '送信メールサーバの「SMTP」', 'プライマリサーバの smtp.〜'],
    [...IOS_ACCOUNTS_EN, '[account]', 'Account', 'SMTP under Outgoing Mail Server', 'the smtp.… row under Primary Server'],
    'C',
    'B',
    IOS17_NOTE,
  ),
  'add-account': p(
    [...IOS_ACCOUNTS_JA, 'アカウントを追加', 'その他', 'メールアカウントを追加'],
    [...IOS_ACCOUNTS_EN, 'Add Account', 'Other', 'Add Mail Account'],
    'B',
    'B',
  ),
  'delete-account': p([...IOS_ACCOUNTS_JA, '[アカウント]', 'アカウントを削除'], [...IOS_ACCOUNTS_EN, '[account]', 'Delete Account'], 'B', 'B'),
  'airplane-mode': p(['コントロールセンター', '機内モード'], ['Control Center', 'Airplane Mode'], 'B', 'B', L('設定 > 機内モード でも切り替えられます。', 'Also at Settings > Airplane Mode.')),
  wifi: p(['設定', 'Wi-Fi'], ['Settings', 'Wi-Fi'], 'U', 'U'),
  vpn: p(['設定', '一般', 'VPNとデバイス管理'], ['Settings', 'General', 'VPN & Device Management'], 'B', 'B', L('設定 > VPN と表示される機種もあります。', 'Some versions show Settings > VPN.')),
  'date-time': p(['設定', '一般', '日付と時刻', '自動設定'], ['Settings', 'General', 'Date & Time', 'Set Automatically'], 'B', 'B'),
  'network-reset': p(
    ['設定', '一般', '転送またはiPhoneをリセット', 'リセット', 'ネットワーク設定をリセット'],
    ['Settings', 'General', 'Transfer or Reset iPhone', 'Reset', 'Reset Network Settings'],
    'B',
    'B',
    L('Wi-Fi のパスワードも消えます。先に控えてください。', 'This also forgets Wi-Fi passwords: note them first.'),
  ),
  'carrier-profile': p(
    ['設定', '一般', 'VPNとデバイス管理'],
    ['Settings', 'General', 'VPN & Device Management'],
    'U',
    'U',
    L(
      'ドコモ・au・ソフトバンクのメールはキャリアの構成プロファイルで設定されていることが多く、その場合はメールの設定画面では直せません。プロファイルを入れ直します。',
      'docomo / au / SoftBank mail is usually set up by the carrier’s configuration profile; such accounts may not be editable in Mail settings: reinstall the profile instead.',
    ),
  ),
};

// ---------- Windows (shared by both Outlooks) ----------

const WIN: Partial<Record<Place, DevicePath>> = {
  'airplane-mode': p(['Windows の設定', 'ネットワークとインターネット', '機内モード'], ['Windows Settings', 'Network & internet', 'Airplane mode'], 'B', 'B'),
  wifi: p(['Windows の設定', 'ネットワークとインターネット', 'Wi-Fi'], ['Windows Settings', 'Network & internet', 'Wi-Fi'], 'B', 'B'),
  vpn: p(['Windows の設定', 'ネットワークとインターネット', 'VPN'], ['Windows Settings', 'Network & internet', 'VPN'], 'B', 'B'),
  'date-time': p(
    ['Windows の設定', '時刻と言語', '日付と時刻', '時刻を自動的に設定する'],
    ['Windows Settings', 'Time & language', 'Date & time', 'Set time automatically'],
    'B',
    'B',
  ),
  'network-reset': p(
    ['Windows の設定', 'ネットワークとインターネット', 'ネットワークの詳細設定', 'ネットワークのリセット'],
    ['Windows Settings', 'Network & internet', 'Advanced network settings', 'Network reset'],
    'B',
    'B',
  ),
  // In Control Panel's default category view Credential Manager sits under User Accounts.
  'credential-manager': p(
    ['コントロール パネル', 'ユーザー アカウント', '資格情報マネージャー', 'Windows 資格情報'],
    ['Control Panel', 'User Accounts', 'Credential Manager', 'Windows Credentials'],
    'B',
    'B',
    L('スタートの検索に「資格情報マネージャー」と入れても開けます。', 'You can also type "Credential Manager" into the Start search.'),
  ),
};

// ---------- Outlook classic ----------

const OLK_ACCOUNTS_JA = ['ファイル', '情報', 'アカウント設定', 'アカウント設定'];
const OLK_ACCOUNTS_EN = ['File', 'Info', 'Account Settings', 'Account Settings'];
// Current Microsoft 365 builds often show the simplified 「サーバーの設定」 dialog for POP as well as IMAP.
const OLK_M365_NOTE = L(
  '表示が違う場合（Microsoft 365 版の Outlook など）は ファイル > アカウント設定 > サーバーの設定 です。',
  'If the screen looks different (e.g. Microsoft 365 builds): File > Account Settings > Server Settings.',
);

const OUTLOOK_CLASSIC: Partial<Record<Place, DevicePath>> = {
  ...WIN,
  'account-list': p(
    OLK_ACCOUNTS_JA,
    OLK_ACCOUNTS_EN,
    'B',
    'B',
    L('Outlook を開かずに: コントロール パネル > Mail (Microsoft Outlook) > 電子メール アカウント。', 'Without opening Outlook: Control Panel > Mail > Email Accounts.'),
  ),
  password: p([...OLK_ACCOUNTS_JA, '[アカウント]', '変更', 'ログオン情報', 'パスワード'], [...OLK_ACCOUNTS_EN, '[account]', 'Change', 'Logon Information', 'Password'], 'C', 'B', OLK_M365_NOTE),
  'incoming-server': p([...OLK_ACCOUNTS_JA, '[アカウント]', '変更', 'サーバー情報'], [...OLK_ACCOUNTS_EN, '[account]', 'Change', 'Server Information'], 'C', 'B', OLK_M365_NOTE),
  'incoming-advanced': p(
    [...OLK_ACCOUNTS_JA, '[アカウント]', '変更', '詳細設定', '詳細設定 タブ'],
    [...OLK_ACCOUNTS_EN, '[account]', 'Change', 'More Settings', 'Advanced tab'],
    'B',
    'B',
    OLK_M365_NOTE,
  ),
  'outgoing-server': p(
    [...OLK_ACCOUNTS_JA, '[アカウント]', '変更', '詳細設定', '送信サーバー タブ'],
    [...OLK_ACCOUNTS_EN, '[account]', 'Change', 'More Settings', 'Outgoing Server tab'],
    'B',
    'B',
    OLK_M365_NOTE,
  ),
  'add-account': p(
    ['ファイル', 'アカウントの追加', '詳細オプション', '自分で自分のアカウントを手動で設定'],
    ['File', 'Add Account', 'Advanced options', 'Let me set up my account manually'],
    'C',
    'A',
  ),
  'delete-account': p([...OLK_ACCOUNTS_JA, '[アカウント]', '削除'], [...OLK_ACCOUNTS_EN, '[account]', 'Remove'], 'U', 'U'),
  'offline-mode': p(['送受信', 'オフライン作業'], ['Send / Receive', 'Work Offline'], 'B', 'B'),
  'profile-repair': p([...OLK_ACCOUNTS_JA, '[アカウント]', '修復'], [...OLK_ACCOUNTS_EN, '[account]', 'Repair'], 'U', 'U'),
  'connection-test': p(
    [...OLK_ACCOUNTS_JA, '[アカウント]', '変更', 'アカウント設定のテスト'],
    [...OLK_ACCOUNTS_EN, '[account]', 'Change', 'Test Account Settings'],
    'B',
    'B',
    L('「サーバーの設定」の画面（Microsoft 365 版など）にはこのボタンがありません。', 'The simplified Server Settings dialog (e.g. Microsoft 365 builds) has no such button.'),
  ),
};

// ---------- new Outlook (nothing verified: every path is U) ----------

const NOLK_ACCOUNTS_JA = ['設定（歯車）', 'アカウント', 'メール アカウント'];
const NOLK_ACCOUNTS_EN = ['Settings (gear)', 'Accounts', 'Email accounts'];
const NOLK_SERVER_NOTE = L(
  '新しい Outlook ではサーバーの値を後から直せないことがあります。その場合はアカウントを削除し、「アカウントを追加」から IMAP/POP を選んで追加し直します。',
  'New Outlook may not let you edit server values later. If so, remove the account and add it again, choosing IMAP/POP in "Add account".',
);

/**
 * New Outlook fetches and sends IMAP/POP mail through Microsoft's cloud, not from the PC: the
 * customer's network, VPN and OP25B do not decide whether it works, and providers that refuse
 * logins from abroad or from unusual sources (Yahoo! JAPAN's overseas access restriction, docomo
 * outside its network) can fail in new Outlook only.
 */
export const CLOUD_SYNC_NOTE = L(
  '新しい Outlook は、IMAP/POP のメールをこのパソコンからではなく Microsoft のクラウド経由で受信・送信します。そのため、お客様の回線・Wi-Fi・VPN を切り替えても結果は変わりません。海外や見慣れない場所からのログインを拒否するプロバイダー（Yahoo!メールの「海外からのアクセス制限」、ドコモメールなど）では、新しい Outlook だけつながらないことがあります。',
  'New Outlook receives and sends IMAP/POP mail through Microsoft’s cloud, not from this PC, so switching the customer’s line, Wi-Fi or VPN changes nothing. Providers that refuse logins from abroad or unusual places (Yahoo! JAPAN’s overseas access restriction, docomo mail …) can fail in new Outlook only.',
);

/** Devices whose mail goes through the vendor's cloud, for which local-network advice misleads. */
export const CLOUD_SYNCED_DEVICES: readonly Device[] = ['outlook-new'];

const withCloudNote = (dp: DevicePath | undefined): DevicePath | undefined =>
  dp && { ...dp, note: dp.note ? L(`${CLOUD_SYNC_NOTE.ja} ${dp.note.ja}`, `${CLOUD_SYNC_NOTE.en} ${dp.note.en}`) : CLOUD_SYNC_NOTE };

const OUTLOOK_NEW_NETWORK: Partial<Record<Place, DevicePath>> = {};
for (const place of ['airplane-mode', 'wifi', 'vpn', 'network-reset'] as const) {
  const dp = withCloudNote(WIN[place]);
  if (dp) OUTLOOK_NEW_NETWORK[place] = dp;
}

const OUTLOOK_NEW: Partial<Record<Place, DevicePath>> = {
  ...WIN,
  ...OUTLOOK_NEW_NETWORK,
  'account-list': p(NOLK_ACCOUNTS_JA, NOLK_ACCOUNTS_EN, 'U', 'U', CLOUD_SYNC_NOTE),
  password: p([...NOLK_ACCOUNTS_JA, '[アカウント]', '管理'], [...NOLK_ACCOUNTS_EN, '[account]', 'Manage'], 'U', 'U', NOLK_SERVER_NOTE),
  'incoming-server': p([...NOLK_ACCOUNTS_JA, '[アカウント]', '管理'], [...NOLK_ACCOUNTS_EN, '[account]', 'Manage'], 'U', 'U', NOLK_SERVER_NOTE),
  'incoming-advanced': p([...NOLK_ACCOUNTS_JA, '[アカウント]', '管理'], [...NOLK_ACCOUNTS_EN, '[account]', 'Manage'], 'U', 'U', NOLK_SERVER_NOTE),
  'outgoing-server': p([...NOLK_ACCOUNTS_JA, '[アカウント]', '管理'], [...NOLK_ACCOUNTS_EN, '[account]', 'Manage'], 'U', 'U', NOLK_SERVER_NOTE),
  'add-account': p([...NOLK_ACCOUNTS_JA, 'アカウントを追加'], [...NOLK_ACCOUNTS_EN, 'Add account'], 'U', 'U'),
  'delete-account': p([...NOLK_ACCOUNTS_JA, '[アカウント]', '削除'], [...NOLK_ACCOUNTS_EN, '[account]', 'Remove'], 'U', 'U'),
};

// ---------- Android (Gmail app and Samsung Email) ----------

const ANDROID: Partial<Record<Place, DevicePath>> = {
  'airplane-mode': p(['画面上端から下にスワイプ（クイック設定）', '機内モード'], ['Swipe down from the top (Quick Settings)', 'Airplane mode'], 'U', 'U'),
  wifi: p(['設定', 'ネットワークとインターネット', 'インターネット'], ['Settings', 'Network & internet', 'Internet'], 'U', 'U'),
  vpn: p(['設定', 'ネットワークとインターネット', 'VPN'], ['Settings', 'Network & internet', 'VPN'], 'U', 'U'),
  'date-time': p(['設定', 'システム', '日付と時刻', '日時を自動的に設定'], ['Settings', 'System', 'Date & time', 'Set time automatically'], 'U', 'U'),
  // Android 15 (Pixel) splits the old 「Wi-Fi、モバイル、Bluetooth をリセット」 in two.
  'network-reset': p(
    ['設定', 'システム', 'リセット オプション', 'Bluetooth と Wi-Fi をリセット'],
    ['Settings', 'System', 'Reset options', 'Reset Bluetooth & Wi-Fi'],
    'C',
    'C',
    L(
      'Pixel（Android 15 以降）の場合です。モバイル回線は「モバイル ネットワーク設定をリセット」で別にリセットします。Android 14 以前は「Wi-Fi、モバイル、Bluetooth をリセット」です。機種によりメニュー名が違います。',
      'This is the Pixel layout on Android 15 and later; the mobile network is reset separately with "Reset mobile network settings". Android 14 and earlier: "Reset Wi-Fi, mobile & Bluetooth". Other phones name it differently.',
    ),
  ),
  sync: p(
    ['設定', 'パスワード、パスキー、アカウント', '[アカウント]', 'アカウントの同期'],
    ['Settings', 'Passwords, passkeys & accounts', '[account]', 'Account sync'],
    'C',
    'C',
    L(
      'Android 14 以降の表示です。それより前や機種により「パスワードとアカウント」「アカウント」「ユーザーとアカウント」と表示されます。',
      'The Android 14+ name. Older versions and some phones call it "Passwords & accounts", "Accounts" or "Users & accounts".',
    ),
  ),
};

const GMAIL_SETTINGS_JA = ['Gmail', '≡（メニュー）', '設定'];
const GMAIL_SETTINGS_EN = ['Gmail', '≡ (menu)', 'Settings'];

const ANDROID_GMAIL: Partial<Record<Place, DevicePath>> = {
  ...ANDROID,
  'account-list': p(GMAIL_SETTINGS_JA, GMAIL_SETTINGS_EN, 'B', 'B'),
  password: p([...GMAIL_SETTINGS_JA, '[アカウント]', '受信設定'], [...GMAIL_SETTINGS_EN, '[account]', 'Incoming settings'], 'B', 'B', L('送信設定にもパスワード欄があります。両方を直します。', 'Outgoing settings has a password field too: fix both.')),
  'incoming-server': p([...GMAIL_SETTINGS_JA, '[アカウント]', '受信設定'], [...GMAIL_SETTINGS_EN, '[account]', 'Incoming settings'], 'B', 'B'),
  'incoming-advanced': p([...GMAIL_SETTINGS_JA, '[アカウント]', '受信設定'], [...GMAIL_SETTINGS_EN, '[account]', 'Incoming settings'], 'B', 'B'),
  'outgoing-server': p([...GMAIL_SETTINGS_JA, '[アカウント]', '送信設定'], [...GMAIL_SETTINGS_EN, '[account]', 'Outgoing settings'], 'B', 'B'),
  'add-account': p([...GMAIL_SETTINGS_JA, 'アカウントを追加', 'その他'], [...GMAIL_SETTINGS_EN, 'Add account', 'Other'], 'U', 'U'),
  // The current app reaches accounts from the profile picture; ≡ > アカウントを管理 is the layout of about 2017.
  'delete-account': p(
    ['Gmail', '右上のプロフィール写真', 'このデバイスのアカウントを管理', '[アカウント]', 'アカウントを削除'],
    ['Gmail', 'Profile picture (top right)', 'Manage accounts on this device', '[account]', 'Remove account'],
    'C',
    'C',
  ),
  battery: p(['設定', 'アプリ', 'Gmail', 'アプリのバッテリー使用量', '制限なし'], ['Settings', 'Apps', 'Gmail', 'App battery usage', 'Unrestricted'], 'U', 'U'),
  'background-data': p(
    ['設定', 'アプリ', 'Gmail', 'モバイルデータと Wi-Fi', 'バックグラウンド データ'],
    ['Settings', 'Apps', 'Gmail', 'Mobile data & Wi-Fi', 'Background data'],
    'U',
    'U',
  ),
};

const SAMSUNG_ACCOUNT_JA = ['Samsung Email', '≡（メニュー）', '⚙ 設定', '[アカウント]'];
const SAMSUNG_ACCOUNT_EN = ['Samsung Email', '≡ (menu)', '⚙ Settings', '[account]'];

const SAMSUNG_EMAIL: Partial<Record<Place, DevicePath>> = {
  ...ANDROID,
  'account-list': p(['Samsung Email', '≡（メニュー）', '⚙ 設定'], ['Samsung Email', '≡ (menu)', '⚙ Settings'], 'U', 'U'),
  password: p([...SAMSUNG_ACCOUNT_JA, 'サーバー設定'], [...SAMSUNG_ACCOUNT_EN, 'Server settings'], 'U', 'U'),
  'incoming-server': p([...SAMSUNG_ACCOUNT_JA, 'サーバー設定'], [...SAMSUNG_ACCOUNT_EN, 'Server settings'], 'U', 'U'),
  'incoming-advanced': p([...SAMSUNG_ACCOUNT_JA, 'サーバー設定'], [...SAMSUNG_ACCOUNT_EN, 'Server settings'], 'U', 'U'),
  'outgoing-server': p([...SAMSUNG_ACCOUNT_JA, 'サーバー設定'], [...SAMSUNG_ACCOUNT_EN, 'Server settings'], 'U', 'U'),
  'add-account': p(['Samsung Email', '≡（メニュー）', '⚙ 設定', 'アカウントを追加'], ['Samsung Email', '≡ (menu)', '⚙ Settings', 'Add account'], 'U', 'U'),
  'delete-account': p([...SAMSUNG_ACCOUNT_JA, '削除'], [...SAMSUNG_ACCOUNT_EN, 'Remove'], 'U', 'U'),
  'network-reset': p(['設定', '一般管理', 'リセット', 'ネットワーク設定をリセット'], ['Settings', 'General management', 'Reset', 'Reset network settings'], 'U', 'U'),
  'date-time': p(['設定', '一般管理', '日付と時刻', '日時を自動設定'], ['Settings', 'General management', 'Date and time', 'Automatic date and time'], 'U', 'U'),
  wifi: p(['設定', '接続', 'Wi-Fi'], ['Settings', 'Connections', 'Wi-Fi'], 'U', 'U'),
  vpn: p(['設定', '接続', 'その他の接続設定', 'VPN'], ['Settings', 'Connections', 'More connection settings', 'VPN'], 'U', 'U'),
  battery: p(['設定', 'アプリ', 'Email', 'バッテリー', '制限なし'], ['Settings', 'Apps', 'Email', 'Battery', 'Unrestricted'], 'U', 'U'),
  'background-data': p(
    ['設定', 'アプリ', 'Email', 'モバイルデータ', 'バックグラウンドデータの使用を許可'],
    ['Settings', 'Apps', 'Email', 'Mobile data', 'Allow background data usage'],
    'U',
    'U',
  ),
  sync: p([...SAMSUNG_ACCOUNT_JA, 'アカウントを同期'], [...SAMSUNG_ACCOUNT_EN, 'Sync account'], 'U', 'U'),
};

// ---------- Mac Mail ----------

const MAC_ACCOUNT_JA = ['メール', '設定（環境設定）', 'アカウント', '[アカウント]', 'サーバ設定'];
const MAC_ACCOUNT_EN = ['Mail', 'Settings (Preferences)', 'Accounts', '[account]', 'Server Settings'];
const MAC_PORT_NOTE = L(
  'ポートを変えるには「接続設定を自動的に管理」のチェックを外します。',
  'To change the port, untick "Automatically manage connection settings".',
);

const MAC_MAIL: Partial<Record<Place, DevicePath>> = {
  'account-list': p(['メール', '設定（環境設定）', 'アカウント'], ['Mail', 'Settings (Preferences)', 'Accounts'], 'B', 'B'),
  password: p(MAC_ACCOUNT_JA, MAC_ACCOUNT_EN, 'B', 'B'),
  'incoming-server': p(MAC_ACCOUNT_JA, MAC_ACCOUNT_EN, 'B', 'B', MAC_PORT_NOTE),
  'incoming-advanced': p(MAC_ACCOUNT_JA, MAC_ACCOUNT_EN, 'B', 'B', MAC_PORT_NOTE),
  'outgoing-server': p(
    MAC_ACCOUNT_JA,
    MAC_ACCOUNT_EN,
    'B',
    'B',
    L(
      '古い macOS では 送信用メールサーバ (SMTP) > SMTPサーバリストを編集 です。' + MAC_PORT_NOTE.ja,
      'Older macOS: Outgoing Mail Server (SMTP) > Edit SMTP Server List. ' + MAC_PORT_NOTE.en,
    ),
  ),
  'connection-test': p(['メール', 'ウインドウ', '接続診断'], ['Mail', 'Window', 'Connection Doctor'], 'B', 'B'),
  'add-account': p(['メール', '設定（環境設定）', 'アカウント', '＋', 'その他のメールアカウント'], ['Mail', 'Settings (Preferences)', 'Accounts', '+', 'Other Mail Account'], 'U', 'U'),
  'delete-account': p(['システム設定', 'インターネットアカウント', '[アカウント]', 'アカウントを削除'], ['System Settings', 'Internet Accounts', '[account]', 'Delete Account'], 'U', 'U'),
  'offline-mode': p(['メール', 'メールボックス', 'すべてのアカウントをオンラインにする'], ['Mail', 'Mailbox', 'Take All Accounts Online'], 'B', 'B'),
  wifi: p(['システム設定', 'Wi-Fi'], ['System Settings', 'Wi-Fi'], 'U', 'U'),
  vpn: p(['システム設定', 'VPN'], ['System Settings', 'VPN'], 'U', 'U'),
  'date-time': p(['システム設定', '一般', '日付と時刻', '時刻と日付を自動的に設定'], ['System Settings', 'General', 'Date & Time', 'Set time and date automatically'], 'U', 'U'),
};

function pathsFor(device: Device): Partial<Record<Place, DevicePath>> {
  switch (device) {
    case 'iphone': return IPHONE;
    case 'outlook-classic': return OUTLOOK_CLASSIC;
    case 'outlook-new': return OUTLOOK_NEW;
    case 'android-gmail': return ANDROID_GMAIL;
    case 'samsung-email': return SAMSUNG_EMAIL;
    case 'mac-mail': return MAC_MAIL;
    default: return assertNever(device, 'device');
  }
}

/** The path to a place on a device, both languages; undefined when the device has no such place. */
export function devicePath(device: Device, place: Place): DevicePath | undefined {
  return pathsFor(device)[place];
}

/** The path in one language with that language's grade. */
export function resolvePath(device: Device, place: Place, lang: Lang): ResolvedPath | undefined {
  const dp = devicePath(device, place);
  if (!dp) return undefined;
  const out: ResolvedPath = { path: lang === 'ja' ? dp.ja : dp.en, grade: dp.grade[lang] };
  if (dp.note) out.note = pick(dp.note, lang);
  return out;
}
