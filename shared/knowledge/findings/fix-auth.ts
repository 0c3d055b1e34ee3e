/**
 * Provider-aware password and sign-in fixes (AUTH_* findings).
 *
 * Which password a mail app needs differs by provider, and telling a customer
 * to "re-enter the password" when the provider needs a special one wastes the
 * call: docomo needs the IMAP専用パスワード, SoftBank the Eメール(i) password,
 * Gmail/iCloud/Yahoo an app password, Outlook.com/Microsoft 365 no password at
 * all (Microsoft sign-in). Sources: each provider's entry in catalog.ts.
 */
import type { Protocol } from '../../models/account';
import type { Device, Grade, Lang, Localized } from '../../models/device';
import { assertNever } from '../../result';
import type { ProviderEntry, ProviderId } from '../providers/catalog-types';
import { fieldLabelOrPlain } from '../devices/device-labels';
import { resolvePath } from '../devices/device-paths';
import { L, pick, type FixStep } from './fix-types';

/** The kind of secret the mail app must be given, as the customer knows it. */
export type PasswordKind = 'normal' | 'app-password' | 'provider-password' | 'microsoft-sign-in' | 'google-sign-in';

interface Step {
  text: Localized;
  grade: Grade;
  path?: Localized & { pathGrade?: Grade };
  url?: string;
  note?: Localized;
}

function st(text: Localized, grade: Grade, extra: Omit<Step, 'text' | 'grade'> = {}): Step {
  return { text, grade, ...extra };
}

function resolve(steps: Step[], lang: Lang): FixStep[] {
  return steps.map((s) => {
    const out: FixStep = { text: pick(s.text, lang), grade: s.grade };
    if (s.path) out.path = pick(s.path, lang).split(' > ');
    if (s.url) out.url = s.url;
    if (s.note) out.note = pick(s.note, lang);
    return out;
  });
}

/** Step: open the device's password field and type the given secret. */
function enterPasswordStep(device: Device, lang: Lang, what: Localized): FixStep {
  const rp = resolvePath(device, 'password', lang);
  const label = fieldLabelOrPlain(device, 'imap', 'password', lang);
  const step: FixStep = {
    text: pick(
      L(`端末の「${label.label}」欄に${what.ja}を入れ直します（送信サーバー側にも欄があれば同じものを入れます）。`, `Re-enter ${what.en} in the device's "${label.label}" field (and in the outgoing server's field, if it has one).`),
      lang,
    ),
    grade: rp ? rp.grade : 'U',
  };
  if (rp) step.path = rp.path;
  if (rp?.note) step.note = rp.note;
  return step;
}

/** The user name the provider expects, as a setting step (value from the address when we can). */
export function userNameStep(device: Device, protocol: Protocol, lang: Lang, provider?: ProviderEntry, email?: string): FixStep | undefined {
  if (!provider) return undefined;
  const label = fieldLabelOrPlain(device, protocol, 'user', lang);
  const at = email ? email.lastIndexOf('@') : -1;
  let value: string | undefined;
  switch (provider.username) {
    case 'email': value = email && at > 0 ? email : pick(L('メールアドレス全体', 'the full e-mail address'), lang); break;
    case 'localpart': value = email && at > 0 ? email.slice(0, at) : pick(L('メールアドレスの @ より前', 'the part before the @'), lang); break;
    case 'provider-id': value = providerIdName(provider.id, lang); break;
    default: return assertNever(provider.username, 'username form');
  }
  const step: FixStep = {
    text: pick(L(`「${label.label}」は ${value} です。`, `"${label.label}" must be ${value}.`), lang),
    setting: { label: label.label, value },
    grade: label.grade === 'U' ? 'U' : provider.grade,
  };
  if (provider.usernameNote) step.note = pick(provider.usernameNote, lang);
  return step;
}

