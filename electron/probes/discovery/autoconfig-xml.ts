/**
 * A small, careful parser for Thunderbird autoconfig documents
 * (clientConfig version 1.1: https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat).
 *
 * The document comes from a server we do not control, so: no DTDs or entity
 * declarations (billion-laughs / external-entity tricks are refused outright),
 * only the five predefined entities and numeric character references are
 * decoded, and size, depth and element count are capped. Plain TypeScript, no
 * dependencies; it builds a tiny element tree and reads the few fields we use.
 */
import type { Protocol, Security } from '../../../shared/models/account';
import type { UsernameForm } from '../../../shared/models/discovery';
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

const MAX_DEPTH = 16;
const MAX_ELEMENTS = 2_000;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#')) {
      const cp = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // Control characters and out-of-range code points are dropped, not decoded.
      if (!Number.isFinite(cp) || cp > 0x10ffff || (cp < 0x20 && cp !== 0x9 && cp !== 0xa && cp !== 0xd)) return '';
      return String.fromCodePoint(cp);
    }
    const v = PREDEFINED[ref];
    if (v === undefined) throw new AutoconfigParseError(`undeclared entity &${ref};`);
    return v;
  });
}

/** Strips a namespace prefix: <cc:incomingServer> reads as incomingServer. */
function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i >= 0 ? qname.slice(i + 1) : qname;
}

function parseXml(xml: string): XmlElement {
  if (xml.length > MAX_AUTOCONFIG_BYTES) throw new AutoconfigParseError('document too large');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new AutoconfigParseError('DOCTYPE/ENTITY declarations are not accepted');
  const root: XmlElement = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let count = 0;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) stack[stack.length - 1]!.text += decodeEntities(xml.slice(i, textEnd));
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) throw new AutoconfigParseError('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) throw new AutoconfigParseError('unterminated CDATA');
      stack[stack.length - 1]!.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new AutoconfigParseError('unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!', lt)) {
      throw new AutoconfigParseError('markup declarations are not accepted');
    } else if (xml.startsWith('</', lt)) {
      const end = xml.indexOf('>', lt);
      if (end < 0) throw new AutoconfigParseError('unterminated end tag');
      const name = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open === root || open.name !== localName(name)) throw new AutoconfigParseError(`mismatched </${name}>`);
      i = end + 1;
    } else {
      const end = findTagEnd(xml, lt + 1);
      if (end < 0) throw new AutoconfigParseError('unterminated start tag');
      let body = xml.slice(lt + 1, end);
      const selfClosing = body.endsWith('/');
      if (selfClosing) body = body.slice(0, -1);
      const m = /^([A-Za-z_][\w.:-]*)/.exec(body);
      if (!m) throw new AutoconfigParseError('bad start tag');
      const el: XmlElement = { name: localName(m[1]!), attrs: parseAttrs(body.slice(m[1]!.length)), children: [], text: '' };
      if (++count > MAX_ELEMENTS) throw new AutoconfigParseError('too many elements');
      stack[stack.length - 1]!.children.push(el);
      if (!selfClosing) {
        if (stack.length > MAX_DEPTH) throw new AutoconfigParseError('nested too deeply');
        stack.push(el);
      }
      i = end + 1;
    }
  }
  if (stack.length !== 1) throw new AutoconfigParseError(`unclosed <${stack[stack.length - 1]!.name}>`);
  return root;
}

/** Finds the '>' that ends a start tag, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote: string | null = null;
  for (let j = from; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
  }
  return -1;
}

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (const m of s.matchAll(re)) attrs[localName(m[1]!)] = decodeEntities(m[3] ?? m[4] ?? '');
  return attrs;
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
