/**
 * A Thunderbird autoconfig document (clientConfig version 1.1) for the correct settings.
 *
 * Thunderbird reads one from `https://autoconfig.<domain>/mail/config-v1.1.xml`, from
 * `https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml`, or from the `isp/` folder of
 * its installation (`isp/<domain>.xml`), so a mail-host admin can publish it and a helpdesk can
 * drop it on one PC. The user name is written as Thunderbird's placeholder when it is the address
 * or its local part, so the same file serves every address of the domain.
 */
import type { Protocol, Security } from '../models/account';
import type { Lang } from '../models/device';
import type { DeliveryAccount, DeliveryWarning, SourcedSettings } from './delivery-types';
import { warning } from './delivery-text';
import { xmlText } from './plist-xml';
import { sourceWarnings } from './source-warnings';

const SOCKET_TYPE: Record<Security, string> = { tls: 'SSL', starttls: 'STARTTLS', none: 'plain' };
const TYPE: Record<Protocol, string> = { imap: 'imap', pop3: 'pop3', smtp: 'smtp' };

export type AutoconfigResult = { ok: true; xml: string; fileName: string; warnings: DeliveryWarning[] } | { ok: false; warnings: DeliveryWarning[] };

function usernameTemplate(user: string, email: string): string {
  const at = email.lastIndexOf('@');
  if (user.toLowerCase() === email.toLowerCase()) return '%EMAILADDRESS%';
  if (user === email.slice(0, at)) return '%EMAILLOCALPART%';
  return user;
}

export function buildAutoconfig(account: DeliveryAccount, settings: SourcedSettings, lang: Lang, providerName?: string): AutoconfigResult {
  const incoming = (['imap', 'pop3'] as const).filter((p) => settings[p]);
  const blocking: DeliveryWarning[] = [];
  if (incoming.length === 0) blocking.push(warning('no-incoming', lang, { blocking: true }));
  if (!settings.smtp) blocking.push(warning('no-outgoing', lang, { blocking: true }));
  if (blocking.length > 0) return { ok: false, warnings: blocking };

  const domain = account.email.slice(account.email.lastIndexOf('@') + 1).toLowerCase();
  const user = usernameTemplate(settings.user?.value ?? account.email, account.email);
  const server = (tag: 'incomingServer' | 'outgoingServer', p: Protocol): string => {
    const s = settings[p]!;
    return [
      `    <${tag} type="${TYPE[p]}">`,
      `      <hostname>${xmlText(s.host)}</hostname>`,
      `      <port>${s.port}</port>`,
      `      <socketType>${SOCKET_TYPE[s.security]}</socketType>`,
      '      <authentication>password-cleartext</authentication>',
      `      <username>${xmlText(user)}</username>`,
      `    </${tag}>`,
    ].join('\n');
  };
  const name = xmlText(providerName ?? domain);
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<clientConfig version="1.1">',
    `  <emailProvider id="${xmlText(domain)}">`,
    `    <domain>${xmlText(domain)}</domain>`,
    `    <displayName>${name}</displayName>`,
    `    <displayShortName>${name}</displayShortName>`,
    ...incoming.map((p) => server('incomingServer', p)),
    server('outgoingServer', 'smtp'),
    '  </emailProvider>',
    '</clientConfig>',
    '',
  ].join('\n');
  return { ok: true, xml, fileName: `${domain}.xml`, warnings: sourceWarnings(settings, [...incoming, 'smtp'], lang) };
}
