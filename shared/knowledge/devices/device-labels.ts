/**
 * The labels each device puts on its server-setting fields, and how it writes
 * the security choice (Apple's Japanese UI writes サーバ/ユーザ without ー).
 *
 * Apple: サーバ/ユーザ without ー. Outlook classic: Microsoft's katakana with ー.
 * Android: AOSP Email strings (Gmail and Samsung Email wording is unverified).
 * Grades are per language because the English labels were checked more often.
 */
import type { Protocol, Security } from '../../models/account';
import type { Device, Grade, Lang, Localized } from '../../models/device';
import { assertNever } from '../../result';
import { L, pick } from '../findings/fix-types';

/** Fields a device shows for one server. */
export type LabelField = 'host' | 'user' | 'password' | 'port' | 'security' | 'smtp-auth' | 'spa';

interface Label {
  text: Localized;
  grade: { ja: Grade; en: Grade };
}

export interface ResolvedLabel {
  label: string;
  grade: Grade;
}

function lb(ja: string, en: string, gradeJa: Grade, gradeEn: Grade): Label {
  return { text: L(ja, en), grade: { ja: gradeJa, en: gradeEn } };
}

function protoName(protocol: Protocol): string {
  switch (protocol) {
    case 'imap': return 'IMAP';
    case 'pop3': return 'POP3';
    case 'smtp': return 'SMTP';
    default: return assertNever(protocol, 'protocol');
  }
}

function iphoneLabel(field: LabelField): Label | undefined {
  switch (field) {
    case 'host': return lb('ホスト名', 'Host Name', 'U', 'B');
    case 'user': return lb('ユーザ名', 'User Name', 'U', 'B');
    case 'password': return lb('パスワード', 'Password', 'U', 'B');
    case 'port': return lb('サーバポート', 'Server Port', 'B', 'B');
    case 'security': return lb('SSLを使用', 'Use SSL', 'B', 'B');
    case 'smtp-auth': return lb('認証', 'Authentication', 'B', 'B');
    case 'spa': return undefined;
    default: return assertNever(field, 'field');
  }
}

function outlookClassicLabel(field: LabelField, protocol: Protocol): Label | undefined {
  const incoming = protocol !== 'smtp';
  switch (field) {
    case 'host':
      return incoming
        ? lb('受信メール サーバー', 'Incoming mail server', 'U', 'B')
        : lb('送信メール サーバー (SMTP)', 'Outgoing mail server (SMTP)', 'U', 'B');
    case 'user': return lb('アカウント名', 'User Name', 'U', 'B');
    case 'password': return lb('パスワード', 'Password', 'U', 'B');
    case 'port':
      return incoming
        ? lb(`サーバーのポート番号 > 受信サーバー (${protoName(protocol)})`, `Server Port Numbers > Incoming server (${protoName(protocol)})`, 'U', 'B')
        : lb('サーバーのポート番号 > 送信サーバー (SMTP)', 'Server Port Numbers > Outgoing server (SMTP)', 'U', 'B');
    case 'security':
      // POP incoming has a checkbox; the drop-down is for IMAP incoming and for SMTP.
      return protocol === 'pop3'
        ? lb('このサーバーは暗号化された接続 (SSL/TLS) が必要', 'This server requires an encrypted connection (SSL/TLS)', 'C', 'C')
        : lb('使用する暗号化接続の種類', 'Use the following type of encrypted connection', 'U', 'B');
    case 'smtp-auth': return lb('送信サーバー (SMTP) は認証が必要', 'My outgoing server (SMTP) requires authentication', 'U', 'B');
    case 'spa': return lb('セキュリティで保護されたパスワード認証 (SPA) に対応', 'Require logon using Secure Password Authentication (SPA)', 'U', 'B');
    default: return assertNever(field, 'field');
  }
}

function outlookNewLabel(field: LabelField, protocol: Protocol): Label | undefined {
  const incoming = protocol !== 'smtp';
  switch (field) {
    case 'host':
      return incoming
        ? lb(`${protoName(protocol)} 受信サーバー`, `${protoName(protocol)} incoming server`, 'U', 'U')
        : lb('SMTP 送信サーバー', 'SMTP outgoing server', 'U', 'U');
    case 'user': return incoming ? lb('ユーザー名', 'Username', 'U', 'U') : lb('SMTP ユーザー名', 'SMTP username', 'U', 'U');
    case 'password': return incoming ? lb('パスワード', 'Password', 'U', 'U') : lb('SMTP パスワード', 'SMTP password', 'U', 'U');
    case 'port': return lb('ポート', 'Port', 'U', 'U');
    case 'security': return lb('セキュリティで保護された接続の種類', 'Secure connection type', 'U', 'U');
    case 'smtp-auth': return undefined;
    case 'spa': return undefined;
    default: return assertNever(field, 'field');
  }
}