function providerIdName(id: ProviderId, lang: Lang): string {
  if (id === 'docomo') return pick(L('IMAP用ID（dアカウントの ID）', 'the IMAP ID (your d ACCOUNT ID)'), lang);
  if (id === 'au') return pick(L('auメールのアカウントID（メールアドレスではありません）', 'the au mail account ID (not the e-mail address)'), lang);
  return pick(L('プロバイダーから案内された ID', 'the ID your provider gave you'), lang);
}

// ---------- provider-specific explanations ----------

const DOCOMO_PW = L('IMAP専用パスワード', 'the IMAP専用パスワード (IMAP-only password)');
const SOFTBANK_PW = L('Eメール(i) のパスワード', 'the Eメール(i) password');
const AU_PW = L('auメール用に発行されたパスワード', 'the password issued for au mail');
const APP_PW = L('アプリ用パスワード', 'the app password');

/** What the mail app must be given for this provider. */
export function passwordKind(provider?: ProviderEntry): PasswordKind {
  if (!provider) return 'normal';
  switch (provider.auth) {
    case 'password': return 'normal';
    case 'app-password': return 'app-password';
    case 'provider-password': return 'provider-password';
    case 'oauth-only': return provider.id === 'gmail' ? 'google-sign-in' : 'microsoft-sign-in';
    default: return assertNever(provider.auth, 'auth requirement');
  }
}

/** One sentence, for the cause explanation: which password this provider needs. */
export function passwordExplanation(provider: ProviderEntry | undefined, lang: Lang): string | undefined {
  if (!provider) return undefined;
  switch (provider.id) {
    case 'docomo':
      return pick(L('ドコモメールは、dアカウントのパスワードではなく「IMAP専用パスワード」でないとつながりません。', 'docomo mail only accepts the IMAP専用パスワード (IMAP-only password), not the d ACCOUNT password.'), lang);
    case 'softbank':
      return pick(L('Eメール(i) は、ソフトバンク ID のパスワードとは別の「Eメール(i) のパスワード」を使います。', 'Eメール(i) uses its own Eメール(i) password, separate from the SoftBank ID password.'), lang);
    case 'au':
      return pick(L('auメールは au ID のパスワードではなく、メール用に発行されたパスワードを使うという情報があります（未確定）。', 'au mail reportedly uses a password issued for mail, not the au ID password (not confirmed).'), lang);
    case 'gmail':
      return pick(L('Gmail は通常のパスワードではつながりません。2段階認証プロセスをオンにして作る「アプリ パスワード」が必要です。', 'Gmail does not accept the normal password here: it needs an app password (requires 2-Step Verification).'), lang);
    case 'icloud':
      return pick(L('iCloud メールは Apple アカウントのパスワードではつながりません。「App 用パスワード」が必要です。', 'iCloud Mail does not accept the Apple Account password here: it needs an app-specific password.'), lang);
    case 'yahoo':
      return pick(L('Yahoo メール（海外版）は「アプリパスワード」が必要です。', 'Yahoo Mail needs an app password.'), lang);
    case 'outlook-com':
      return pick(
        L('Outlook.com（Hotmail など）は 2024年9月16日から、パスワードでのメールアプリ接続ができません。Microsoft のサインイン画面で入る方法でアカウントを追加し直します。', 'Outlook.com (Hotmail, Live, MSN) no longer accepts a password from mail apps (since 16 Sep 2024): add the account again with Microsoft sign-in.'),
        lang,
      );
    case 'microsoft-365':
      return pick(L('Microsoft 365 は、パスワードでの IMAP/POP 接続が使えません。Microsoft のサインイン画面で入る方法でアカウントを追加します。', 'Microsoft 365 does not accept passwords for IMAP/POP: add the account with Microsoft sign-in.'), lang);
    case 'yahoo-japan':
      return pick(
        L('Yahoo!メールは、Yahoo!メール側で「IMAP/POP/SMTPアクセス」を有効にし、Yahoo! JAPAN ID にパスワードが設定されていないとメールアプリからつながりません。', 'Yahoo! JAPAN mail only works in mail apps when IMAP/POP/SMTP access is enabled in Yahoo! Mail and the Yahoo! JAPAN ID has a password.'),
        lang,
      );
    case 'mopera':
    case 'ocn':
    case 'biglobe':
    case 'so-net':
    case 'nifty':
    case 'jcom':
    case 'plala':
    case 'eo':
    case 'xserver':
    case 'sakura':
    case 'lolipop':
    case 'conoha':
    case 'heteml':
    case 'mixhost':
    case 'kagoya':
    case 'au-one-net':
    case 'yahoo-bb':
    case 'jcom-legacy':
    case 'zoho':
    case 'softbank-mms':
    case 'ymobile-mms':
    case 'rakuten-mail':
      return provider.authNote ? pick(provider.authNote, lang) : undefined;
    default:
      return assertNever(provider.id, 'provider id');
  }
}

