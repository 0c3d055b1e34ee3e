/**
 * What the device is set to versus what is correct, field by field, in the device's own
 * labels and values. The correct side comes from correct-settings.ts with its source; only a
 * trusted source fills the correct column (a typed or guessed value is not known to work).
 */
import { PROTOCOLS, SECURITIES, type Protocol, type Security } from '../../models/account';
import type { Device, Lang } from '../../models/device';
import type { CorrectSettings, DiffVerdict, SettingSource, SettingsDiffRow } from './composer-types';
import { assertNever } from '../../result';
import { serverSection, serverSectionGrade } from '../devices/device-form';
import { isTrusted } from './correct-settings';
import { fieldLabelOrPlain, securityValue } from '../devices/device-labels';
import { isUnconfirmed } from '../devices/device-names';
import type { AccountSettings, PartialServerSettings } from '../findings/fix-types';

function normHost(h: string): string {
  return h.trim().toLowerCase().replace(/\.$/, '');
}

function compare<T>(a: T | undefined, b: T | undefined, eq: (x: T, y: T) => boolean): SettingsDiffRow['status'] {
  if (a === undefined || b === undefined) return 'unknown';
  return eq(a, b) ? 'ok' : 'wrong';
}

function hasAny(s: PartialServerSettings | undefined): s is PartialServerSettings {
  return !!s && (s.host !== undefined || s.port !== undefined || s.security !== undefined);
}

export interface DiffOptions {
  device: Device;
  lang: Lang;
  deviceSettings?: AccountSettings;
  correct?: CorrectSettings;
  /** Which protocols to list; default: every protocol either side knows about. */
  protocols?: readonly Protocol[];
}

/** Apple Mail has one "SSL" switch for implicit TLS and STARTTLS: they are the same setting there. */
function sameSecurity(device: Device, a: Security, b: Security): boolean {
  if (device === 'iphone' || device === 'mac-mail') return (a === 'none') === (b === 'none');
  return a === b;
}

/**
 * The user name differs only in its form: one side is the address, the other its part before
 * the @ (`alice` / `alice@example.jp`). Many servers accept both; only the tested form is known
 * to work, so this is worth a check, never a near-certain cause.
 */
export function userFormOnly(row: SettingsDiffRow): boolean {
  if (row.field !== 'user' || row.status !== 'wrong' || !row.deviceValue || !row.correctValue) return false;
  const a = row.deviceValue.trim().toLowerCase();
  const b = row.correctValue.trim().toLowerCase();
  const local = (x: string) => (x.includes('@') ? x.slice(0, x.lastIndexOf('@')) : x);
  return a.includes('@') !== b.includes('@') && local(a) === local(b);
}

/** What the table shows for a row (see SettingsDiffRow.verdict). */
function verdictOf(r: SettingsDiffRow): DiffVerdict {
  switch (r.status) {
    case 'ok':
      return 'same';
    case 'wrong':
      return userFormOnly(r) ? 'check' : 'change';
    case 'unknown':
      return r.deviceValue === undefined ? 'not-entered' : 'unknown';
    default:
      return assertNever(r.status, 'diff status');
  }
}

/** Fills the display fields from the compared ones. */
function finish(r: Omit<SettingsDiffRow, 'verdict'>): SettingsDiffRow {
  const out: SettingsDiffRow = { ...r, verdict: 'unknown' };
  out.verdict = verdictOf(out);
  if (out.correctValue === undefined) out.noCorrect = out.source === 'typed' || out.source === 'guess' ? out.source : 'none';
  return out;
}

/** One row per field; the user name row comes last and has no protocol. */
export function diffSettings(o: DiffOptions): SettingsDiffRow[] {
  const dev = o.deviceSettings ?? {};
  const cor = o.correct ?? {};
  const protocols = o.protocols ?? PROTOCOLS.filter((p) => hasAny(dev[p]) || cor[p] !== undefined);
  const rows: SettingsDiffRow[] = [];
  for (const protocol of protocols) {
    const d = dev[protocol] ?? {};
    const known = cor[protocol];
    const c: PartialServerSettings = known && isTrusted(known.source) ? known : {};
    const source = known?.source;
    const sec = (v: Security | undefined) => (v === undefined ? undefined : securityValue(o.device, v, o.lang, protocol).value);
    rows.push(row(o, protocol, 'host', d.host, c.host, source, compare(d.host, c.host, (x, y) => normHost(x) === normHost(y))));
    rows.push(row(o, protocol, 'port', d.port === undefined ? undefined : String(d.port), c.port === undefined ? undefined : String(c.port), source, compare(d.port, c.port, (x, y) => x === y)));
    rows.push(row(o, protocol, 'security', sec(d.security), sec(c.security), source, compare(d.security, c.security, (x, y) => sameSecurity(o.device, x, y))));
  }
  if (dev.user !== undefined || cor.user !== undefined) {
    const { label, grade } = fieldLabelOrPlain(o.device, protocols[0] ?? 'imap', 'user', o.lang);
    const cu = cor.user && isTrusted(cor.user.source) ? cor.user.value : undefined;
    const r: Omit<SettingsDiffRow, 'verdict'> = { field: 'user', label, status: compare(dev.user, cu, (x, y) => x.trim().toLowerCase() === y.trim().toLowerCase()) };
    if (isUnconfirmed(grade)) r.wordsUnconfirmed = true;
    if (dev.user !== undefined) r.deviceValue = dev.user;
    if (cu !== undefined) r.correctValue = cu;
    if (cor.user) r.source = cor.user.source;
    rows.push(finish(r));
  }
  return rows;
}

/**
 * The label already says which server it is about: it holds the section's words (Outlook's
 * 「サーバーのポート番号 > 送信サーバー (SMTP)」) or is itself an incoming/outgoing server name
 * (Outlook's 「送信メール サーバー (SMTP)」, Mac's 「送信用メールサーバ」).
 */
function namesSection(label: string, section: string): boolean {
  return label.toLowerCase().includes(section.toLowerCase()) || /受信|送信|incoming|outgoing/i.test(label);
}

function row(
  o: DiffOptions,
  protocol: Protocol,
  field: 'host' | 'port' | 'security',
  deviceValue: string | undefined,
  correctValue: string | undefined,
  source: SettingSource | undefined,
  status: SettingsDiffRow['status'],
): SettingsDiffRow {
  const { label, grade } = fieldLabelOrPlain(o.device, protocol, field, o.lang);
  const r: Omit<SettingsDiffRow, 'verdict'> = { protocol, field, label, status };
  const section = serverSection(o.device, protocol, o.lang);
  if (!namesSection(label, section)) r.section = section;
  const values = field === 'security' ? SECURITIES.map((v) => securityValue(o.device, v, o.lang, protocol).grade) : [];
  if ([grade, ...values, ...(r.section !== undefined ? [serverSectionGrade(o.device, protocol, o.lang)] : [])].some(isUnconfirmed)) r.wordsUnconfirmed = true;
  if (deviceValue !== undefined) r.deviceValue = deviceValue;
  if (correctValue !== undefined) r.correctValue = correctValue;
  if (source) r.source = source;
  return finish(r);
}
