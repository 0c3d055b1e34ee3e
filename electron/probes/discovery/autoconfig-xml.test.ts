import { describe, expect, it } from 'vitest';
import { AutoconfigParseError, parseAutoconfig } from './autoconfig-xml';

// Shaped like Thunderbird ISPDB files (e.g. ispdb/ocn.ne.jp.xml), with the quirks real ones have.
const REAL = `<?xml version="1.0" encoding="UTF-8"?>
<!-- comment with <tags> & ampersands -->
<clientConfig version="1.1">
  <emailProvider id="example.co.jp">
    <domain>example.co.jp</domain>
    <domain>Example.NE.jp</domain>
    <displayName>Example &amp; Co. メール</displayName>
    <displayShortName>Example</displayShortName>
    <incomingServer type="imap">
      <hostname>imap.%EMAILDOMAIN%</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <authentication>password-cleartext</authentication>
      <authentication>OAuth2</authentication>
      <username>%EMAILADDRESS%</username>
    </incomingServer>
    <incomingServer type='pop3'>
      <hostname>POP.example.co.jp</hostname>
      <port>110</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILLOCALPART%</username>
    </incomingServer>
    <incomingServer type="exchange"><hostname>ews.example.co.jp</hostname></incomingServer>
    <outgoingServer type="smtp">
      <hostname><![CDATA[smtp.example.co.jp]]></hostname>
      <port>587</port>
      <socketType>plain</socketType>
      <username>%EMAILLOCALPART%%40example</username>
    </outgoingServer>
    <documentation url="http://example.co.jp/help"><descr lang="ja">説明</descr></documentation>
  </emailProvider>
</clientConfig>`;

describe('parseAutoconfig', () => {
  it('reads servers, placeholders, quirks', () => {
    const doc = parseAutoconfig(REAL, 'taro@example.co.jp');
    expect(doc.displayName).toBe('Example & Co. メール');
    expect(doc.domains).toEqual(['example.co.jp', 'example.ne.jp']);
    expect(doc.servers).toEqual([
      { protocol: 'imap', host: 'imap.example.co.jp', port: 993, security: 'tls', username: 'email', usernameValue: 'taro@example.co.jp', authentication: ['password-cleartext', 'OAuth2'] },
      { protocol: 'pop3', host: 'pop.example.co.jp', port: 110, security: 'starttls', username: 'localpart', usernameValue: 'taro', authentication: [] },
      { protocol: 'smtp', host: 'smtp.example.co.jp', port: 587, security: 'none', username: 'provider-id', usernameValue: 'taro%40example', authentication: [] },
    ]);
  });

  it('accepts namespace prefixes and self-closing elements', () => {
    const xml = `<cc:clientConfig xmlns:cc="x"><cc:emailProvider id="a"><cc:domain/><cc:incomingServer type="imap"><cc:hostname>imap.a.jp</cc:hostname><cc:port>993</cc:port><cc:socketType>SSL</cc:socketType></cc:incomingServer></cc:emailProvider></cc:clientConfig>`;
    expect(parseAutoconfig(xml).servers[0]).toMatchObject({ host: 'imap.a.jp', port: 993, security: 'tls' });
  });

  it('skips servers with unusable values instead of trusting them', () => {
    const server = (host: string, port: string, socket: string) =>
      `<incomingServer type="imap"><hostname>${host}</hostname><port>${port}</port><socketType>${socket}</socketType></incomingServer>`;
    const xml = `<clientConfig><emailProvider>${[
      server('imap.ok.jp', '993', 'SSL'),
      server('bad host.jp', '993', 'SSL'),
      server('imap.ok.jp', '99999', 'SSL'),
      server('imap.ok.jp', '993', 'QUANTUM'),
      server('-x.ok.jp', '993', 'SSL'),
      server('javascript:alert(1)', '993', 'SSL'),
    ].join('')}<outgoingServer type="imap"><hostname>wrong.kind.jp</hostname><port>1</port><socketType>SSL</socketType></outgoingServer></emailProvider></clientConfig>`;
    expect(parseAutoconfig(xml).servers.map((s) => `${s.host}:${s.port}`)).toEqual(['imap.ok.jp:993']);
  });

  it.each([
    ['a DOCTYPE (billion laughs)', '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><clientConfig/>', /DOCTYPE/],
    ['an external entity', '<!DOCTYPE x SYSTEM "file:///etc/passwd"><clientConfig>&xxe;</clientConfig>', /DOCTYPE/],
    ['an undeclared entity', '<clientConfig><emailProvider><displayName>&xxe;</displayName></emailProvider></clientConfig>', /not well-formed XML.*undefined entity/],
    ['an oversized document', `<clientConfig>${'x'.repeat(70_000)}</clientConfig>`, /too large/],
    ['deep nesting', `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`, /nested too deeply/],
    ['too many elements', `<clientConfig>${'<x/>'.repeat(2_100)}</clientConfig>`, /too many elements/],
    ['mismatched tags', '<clientConfig><emailProvider></clientConfig>', /not well-formed XML.*unexpected close tag/],
    ['an unclosed element', '<clientConfig><emailProvider>', /unclosed/],
    ['an unterminated comment', '<clientConfig><!-- ', /not well-formed XML/],
    ['HTML instead of XML', '<html><body>404 Not Found</body></html>', /no <clientConfig>/],
    ['a config without servers', '<clientConfig><emailProvider id="x"/></clientConfig>', /no usable servers/],
    ['an empty body', '', /no <clientConfig>/],
  ])('refuses %s', (_what, xml, msg) => {
    expect(() => parseAutoconfig(xml)).toThrow(AutoconfigParseError);
    expect(() => parseAutoconfig(xml)).toThrow(msg);
  });

  const withName = (name: string) =>
    `<clientConfig><emailProvider><displayName>${name}</displayName><incomingServer type="imap"><hostname>imap.a.jp</hostname><port>993</port><socketType>SSL</socketType></incomingServer></emailProvider></clientConfig>`;

  it('decodes character references', () => {
    expect(parseAutoconfig(withName('A&#66;&#x43;&amp;')).displayName).toBe('ABC&');
  });

  it('refuses a control character reference (not XML 1.0), as a strict parser does', () => {
    expect(() => parseAutoconfig(withName('A&#1;'))).toThrow(/not well-formed XML.*malformed character entity/);
  });

  it('keeps the caps whatever the parser allows: one error, the first cap hit', () => {
    expect(() => parseAutoconfig(`<clientConfig>${'<x/>'.repeat(2_001)}${'<a>'.repeat(40)}</clientConfig>`)).toThrow(/too many elements/);
  });
});
