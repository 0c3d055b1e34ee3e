/**
 * A short generic checklist and settings-screen picture, built from the knowledge
 * layer's menu paths and field labels, used until checklist.ts lands. Same shapes as
 * buildChecklist / deviceSettingsScreen.
 */
import type { ChecklistStep, SettingsScreen, ScreenField } from '../../shared/knowledge/checklist-types';
import type { Diagnosis } from '../../shared/knowledge/composer-types';
import type { AccountSettings } from '../../shared/knowledge/fix-types';
import type { FindingCode } from '../../shared/findings/codes';
import type { Protocol } from '../../shared/models/account';
import type { Device, Lang } from '../../shared/models/device';
import { resolvePath, type Place } from '../../shared/knowledge/device-paths';
import { fieldLabelOrPlain, securityValue } from '../../shared/knowledge/device-labels';
import { t, type MessageKey } from '../../shared/i18n/messages';

interface Template {
  id: string;
  group: ChecklistStep['group'];
  place: Place;
  title: MessageKey;
  action: MessageKey;
  codes: FindingCode[];
  /** Which server the step is about: a finding on another protocol does not raise it. */
  side: 'incoming' | 'smtp' | 'any';
}

const TEMPLATES: Template[] = [
  { id: 'open-account', group: 'first-checks', place: 'account-list', title: 'cl.open.title', action: 'cl.open.lookFor', codes: [], side: 'any' },
  {
    id: 'incoming-server',
    group: 'device',
    place: 'incoming-advanced',
    title: 'cl.incoming.title',
    action: 'cl.incoming.lookFor',
    codes: ['DNS_NOT_FOUND', 'TCP_REFUSED', 'TCP_TIMEOUT', 'TLS_ON_PLAIN_PORT', 'PLAIN_ON_TLS_PORT', 'STARTTLS_NOT_OFFERED', 'TLS_CERT_HOSTNAME_MISMATCH', 'SERVER_NOT_MAIL', 'GREETING_TIMEOUT', 'ALTERNATIVE_WORKS'],
    side: 'incoming',
  },
  {
    id: 'outgoing-server',
    group: 'send-receive',
    place: 'outgoing-server',
    title: 'cl.outgoing.title',
    action: 'cl.outgoing.lookFor',
    codes: ['PORT25_BLOCKED', 'SMTP_AUTH_REQUIRED', 'SMTP_RELAY_DENIED', 'SMTP_SENDER_REJECTED', 'TCP_REFUSED', 'TCP_TIMEOUT', 'ALTERNATIVE_WORKS'],
    side: 'smtp',
  },
  { id: 'app-password', group: 'password', place: 'password', title: 'cl.appPassword.title', action: 'cl.appPassword.lookFor', codes: ['AUTH_APP_PASSWORD_REQUIRED', 'AUTH_BASIC_DISABLED'], side: 'any' },
  { id: 'password', group: 'password', place: 'password', title: 'cl.password.title', action: 'cl.password.lookFor', codes: ['AUTH_FAILED'], side: 'any' },
  { id: 'date-time', group: 'tls', place: 'date-time', title: 'cl.clock.title', action: 'cl.clock.lookFor', codes: ['TLS_CERT_EXPIRED', 'TLS_CERT_NOT_YET_VALID', 'TLS_CERT_UNTRUSTED'], side: 'any' },
  { id: 'network', group: 'network', place: 'wifi', title: 'cl.network.title', action: 'cl.network.lookFor', codes: ['TCP_TIMEOUT', 'PORT25_BLOCKED', 'DNS_FAILURE', 'TCP_UNREACHABLE', 'TLS_CERT_UNTRUSTED'], side: 'any' },
  { id: 'readd-account', group: 'device', place: 'delete-account', title: 'cl.readd.title', action: 'cl.readd.lookFor', codes: [], side: 'any' },
];

/** A ranked problem: its code and, when known, the protocol it was seen on. */
export interface RankedCode {
  code: FindingCode;
  protocol?: Protocol;
}

