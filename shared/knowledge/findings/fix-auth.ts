/**
 * Provider-aware password and sign-in fixes (AUTH_* findings).
 *
 * Which password a mail app needs differs by provider, and telling a customer
 * to "re-enter the password" when the provider needs a special one wastes the
 * call: docomo needs the IMAP専用パスワード, SoftBank the Eメール(i) password,
 * Gmail/iCloud an app password, Outlook.com/Microsoft 365 no password at all
 * (Microsoft sign-in). The provider's own words and steps live in its catalog
 * entry (`login`, `passwordHelp`); this file only puts them in order around the
 * device's own password field.
 */
import type { Protocol } from '../../models/account';
import type { Device, Grade, Lang, Localized } from '../../models/device';
import { assertNever } from '../../result';
import type { ProviderEntry, ProviderStep } from '../providers/catalog-types';
import { fieldLabelOrPlain } from '../devices/device-labels';
import { resolvePath } from '../devices/device-paths';
import { usernameFormFor } from '../providers/catalog';
import { L, pick, type FixStep } from './fix-types';

/** The kind of secret the mail app must be given, as the customer knows it. */
export type PasswordKind = 'normal' | 'app-password' | 'provider-password' | 'microsoft-sign-in' | 'google-sign-in';

type Step = ProviderStep;

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
  const form = usernameFormFor(provider, at > 0 ? email?.slice(at + 1) : undefined);
  switch (form) {
    case 'email': value = email && at > 0 ? email : pick(L('メールアドレス全体', 'the full e-mail address'), lang); break;
    case 'localpart': value = email && at > 0 ? email.slice(0, at) : pick(L('メールアドレスの @ より前', 'the part before the @'), lang); break;
    case 'provider-id': value = pick(provider.login?.idName ?? L('プロバイダーから案内された ID', 'the ID your provider gave you'), lang); break;
    default: return assertNever(form, 'username form');
  }
  const step: FixStep = {
    text: pick(L(`「${label.label}」は ${value} です。`, `"${label.label}" must be ${value}.`), lang),
    setting: { label: label.label, value },
    grade: label.grade === 'U' ? 'U' : provider.grade,
  };
  if (provider.usernameNote) step.note = pick(provider.usernameNote, lang);
  return step;
}

/** The generic name of an app-specific password, for providers that do not name theirs. */
const APP_PW = L('アプリ用パスワード', 'the app password');

/** What the mail app must be given for this provider. */
export function passwordKind(provider?: ProviderEntry): PasswordKind {
  if (!provider) return 'normal';
  switch (provider.auth) {
    case 'password': return 'normal';
    case 'app-password': return 'app-password';
    case 'provider-password': return 'provider-password';
    case 'oauth-only': return provider.login?.signIn === 'google' ? 'google-sign-in' : 'microsoft-sign-in';
    default: return assertNever(provider.auth, 'auth requirement');
  }
}

/** One sentence, for the cause explanation: which password this provider needs. */
export function passwordExplanation(provider: ProviderEntry | undefined, lang: Lang): string | undefined {
  const text = provider?.login?.explanation ?? provider?.authNote;
  return text ? pick(text, lang) : undefined;
}

/** The provider's own steps for getting its password, with the device's extras; the catalog's password help otherwise. */
function providerSteps(provider: ProviderEntry | undefined, device: Device): Step[] | undefined {
  const guide = provider?.login;
  if (!guide?.steps) return undefined;
  return [...guide.steps, ...(guide.deviceSteps?.[device] ?? [])];
}

function passwordHelpStep(provider: ProviderEntry): Step | undefined {
  const help = provider.passwordHelp;
  return help ? st(help.text, provider.grade, help.url ? { url: help.url } : {}) : undefined;
}

/** Microsoft sign-in: the fix is a different way of adding the account, per device. */
function microsoftSignInSteps(device: Device, lang: Lang, adminSteps: readonly Step[]): FixStep[] {
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
  steps.push(...resolve([...adminSteps], lang));
  return steps;
}

function appPasswordSteps(provider: ProviderEntry | undefined, device: Device, lang: Lang): FixStep[] {
  const help = provider && passwordHelpStep(provider);
  const steps: Step[] = providerSteps(provider, device) ?? (help ? [help] : [
    st(
      L('メールのプロバイダーのアカウント管理ページ（セキュリティ設定）で「アプリ用パスワード」を作ります。', 'Create an app password on the mail provider’s account page (security settings).'),
      'C',
    ),
  ]);
  return [...resolve(steps, lang), enterPasswordStep(device, lang, provider?.login?.secretName ?? APP_PW)];
}

function providerPasswordSteps(provider: ProviderEntry, device: Device, lang: Lang): FixStep[] {
  const help = passwordHelpStep(provider);
  const steps: Step[] = providerSteps(provider, device) ?? (help ? [help] : []);
  return [...resolve(steps, lang), enterPasswordStep(device, lang, provider.login?.secretName ?? L('メール用のパスワード', 'the mail password'))];
}

/** The provider's own fix replaces the generic advice (Yahoo! JAPAN: its access switch and the normal password). */
function ownLoginSteps(provider: ProviderEntry, device: Device, lang: Lang): FixStep[] {
  return [...resolve(providerSteps(provider, device) ?? [], lang), enterPasswordStep(device, lang, provider.login?.secretName ?? L('正しいパスワード', 'the correct password'))];
}

function normalPasswordSteps(provider: ProviderEntry | undefined, device: Device, lang: Lang): FixStep[] {
  const steps: Step[] = [
    st(
      L('ブラウザのWebメールに同じパスワードでログインできるか確かめます。できなければパスワードの再設定が必要です。', 'Check the same password works for the provider’s webmail in a browser; if not, the password must be reset.'),
      'B',
    ),
  ];
  const help = provider && passwordHelpStep(provider);
  if (help) steps.push(help);
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
  if (provider?.login?.replacesGeneric) return withUser(ownLoginSteps(provider, device, lang));
  const kind = passwordKind(provider);
  switch (kind) {
    case 'microsoft-sign-in':
      return microsoftSignInSteps(device, lang, provider?.login?.adminSteps ?? []);
    case 'google-sign-in':
      return appPasswordSteps(provider, device, lang);
    case 'app-password':
      return withUser(appPasswordSteps(provider, device, lang));
    case 'provider-password':
      return withUser(providerPasswordSteps(provider as ProviderEntry, device, lang));
    case 'normal':
      if (code === 'AUTH_BASIC_DISABLED') return microsoftSignInSteps(device, lang, []);
      if (code === 'AUTH_APP_PASSWORD_REQUIRED') return appPasswordSteps(provider, device, lang);
      return withUser(normalPasswordSteps(provider, device, lang));
    default:
      return assertNever(kind, 'password kind');
  }
}
