/**
 * The "what the device is set to" form in the device's own words: the section and field
 * labels the customer reads out, and the security choices exactly as the device offers them
 * (an iPhone has one 「SSLを使用」 switch, Outlook's POP a checkbox, the others a list).
 * The renderer draws this and stores the Security it maps to; it decides nothing itself.
 */
import { SECURITIES, STANDARD_PORTS, type Protocol, type Security } from '../../models/account';
import type { Device, Grade, Lang } from '../../models/device';
import { assertNever } from '../../result';
import { L, pick, weakestGrade } from '../findings/fix-types';
import { securityName, serverRoleName } from '../findings/fix-settings';
import { fieldLabelOrPlain, plainFieldName, securityValue, type LabelField, type ResolvedLabel } from './device-labels';

/** One entry of the device's security control; `id` is stable, `label` is what the device shows. */
export interface SecurityChoice {
  id: string;
  label: string;
}

export interface DeviceServerForm {
  /** The device's name for this server's section, e.g. 「送信メールサーバ」. */
  section: string;
  host: ResolvedLabel;
  port: ResolvedLabel;
  security: ResolvedLabel;
  securityChoices: SecurityChoice[];
  /** How the device's choice maps to the real encryption, when the device hides it (iPhone: 「オン」 on 587 is STARTTLS). */
  securityNote?: string;
  /** The weakest grade of these words (section, labels, choices): 'U' means the screen shows them as unconfirmed. */
  grade: Grade;
}

/** Devices with one on/off switch for SSL/TLS and STARTTLS alike. */
function oneSwitch(device: Device | undefined): boolean {
  return device === 'iphone' || device === 'mac-mail';
}

/** Outlook classic's POP settings: a checkbox (「このサーバーは暗号化された接続 (SSL/TLS) が必要」), no STARTTLS. */
function checkbox(device: Device | undefined, protocol: Protocol): boolean {
  return device === 'outlook-classic' && protocol === 'pop3';
}

/**
 * The device's name for one server's settings section. Grades: the iPhone and Mac section names
 * are the same words as their host labels (B/C there); the Android and new Outlook ones are unverified.
 */
export function serverSection(device: Device, protocol: Protocol, lang: Lang): string {
  const smtp = protocol === 'smtp';
  const proto = protocol === 'imap' ? 'IMAP' : protocol === 'pop3' ? 'POP' : 'SMTP';
  switch (device) {
    case 'iphone':
      return pick(smtp ? L('送信メールサーバ', 'Outgoing Mail Server') : L('受信メールサーバ', 'Incoming Mail Server'), lang);
    case 'mac-mail':
      return pick(smtp ? L('送信用メールサーバ', 'Outgoing Mail Server') : L('受信用メールサーバ', 'Incoming Mail Server'), lang);
    case 'outlook-classic':
      return pick(smtp ? L('送信サーバー (SMTP)', 'Outgoing server (SMTP)') : L(`受信サーバー (${proto})`, `Incoming server (${proto})`), lang);
    case 'outlook-new':
      return pick(smtp ? L('SMTP 送信サーバー', 'SMTP outgoing server') : L(`${proto} 受信サーバー`, `${proto} incoming server`), lang);
    case 'android-gmail':
    case 'samsung-email':
      return pick(smtp ? L('送信サーバーの設定', 'Outgoing server settings') : L('受信サーバーの設定', 'Incoming server settings'), lang);
    default:
      return assertNever(device, 'device');
  }
}

/** How sure the section name is: the iPhone, Mac and Outlook classic ones are their host label's words; the others are unverified. */
export function serverSectionGrade(device: Device, protocol: Protocol, lang: Lang): Grade {
  if (device === 'android-gmail' || device === 'samsung-email' || device === 'outlook-new') return 'U';
  return fieldLabelOrPlain(device, protocol, 'host', lang).grade;
}

