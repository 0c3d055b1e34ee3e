/**
 * One classifier: every wording the probe engine's classifier is tested with
 * (test/fixtures/engine-wordings.ts) gets the same finding from the error-text
 * lookup, plus the tie-breaks the lookup adds on top (direction words, a
 * provider named by host, the answer's language, certificate detail words).
 */
import { describe, expect, it } from 'vitest';
import { certVerdict, classifyAuthReply, classifyConnectError, classifyDnsError, classifyEnvelopeReply, classifyGreeting, verdictFinding } from '../../findings/classify';
import { AUTH_REPLIES, CERT_ERRORS, CONNECT_CODES, DNS_CODES, ENVELOPE_REPLIES, GREETINGS, TLS_ERRORS } from '../../../test/fixtures/engine-wordings';
import { lookupError } from './lookup';

const top = (text: string) => lookupError(text, 'en').matches[0]?.codes[0];

describe('the lookup agrees with the engine', () => {
  it.each(AUTH_REPLIES)('auth reply %s', (text) => expect(top(text)).toBe(classifyAuthReply(text)));

  // Null = the engine has no code for it (an unknown recipient, a full mailbox): nothing to agree on.
  it.each(ENVELOPE_REPLIES.filter(([, , code]) => code !== null))('envelope %s %s', (stage, text) => expect(top(text)).toBe(classifyEnvelopeReply(stage, text)));

  // A greeting that is fine has no finding; SERVER_NOT_MAIL depends on which port it came from, which a pasted text does not say.
  it.each(GREETINGS.filter(([, , code]) => code !== null && code !== 'SERVER_NOT_MAIL'))('greeting %s %s', (p, text) => expect(top(text)).toBe(classifyGreeting(p, text)));

  it.each(CONNECT_CODES)('Node "connect %s"', (code) => expect(top(`Error: connect ${code} 192.0.2.10:993`)).toBe(classifyConnectError(code)));

  it.each(DNS_CODES)('Node "getaddrinfo %s"', (code) => expect(top(`getaddrinfo ${code} imap.example.jp`)).toBe(classifyDnsError(code)));

  it.each(TLS_ERRORS.filter(([code]) => code.startsWith('ERR_SSL')))('TLS %s', (code, message, kind) => {
    expect(top(`Error: ${message || 'ssl'} (${code})`)).toBe(kind === 'plain-answer' ? 'TLS_ON_PLAIN_PORT' : 'TLS_HANDSHAKE_FAILED');
  });

  it.each(CERT_ERRORS.filter(([code]) => code !== undefined))('certificate %s', (code, hostnameOk) => {
    expect(top(`Error: ${code}`)).toBe(verdictFinding(certVerdict(code, hostnameOk)));
  });

  it.each([
    ['certificate has expired', 'TLS_CERT_EXPIRED'],
    ['Error: self-signed certificate', 'TLS_CERT_SELF_SIGNED'],
    ['self-signed certificate in certificate chain', 'TLS_CERT_UNTRUSTED'],
    ['unable to verify the first certificate', 'TLS_CERT_UNTRUSTED'],
    ['unable to get local issuer certificate', 'TLS_CERT_UNTRUSTED'],
    ["Hostname/IP does not match certificate's altnames: Host: mail.example.jp. is not in the cert's altnames: DNS:*.xserver.jp", 'TLS_CERT_HOSTNAME_MISMATCH'],
    ['140:error:0A00010B:SSL routines::wrong version number', 'TLS_ON_PLAIN_PORT'],
    ["* BAD [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.", 'AUTH_PLAINTEXT_DISABLED'],
  ])('Node/OpenSSL/Dovecot text "%s" → %s', (text, code) => expect(top(text)).toBe(code));
});

describe('the pasted text the lookup shows back', () => {
  it('keeps only the first line and no control, format or line-separator character', () => {
    for (const input of ['a1 NO\u2028!', 'a1 NO\u2029x', 'a1 NO [AUTHENTICATIONFAILED] x\u0085second', '-ERR bad\u200bpassword\u0007']) {
      const m = lookupError(input, 'en').matches[0];
      expect(m?.text, JSON.stringify(input)).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
    }
  });
});

describe('tie-breaks the lookup adds', () => {
  it('a certificate-expired text names the expired certificate, not the host name', () => {
    expect(lookupError('証明書の有効期限が切れています', 'ja').matches[0]?.codes[0]).toBe('TLS_CERT_EXPIRED');
    expect(lookupError('the certificate expired', 'en').matches[0]?.codes[0]).toBe('TLS_CERT_EXPIRED');
  });

  it('direction words break ties towards the outgoing server', () => {
    const plain = lookupError('サーバーが応答しません', 'ja').matches[0]!;
    const sending = lookupError('送信サーバーが応答しません', 'ja').matches[0]!;
    expect(plain.codes[0]).toBe('TCP_TIMEOUT');
    expect(sending.codes).toContain('PORT25_BLOCKED');
    expect(sending.codes[0]).toBe('PORT25_BLOCKED');
  });

  it('a host name in the text brings that provider’s own checks, and never the app-password myth for Yahoo! JAPAN', () => {
    const r = lookupError('“imap.mail.yahoo.co.jp”のユーザ名またはパスワードが間違っています', 'ja');
    expect(r.providerId).toBe('yahoo-japan');
    const checks = r.matches[0]!.firstChecks!.join('\n');
    expect(checks).toContain('IMAP/POP/SMTPアクセス');
    expect(checks).not.toMatch(/Yahoo[^。]*アプリ用パスワードが必要/);
    expect(lookupError('パスワードが違います', 'ja').providerId).toBeUndefined();
    expect(lookupError('Login failed for taro@docomo.ne.jp', 'en').providerId).toBe('docomo');
  });

  it('answers in the language of the text unless asked otherwise', () => {
    expect(lookupError('パスワードが違います').matches[0]!.meaning).toMatch(/[ぁ-ん]/);
    expect(lookupError('wrong password').matches[0]!.meaning).not.toMatch(/[ぁ-ん]/);
    expect(lookupError('wrong password', 'ja').matches[0]!.meaning).toMatch(/[ぁ-ん]/);
  });

  it('stays fast on a long text without spaces', () => {
    const r = lookupError('x'.repeat(5000), 'en');
    expect(r.recognised).toBe(false);
  });
});
