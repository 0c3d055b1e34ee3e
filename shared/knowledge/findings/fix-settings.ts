/**
 * Fix steps that change a server setting, with the device's own labels and the
 * exact values (「サーバポート: 587」「SSLを使用: オン」).
 *
 * Values always come from data — the finding's `fix` (seen working), explicit
 * correct settings, or the provider's catalog servers — never from text here.
 */
import type { Protocol, Security } from '../../models/account';
import type { Device, Grade, Lang } from '../../models/device';
import { assertNever } from '../../result';
import type { ProviderEntry, ProviderServer } from '../providers/catalog-types';
import { fieldLabelOrPlain, securityValue, smtpAuthOnValue } from '../devices/device-labels';
import { resolvePath, type Place } from '../devices/device-paths';
import { L, pick, type FixStep, type PartialServerSettings, type SettingField } from './fix-types';

/** 受信メールサーバー（IMAP） / incoming mail server (IMAP), in the app's own voice. */
export function serverRoleName(protocol: Protocol, lang: Lang): string {
  switch (protocol) {
    case 'imap': return pick(L('受信メールサーバー（IMAP）', 'incoming mail server (IMAP)'), lang);
    case 'pop3': return pick(L('受信メールサーバー（POP）', 'incoming mail server (POP)'), lang);
    case 'smtp': return pick(L('送信メールサーバー（SMTP）', 'outgoing mail server (SMTP)'), lang);
    default: return assertNever(protocol, 'protocol');
  }
}

/** Plain name of a security mode for evidence and diffs. */
export function securityName(security: Security, lang: Lang): string {
  switch (security) {
    case 'tls': return 'SSL/TLS';
    case 'starttls': return 'STARTTLS';
    case 'none': return pick(L('なし（暗号化しない）', 'none (unencrypted)'), lang);
    default: return assertNever(security, 'security');
  }
}

const GRADE_RANK: Record<Grade, number> = { A: 0, B: 1, C: 2, U: 3 };

/**
 * The provider's server for a protocol: the given security first, then the
 * best-graded, then implicit TLS (RFC 8314 prefers it).
 */
export function providerServer(provider: ProviderEntry | undefined, protocol: Protocol, prefer?: Security): ProviderServer | undefined {
  if (!provider) return undefined;
  const list = provider.servers.filter((s) => s.protocol === protocol);
  const score = (s: ProviderServer) => (prefer && s.security === prefer ? 0 : 10) + GRADE_RANK[s.grade] * 2 + (s.security === 'tls' ? 0 : 1);
  return [...list].sort((a, b) => score(a) - score(b))[0];
}

function placeFor(protocol: Protocol, field: SettingField): Place {
  if (protocol === 'smtp') return 'outgoing-server';
  // Incoming port and SSL sit behind "Advanced"/"More Settings" on iPhone and Outlook classic.
  if (field === 'port' || field === 'security') return 'incoming-advanced';
  return 'incoming-server';
}

interface ValueFor {
  label: string;
  value: string;
  grade: Grade;
  note?: string;
}

function valueFor(device: Device, protocol: Protocol, field: SettingField, target: PartialServerSettings & { user?: string }, lang: Lang): ValueFor | undefined {
  switch (field) {
    case 'host': {
      if (!target.host) return undefined;
      const l = fieldLabelOrPlain(device, protocol, 'host', lang);
      return { label: l.label, value: target.host, grade: l.grade };
    }
    case 'port': {
      if (target.port === undefined) return undefined;
      const l = fieldLabelOrPlain(device, protocol, 'port', lang);
      return { label: l.label, value: String(target.port), grade: l.grade };
    }
    case 'security': {
      if (!target.security) return undefined;
      const l = fieldLabelOrPlain(device, protocol, 'security', lang);
      const v = securityValue(device, target.security, lang, protocol);
      const out: ValueFor = { label: l.label, value: v.value, grade: GRADE_RANK[v.grade] > GRADE_RANK[l.grade] ? v.grade : l.grade };
      if (v.note) out.note = v.note;
      return out;
    }
    case 'user': {
      if (!target.user) return undefined;
      const l = fieldLabelOrPlain(device, protocol, 'user', lang);
      return { label: l.label, value: target.user, grade: l.grade };
    }
    default:
      return assertNever(field, 'field');
  }
}

