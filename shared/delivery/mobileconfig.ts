/**
 * An Apple configuration profile (.mobileconfig) with one Mail payload
 * (`com.apple.mail.managed`) that the customer opens on an iPhone, iPad or Mac.
 *
 * Keys and values follow Apple's Device Management reference for the Mail payload and the
 * profile's top level (the test checks every key against a copy of that list). Apple's payload
 * has a single "Use SSL" switch per server: we set it for both SSL/TLS and STARTTLS and give
 * the port, which is how the profile describes a 587/143 STARTTLS server (iOS then upgrades with
 * STARTTLS); "none" turns it off and is always warned about.
 *
 * No password goes in unless the helpdesk asks for it (`includePassword`), because the profile
 * is not encrypted; without one, the device asks once during installation
 * (`OutgoingPasswordSameAsIncomingPassword`). The profile is not signed, so the device shows
 * 「未署名」/"Unsigned": that note is always among the warnings.
 */
import type { Lang } from '../models/device';
import { pick } from '../knowledge/findings/fix-types';
import type { DeliveryAccount, DeliveryWarning, IncomingProtocol, SourcedSettings } from './delivery-types';
import { PROFILE_TEXT, warning } from './delivery-text';
import { toPlistXml, type PlistValue } from './plist-xml';
import { incomingOf, sourceWarnings } from './source-warnings';

export const MAIL_PAYLOAD_TYPE = 'com.apple.mail.managed';

export interface ProfileOptions {
  lang: Lang;
  /** Put the password into the profile (the helpdesk ticked the box). Needs `password`. */
  includePassword?: boolean;
  password?: string;
  /** Which incoming protocol when both are known (default IMAP). */
  incoming?: IncomingProtocol;
  /** Shown as the profile's organisation (the helpdesk's company), when given. */
  organization?: string;
  /** UUID source; defaults to the platform's crypto.randomUUID (tests pass a fixed one). */
  newUuid?: () => string;
}

export type ProfileResult =
  | { ok: true; xml: string; fileName: string; warnings: DeliveryWarning[]; profile: Record<string, PlistValue> }
  | { ok: false; warnings: DeliveryWarning[] };

/** Reverse-DNS identifier that stays the same for one address, so a corrected profile replaces the old one. */
export function profileIdentifier(email: string): string {
  const at = email.lastIndexOf('@');
  const clean = (s: string): string => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
  const domain = email.slice(at + 1).split('.').reverse().map(clean).join('.');
  return `local.mail-doctor.${domain}.${clean(email.slice(0, at))}`;
}

function randomUuid(): string {
  return globalThis.crypto.randomUUID().toUpperCase();
}

export function buildMobileconfig(account: DeliveryAccount, settings: SourcedSettings, opts: ProfileOptions): ProfileResult {
  const { lang } = opts;
  const incoming = incomingOf(settings, opts.incoming);
  const inc = incoming ? settings[incoming] : undefined;
  const out = settings.smtp;
  const blocking: DeliveryWarning[] = [];
  if (!inc) blocking.push(warning('no-incoming', lang, { blocking: true }));
  if (!out) blocking.push(warning('no-outgoing', lang, { blocking: true }));
  if (!inc || !out || !incoming) return { ok: false, warnings: blocking };

  const warnings = sourceWarnings(settings, [incoming, 'smtp'], lang);
  const user = settings.user?.value ?? account.email;
  const uuid = opts.newUuid ?? randomUuid;
  const id = profileIdentifier(account.email);
  const withPassword = opts.includePassword === true && !!opts.password;

  const mail: Record<string, PlistValue> = {
    PayloadType: MAIL_PAYLOAD_TYPE,
    PayloadVersion: 1,
    PayloadIdentifier: `${id}.mail`,
    PayloadUUID: uuid(),
    PayloadDisplayName: pick(PROFILE_TEXT.displayName(account.email), lang),
    EmailAccountDescription: pick(PROFILE_TEXT.accountDescription(account.email), lang),
    ...(account.displayName ? { EmailAccountName: account.displayName } : {}),
    EmailAccountType: incoming === 'imap' ? 'EmailTypeIMAP' : 'EmailTypePOP',
    EmailAddress: account.email,
    IncomingMailServerHostName: inc.host,
    IncomingMailServerPortNumber: inc.port,
    IncomingMailServerUseSSL: inc.security !== 'none',
    IncomingMailServerAuthentication: 'EmailAuthPassword',
    IncomingMailServerUsername: user,
    OutgoingMailServerHostName: out.host,
    OutgoingMailServerPortNumber: out.port,
    OutgoingMailServerUseSSL: out.security !== 'none',
    OutgoingMailServerAuthentication: 'EmailAuthPassword',
    OutgoingMailServerUsername: user,
    ...(withPassword ? { IncomingPassword: opts.password!, OutgoingPassword: opts.password! } : { OutgoingPasswordSameAsIncomingPassword: true }),
  };
  const profile: Record<string, PlistValue> = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: id,
    PayloadUUID: uuid(),
    PayloadDisplayName: pick(PROFILE_TEXT.displayName(account.email), lang),
    PayloadDescription: pick(PROFILE_TEXT.description(account.email), lang),
    ...(opts.organization ? { PayloadOrganization: opts.organization } : {}),
    PayloadContent: [mail],
  };
  if (withPassword) warnings.push(warning('password-included', lang));
  warnings.push(warning('unsigned', lang));
  const stem = account.email.replace(/[^A-Za-z0-9._-]+/g, '_');
  return { ok: true, xml: toPlistXml(profile), fileName: `${stem}.mobileconfig`, warnings, profile };
}
