/**
 * Every sentence fix delivery shows or writes, once in Japanese and English. Apple's own
 * Japanese spelling is kept for its screens (サーバ, 「未署名」, 「VPN とデバイス管理」).
 */
import type { Protocol } from '../models/account';
import type { Lang, Localized } from '../models/device';
import { L, pick } from '../knowledge/findings/fix-types';
import type { DeliveryWarning, SettingSource } from './delivery-types';

export const PROTOCOL_NAME: Record<Protocol | 'user', Localized> = {
  imap: L('受信（IMAP）', 'incoming (IMAP)'),
  pop3: L('受信（POP）', 'incoming (POP)'),
  smtp: L('送信（SMTP）', 'outgoing (SMTP)'),
  user: L('ユーザ名', 'user name'),
};

export const SOURCE_NAME: Record<SettingSource, Localized> = {
  'logged-in': L('ログインを確認', 'login confirmed'),
  connected: L('接続を確認（ログインは未確認）', 'connection confirmed (login not confirmed)'),
  catalog: L('プロバイダーの公開情報', "provider's published settings"),
  discovered: L('自動設定情報', 'published autoconfig'),
  typed: L('入力された値（未確認）', 'typed in (not tested)'),
  guess: L('推測（未確認）', 'guess (not confirmed)'),
};

export const SECURITY_NAME: Record<'tls' | 'starttls' | 'none', Localized> = {
  tls: L('SSL/TLS', 'SSL/TLS'),
  starttls: L('STARTTLS', 'STARTTLS'),
  none: L('なし', 'none'),
};

type WarningText = (field: string, value: string) => Localized;

const WARNING_TEXT: Record<DeliveryWarning['code'], WarningText> = {
  'guess-value': (f, v) =>
    L(`${f}の「${v}」は推測した値で、確かめていません。送る前に接続テストで確認してください。`, `The ${f} value "${v}" is a guess and was not confirmed. Run the connection test before sending this.`),
  'untested-value': (f, v) =>
    L(`${f}の「${v}」は入力された値で、接続は確かめていません。`, `The ${f} value "${v}" was typed in and not tested.`),
  'no-incoming': () => L('受信サーバ（IMAP か POP）が分からないため、作れません。', 'No incoming server (IMAP or POP) is known, so this cannot be made.'),
  'no-outgoing': () => L('送信サーバ（SMTP）が分からないため、作れません。', 'No outgoing server (SMTP) is known, so this cannot be made.'),
  plaintext: (f) =>
    L(`${f}は暗号化なしの設定です。パスワードが読まれるおそれがあります。`, `The ${f} setting has no encryption: the password can be read on the way.`),
  'password-included': () =>
    L(
      'パスワードが暗号化されずにファイルに入っています。送ったらファイルを削除し、メール以外の方法で渡してください（Apple も暗号化したプロファイル以外では使わないよう案内しています）。',
      'The password is inside the file unencrypted. Delete the file after sending it, and do not send it by e-mail (Apple advises using it only in encrypted profiles).',
    ),
  unsigned: () =>
    L(
      'このプロファイルには署名がないため、インストール画面に「未署名」と表示されます。ヘルプデスクから送ったファイルであることをお客様に伝えてください。',
      'This profile is not signed, so the install screen shows "Unsigned" (「未署名」 in Japanese). Tell the customer the file comes from the helpdesk.',
    ),
};

export function warning(code: DeliveryWarning['code'], lang: Lang, opts: { field?: DeliveryWarning['field']; value?: string; blocking?: boolean } = {}): DeliveryWarning {
  const fieldName = opts.field ? pick(PROTOCOL_NAME[opts.field], lang) : '';
  return {
    code,
    ...(opts.field ? { field: opts.field } : {}),
    text: pick(WARNING_TEXT[code](fieldName, opts.value ?? ''), lang),
    blocking: opts.blocking ?? false,
  };
}

export const PROFILE_TEXT = {
  displayName: (email: string) => L(`メール設定 ${email}`, `Mail settings ${email}`),
  description: (email: string) =>
    L(
      `${email} のメールアカウントを追加します。インストール中にパスワードを聞かれたら、メールのパスワードを入力してください。`,
      `Adds the mail account ${email}. If the installer asks for a password, enter the mail password.`,
    ),
  accountDescription: (email: string) => L(email, email),
};
