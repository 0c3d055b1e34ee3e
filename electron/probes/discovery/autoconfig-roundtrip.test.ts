/**
 * The autoconfig documents fix delivery writes (shared/delivery/autoconfig-doc.ts) read back
 * through the same parser discovery uses on servers' documents, to the same settings.
 */
import { describe, expect, it } from 'vitest';
import { buildAutoconfig } from '../../../shared/delivery/autoconfig-doc';
import type { SourcedSettings } from '../../../shared/delivery/delivery-types';
import { parseAutoconfig } from './autoconfig-xml';

const CASES: Array<{ name: string; email: string; settings: SourcedSettings; user: string }> = [
  {
    name: 'IMAP + SMTP STARTTLS, user = the address',
    email: 'alice@example.jp',
    settings: { imap: { host: 'imap.example.jp', port: 993, security: 'tls', source: 'logged-in' }, smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls', source: 'logged-in' } },
    user: 'alice@example.jp',
  },
  {
    name: 'IMAP and POP, user = local part',
    email: 'bob@mail.example.ne.jp',
    settings: {
      imap: { host: 'imap.example.ne.jp', port: 143, security: 'starttls', source: 'catalog' },
      pop3: { host: 'pop.example.ne.jp', port: 995, security: 'tls', source: 'catalog' },
      smtp: { host: 'smtp.example.ne.jp', port: 465, security: 'tls', source: 'catalog' },
      user: { value: 'bob', source: 'catalog' },
    },
    user: 'bob',
  },
  {
    name: 'plaintext POP, provider ID user with XML specials',
    email: 'c@example.com',
    settings: { pop3: { host: 'pop.example.com', port: 110, security: 'none', source: 'typed' }, smtp: { host: 'smtp.example.com', port: 25, security: 'none', source: 'guess' }, user: { value: 'id<&>"7', source: 'typed' } },
    user: 'id<&>"7',
  },
];

describe('autoconfig documents round-trip through the discovery parser', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = buildAutoconfig({ email: c.email }, c.settings, 'ja');
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const doc = parseAutoconfig(r.xml, c.email);
      expect(doc.domains).toEqual([c.email.split('@')[1]]);
      const expected = (['imap', 'pop3', 'smtp'] as const)
        .filter((p) => c.settings[p])
        .map((p) => ({ protocol: p, host: c.settings[p]!.host, port: c.settings[p]!.port, security: c.settings[p]!.security, usernameValue: c.user, authentication: ['password-cleartext'] }));
      expect(doc.servers.map(({ protocol, host, port, security, usernameValue, authentication }) => ({ protocol, host, port, security, usernameValue, authentication }))).toEqual(expected);
    });
  }

  it('warns about the guessed and typed values it carries', () => {
    const r = buildAutoconfig({ email: 'c@example.com' }, CASES[2]!.settings, 'en');
    expect(r.warnings.map((w) => `${w.code}:${w.field}`)).toEqual(expect.arrayContaining(['untested-value:pop3', 'guess-value:smtp', 'plaintext:pop3', 'untested-value:user']));
  });
});
