/**
 * Field data for drawing "your device's settings screen" with the values to
 * type highlighted: the fields in the order the real screen shows them, with
 * the device's own labels (grade-marked; U labels are unconfirmed).
 */
import type { Protocol } from '../../models/account';
import type { Device, Lang } from '../../models/device';
import { assertNever } from '../../result';
import type { ScreenField, SettingsScreen } from './checklist-types';
import type { SettingsDiffRow } from '../composer/composer-types';
import { fieldLabelOrPlain, securityValue, smtpAuthOnValue, type LabelField } from './device-labels';
import { deviceName } from './device-names';
import { resolvePath } from './device-paths';
import { serverRoleName } from '../findings/fix-settings';
import { L, pick, type PartialServerSettings, type SettingField } from '../findings/fix-types';

/** Field order on each device's screen (incoming / outgoing). */
function fieldOrder(device: Device, protocol: Protocol): LabelField[] {
  const smtp = protocol === 'smtp';
  switch (device) {
    case 'iphone':
      // Host, user and password on the account screen; SSL, auth and port under 詳細 (incoming) or on the SMTP screen.
      return ['host', 'user', 'password', 'security', 'smtp-auth', 'port'];
    case 'outlook-classic':
      return smtp ? ['host', 'smtp-auth', 'port', 'security'] : ['host', 'user', 'password', 'port', 'security'];
    case 'mac-mail':
      return smtp ? ['host', 'user', 'password', 'port', 'security', 'smtp-auth'] : ['user', 'password', 'host', 'port', 'security', 'smtp-auth'];
    case 'outlook-new':
    case 'android-gmail':
    case 'samsung-email':
      return smtp ? ['host', 'port', 'security', 'smtp-auth', 'user', 'password'] : ['user', 'password', 'host', 'port', 'security'];
    default:
      return assertNever(device, 'device');
  }
}

/** The value placeholder for a password: we never know (or show) the real one. */
const PASSWORD_MASK = '••••••••';

function valueOf(device: Device, protocol: Protocol, field: LabelField, s: PartialServerSettings & { user?: string }, lang: Lang): string | undefined {
  switch (field) {
    case 'host': return s.host;
    case 'port': return s.port === undefined ? undefined : String(s.port);
    case 'security': return s.security ? securityValue(device, s.security, lang, protocol).value : undefined;
    case 'user': return s.user;
    case 'password': return PASSWORD_MASK;
    case 'smtp-auth': return protocol === 'smtp' || device === 'iphone' || device === 'mac-mail' ? smtpAuthOnValue(device, lang).value : undefined;
    case 'spa': return undefined;
    default: return assertNever(field, 'field');
  }
}

function toScreenField(field: LabelField): ScreenField['field'] | undefined {
  switch (field) {
    case 'host':
    case 'port':
    case 'security':
    case 'user':
    case 'password':
      return field;
    case 'smtp-auth':
      return 'auth';
    case 'spa':
      return undefined;
    default:
      return assertNever(field, 'field');
  }
}

/**
 * The settings screen of `device` for one server, filled with `settings`.
 * `highlight` lists the fields to emphasise (e.g. the wrong ones from the
 * settings diff); by default every field we have a value for is highlighted.
 */
export function deviceSettingsScreen(
  device: Device,
  protocol: Protocol,
  settings: PartialServerSettings & { user?: string },
  lang: Lang,
  highlight?: readonly (SettingField | 'auth')[],
): SettingsScreen {
  const place = protocol === 'smtp' ? 'outgoing-server' : 'incoming-server';
  const rp = resolvePath(device, place, lang);
  const fields: ScreenField[] = [];
  for (const f of fieldOrder(device, protocol)) {
    const kind = toScreenField(f);
    const value = valueOf(device, protocol, f, settings, lang);
    if (!kind || value === undefined) continue;
    const label = fieldLabelOrPlain(device, protocol, f, lang);
    const known = kind !== 'password' && kind !== 'auth' ? settings[kind] !== undefined : kind === 'auth' && protocol === 'smtp';
    fields.push({ field: kind, label: label.label, value, highlight: highlight ? kind !== 'password' && highlight.includes(kind) : known, grade: label.grade });
  }
  const screen: SettingsScreen = {
    title: `${deviceName(device, lang)} — ${pick(L(serverRoleName(protocol, 'ja'), serverRoleName(protocol, 'en')), lang)}`,
    path: rp?.path ?? [],
    pathGrade: rp?.grade ?? 'U',
    fields,
  };
  const notes: string[] = [];
  if (rp?.note) notes.push(rp.note);
  if (device === 'iphone' && protocol !== 'smtp') notes.push(pick(L('「SSLを使用」「認証」「サーバポート」は「詳細」の画面にあります。', '"Use SSL", "Authentication" and "Server Port" are on the "Advanced" screen.'), lang));
  if (notes.length > 0) screen.note = notes.join(' ');
  return screen;
}

/**
 * The fields to highlight on a protocol's screen, from the settings diff: the
 * wrong ones; when nothing is known to be wrong, every field with a correct
 * value the device's value could not be checked against.
 */
export function highlightFromDiff(diff: readonly SettingsDiffRow[], protocol: Protocol): SettingField[] {
  const rows = diff.filter((d) => d.protocol === protocol || d.field === 'user');
  const wrong = rows.filter((d) => d.status === 'wrong').map((d) => d.field);
  if (wrong.length > 0) return wrong;
  return rows.filter((d) => d.status === 'unknown' && d.correctValue !== undefined).map((d) => d.field);
}
