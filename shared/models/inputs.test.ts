import { isIPv4 as nodeIsIPv4, isIPv6 as nodeIsIPv6 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccountInput, EmailAddress, HostName } from './account';
import { DiagnoseOptions } from './probe';
import { dnsServerText, hostProblem, isIPv4, isIPv6, parseDnsServer, parsePortText } from './inputs';
import { en } from '../i18n/messages';

const hexish = fc.string({ unit: fc.constantFrom('0', '1', 'a', 'F', 'ffff', ':', '::', '.', '255', '1.2.3.4', 'g'), maxLength: 14 });

describe('IP literals (pure, so the renderer can use them)', () => {
  it('property: agree with node:net on IPv6-looking and IPv4-looking strings', () => {
    fc.assert(fc.property(hexish, (s) => isIPv6(s) === nodeIsIPv6(s)), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('0', '1', '25', '255', '256', '01', '.'), maxLength: 10 }), (s) => isIPv4(s) === nodeIsIPv4(s)), { numRuns: 3000 });
  });

  it('property: agree with node:net on real addresses', () => {
    fc.assert(fc.property(fc.ipV6(), (s) => isIPv6(s)));
    fc.assert(fc.property(fc.ipV4(), (s) => isIPv4(s)));
  });
});

describe('DNS server', () => {
  it('property: whatever is accepted is an IP literal with a port in range, and round-trips', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.tuple(fc.oneof(fc.ipV4(), fc.ipV6().map((v) => `[${v}]`)), fc.integer({ min: -1, max: 70_000 })).map(([h, p]) => `${h}:${p}`)), (s) => {
        const d = parseDnsServer(s);
        if (!d) return;
        expect(d.family === 6 ? nodeIsIPv6(d.host) : nodeIsIPv4(d.host)).toBe(true);
        if (d.port !== undefined) expect(d.port >= 1 && d.port <= 65535).toBe(true);
        expect(parseDnsServer(dnsServerText(d))).toEqual(d);
      }),
      { numRuns: 2000 },
    );
  });

  it('the contract refuses a name and an out-of-range IPv6 port', () => {
    expect(DiagnoseOptions.safeParse({ dnsServer: 'dns.example.com' }).success).toBe(false);
    expect(DiagnoseOptions.safeParse({ dnsServer: '[::1]:70000' }).success).toBe(false);
    expect(DiagnoseOptions.safeParse({ dnsServer: '[::1]:5353' }).success).toBe(true);
  });
});

describe('host names, addresses, ports', () => {
  it.each(['bad..name', '.x', '[zz]', '[1:2:3]', 'a b', 'x\u001b[2J', '300.1.1.1', '-x.example'])('refuses %j as a typo with a message', (h) => {
    const r = HostName.safeParse(h);
    expect(r.success).toBe(false);
    if (!r.success) expect(Object.keys(en)).toContain(r.error.issues[0]!.message);
  });

  it.each([['mail.example.jp'], ['[::1]'], ['::1'], ['192.0.2.1'], ['ｍａｉｌ．ｅｘａｍｐｌｅ．ｊｐ'], ['_imaps._tcp.example.jp'], ['mail.example.jp.']])('accepts %j', (h) => {
    expect(HostName.safeParse(h).success).toBe(true);
  });

  it('normalises full-width addresses and ports from an IME', () => {
    expect(EmailAddress.parse('ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('alice@example.jp');
    expect(parsePortText('９９３')).toBe(993);
  });

  it('property: no control character ever passes an address, a host or a user name', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('\r', '\n', '\0', '\x1b', '\x07', '\x85'), fc.string(), (a, c, b) => {
        expect(EmailAddress.safeParse(`${a}x${c}y@example.jp${b}`).success).toBe(false);
        expect(hostProblem(`mail${c}${b}.example.jp`)).toBeDefined();
        expect(AccountInput.safeParse({ email: 'a@example.jp', user: `${a}${c}${b}` }).success).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: every refusal of the account schema is a translated message', () => {
    fc.assert(
      fc.property(fc.record({ email: fc.string(), user: fc.string({ maxLength: 400 }), password: fc.string({ maxLength: 1100 }) }), (acc) => {
        const r = AccountInput.safeParse(acc);
        if (!r.success) for (const i of r.error.issues) expect(Object.keys(en)).toContain(i.message);
      }),
      { numRuns: 1000 },
    );
  });

  it('a password keeps every code point but refuses CR, LF and NUL', () => {
    expect(AccountInput.parse({ email: 'a@example.jp', password: ' ｐａｓｓ ' }).password).toBe(' ｐａｓｓ ');
    for (const pw of ['a\rb', 'a\nb', 'a\0b']) expect(AccountInput.safeParse({ email: 'a@example.jp', password: pw }).success).toBe(false);
  });
});
