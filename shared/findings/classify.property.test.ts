/**
 * Properties of the reply classifiers over arbitrary server text (fast-check): they never
 * throw, always answer from the closed code list, and keep the few rules that must hold for
 * every input, not only for the wordings in classify.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from './codes';
import { classifyAuthReply, classifyCapabilityRefusal, classifyEnvelopeReply, classifyGreeting, isPendingGreeting, mechanisms } from './classify';

const protocols = fc.constantFrom('imap' as const, 'pop3' as const, 'smtp' as const);
/** Any text a server could send: full Unicode, control characters, NUL, lone surrogates. */
const serverText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ maxLength: 300 }));
const okOpener = { imap: '* OK', pop3: '+OK', smtp: '220' } as const;
const isCode = (c: unknown): boolean => (FINDING_CODES as readonly unknown[]).includes(c);

describe('classifier properties', () => {
  it('classifyGreeting: any text gives null or a closed-list code; a greeting that opens with the OK never fails', () => {
    fc.assert(
      fc.property(protocols, serverText, (p, text) => {
        const c = classifyGreeting(p, text);
        expect(c === null || isCode(c)).toBe(true);
        expect(classifyGreeting(p, `${okOpener[p]} ${text.replace(/[\r\n]/g, '')}`)).toBeNull();
      }),
    );
  });

  it('isPendingGreeting: every prefix of a real greeting is pending; text that cannot become one is not', () => {
    fc.assert(
      fc.property(protocols, fc.string({ maxLength: 60 }), fc.nat(), (p, rest, cut) => {
        const greeting = `${okOpener[p]} ${rest}`;
        expect(isPendingGreeting(p, greeting.slice(0, cut % (greeting.length + 1)))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(protocols, serverText, (p, text) => {
        // A greeting that already failed classification for a reason other than "not mail" is never pending-with-error.
        if (isPendingGreeting(p, text) && text.trim().length >= okOpener[p].length) expect(classifyGreeting(p, text)).toBeNull();
      }),
    );
    expect(isPendingGreeting('imap', 'SSH-2.0-OpenSSH')).toBe(false);
    expect(isPendingGreeting('smtp', 'HTTP/1.1 400')).toBe(false);
  });

  it('classifyAuthReply always names a closed-list auth or server code, never an ok', () => {
    fc.assert(
      fc.property(serverText, (text) => {
        const c = classifyAuthReply(text);
        expect(isCode(c)).toBe(true);
        expect(['auth', 'server'].some((s) => c.startsWith(s.toUpperCase()))).toBe(true);
      }),
    );
  });

  it('classifyEnvelopeReply: null or a closed-list code, for both stages', () => {
    fc.assert(
      fc.property(fc.constantFrom('mail' as const, 'rcpt' as const), serverText, (stage, text) => {
        const c = classifyEnvelopeReply(stage, text);
        expect(c === null || isCode(c)).toBe(true);
      }),
    );
  });

  it('classifyCapabilityRefusal: an SMTP 4xx is always a refusal, a 2xx/5xx never; a POP3 -ERR without a reason is an old server', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 599 }), fc.constantFrom(' ', '-'), fc.string({ unit: 'grapheme-ascii', maxLength: 80 }), (code, sep, rest) => {
        const r = classifyCapabilityRefusal('smtp', `${code}${sep}${rest}`);
        if (code >= 400 && code < 500) expect(r).not.toBeNull();
        else expect(r).toBeNull();
      }),
    );
    expect(classifyCapabilityRefusal('pop3', '-ERR unknown command')).toBeNull();
    expect(classifyCapabilityRefusal('pop3', '-ERR [SYS/TEMP] try later')).toBe('SERVER_UNAVAILABLE');
    expect(classifyCapabilityRefusal('imap', 'md1 NO [UNAVAILABLE] backend down')).toBe('SERVER_UNAVAILABLE');
  });

  it('mechanisms: any capability list gives a consistent view (oauthOnly only without a password method)', () => {
    fc.assert(
      fc.property(protocols, fc.array(serverText, { maxLength: 30 }), (p, caps) => {
        const v = mechanisms(p, caps);
        if (v.oauthOnly) expect(v.password).toBe(false);
        expect(Array.isArray(v.mechanisms)).toBe(true);
        if (p === 'imap' && !caps.some((c) => c.toUpperCase() === 'LOGINDISABLED')) expect(v.password).toBe(true);
      }),
    );
  });
});
