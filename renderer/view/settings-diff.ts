/**
 * The settings diff: what the device is set to, field by field, against the
 * settings the test saw working. "Working" comes from the report, in this order:
 * a configured probe that passed, a finding's proven fix, an alternative that passed,
 * and only then what was tested (unverified).
 *
 * Rows use the knowledge layer's SettingsDiffRow shape so the composer's own diff
 * (when it lands) renders through the same component.
 */
import type { Protocol, ServerSettings } from '../../shared/models/account';
import type { Device, Lang } from '../../shared/models/device';
import type { DiagnoseReport } from '../../shared/models/probe';
import type { SettingsDiffRow } from '../../shared/knowledge/composer-types';
import type { AccountSettings, PartialServerSettings, SettingField } from '../../shared/knowledge/fix-types';
import { fieldLabelOrPlain, plainFieldName, securityValue } from '../../shared/knowledge/device-labels';
import type { DeviceDraft } from '../store/types';
import { parsePort } from './account-request';

export function workingSettings(report: DiagnoseReport | undefined, protocol: Protocol): { settings: ServerSettings; verified: boolean } | undefined {
  if (!report) return undefined;
  const probes = report.probes.filter((p) => p.protocol === protocol);
  const pick = (p: ServerSettings): ServerSettings => ({ host: p.host, port: p.port, security: p.security });
  const configuredOk = probes.find((p) => p.role === 'configured' && p.status === 'ok');
  if (configuredOk) return { settings: pick(configuredOk), verified: true };
  const fix = report.findings.find((f) => f.protocol === protocol && f.fix)?.fix;
  if (fix) return { settings: fix, verified: true };
  const configured = probes.find((p) => p.role === 'configured');
  const altOk = probes
    .filter((p) => p.role === 'alternative' && p.status === 'ok')
    .sort((a, b) => Number(b.host === configured?.host) - Number(a.host === configured?.host))[0];
  if (altOk) return { settings: pick(altOk), verified: true };
  if (configured) return { settings: pick(configured), verified: false };
  return undefined;
}

/** Correct settings for every protocol the report covers, plus the login name. */
export function correctFromReport(report: DiagnoseReport | undefined, user: string): AccountSettings {
  const out: AccountSettings = {};
  for (const p of ['imap', 'pop3', 'smtp'] as const) {
    const w = workingSettings(report, p);
    if (w) out[p] = w.settings;
  }
  if (user.trim()) out.user = user.trim();
  return out;
}

export function draftToPartial(d: DeviceDraft): PartialServerSettings | undefined {
  const out: PartialServerSettings = {};
  if (d.host.trim()) out.host = d.host.trim();
  const port = parsePort(d.port);
  if (port !== undefined) out.port = port;
  if (d.security) out.security = d.security;
  return Object.keys(out).length ? out : undefined;
}

export function deviceAccountSettings(incoming: 'imap' | 'pop3', d: { incoming: DeviceDraft; smtp: DeviceDraft; user: string }): AccountSettings {
  const inc = draftToPartial(d.incoming);
  const smtp = draftToPartial(d.smtp);
  return { ...(inc ? { [incoming]: inc } : {}), ...(smtp ? { smtp } : {}), ...(d.user.trim() ? { user: d.user.trim() } : {}) };
}

export function hasDeviceSettings(d: { incoming: DeviceDraft; smtp: DeviceDraft; user: string }): boolean {
  const any = (x: DeviceDraft) => Boolean(x.host.trim() || x.port.trim() || x.security);
  return any(d.incoming) || any(d.smtp) || Boolean(d.user.trim());
}

const normHost = (h: string) => h.trim().toLowerCase().replace(/\.$/, '');

function display(device: Device | undefined, field: SettingField, v: PartialServerSettings | undefined, lang: Lang): string | undefined {
  if (!v) return undefined;
  switch (field) {
    case 'host':
      return v.host;
    case 'port':
      return v.port !== undefined ? String(v.port) : undefined;
    case 'security':
      if (!v.security) return undefined;
      return device ? securityValue(device, v.security, lang).value : v.security.toUpperCase();
    case 'user':
      return undefined;
  }
}

function same(field: SettingField, a: PartialServerSettings, b: PartialServerSettings): boolean | undefined {
  switch (field) {
    case 'host':
      return a.host === undefined || b.host === undefined ? undefined : normHost(a.host) === normHost(b.host);
    case 'port':
      return a.port === undefined || b.port === undefined ? undefined : a.port === b.port;
    case 'security':
      return a.security === undefined || b.security === undefined ? undefined : a.security === b.security;
    case 'user':
      return undefined;
  }
}

/** Field-by-field diff for the protocols the device uses. */
export function buildSettingsDiff(device: Device | undefined, lang: Lang, onDevice: AccountSettings, correct: AccountSettings, protocols: readonly Protocol[]): SettingsDiffRow[] {
  const rows: SettingsDiffRow[] = [];
  for (const protocol of protocols) {
    const d = onDevice[protocol] ?? {};
    const c = correct[protocol];
    if (!c && !onDevice[protocol]) continue;
    for (const field of ['host', 'port', 'security'] as const) {
      const eq = c ? same(field, d, c) : undefined;
      const deviceValue = display(device, field, d, lang);
      const correctValue = display(device, field, c, lang);
      rows.push({
        protocol,
        field,
        label: device ? fieldLabelOrPlain(device, protocol, field, lang).label : plainFieldName(field, lang),
        ...(deviceValue !== undefined ? { deviceValue } : {}),
        ...(correctValue !== undefined ? { correctValue } : {}),
        status: eq === undefined ? 'unknown' : eq ? 'ok' : 'wrong',
      });
    }
  }
  const du = onDevice.user;
  const cu = correct.user;
  if (du || cu) {
    rows.push({
      field: 'user',
      label: device ? fieldLabelOrPlain(device, protocols[0] ?? 'imap', 'user', lang).label : plainFieldName('user', lang),
      ...(du ? { deviceValue: du } : {}),
      ...(cu ? { correctValue: cu } : {}),
      status: du && cu ? (du.trim().toLowerCase() === cu.trim().toLowerCase() ? 'ok' : 'wrong') : 'unknown',
    });
  }
  return rows;
}
