/**
 * The correct settings, each value with an honest source (see SettingSource):
 *
 * 1. `logged-in` — a configured probe logged in with it;
 * 2. `connected` — a probe secured the connection and got a mail greeting, and its login
 *    failed for a reason no port can fix (wrong password) or was not tried. The configured
 *    server first (what the customer has), then the alternative `modePreference` ranks first
 *    (implicit TLS first; the same rule picks the engine's fix), so one fault gets one
 *    recommendation on every device whichever port answered first;
 * 3. the configured server's own source when the run could not test it against the network
 *    (catalog / discovered: still the provider's value; typed / guess: untested, never shown
 *    as correct) — but a typed or guessed value the run tried and saw fail is dropped;
 * 4. the provider catalog.
 *
 * A value seen working beats the catalog because catalogs go out of date.
 */
import { modePreference, PROTOCOLS, type Protocol, type ServerSettings } from '../../models/account';
import type { DiagnoseReport } from '../../models/probe';
import type { ProviderEntry } from '../providers/catalog-types';
import { usernameFormFor } from '../providers/catalog';
import { TRUSTED_SOURCES, type ConfiguredSource, type CorrectSettings, type KnownServer, type SettingSource } from './composer-types';
import { providerServer } from '../findings/fix-settings';
import type { AccountSettings } from '../findings/fix-types';
import { configured, connectedCleanly, finished, loginProved, refusedForAccount } from './probe-evidence';

export interface CorrectInput {
  report: DiagnoseReport | null | undefined;
  provider?: ProviderEntry;
  serverSources?: Partial<Record<Protocol, ConfiguredSource>>;
  /** The login name used (default: the address). */
  user?: string;
}

const pick = (p: ServerSettings): ServerSettings => ({ host: p.host, port: p.port, security: p.security });

function fromProbes(report: DiagnoseReport, protocol: Protocol): KnownServer | undefined {
  const ps = report.probes.filter((p) => p.protocol === protocol && finished(p));
  const cfg = ps.filter((p) => p.role === 'configured');
  const loggedIn = cfg.find((p) => p.login === 'ok') ?? ps.find((p) => p.login === 'ok');
  if (loggedIn) return { ...pick(loggedIn), source: 'logged-in' };
  const cfgConnected = cfg.find((p) => refusedForAccount(p) || (p.login === 'not-tried' && connectedCleanly(p)));
  if (cfgConnected) return { ...pick(cfgConnected), source: 'connected' };
  const hosts = new Set(cfg.map((p) => p.host.toLowerCase()));
  const alt = ps
    .filter((p) => p.role === 'alternative' && hosts.has(p.host.toLowerCase()) && connectedCleanly(p))
    .sort((a, b) => modePreference(protocol, a) - modePreference(protocol, b))[0];
  return alt ? { ...pick(alt), source: 'connected' } : undefined;
}

/** What the catalog says about a name the address tells (email / local part); a provider ID is not guessable. */
export function expectedUser(provider: ProviderEntry | undefined, email: string | undefined): string | undefined {
  if (!provider || !email) return undefined;
  const at = email.lastIndexOf('@');
  if (at <= 0) return undefined;
  switch (usernameFormFor(provider, email.slice(at + 1))) {
    case 'email':
      return email;
    case 'localpart':
      return email.slice(0, at);
    default:
      return undefined; // 'provider-id': an ID only the customer knows (docomo dアカウント, au)
  }
}

export function deriveCorrect(input: CorrectInput): CorrectSettings {
  const r = input.report ?? undefined;
  const out: CorrectSettings = {};
  for (const protocol of PROTOCOLS) {
    const seen = r ? fromProbes(r, protocol) : undefined;
    if (seen) {
      out[protocol] = seen;
      continue;
    }
    const tried = configured(r).find((p) => p.protocol === protocol);
    const source = input.serverSources?.[protocol];
    if (tried && source) {
      const testedAndFailed = finished(tried) && tried.status === 'failed';
      // The provider's own value stays the answer when this PC could not reach it; a typed or
      // guessed value that failed is not an answer at all.
      if (source === 'catalog' || source === 'discovered' || !testedAndFailed) {
        out[protocol] = { ...pick(tried), source };
        continue;
      }
    }
    const cat = providerServer(input.provider, protocol);
    if (cat) out[protocol] = { host: cat.host, port: cat.port, security: cat.security, source: 'catalog' };
  }
  const email = r?.email;
  const used = input.user?.trim() || email;
  const catalogUser = expectedUser(input.provider, email);
  let user: CorrectSettings['user'];
  if (used && loginProved(r)) user = { value: used, source: 'logged-in' };
  else if (catalogUser) user = { value: catalogUser, source: 'catalog' };
  else if (input.user?.trim()) user = { value: input.user.trim(), source: 'typed' };
  if (user) out.user = user;
  return out;
}

export const isTrusted = (s: SettingSource | undefined): boolean => s !== undefined && TRUSTED_SOURCES.has(s);

/** The trusted values only, as plain settings (what may be shown as 正しい値). */
export function trustedSettings(c: CorrectSettings): AccountSettings {
  const out: AccountSettings = {};
  for (const p of PROTOCOLS) {
    const k = c[p];
    if (k && isTrusted(k.source)) out[p] = pick(k);
  }
  if (c.user && isTrusted(c.user.source)) out.user = c.user.value;
  return out;
}