/** Microsoft sign-in: the fix is a different way of adding the account, per device. */
function microsoftSignInSteps(device: Device, lang: Lang, m365: boolean): FixStep[] {
  const steps: FixStep[] = [];
  const intro: Step = st(
    L('パスワードを何度入れ直しても直りません。今のアカウントを削除し、Microsoft のサインイン画面で入る方法で追加し直します。', 'Re-entering the password will not help. Remove the account and add it again with Microsoft sign-in.'),
    'B',
  );
  steps.push(...resolve([intro], lang));
  const del = resolvePath(device, 'delete-account', lang);
  if (del) steps.push({ text: pick(L('メールを控えてから、アカウントを削除します。', 'After backing up, remove the account.'), lang), path: del.path, grade: del.grade });
  switch (device) {
    case 'iphone': {
      const add = resolvePath(device, 'add-account', lang);
      const base = add ? add.path.slice(0, -2) : [];
      steps.push({
        text: pick(L('「その他」ではなく「Outlook.com」（会社のアカウントは「Microsoft Exchange」）を選び、Microsoft の画面でサインインします。', 'Choose "Outlook.com" (work accounts: "Microsoft Exchange"), not "Other", and sign in on the Microsoft page.'), lang),
        path: [...base, 'Outlook.com'],
        grade: 'U',
      });
      break;
    }
    case 'mac-mail':
      steps.push({
        text: pick(L('システム設定 > インターネットアカウント で「Microsoft Exchange」または「Outlook.com」を選び、Microsoft の画面でサインインします。', 'In System Settings > Internet Accounts choose "Microsoft Exchange" or "Outlook.com" and sign in on the Microsoft page.'), lang),
        path: lang === 'ja' ? ['システム設定', 'インターネットアカウント', 'アカウントを追加'] : ['System Settings', 'Internet Accounts', 'Add Account'],
        grade: 'U',
      });
      break;
    case 'outlook-classic':
    case 'outlook-new': {
      const add = resolvePath(device, 'add-account', lang);
      const step: FixStep = {
        text: pick(L('メールアドレスだけを入れて「接続」し、IMAP/POP は選ばずに、表示される Microsoft のサインイン画面で入ります。', 'Enter only the e-mail address, click Connect, do not choose IMAP/POP, and sign in on the Microsoft page that appears.'), lang),
        grade: 'U',
      };
      if (add) step.path = device === 'outlook-classic' ? add.path.slice(0, 2) : add.path;
      steps.push(step);
      break;
    }
    case 'android-gmail':
      steps.push({
        text: pick(L('Gmail アプリで「アカウントを追加」から「Outlook、Hotmail、Live」（会社は「Exchange と Microsoft 365」）を選び、Microsoft の画面でサインインします。', 'In the Gmail app, Add account > "Outlook, Hotmail, and Live" (work: "Exchange and Microsoft 365"), then sign in on the Microsoft page.'), lang),
        path: lang === 'ja' ? ['Gmail', '≡（メニュー）', '設定', 'アカウントを追加'] : ['Gmail', '≡ (menu)', 'Settings', 'Add account'],
        grade: 'U',
      });
      break;
    case 'samsung-email':
      steps.push({
        text: pick(L('Samsung Email で「アカウントを追加」から「Outlook」または「Microsoft Exchange」を選び、Microsoft の画面でサインインします。', 'In Samsung Email, Add account > "Outlook" or "Microsoft Exchange", then sign in on the Microsoft page.'), lang),
        path: lang === 'ja' ? ['Samsung Email', '≡（メニュー）', '⚙ 設定', 'アカウントを追加'] : ['Samsung Email', '≡ (menu)', '⚙ Settings', 'Add account'],
        grade: 'U',
      });
      break;
    default:
      assertNever(device, 'device');
  }
  steps.push(...resolve([st(L('うまくいかないときは、Microsoft の Outlook アプリ（無料）を使う方法が確実です。', 'If that fails, Microsoft’s own Outlook app (free) is the reliable way.'), 'B')], lang));
  if (m365) {
    steps.push(
      ...resolve(
        [
          st(
            L('会社の管理者への確認: 送信だけできない場合、メールボックスの「認証済み SMTP」を有効にしてもらいます。', 'Ask the company’s admin: if only sending fails, enable "Authenticated SMTP" for the mailbox.'),
            'A',
            { path: L('Microsoft 365 管理センター > ユーザー > アクティブなユーザー > [ユーザー] > メール > メール アプリの管理 > 認証済み SMTP', 'Microsoft 365 admin center > Users > Active users > [user] > Mail > Manage email apps > Authenticated SMTP'), url: 'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission' },
          ),
        ],
        lang,
      ),
    );
  }
  return steps;
}

