import { describe, expect, it } from 'vitest';
import {
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

describe('classifyAuthReply (the providers documented wordings)', () => {
  it.each([
    ['a1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)', 'AUTH_APP_PASSWORD_REQUIRED'],
    ['534-5.7.9 Application-specific password required. For more information, go to\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp', 'AUTH_APP_PASSWORD_REQUIRED'],
    ['a1 NO Basic authentication is disabled.', 'AUTH_BASIC_DISABLED'],
    ['535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.', 'AUTH_BASIC_DISABLED'],
    ['550 5.7.30 Basic authentication is not supported for Client Submission.', 'AUTH_BASIC_DISABLED'],
    ['b NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.', 'AUTH_PLAINTEXT_DISABLED'],
    ['530 5.7.0 Must issue a STARTTLS command first', 'AUTH_PLAINTEXT_DISABLED'],
    ['a1 NO [ALERT] Too many simultaneous connections. (Failure)', 'SERVER_TOO_MANY_CONNECTIONS'],
    ['a1 NO [UNAVAILABLE] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=16)', 'SERVER_TOO_MANY_CONNECTIONS'],
    ['454 4.7.0 Too many login attempts, please try again later. - gsmtp', 'SERVER_TOO_MANY_CONNECTIONS'],
    ['a NO [LIMIT] Maximum number of connections from user+IP exceeded (mail_max_userip_connections=1)', 'SERVER_TOO_MANY_CONNECTIONS'],
    ['a1 NO [UNAVAILABLE] Temporary authentication failure.', 'SERVER_UNAVAILABLE'],
    ['a1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)', 'AUTH_FAILED'],
    ['535 5.7.139 Authentication unsuccessful, the user credentials were incorrect', 'AUTH_FAILED'],
    ['535-5.7.8 Username and Password not accepted.', 'AUTH_FAILED'],
    ['-ERR [AUTH] Authentication failed.', 'AUTH_FAILED'],
    ['504 5.7.4 Unrecognized authentication type', 'AUTH_MECHANISM_UNSUPPORTED'],
  ])('%s → %s', (text, code) => expect(classifyAuthReply(text)).toBe(code));
});

describe('classifyEnvelopeReply', () => {
  it.each([
    ['rcpt', '554 5.7.1 <x@example.net>: Relay access denied', 'SMTP_RELAY_DENIED'],
    ['rcpt', '553 5.7.1 <bob@lab.test>: Sender address rejected: not owned by user alice@lab.test', 'SMTP_SENDER_REJECTED'],
    ['rcpt', '553 5.7.1 <alice@lab.test>: Sender address rejected: not logged in', 'SMTP_AUTH_REQUIRED'],
    ['mail', '530 5.7.57 Client not authenticated to send mail.', 'SMTP_AUTH_REQUIRED'],
    ['mail', '530 5.7.0 Authentication required', 'SMTP_AUTH_REQUIRED'],
    ['mail', '550 5.7.60 SMTP; Client does not have permissions to send as this sender', 'SMTP_SENDER_REJECTED'],
    ['rcpt', '452 4.2.2 The email account that you tried to reach is over quota', null],
    ['rcpt', '550 5.1.1 <nobody@lab.test>: Recipient address rejected: User unknown', null],
  ] as const)('%s %s → %s', (stage, text, code) => expect(classifyEnvelopeReply(stage, text)).toBe(code));
});

describe('classifyGreeting', () => {
  it.each([
    ['imap', '* OK [CAPABILITY IMAP4rev1] Dovecot ready.', null],
    ['imap', '* PREAUTH ready', null],
    ['imap', '* BYE Too many connections from your IP', 'SERVER_TOO_MANY_CONNECTIONS'],
    ['imap', '* BYE Server shutting down', 'SERVER_UNAVAILABLE'],
    ['imap', 'SSH-2.0-OpenSSH_9.2p1', 'SERVER_NOT_MAIL'],
    ['imap', '220 smtp.example ESMTP', 'SERVER_NOT_MAIL'],
    ['pop3', '+OK Dovecot ready.', null],
    ['pop3', '-ERR Server temporarily unavailable', 'SERVER_UNAVAILABLE'],
    ['smtp', '220 mail.lab.test ESMTP', null],
    ['smtp', '421 4.3.2 Service not available', 'SERVER_UNAVAILABLE'],
    ['smtp', '421 4.7.0 Too many connections from your IP', 'SERVER_TOO_MANY_CONNECTIONS'],
    ['smtp', 'HTTP/1.1 400 Bad Request', 'SERVER_NOT_MAIL'],
  ] as const)('%s %s → %s', (p, text, code) => expect(classifyGreeting(p, text)).toBe(code));
});

describe('error codes', () => {
  it.each([
    ['ECONNREFUSED', 'TCP_REFUSED'],
    ['ETIMEDOUT', 'TCP_TIMEOUT'],
    ['EHOSTUNREACH', 'TCP_UNREACHABLE'],
    ['ENETUNREACH', 'TCP_UNREACHABLE'],
    ['ECONNRESET', 'TCP_RESET'],
  ] as const)('connect %s → %s', (c, code) => expect(classifyConnectError(c)).toBe(code));
  it.each([
    ['ENOTFOUND', 'DNS_NOT_FOUND'],
    ['ENODATA', 'DNS_NOT_FOUND'],
    ['ESERVFAIL', 'DNS_FAILURE'],
    ['ETIMEOUT', 'DNS_FAILURE'],
    ['ECONNREFUSED', 'DNS_FAILURE'],
  ] as const)('dns %s → %s', (c, code) => expect(classifyDnsError(c)).toBe(code));
  it.each([
    ['ERR_SSL_WRONG_VERSION_NUMBER', '', 'plain-answer'],
    ['ECONNRESET', 'Client network socket disconnected before secure TLS connection was established', 'reset'],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'sslv3 alert handshake failure', 'handshake'],
    ['ETIMEDOUT', '', 'timeout'],
  ] as const)('tls %s → %s', (c, m, kind) => expect(classifyTlsError(c, m)).toBe(kind));
  it.each([
    [undefined, true, 'trusted'],
    [undefined, false, 'hostname-mismatch'],
    ['CERT_HAS_EXPIRED', true, 'expired'],
    ['CERT_NOT_YET_VALID', true, 'not-yet-valid'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', true, 'self-signed'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', true, 'untrusted'],
    ['SELF_SIGNED_CERT_IN_CHAIN', true, 'untrusted'],
  ] as const)('cert %s → %s', (e, h, v) => expect(certVerdict(e, h)).toBe(v));
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