function androidGmailLabel(field: LabelField): Label | undefined {
  switch (field) {
    case 'host': return lb('サーバー', 'Server', 'U', 'C');
    case 'user': return lb('ユーザー名', 'Username', 'U', 'C');
    case 'password': return lb('パスワード', 'Password', 'U', 'C');
    case 'port': return lb('ポート', 'Port', 'U', 'C');
    case 'security': return lb('セキュリティの種類', 'Security type', 'B', 'B');
    case 'smtp-auth': return lb('ログインが必要', 'Require sign-in', 'U', 'U');
    case 'spa': return undefined;
    default: return assertNever(field, 'field');
  }
}

function samsungLabel(field: LabelField, protocol: Protocol): Label | undefined {
  switch (field) {
    case 'host': return lb(`${protoName(protocol)}サーバー`, `${protoName(protocol)} server`, 'U', 'U');
    case 'user': return lb('ユーザー名', 'Username', 'U', 'U');
    case 'password': return lb('パスワード', 'Password', 'U', 'U');
    case 'port': return lb('ポート', 'Port', 'U', 'U');
    case 'security': return lb('セキュリティの種類', 'Security type', 'U', 'U');
    case 'smtp-auth': return lb('ログインが必要', 'Require authentication', 'U', 'U');
    case 'spa': return undefined;
    default: return assertNever(field, 'field');
  }
}

function macLabel(field: LabelField, protocol: Protocol): Label | undefined {
  switch (field) {
    case 'host':
      return protocol === 'smtp' ? lb('送信用メールサーバ', 'Outgoing Mail Server', 'B', 'B') : lb('受信用メールサーバ', 'Incoming Mail Server', 'B', 'B');
    case 'user': return lb('ユーザ名', 'User Name', 'C', 'B');
    case 'password': return lb('パスワード', 'Password', 'U', 'B');
    case 'port': return lb('ポート', 'Port', 'U', 'B');
    case 'security': return lb('TLS/SSLを使用', 'Use TLS/SSL', 'B', 'B');
    case 'smtp-auth': return lb('認証', 'Authentication', 'U', 'B');
    case 'spa': return undefined;
    default: return assertNever(field, 'field');
  }
}

function labelFor(device: Device, protocol: Protocol, field: LabelField): Label | undefined {
  switch (device) {
    case 'iphone': return iphoneLabel(field);
    case 'outlook-classic': return outlookClassicLabel(field, protocol);
    case 'outlook-new': return outlookNewLabel(field, protocol);
    case 'android-gmail': return androidGmailLabel(field);
    case 'samsung-email': return samsungLabel(field, protocol);
    case 'mac-mail': return macLabel(field, protocol);
    default: return assertNever(device, 'device');
  }
}

/** The device's label for a field; undefined when the device has no such field. */
export function fieldLabel(device: Device, protocol: Protocol, field: LabelField, lang: Lang): ResolvedLabel | undefined {
  const l = labelFor(device, protocol, field);
  return l ? { label: pick(l.text, lang), grade: l.grade[lang] } : undefined;
}

/** Like fieldLabel, with a plain fallback for devices that lack the field. */
export function fieldLabelOrPlain(device: Device, protocol: Protocol, field: LabelField, lang: Lang): ResolvedLabel {
  return fieldLabel(device, protocol, field, lang) ?? { label: plainFieldName(field, lang), grade: 'U' };
}

/** Device-neutral field names, for the settings diff when the device has no label. */
export function plainFieldName(field: LabelField, lang: Lang): string {
  switch (field) {
    case 'host': return pick(L('サーバー名', 'Server name'), lang);
    case 'user': return pick(L('ユーザー名', 'User name'), lang);
    case 'password': return pick(L('パスワード', 'Password'), lang);
    case 'port': return pick(L('ポート', 'Port'), lang);
    case 'security': return pick(L('暗号化（SSL/TLS）', 'Encryption (SSL/TLS)'), lang);
    case 'smtp-auth': return pick(L('SMTP認証', 'SMTP authentication'), lang);
    case 'spa': return 'SPA';
    default: return assertNever(field, 'field');
  }
}