function appPasswordSteps(provider: ProviderEntry | undefined, device: Device, lang: Lang): FixStep[] {
  const steps: Step[] = [];
  switch (provider?.id) {
    case 'gmail':
      steps.push(
        st(L('Google アカウントで「2段階認証プロセス」をオンにします（アプリ パスワードの前提です）。', 'Turn on 2-Step Verification in the Google Account (app passwords need it).'), 'B', {
          path: L('Google アカウント > セキュリティ > 2段階認証プロセス', 'Google Account > Security > 2-Step Verification'),
        }),
        st(L('「アプリ パスワード」を作り、表示された16文字を控えます（表示は一度だけです）。', 'Create an app password and note the 16 characters (shown only once).'), 'A', {
          path: L('Google アカウント > セキュリティ > 2段階認証プロセス > アプリ パスワード', 'Google Account > Security > 2-Step Verification > App passwords'),
          url: 'https://support.google.com/accounts/answer/185833',
          note: L('メニュー名は未確認です。見つからない場合は Google アカウントの検索で「アプリ パスワード」と入れます。会社の管理者が無効にしている場合は作れません。', 'Menu labels unconfirmed; search "App passwords" in the Google Account if needed. Work accounts may have them disabled by the admin.'),
        }),
      );
      break;
    case 'icloud':
      steps.push(
        st(L('Apple アカウントのページで「App 用パスワード」を作ります（形式 xxxx-xxxx-xxxx-xxxx）。', 'Create an app-specific password on the Apple Account page (format xxxx-xxxx-xxxx-xxxx).'), 'B', {
          path: L('account.apple.com > サインインとセキュリティ > App 用パスワード', 'account.apple.com > Sign-In and Security > App-Specific Passwords'),
          url: provider.passwordHelp?.url ?? 'https://support.apple.com/102654',
        }),
      );
      if (device === 'iphone' || device === 'mac-mail') {
        steps.push(
          st(L('Apple の端末では、IMAP で追加せず「iCloud」にサインインしてメールをオンにする方が確実です。', 'On Apple devices it is simpler to sign in to iCloud and turn Mail on than to add it as IMAP.'), 'C'),
        );
      }
      break;
    case 'yahoo':
      steps.push(
        st(L('Yahoo のアカウントセキュリティで「アプリパスワードを生成」します（2段階認証が必要）。', 'In Yahoo Account security choose "Generate app password" (needs 2-step verification).'), 'B', {
          path: L('Yahoo アカウント > アカウントセキュリティ > アプリパスワードを生成', 'Yahoo Account > Account security > Generate app password'),
          ...(provider.passwordHelp?.url ? { url: provider.passwordHelp.url } : {}),
        }),
      );
      break;
    default:
      if (provider?.passwordHelp) {
        steps.push(st(provider.passwordHelp.text, provider.grade, provider.passwordHelp.url ? { url: provider.passwordHelp.url } : {}));
      } else {
        steps.push(
          st(
            L('メール事業者のアカウント管理ページ（セキュリティ設定）で「アプリ用パスワード」を作ります。', 'Create an app password on the mail provider’s account page (security settings).'),
            'C',
          ),
        );
      }
  }
  return [...resolve(steps, lang), enterPasswordStep(device, lang, APP_PW)];
}

