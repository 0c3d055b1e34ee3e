import { describe, expect, it } from 'vitest';
import { HostName, Port, STANDARD_PORTS } from '../models/account';
import { Grade, Localized } from '../models/device';
import { CATALOG, getProvider, providerForDomain, providerForEmail, providerForMx, serversFor } from './catalog';
import { PROVIDER_IDS } from './catalog-types';

describe('provider catalog data', () => {
  it('has exactly one entry per provider id', () => {
    expect(CATALOG.map((p) => p.id).sort()).toEqual([...PROVIDER_IDS].sort());
  });

  it.each(CATALOG.map((p) => [p.id, p] as const))('%s has every field, graded and bilingual', (_id, p) => {
    expect(Localized.safeParse(p.name).success).toBe(true);
    expect(p.name.ja.length).toBeGreaterThan(0);
    expect(p.domains.length).toBeGreaterThan(0);
    expect(p.servers.length).toBeGreaterThan(0);
    expect(Grade.safeParse(p.grade).success).toBe(true);
    expect(p.source.length).toBeGreaterThan(10);
    expect(p.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['email', 'localpart', 'provider-id']).toContain(p.username);
    expect(['password', 'app-password', 'provider-password', 'oauth-only']).toContain(p.auth);
    for (const s of p.servers) {
      expect(HostName.safeParse(s.host).success, s.host).toBe(true);
      expect(Port.safeParse(s.port).success).toBe(true);
      expect(Grade.safeParse(s.grade).success).toBe(true);
      // A port that is one of the standard ones must carry its standard security (465 = tls, 587 = starttls…).
      const std = Object.entries(STANDARD_PORTS[s.protocol]).find(([, port]) => port === s.port);
      if (std && s.security !== 'none') expect([std[0], 'starttls']).toContain(s.security);
      if (s.note) expect(s.note.ja && s.note.en).toBeTruthy();
    }
    for (const r of p.restrictions) {
      expect(r.text.ja.length).toBeGreaterThan(0);
      expect(r.text.en.length).toBeGreaterThan(0);
      expect(Grade.safeParse(r.grade).success).toBe(true);
    }
    // Every provider needs some way to receive mail, or must say why it has none.
    const incoming = p.servers.some((s) => s.protocol !== 'smtp');
    if (!incoming) expect(p.restrictions.some((r) => r.grade === 'U')).toBe(true);
    if (p.auth === 'app-password' || p.auth === 'provider-password') expect(p.passwordHelp ?? p.authNote).toBeTruthy();
  });

  it('lists every domain only once across providers, lower-case', () => {
    const all = CATALOG.flatMap((p) => p.domains);
    expect(new Set(all).size).toBe(all.length);
    for (const d of all) expect(d).toBe(d.toLowerCase());
  });

  it('follows facts-corrections.md where it supersedes facts.md', () => {
    expect(serversFor(getProvider('au')!, 'imap')[0]!.host).toBe('imap.ezweb.ne.jp');
    expect(getProvider('au')!.servers.some((s) => s.host === 'imap.au.com')).toBe(false);
    expect(serversFor(getProvider('plala')!, 'smtp')[0]!.host).toBe('secure.plala.or.jp');
    expect(serversFor(getProvider('plala')!, 'imap')).toEqual([]);
    expect(getProvider('so-net')!.restrictions.some((r) => r.kind === 'service-ending')).toBe(true);
    const niftyPop = serversFor(getProvider('nifty')!, 'pop3')[0]!;
    expect([niftyPop.port, niftyPop.security, getProvider('nifty')!.username]).toEqual([995, 'tls', 'email']);
    expect(getProvider('yahoo-japan')!.restrictions[0]!.text.ja).toContain('Yahoo! JAPAN公式サービス以外からのアクセスも有効にする');
    expect(getProvider('softbank')!.auth).toBe('provider-password');
    expect(getProvider('softbank')!.authNote!.ja).toContain('157');
  });
});

describe('catalog lookups', () => {
  it('finds providers by id', () => {
    expect(getProvider('gmail')!.name.en).toContain('Gmail');
    expect(getProvider('nope')).toBeUndefined();
  });

  it('finds providers by e-mail address, ignoring case and whitespace', () => {
    expect(providerForEmail('Taro.Yamada@GMAIL.com')!.id).toBe('gmail');
    expect(providerForEmail(' hanako@docomo.ne.jp ')!.id).toBe('docomo');
    expect(providerForEmail('x@ezweb.ne.jp')!.id).toBe('au');
    expect(providerForEmail('x@au.com')!.id).toBe('au');
    expect(providerForEmail('x@i.softbank.jp')!.id).toBe('softbank');
    expect(providerForEmail('x@hotmail.co.jp')!.id).toBe('outlook-com');
    expect(providerForEmail('no-at-sign')).toBeUndefined();
    expect(providerForEmail('x@example.com')).toBeUndefined();
  });

  it('matches sub-domain wildcards but not look-alikes', () => {
    expect(providerForDomain('ab3.so-net.ne.jp')!.id).toBe('so-net');
    expect(providerForDomain('AB3.SO-NET.NE.JP.')!.id).toBe('so-net');
    expect(providerForDomain('xyz.eonet.ne.jp')!.id).toBe('eo');
    expect(providerForDomain('tokyo.plala.or.jp')!.id).toBe('plala');
    expect(providerForDomain('ocn.ne.jp')!.id).toBe('ocn');
    expect(providerForDomain('abc.ocn.ne.jp')!.id).toBe('ocn');
    expect(providerForDomain('contoso.onmicrosoft.com')!.id).toBe('microsoft-365');
    expect(providerForDomain('onmicrosoft.com')).toBeUndefined();
    expect(providerForDomain('evil-so-net.ne.jp')).toBeUndefined();
    expect(providerForDomain('notgmail.com')).toBeUndefined();
    expect(providerForDomain('')).toBeUndefined();
  });

  it('maps MX hosts of custom domains to their hosting provider', () => {
    expect(providerForMx('aspmx.l.google.com')!.id).toBe('gmail');
    expect(providerForMx('ALT1.ASPMX.L.GOOGLE.COM.')!.id).toBe('gmail');
    expect(providerForMx('alt2.aspmx.l.googlemail.com')!.id).toBe('gmail');
    expect(providerForMx('contoso-com.mail.protection.outlook.com')!.id).toBe('microsoft-365');
    expect(providerForMx('mta5.am0.yahoodns.net')!.id).toBe('yahoo');
    expect(providerForMx('mx.example.jp')).toBeUndefined();
    expect(providerForMx('notgoogle.com')).toBeUndefined();
  });
});
