/**
 * A minimal writer for Apple's XML property list format (PropertyList-1.0.dtd): just the
 * value types a configuration profile uses. Strings are escaped for XML and stripped of the
 * characters XML 1.0 cannot carry (C0 controls other than tab/newline/CR), so a name a server
 * or a user supplied can never break the document.
 */
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

/** Code points XML 1.0 does not allow (§2.2): C0 controls except TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function value(v: PlistValue, indent: string): string {
  const inner = indent + '\t';
  if (typeof v === 'string') return `${indent}<string>${xmlText(v)}</string>`;
  if (typeof v === 'boolean') return `${indent}<${v ? 'true' : 'false'}/>`;
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new Error('plist-xml: only integers are written');
    return `${indent}<integer>${v}</integer>`;
  }
  if (Array.isArray(v)) return v.length === 0 ? `${indent}<array/>` : `${indent}<array>\n${v.map((x) => value(x, inner)).join('\n')}\n${indent}</array>`;
  const keys = Object.keys(v);
  if (keys.length === 0) return `${indent}<dict/>`;
  const body = keys.map((k) => `${inner}<key>${xmlText(k)}</key>\n${value(v[k]!, inner)}`).join('\n');
  return `${indent}<dict>\n${body}\n${indent}</dict>`;
}

export function toPlistXml(root: { [key: string]: PlistValue }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    value(root, ''),
    '</plist>',
    '',
  ].join('\n');
}