export interface ResolvedValue {
  value: string;
  grade: Grade;
  note?: string;
}

/**
 * How a device lets one choose the encryption of one server:
 * - 'choice': a drop-down with SSL/TLS and STARTTLS (Outlook IMAP/SMTP, Android, new Outlook);
 * - 'switch': one on/off switch, the port decides the mode (Apple: on = SSL/TLS on 993/995/465,
 *   STARTTLS on 143/110/587);
 * - 'checkbox': one "requires SSL/TLS" box and no STARTTLS at all (Outlook classic's POP).
 * With a switch or a checkbox an SSL/port mix-up is fixed by the port alone.
 */
export type SecurityControl = 'choice' | 'switch' | 'checkbox';

export function securityControl(device: Device, protocol: Protocol): SecurityControl {
  switch (device) {
    case 'iphone':
    case 'mac-mail':
      return 'switch';
    case 'outlook-classic':
      return protocol === 'pop3' ? 'checkbox' : 'choice';
    case 'outlook-new':
    case 'android-gmail':
    case 'samsung-email':
      return 'choice';
    default:
      return assertNever(device, 'device');
  }
}

/**
 * How the device writes a security choice.
 *
 * Apple devices have one on/off switch: with it on, port 465/993 uses SSL/TLS
 * from the start and port 587 upgrades with STARTTLS (iCloud's own settings are
 * 587 + "Use SSL" on), so STARTTLS is "on" there too.
 */
export function securityValue(device: Device, security: Security, lang: Lang, protocol?: Protocol): ResolvedValue {
  switch (device) {
    case 'iphone':
    case 'mac-mail':
      if (security === 'none') return { value: pick(L('オフ', 'OFF'), lang), grade: 'C' };
      if (security === 'tls') return { value: pick(L('オン', 'ON'), lang), grade: 'B' };
      return {
        value: pick(L('オン', 'ON'), lang),
        grade: 'C',
        note: pick(L('ポート 587/143 では、オンにすると STARTTLS で暗号化されます。', 'On port 587/143, ON means STARTTLS.'), lang),
      };
    case 'outlook-classic':
      // POP incoming is a checkbox (「このサーバーは暗号化された接続 (SSL/TLS) が必要」), not the drop-down.
      if (protocol === 'pop3') {
        if (security === 'tls') return { value: pick(L('チェックを入れる', 'ticked'), lang), grade: 'C' };
        if (security === 'none') return { value: pick(L('チェックを外す', 'unticked'), lang), grade: 'C' };
        return {
          value: pick(L('チェックを外す', 'unticked'), lang),
          grade: 'C',
          note: pick(L('Outlook の POP は STARTTLS を選べません。ポート 995 でチェックを入れる設定にします。', 'Outlook’s POP settings offer no STARTTLS: use port 995 with the box ticked.'), lang),
        };
      }
      if (security === 'none') return { value: pick(L('なし', 'None'), lang), grade: lang === 'ja' ? 'U' : 'B' };
      if (security === 'tls') return { value: 'SSL/TLS', grade: 'B' };
      return {
        value: 'STARTTLS',
        grade: 'B',
        note: pick(L('古い Outlook では「TLS」と表示されます。', 'Older Outlook versions call it "TLS".'), lang),
      };
    case 'outlook-new':
    case 'android-gmail':
    case 'samsung-email': {
      const grade: Grade = device === 'android-gmail' ? 'B' : 'U';
      if (security === 'none') return { value: pick(L('なし', 'None'), lang), grade };
      return { value: security === 'tls' ? 'SSL/TLS' : 'STARTTLS', grade };
    }
    default:
      return assertNever(device, 'device');
  }
}

/** The value that turns SMTP authentication on. */
export function smtpAuthOnValue(device: Device, lang: Lang): ResolvedValue {
  switch (device) {
    case 'iphone':
    case 'mac-mail':
      return { value: pick(L('パスワード', 'Password'), lang), grade: 'U' };
    case 'outlook-classic':
      return {
        value: pick(L('チェックを入れる（受信メール サーバーと同じ設定を使用する）', 'ticked (Use same settings as my incoming mail server)'), lang),
        grade: lang === 'ja' ? 'U' : 'B',
      };
    case 'outlook-new':
    case 'android-gmail':
    case 'samsung-email':
      return { value: pick(L('オン', 'ON'), lang), grade: 'U' };
    default:
      return assertNever(device, 'device');
  }
}
