/**
 * The short message the helpdesk sends the customer: the settings, one per line as a mail app
 * asks for them, never the password; and the text a QR code carries (the profile link when
 * there is one, else the same settings in a compact form).
 */
import type { Protocol } from '../models/account';
import type { Lang } from '../models/device';
import { L, pick } from '../knowledge/findings/fix-types';
import type { DeliveryAccount, DeliveryWarning, SourcedSettings } from './delivery-types';
import { PROTOCOL_NAME, SECURITY_NAME } from './delivery-text';
import { sourceWarnings } from './source-warnings';

const T = {
  intro: (email: string) => L(`${email} のメール設定です。`, `Mail settings for ${email}:`),
  server: L('サーバ', ' server'),
  port: L('ポート', 'port'),
  user: L('ユーザ名', 'User name'),
  password: L('パスワード: メールのパスワード（この文面には書いていません）', 'Password: your mail password (not written here)'),
  profile: (url: string) =>
    L(
      `iPhone・iPad・Mac では、次のリンクから設定ファイルを開くと自動で設定できます。開いたあと「設定」アプリに表示される「プロファイルがダウンロードされました」からインストールしてください。\n${url}`,
      `On an iPhone, iPad or Mac, open this link to set the account up automatically, then install it from "Profile Downloaded" in the Settings app.\n${url}`,
    ),
};

export interface CustomerText {
  text: string;
  /** What a QR code next to the text should carry. */
  qrText: string;
  warnings: DeliveryWarning[];
}

const ORDER: Protocol[] = ['imap', 'pop3', 'smtp'];

export function buildCustomerText(account: DeliveryAccount, settings: SourcedSettings, lang: Lang, opts: { profileUrl?: string } = {}): CustomerText {
  const present = ORDER.filter((p) => settings[p]);
  const line = (p: Protocol): string => {
    const s = settings[p]!;
    return `${pick(PROTOCOL_NAME[p], lang)}${pick(T.server, lang)}: ${s.host}  ${pick(T.port, lang)} ${s.port}  ${pick(SECURITY_NAME[s.security], lang)}`;
  };
  const user = settings.user?.value ?? account.email;
  const lines = [pick(T.intro(account.email), lang), ...present.map(line), `${pick(T.user, lang)}: ${user}`, pick(T.password, lang)];
  if (opts.profileUrl) lines.push('', pick(T.profile(opts.profileUrl), lang));
  const compact = [account.email, ...present.map((p) => `${p.toUpperCase()} ${settings[p]!.host}:${settings[p]!.port} ${pick(SECURITY_NAME[settings[p]!.security], 'en')}`), `USER ${user}`].join('\n');
  return { text: lines.join('\n') + '\n', qrText: opts.profileUrl ?? compact, warnings: sourceWarnings(settings, present, lang) };
}