function matches(tpl: Template, r: RankedCode): boolean {
  if (!tpl.codes.includes(r.code)) return false;
  if (tpl.side === 'any' || !r.protocol) return true;
  return tpl.side === 'smtp' ? r.protocol === 'smtp' : r.protocol !== 'smtp';
}

export function fallbackChecklist(device: Device, lang: Lang, diagnosis: Diagnosis | undefined, email: string, findings?: ReadonlyArray<RankedCode>): ChecklistStep[] {
  const ranked: RankedCode[] = findings ? [...findings] : (diagnosis?.causes ?? []).flatMap((c) => c.codes.map((code) => ({ code })));
  const steps = TEMPLATES.map((tpl, i): ChecklistStep & { order: number } => {
    const path = resolvePath(device, tpl.place, lang);
    const hit = ranked.findIndex((r) => matches(tpl, r));
    return {
      id: tpl.id,
      group: tpl.group,
      title: t(lang, tpl.title),
      action: t(lang, tpl.action, { email: email || '—' }),
      lookFor: '',
      ...(path ? { path: path.path } : {}),
      grade: path?.grade ?? 'U',
      ...(path?.note ? { note: path.note } : {}),
      relevance: hit >= 0 ? 'high' : 'normal',
      relevantCodes: tpl.codes,
      relevantCauses: [],
      // Steps the diagnosis points at move up, in the diagnosis' own order; the rest keep theirs.
      order: hit >= 0 ? hit : 100 + i,
    };
  });
  // "Open the account" stays first whenever a settings step was moved up: it is how you get there.
  const sorted = steps.sort((a, b) => a.order - b.order);
  const open = sorted.findIndex((s) => s.id === 'open-account');
  const [first] = sorted.splice(open, 1);
  if (first) sorted.unshift(first);
  return sorted.map(({ order: _o, ...s }) => s);
}

export function fallbackSettingsScreen(
  device: Device,
  protocol: Protocol,
  correct: AccountSettings,
  onDevice: AccountSettings,
  lang: Lang,
): SettingsScreen | undefined {
  const c = correct[protocol];
  if (!c) return undefined;
  const d = onDevice[protocol];
  const place: Place = protocol === 'smtp' ? 'outgoing-server' : 'incoming-advanced';
  const path = resolvePath(device, place, lang);
  const differs = (field: 'host' | 'port' | 'security'): boolean => {
    if (!d || d[field] === undefined) return true; // unknown: point the customer at it anyway
    return field === 'host' ? d.host?.toLowerCase() !== c.host?.toLowerCase() : d[field] !== c[field];
  };
  const label = (f: Parameters<typeof fieldLabelOrPlain>[2]) => fieldLabelOrPlain(device, protocol, f, lang);
  const fields: ScreenField[] = [];
  if (c.host) fields.push({ field: 'host', label: label('host').label, value: c.host, highlight: differs('host'), grade: label('host').grade });
  const user = correct.user;
  if (user) fields.push({ field: 'user', label: label('user').label, value: user, highlight: Boolean(onDevice.user && onDevice.user.toLowerCase() !== user.toLowerCase()), grade: label('user').grade });
  fields.push({ field: 'password', label: label('password').label, value: t(lang, 'picture.passwordDots'), highlight: false, grade: label('password').grade });
  if (c.security) {
    const sv = securityValue(device, c.security, lang);
    fields.push({ field: 'security', label: label('security').label, value: sv.value, highlight: differs('security'), grade: sv.grade });
  }
  if (c.port !== undefined) fields.push({ field: 'port', label: label('port').label, value: String(c.port), highlight: differs('port'), grade: label('port').grade });
  return {
    title: protocol === 'smtp' ? t(lang, 'account.outgoing') : t(lang, 'account.incoming', { protocol: t(lang, `protocol.${protocol}`) }),
    path: path?.path ?? [],
    pathGrade: path?.grade ?? 'U',
    fields,
  };
}
