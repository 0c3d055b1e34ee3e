/**
 * What fix delivery (Apple profile, Thunderbird autoconfig, customer text, QR code) is made
 * from: the correct settings with where each value came from.
 *
 * The sources are the composer's own (`diagnosis.correctSettings` in the CLI's JSON):
 * `logged-in` a login succeeded with it, `connected` TLS and greeting were fine but the login
 * was not proven, `catalog` the provider catalog, `discovered` trusted autoconfig/ISPDB/SRV,
 * `typed` what the helpdesk typed (untested), `guess` a name made up from the domain.
 */
import { z } from 'zod';
import { HostName, Protocol, Security } from '../models/account';

export const SETTING_SOURCES = ['logged-in', 'connected', 'catalog', 'discovered', 'typed', 'guess'] as const;
export const SettingSource = z.enum(SETTING_SOURCES);
export type SettingSource = z.infer<typeof SettingSource>;

/** Sources a profile may carry without a warning: the value was seen to work, or a trusted party published it. */
export const VOUCHED_SOURCES: ReadonlySet<SettingSource> = new Set(['logged-in', 'connected', 'catalog', 'discovered']);

export const SourcedServer = z.object({
  host: HostName,
  port: z.number().int().min(1).max(65535),
  security: Security,
  source: SettingSource,
});
export type SourcedServer = z.infer<typeof SourcedServer>;

export const SourcedSettings = z.object({
  imap: SourcedServer.optional(),
  pop3: SourcedServer.optional(),
  smtp: SourcedServer.optional(),
  user: z.object({ value: z.string().min(1).max(320), source: SettingSource }).optional(),
});
export type SourcedSettings = z.infer<typeof SourcedSettings>;

/** Who the account is for. */
export interface DeliveryAccount {
  email: string;
  /** The customer's name as shown in sent mail (optional). */
  displayName?: string;
}

export type IncomingProtocol = Extract<Protocol, 'imap' | 'pop3'>;

/** A remark the helpdesk must see before sending the file; `blocking` ones stop the file from being made. */
export interface DeliveryWarning {
  code:
    | 'guess-value'
    | 'untested-value'
    | 'no-incoming'
    | 'no-outgoing'
    | 'plaintext'
    | 'password-included'
    | 'unsigned';
  /** The protocol or field the warning is about, when it is about one. */
  field?: Protocol | 'user';
  text: string;
  blocking: boolean;
}
