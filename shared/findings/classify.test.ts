import { describe, expect, it } from 'vitest';
import {
  afterGoAhead,
  certVerdict,
  classifyAuthReply,
  classifyConnectError,
  classifyDnsError,
  classifyEnvelopeReply,
  classifyGreeting,
  classifyQuota,
  classifyTlsError,
  mechanisms,
} from './classify';
import { AUTH_REPLIES, CERT_ERRORS, CONNECT_CODES, DNS_CODES, ENVELOPE_REPLIES, GREETINGS, TLS_ERRORS } from '../../test/fixtures/engine-wordings';

describe('classifyAuthReply (the providers documented wordings)', () => {
  it.each(AUTH_REPLIES)('%s → %s', (text, code) => expect(classifyAuthReply(text)).toBe(code));
});

describe('classifyEnvelopeReply', () => {
  it.each(ENVELOPE_REPLIES)('%s %s → %s', (stage, text, code) => expect(classifyEnvelopeReply(stage, text)).toBe(code));
});

describe('classifyGreeting', () => {
  it.each(GREETINGS)('%s %s → %s', (p, text, code) => expect(classifyGreeting(p, text)).toBe(code));
});

describe('error codes', () => {
  it.each(CONNECT_CODES)('connect %s → %s', (c, code) => expect(classifyConnectError(c)).toBe(code));
  it.each(DNS_CODES)('dns %s → %s', (c, code) => expect(classifyDnsError(c)).toBe(code));
  it.each(TLS_ERRORS)('tls %s → %s', (c, m, kind) => expect(classifyTlsError(c, m)).toBe(kind));
  it.each(CERT_ERRORS)('cert %s → %s', (e, h, v) => expect(certVerdict(e, h)).toBe(v));
});

describe('afterGoAhead: what may follow a STARTTLS go-ahead', () => {
  const b = (...x: number[]): Uint8Array => new Uint8Array(x);
  it.each([
    ['a ServerHello record (TLS 1.2 header)', b(0x16, 0x03, 0x03, 0x00, 0x7a), 'tls'],
    ['a TLS 1.0 record header', b(0x16, 0x03, 0x01), 'tls'],
    ['an alert refusing our hello', b(0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28), 'tls'],
    ['IMAP text', new TextEncoder().encode('* CAPABILITY IMAP4rev1\r\n'), 'plaintext'],
    ['SMTP text', new TextEncoder().encode('250-injected\r\n'), 'plaintext'],
    ['POP3 text', new TextEncoder().encode('+OK'), 'plaintext'],
    ['a handshake type with a wrong version', b(0x16, 0x0a), 'plaintext'],
    ['a handshake type with a version past TLS 1.3', b(0x16, 0x03, 0x05), 'plaintext'],
    ['SSLv2-style bytes', b(0x80, 0x2e, 0x01), 'plaintext'],
    ['nothing yet', b(), 'undecided'],
    ['one byte of a record', b(0x16), 'undecided'],
    ['two bytes of a record', b(0x15, 0x03), 'undecided'],
  ] as const)('%s → %s', (_what, bytes, verdict) => expect(afterGoAhead(bytes)).toBe(verdict));
});

describe('quota and mechanisms', () => {
  it('quota thresholds', () => {
    expect(classifyQuota(100, 100)).toBe('MAILBOX_OVER_QUOTA');
    expect(classifyQuota(147, 100)).toBe('MAILBOX_OVER_QUOTA');
    expect(classifyQuota(91, 100)).toBe('MAILBOX_NEAR_QUOTA');
    expect(classifyQuota(90, 100)).toBeNull();
    expect(classifyQuota(5, 0)).toBeNull();
  });
  it('reads IMAP/POP3/SMTP mechanism lists', () => {
    expect(mechanisms('imap', ['IMAP4rev1', 'STARTTLS', 'LOGINDISABLED'])).toMatchObject({ password: false, oauthOnly: false });
    expect(mechanisms('imap', ['IMAP4rev1', 'AUTH=XOAUTH2', 'LOGINDISABLED'])).toMatchObject({ password: false, oauthOnly: true });
    expect(mechanisms('imap', ['IMAP4rev1', 'AUTH=PLAIN'])).toMatchObject({ password: true });
    expect(mechanisms('smtp', ['PIPELINING', 'AUTH PLAIN LOGIN'])).toMatchObject({ password: true, noAuth: false });
    expect(mechanisms('smtp', ['PIPELINING', 'STARTTLS'])).toMatchObject({ password: false, noAuth: true });
    expect(mechanisms('smtp', ['AUTH GSSAPI NTLM'])).toMatchObject({ password: false, oauthOnly: false, noAuth: false });
    expect(mechanisms('pop3', ['USER', 'SASL PLAIN'])).toMatchObject({ password: true });
    expect(mechanisms('pop3', ['SASL GSSAPI'])).toMatchObject({ password: false });
  });
});