/** The security choices in the order the device lists them (no device chosen: the plain names). */
export function securityChoices(device: Device | undefined, protocol: Protocol, lang: Lang): SecurityChoice[] {
  if (!device) return SECURITIES.map((s) => ({ id: s, label: securityName(s, lang) }));
  if (oneSwitch(device)) {
    return [
      { id: 'on', label: securityValue(device, 'tls', lang, protocol).value },
      { id: 'off', label: securityValue(device, 'none', lang, protocol).value },
    ];
  }
  if (checkbox(device, protocol)) {
    return [
      { id: 'tls', label: securityValue(device, 'tls', lang, protocol).value },
      { id: 'none', label: securityValue(device, 'none', lang, protocol).value },
    ];
  }
  return SECURITIES.map((s) => ({ id: s, label: securityValue(device, s, lang, protocol).value }));
}

/** The choice that shows `security` on this device ('' when nothing is set). */
export function choiceForSecurity(device: Device | undefined, protocol: Protocol, security: Security | ''): string {
  if (!security) return '';
  if (oneSwitch(device)) return security === 'none' ? 'off' : 'on';
  // Outlook's POP checkbox has no STARTTLS: a STARTTLS setting reads as the unticked box (securityValue says so).
  if (checkbox(device, protocol)) return security === 'tls' ? 'tls' : 'none';
  return security;
}

/**
 * The encryption a device choice means at a port. An iPhone or Mac with 「SSLを使用」 on uses
 * SSL/TLS from the start on the implicit-TLS port (993/995/465) and STARTTLS on the others
 * (iCloud's own settings are 587 with the switch on); with no port yet, SSL/TLS.
 */
export function securityForChoice(device: Device | undefined, protocol: Protocol, choice: string, port?: number): Security | '' {
  if (!choice) return '';
  if (oneSwitch(device)) {
    if (choice === 'off') return 'none';
    return port !== undefined && port !== STANDARD_PORTS[protocol].tls ? 'starttls' : 'tls';
  }
  return (SECURITIES as readonly string[]).includes(choice) ? (choice as Security) : '';
}

function label(device: Device | undefined, protocol: Protocol, field: LabelField, lang: Lang): ResolvedLabel {
  return device ? fieldLabelOrPlain(device, protocol, field, lang) : { label: plainFieldName(field, lang), grade: 'A' };
}

/** The whole form for one server of `device` (no device chosen yet: device-neutral words). */
export function deviceServerForm(device: Device | undefined, protocol: Protocol, lang: Lang): DeviceServerForm {
  const form: DeviceServerForm = {
    section: device ? serverSection(device, protocol, lang) : serverRoleName(protocol, lang),
    host: label(device, protocol, 'host', lang),
    port: label(device, protocol, 'port', lang),
    security: label(device, protocol, 'security', lang),
    securityChoices: securityChoices(device, protocol, lang),
    grade: formGrade(device, protocol, lang),
  };
  const note = device && (oneSwitch(device) || checkbox(device, protocol)) ? securityValue(device, 'starttls', lang, protocol).note : undefined;
  if (note) form.securityNote = note;
  return form;
}

function formGrade(device: Device | undefined, protocol: Protocol, lang: Lang): Grade {
  if (!device) return 'A';
  const labels = (['host', 'port', 'security'] as const).map((f) => fieldLabelOrPlain(device, protocol, f, lang).grade);
  // Only the choices this device shows (an iPhone's switch has no STARTTLS entry).
  const shown = oneSwitch(device) || checkbox(device, protocol) ? (['tls', 'none'] as const) : SECURITIES;
  const values = shown.map((s) => securityValue(device, s, lang, protocol).grade);
  return weakestGrade([serverSectionGrade(device, protocol, lang), ...labels, ...values]);
}

/** The device's label for the login name (one for every server). */
export function deviceUserLabel(device: Device | undefined, lang: Lang): ResolvedLabel {
  return label(device, 'imap', 'user', lang);
}
