/**
 * What the device is set to versus what is correct, field by field.
 *
 * "Correct" comes, in order: what the helpdesk/discovery says explicitly, what
 * a probe saw working in this run, a finding's `fix`, then the provider catalog.
 * A value seen working beats the catalog because catalogs go out of date.
 */
import { PROTOCOLS, type Protocol, type ServerSettings } from '../models/account';
import type { Device, Lang } from '../models/device';
import type { DiagnoseReport, ProbeResult } from '../models/probe';
import type { ProviderEntry } from './catalog-types';
import type { SettingsDiffRow } from './composer-types';
import { fieldLabelOrPlain } from './device-labels';
import { providerServer, securityName } from './fix-settings';
import type { AccountSettings, PartialServerSettings } from './fix-types';

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
  correct?: AccountSettings;
  /** Which protocols to list; default: every protocol either side knows about. */
  protocols?: readonly Protocol[];
}

/** One row per field; the user name row comes last and has no protocol. */
export function diffSettings(o: DiffOptions): SettingsDiffRow[] {
  const dev = o.deviceSettings ?? {};
  const cor = o.correct ?? {};
  const protocols = o.protocols ?? PROTOCOLS.filter((p) => hasAny(dev[p]) || hasAny(cor[p]));
  const rows: SettingsDiffRow[] = [];
  for (const protocol of protocols) {
    const d = dev[protocol] ?? {};
    const c = cor[protocol] ?? {};
    rows.push(row(o, protocol, 'host', d.host, c.host, compare(d.host, c.host, (x, y) => normHost(x) === normHost(y))));
    rows.push(row(o, protocol, 'port', d.port === undefined ? undefined : String(d.port), c.port === undefined ? undefined : String(c.port), compare(d.port, c.port, (x, y) => x === y)));
    rows.push(
      row(
        o,
        protocol,
        'security',
        d.security && securityName(d.security, o.lang),
        c.security && securityName(c.security, o.lang),
        compare(d.security, c.security, (x, y) => x === y),
      ),
    );
  }
  if (dev.user !== undefined || cor.user !== undefined) {
    const label = fieldLabelOrPlain(o.device, protocols[0] ?? 'imap', 'user', o.lang).label;
    const r: SettingsDiffRow = { field: 'user', label, status: compare(dev.user, cor.user, (x, y) => x.trim().toLowerCase() === y.trim().toLowerCase()) };
    if (dev.user !== undefined) r.deviceValue = dev.user;
    if (cor.user !== undefined) r.correctValue = cor.user;
    rows.push(r);
  }
  return rows;
}

function row(o: DiffOptions, protocol: Protocol, field: 'host' | 'port' | 'security', deviceValue: string | undefined, correctValue: string | undefined, status: SettingsDiffRow['status']): SettingsDiffRow {
  const r: SettingsDiffRow = { protocol, field, label: fieldLabelOrPlain(o.device, protocol, field, o.lang).label, status };
  if (deviceValue !== undefined) r.deviceValue = deviceValue;
  if (correctValue !== undefined) r.correctValue = correctValue;
  return r;
}

/** A probe that got all the way through: connected, secured, and logged in (or had no password to try). */
function worked(p: ProbeResult): boolean {
  return p.status === 'ok' && p.login !== 'failed';
}

function seenWorking(report: DiagnoseReport | null | undefined, protocol: Protocol): ServerSettings | undefined {
  if (!report) return undefined;
  const ok = report.probes.filter((p) => p.protocol === protocol && worked(p));
  // A configured setting that works is what the customer has; else the best alternative (login ok first).
  const best = ok.find((p) => p.role === 'configured') ?? ok.find((p) => p.login === 'ok') ?? ok[0];
  if (best) return { host: best.host, port: best.port, security: best.security };
  const fix = report.findings.find((f) => f.protocol === protocol && f.fix)?.fix;
  return fix;
}

/** The user name the provider expects, written out when the address tells us. */
export function expectedUser(provider: ProviderEntry | undefined, email: string | undefined): string | undefined {
  if (!provider || !email) return undefined;
  const at = email.lastIndexOf('@');
  if (at <= 0) return undefined;
  switch (provider.username) {
    case 'email': return email;
    case 'localpart': return email.slice(0, at);
    case 'provider-id': return undefined; // an ID only the customer knows (docomo dアカウント, au)
    default: return undefined;
  }
}

/** Build the correct settings from everything known (see the file comment for the order). */
export function deriveCorrectSettings(
  explicit: AccountSettings | undefined,
  report: DiagnoseReport | null | undefined,
  provider: ProviderEntry | undefined,
  email: string | undefined,
): AccountSettings {
  const out: AccountSettings = {};
  for (const protocol of PROTOCOLS) {
    const given = explicit?.[protocol];
    if (hasAny(given)) {
      out[protocol] = given;
      continue;
    }
    const seen = seenWorking(report, protocol);
    if (seen) {
      out[protocol] = seen;
      continue;
    }
    const cat = providerServer(provider, protocol);
    if (cat) out[protocol] = { host: cat.host, port: cat.port, security: cat.security };
  }
  const user = explicit?.user ?? expectedUser(provider, email);
  if (user !== undefined) out.user = user;
  return out;
}