function providerPasswordSteps(provider: ProviderEntry, device: Device, lang: Lang): FixStep[] {
  const steps: Step[] = [];
  let what: Localized = L('メール用のパスワード', 'the mail password');
  switch (provider.id) {
    case 'docomo':
      what = DOCOMO_PW;
      steps.push(
        st(
          L('スマートフォンの Wi-Fi をオフにして（モバイルデータ通信で）My docomo を開き、IMAP専用パスワードを確認します。ネットワーク暗証番号か spモードパスワードを聞かれます。', 'Turn the phone’s Wi-Fi off (use mobile data), open My docomo and check the IMAP-only password; it asks for the network PIN (ネットワーク暗証番号) or sp-mode password.'),
          'B',
          {
            path: L('My docomo > メール設定 > IMAP専用ID・パスワードの確認', 'My docomo > メール設定 (mail settings) > IMAP専用ID・パスワードの確認 (check IMAP ID and password)'),
            url: provider.passwordHelp?.url ?? 'https://www.nttdocomo.co.jp/service/docomo_mail/security/index.html',
            note: L('dアカウントのパスワードとは別物です。ユーザ名には同じ画面の「IMAP用ID」を使います。', 'It is not the d ACCOUNT password. Use the "IMAP ID" from the same screen as the user name.'),
          },
        ),
      );
      if (device === 'iphone') {
        steps.push(st(L('iPhone ではドコモのプロファイルで設定している場合、プロファイルを入れ直す方が確実です。', 'On iPhone, if docomo’s profile set up the account, reinstalling the profile is more reliable.'), 'C'));
      }
      break;
    case 'softbank':
      what = SOFTBANK_PW;
      steps.push(
        st(
          L('Eメール(i) のパスワードは表示できません。My SoftBank で再設定します（6〜12文字の英数字。契約時は 157 から SMS で届いています）。', 'The Eメール(i) password cannot be displayed: reset it in My SoftBank (6–12 alphanumerics; originally sent by SMS from 157).'),
          'A',
          { url: provider.passwordHelp?.url ?? 'https://www.softbank.jp/support/faq/view/10634', note: L('ソフトバンク ID のパスワードとは別物です。', 'It is not the SoftBank ID password.') },
        ),
      );
      break;
    case 'au':
      what = AU_PW;
      steps.push(
        st(
          L('au のサポート窓口・案内で、メールアプリ用のパスワードとアカウントID を確認します（au の公式手順は未確認です）。', 'Check the mail-app password and account ID with au’s support (au’s official procedure is unconfirmed).'),
          'C',
          provider.passwordHelp?.url ? { url: provider.passwordHelp.url } : {},
        ),
      );
      break;
    default:
      if (provider.passwordHelp) steps.push(st(provider.passwordHelp.text, provider.grade, provider.passwordHelp.url ? { url: provider.passwordHelp.url } : {}));
  }
  return [...resolve(steps, lang), enterPasswordStep(device, lang, what)];
}

