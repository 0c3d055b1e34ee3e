/**
 * The account form's drafts as plain settings: what the device is set to (typed in by the
 * helpdesk) and where each tested server row came from. Conversion only; what is correct is
 * decided by shared/knowledge.
 */
import type { Protocol } from '../../shared/models/account';
import type { ConfiguredSource } from '../../shared/knowledge/composer/composer-types';
import { configuredSource } from '../../shared/knowledge/composer/server-source';
import type { AccountSettings, PartialServerSettings } from '../../shared/knowledge/findings/fix-types';
import type { DeviceDraft, ServerDraft } from '../store/types';
import { parsePort } from './account-request';

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

export { configuredSource };

export function serverSources(servers: Record<Protocol, Pick<ServerDraft, 'source' | 'trust'>>): Record<Protocol, ConfiguredSource> {
  return { imap: configuredSource(servers.imap), pop3: configuredSource(servers.pop3), smtp: configuredSource(servers.smtp) };
}
