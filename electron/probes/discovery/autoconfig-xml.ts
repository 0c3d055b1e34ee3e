/**
 * Reads Thunderbird autoconfig documents
 * (clientConfig version 1.1: https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat).
 *
 * The document comes from a server we do not control, so: no DTDs or entity
 * declarations (billion-laughs / external-entity tricks are refused outright),
 * only the five predefined entities and character references are decoded (by
 * `saxes`, a strict XML parser), and size, depth and element count are capped.
 * It builds a tiny element tree and reads the few fields we use.
 */
import type { Protocol, Security } from '../../../shared/models/account';
import type { UsernameForm } from '../../../shared/models/discovery';
import { SaxesParser } from 'saxes';
import { MAX_AUTOCONFIG_BYTES } from './deadlines';

export interface AutoconfigServer {
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  username?: UsernameForm;
  /** The user name with placeholders substituted, when an address was given. */
  usernameValue?: string;
  authentication: string[];
}

export interface AutoconfigDoc {
  displayName?: string;
  /** Domains the provider says it serves (<domain> elements). */
  domains: string[];
  servers: AutoconfigServer[];
}

export class AutoconfigParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AutoconfigParseError';
  }
}

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A real clientConfig is about 6 levels deep; 16 leaves room for vendor extensions. */
const MAX_DEPTH = 16;
/** A large provider's document has well under 200 elements; 2 000 bounds the tree we build. */
const MAX_ELEMENTS = 2_000;

/** Strips a namespace prefix: <cc:incomingServer> reads as incomingServer. */
function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i >= 0 ? qname.slice(i + 1) : qname;
}

/**
 * Well-formedness, entities and character references are the maintained `saxes` parser's job
 * (strict XML 1.0, only the predefined entities). What is ours: the size cap before parsing, the
 * refusal of any DOCTYPE (so no entity can be declared, internal or external), and the depth
 * and element caps while the tree is built.
 */
function parseXml(xml: string): XmlElement {
  if (xml.length > MAX_AUTOCONFIG_BYTES) throw new AutoconfigParseError('document too large');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new AutoconfigParseError('DOCTYPE/ENTITY declarations are not accepted');
  if (xml.trim() === '') throw new AutoconfigParseError('no <clientConfig> element');
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let count = 0;
  const parser = new SaxesParser({ xmlns: false, position: true });
  let failure: AutoconfigParseError | undefined;
  const fail = (e: AutoconfigParseError): never => {
    failure ??= e;
    throw e;
  };
  parser.on('doctype', () => fail(new AutoconfigParseError('DOCTYPE/ENTITY declarations are not accepted')));
  parser.on('opentag', (tag) => {
    if (++count > MAX_ELEMENTS) fail(new AutoconfigParseError('too many elements'));
    if (stack.length > MAX_DEPTH) fail(new AutoconfigParseError('nested too deeply'));
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[localName(k)] = v;
    const el: XmlElement = { name: localName(tag.name), attrs, children: [], text: '' };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string) => {
    stack[stack.length - 1]!.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (e) => fail(new AutoconfigParseError(`not well-formed XML (${e.message})`)));
  try {
    parser.write(xml).close();
  } catch (e) {
    if (failure) throw failure;
    throw new AutoconfigParseError(`not well-formed XML (${e instanceof Error ? e.message : String(e)})`);
  }
  if (failure) throw failure;
  return root;
}

function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}
function childText(el: XmlElement, name: string): string | undefined {
  const c = child(el, name);
  return c ? c.text.trim() : undefined;
}

const PROTOCOLS: Record<string, Protocol> = { imap: 'imap', pop3: 'pop3', smtp: 'smtp' };
const SOCKET_TYPES: Record<string, Security> = { ssl: 'tls', tls: 'tls', starttls: 'starttls', plain: 'none' };
const HOST_RE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

function usernameForm(template: string | undefined): UsernameForm | undefined {
  if (!template) return undefined;
  if (template === '%EMAILADDRESS%') return 'email';
  if (template === '%EMAILLOCALPART%') return 'localpart';
  return 'provider-id';
}

function substitute(template: string, email: string | undefined): string | undefined {
  if (!email) return undefined;
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return template
    .replace(/%EMAILADDRESS%/g, email)
    .replace(/%EMAILLOCALPART%/g, local)
    .replace(/%EMAILDOMAIN%/g, domain);
}

/**
 * Parses an autoconfig document. `email` fills placeholders (%EMAILADDRESS%,
 * %EMAILLOCALPART%, %EMAILDOMAIN%). Servers with an unusable host, port or
 * socket type are skipped, not trusted; a document with none left is an error.
 */
export function parseAutoconfig(xml: string, email?: string): AutoconfigDoc {
  const root = parseXml(xml);
  const config = child(root, 'clientConfig');
  if (!config) throw new AutoconfigParseError('no <clientConfig> element');
  const provider = child(config, 'emailProvider');
  if (!provider) throw new AutoconfigParseError('no <emailProvider> element');
  const servers: AutoconfigServer[] = [];
  for (const el of provider.children) {
    if (el.name !== 'incomingServer' && el.name !== 'outgoingServer') continue;
    const protocol = PROTOCOLS[(el.attrs.type ?? '').toLowerCase()];
    if (!protocol || (el.name === 'outgoingServer') !== (protocol === 'smtp')) continue;
    const rawHost = childText(el, 'hostname') ?? '';
    const host = (substitute(rawHost, email) ?? rawHost.replace(/%EMAILDOMAIN%/g, '')).toLowerCase();
    if (!HOST_RE.test(host) || host.length > 253) continue;
    const port = Number(childText(el, 'port'));
    if (!Number.isInteger(port) || port < 1 || port > 65535) continue;
    const security = SOCKET_TYPES[(childText(el, 'socketType') ?? '').toLowerCase()];
    if (!security) continue;
    const userTemplate = childText(el, 'username');
    const usernameValue = userTemplate ? substitute(userTemplate, email) : undefined;
    servers.push({
      protocol,
      host,
      port,
      security,
      ...(userTemplate ? { username: usernameForm(userTemplate) } : {}),
      ...(usernameValue ? { usernameValue } : {}),
      authentication: el.children.filter((c) => c.name === 'authentication').map((c) => c.text.trim()).filter(Boolean),
    });
  }
  if (servers.length === 0) throw new AutoconfigParseError('no usable servers');
  const displayName = childText(provider, 'displayName');
  return {
    ...(displayName ? { displayName } : {}),
    domains: provider.children.filter((c) => c.name === 'domain').map((c) => c.text.trim().toLowerCase()).filter(Boolean),
    servers,
  };
}