const FIELD_ORDER: SettingField[] = ['host', 'user', 'port', 'security'];

/**
 * Steps that set the given fields of one server on the device: for each screen
 * an "open" step with the menu path, then one step per value.
 */
export function serverSettingSteps(
  device: Device,
  protocol: Protocol,
  target: PartialServerSettings & { user?: string },
  lang: Lang,
  fields: readonly SettingField[] = FIELD_ORDER,
): FixStep[] {
  const steps: FixStep[] = [];
  let openPlace: Place | undefined;
  let openPath = '';
  for (const field of FIELD_ORDER) {
    if (!fields.includes(field)) continue;
    const v = valueFor(device, protocol, field, target, lang);
    if (!v) continue;
    const place = placeFor(protocol, field);
    const rp = resolvePath(device, place, lang);
    // Devices that keep port and SSL on the same screen as the host need no second "open" step.
    const samePath = openPlace !== undefined && rp !== undefined && rp.path.join('>') === openPath;
    if (place !== openPlace && !samePath) {
      openPlace = place;
      openPath = rp?.path.join('>') ?? '';
      const role = L(serverRoleName(protocol, 'ja'), serverRoleName(protocol, 'en'));
      const open: FixStep = {
        text: pick(
          place === 'incoming-advanced' && resolvePath(device, 'incoming-server', lang)?.path.join('>') !== openPath
            ? L(`${role.ja}の詳細設定（ポート・SSL）を開きます。`, `Open the advanced settings (port, SSL) of the ${role.en}.`)
            : L(`${role.ja}の設定画面を開きます。`, `Open the ${role.en} settings.`),
          lang,
        ),
        grade: rp?.grade ?? 'U',
      };
      if (rp) open.path = rp.path;
      if (rp?.note) open.note = rp.note;
      steps.push(open);
    }
    const step: FixStep = {
      text: pick(L(`「${v.label}」を「${v.value}」にします。`, `Set "${v.label}" to ${v.value}.`), lang),
      setting: { label: v.label, value: v.value },
      grade: v.grade,
    };
    if (v.note) step.note = v.note;
    steps.push(step);
  }
  return steps;
}

/** 「サーバポート: 587、SSLを使用: オン」 — one line for summaries and the report. */
export function settingSummary(device: Device, protocol: Protocol, target: PartialServerSettings & { user?: string }, lang: Lang): string {
  const parts: string[] = [];
  for (const field of FIELD_ORDER) {
    const v = valueFor(device, protocol, field, target, lang);
    if (v) parts.push(`${v.label}: ${v.value}`);
  }
  return parts.join(lang === 'ja' ? '、' : ', ');
}

/** Turn SMTP authentication on, with the same user name and password as for receiving. */
export function smtpAuthSteps(device: Device, lang: Lang): FixStep[] {
  const rp = resolvePath(device, 'outgoing-server', lang);
  const label = fieldLabelOrPlain(device, 'smtp', 'smtp-auth', lang);
  const value = smtpAuthOnValue(device, lang);
  const steps: FixStep[] = [];
  const open: FixStep = {
    text: pick(L('送信メールサーバー（SMTP）の設定画面を開きます。', 'Open the outgoing mail server (SMTP) settings.'), lang),
    grade: rp?.grade ?? 'U',
  };
  if (rp) open.path = rp.path;
  if (rp?.note) open.note = rp.note;
  steps.push(open);
  steps.push({
    text: pick(
      L(`「${label.label}」を「${value.value}」にし、受信と同じユーザー名とパスワードを入れます。`, `Set "${label.label}" to "${value.value}" and enter the same user name and password as for receiving.`),
      lang,
    ),
    setting: { label: label.label, value: value.value },
    grade: GRADE_RANK[value.grade] > GRADE_RANK[label.grade] ? value.grade : label.grade,
  });
  return steps;
}