function yahooJapanSteps(device: Device, lang: Lang): FixStep[] {
  const steps: Step[] = [
    st(
      L('パソコンのブラウザで Yahoo!メールを開き、「Yahoo! JAPAN公式サービス以外からのアクセスも有効にする」を選び、IMAP（または POP）と SMTP を「有効」にして保存します。SMTP だけでは足りません。', 'In Yahoo! Mail on a computer browser choose 「Yahoo! JAPAN公式サービス以外からのアクセスも有効にする」 (allow access from other services), set IMAP (or POP) and SMTP to enabled, and save. SMTP alone is not enough.'),
      'B',
      { path: L('Yahoo!メール > 設定・利用規約 > メールの設定 > IMAP/POP/SMTPアクセスとメール転送', 'Yahoo!メール > 設定・利用規約 > メールの設定 > IMAP/POP/SMTPアクセスとメール転送') },
    ),
    st(
      L('Yahoo! JAPAN ID にパスワードが設定されているか確認します。パスワードなしでログインする設定の ID は、メールアプリでは使えません。', 'Check the Yahoo! JAPAN ID has a password: an ID set to password-less login cannot be used in mail apps.'),
      'B',
    ),
    st(
      L('海外の回線や VPN から使う場合は「海外からのアクセス制限」で拒否されることがあります。', 'From overseas networks or a VPN, the overseas access restriction may refuse the login.'),
      'C',
    ),
  ];
  return [...resolve(steps, lang), enterPasswordStep(device, lang, L('Yahoo! JAPAN ID のパスワード', 'the Yahoo! JAPAN ID password'))];
}

function normalPasswordSteps(provider: ProviderEntry | undefined, device: Device, lang: Lang): FixStep[] {
  const steps: Step[] = [
    st(
      L('ブラウザのWebメールに同じパスワードでログインできるか確かめます。できなければパスワードの再設定が必要です。', 'Check the same password works for the provider’s webmail in a browser; if not, the password must be reset.'),
      'B',
    ),
  ];
  if (provider?.passwordHelp) steps.push(st(provider.passwordHelp.text, provider.grade, provider.passwordHelp.url ? { url: provider.passwordHelp.url } : {}));
  const out = resolve(steps, lang);
  out.push(enterPasswordStep(device, lang, L('正しいパスワード（大文字・小文字、全角・半角に注意）', 'the correct password (mind upper/lower case)')));
  return out;
}

/**
 * Steps for a rejected login. `code` decides the generic wording when the
 * provider is unknown; a known provider's requirement wins over the code,
 * because the probe cannot always tell "wrong password" from "needs an app password".
 */
export function passwordSteps(
  code: 'AUTH_FAILED' | 'AUTH_APP_PASSWORD_REQUIRED' | 'AUTH_BASIC_DISABLED',
  device: Device,
  lang: Lang,
  provider?: ProviderEntry,
  protocol: Protocol = 'imap',
  email?: string,
): FixStep[] {
  const user = userNameStep(device, protocol, lang, provider, email);
  const withUser = (steps: FixStep[]) => (user && code === 'AUTH_FAILED' ? [...steps, user] : steps);
  if (provider?.id === 'yahoo-japan') return withUser(yahooJapanSteps(device, lang));
  const kind = passwordKind(provider);
  switch (kind) {
    case 'microsoft-sign-in':
      return microsoftSignInSteps(device, lang, provider?.id === 'microsoft-365');
    case 'google-sign-in':
      return appPasswordSteps(provider, device, lang);
    case 'app-password':
      return withUser(appPasswordSteps(provider, device, lang));
    case 'provider-password':
      return withUser(providerPasswordSteps(provider as ProviderEntry, device, lang));
    case 'normal':
      if (code === 'AUTH_BASIC_DISABLED') return microsoftSignInSteps(device, lang, false);
      if (code === 'AUTH_APP_PASSWORD_REQUIRED') return appPasswordSteps(provider, device, lang);
      return withUser(normalPasswordSteps(provider, device, lang));
    default:
      return assertNever(kind, 'password kind');
  }
}
