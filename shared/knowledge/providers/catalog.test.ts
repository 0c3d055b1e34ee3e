import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostName, Port, STANDARD_PORTS } from '../../models/account';
import { Grade, Localized } from '../../models/device';
import { userNameStep } from '../findings/fix-auth';
import { expectedUser } from '../composer/correct-settings';
import { CATALOG, expandServerHost, getProvider, usernameFormFor, isNotAppMailbox, providerForDomain, providerForEmail, providerForMx, serversFor } from './catalog';
import { PROVIDER_IDS } from './catalog-types';

describe('provider catalog data', () => {
  it('has exactly one entry per provider id', () => {
    expect(CATALOG.map((p) => p.id).sort()).toEqual([...PROVIDER_IDS].sort());
  });

  it.each(CATALOG.map((p) => [p.id, p] as const))('%s has every field, graded and bilingual', (_id, p) => {
    expect(Localized.safeParse(p.name).success).toBe(true);
    expect(p.name.ja.length).toBeGreaterThan(0);
    // An entry for customers' own domains only (お名前.com) is reached through its MX instead.
    expect(p.domains.length + (p.mxSuffixes?.length ?? 0)).toBeGreaterThan(0);
    // No servers only where the entry says why: the server's name is the customer's own (serverNote) or it is no mailbox at all.
    if (p.servers.length === 0) expect(Boolean(p.serverNote) || isNotAppMailbox(p)).toBe(true);
    expect(Grade.safeParse(p.grade).success).toBe(true);
    expect(p.source.length).toBeGreaterThan(10);
    expect(p.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(['email', 'localpart', 'provider-id']).toContain(p.username);
    expect(['password', 'app-password', 'provider-password', 'oauth-only']).toContain(p.auth);
    for (const s of p.servers) {
      // Placeholders filled the way discovery fills them must give a valid host name.
      const host = s.host.replace('{domain}', 'ab.example.jp').replace('{server}', 'sv1.example.jp');
      expect(HostName.safeParse(host).success, s.host).toBe(true);
      if (s.host.includes('{server}')) expect(p.serverNote).toBeTruthy();
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
    if (!incoming && !p.serverNote && !isNotAppMailbox(p)) expect(p.restrictions.some((r) => r.grade === 'U')).toBe(true);
    if (p.serverNote) expect(p.serverNote.ja && p.serverNote.en).toBeTruthy();
    if (p.auth === 'app-password' || p.auth === 'provider-password') expect(p.passwordHelp ?? p.authNote).toBeTruthy();
    // The provider's prose for a rejected login is data in its entry, complete in both languages.
    if (p.username === 'provider-id') expect(p.login?.idName, 'what the provider calls its ID').toBeTruthy();
    if (p.auth === 'provider-password') expect(p.login?.secretName, 'the provider’s own word for its password').toBeTruthy();
    if (p.auth === 'oauth-only') expect(p.login?.signIn).toBeTruthy();
    if (p.login?.replacesGeneric) expect(p.login.steps?.length).toBeGreaterThan(0);
    const guide = p.login;
    const texts = [guide?.explanation, guide?.secretName, guide?.idName, ...(guide?.steps ?? []).flatMap((s) => [s.text, s.path, s.note]), ...(guide?.adminSteps ?? []).flatMap((s) => [s.text, s.path, s.note]), ...Object.values(guide?.deviceSteps ?? {}).flat().flatMap((s) => [s.text, s.path, s.note])];
    for (const t of texts) if (t) expect(t.ja.length > 0 && t.en.length > 0, JSON.stringify(t)).toBe(true);
    for (const s of [...(guide?.steps ?? []), ...(guide?.adminSteps ?? [])]) expect(Grade.safeParse(s.grade).success).toBe(true);
  });

  it('lists every domain only once across providers, lower-case', () => {
    const all = CATALOG.flatMap((p) => p.domains);
    expect(new Set(all).size).toBe(all.length);
    for (const d of all) expect(d).toBe(d.toLowerCase());
  });

  it('keeps the corrected values (au IMAP host, plala SMTP, So-net IMAP closed, @nifty POP, Yahoo! JAPAN label, SoftBank password)', () => {
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
    expect(providerForMx('mail65.onamae.ne.jp')!.id).toBe('onamae');
    expect(providerForMx('mx.example.jp')).toBeUndefined();
    expect(providerForMx('notgoogle.com')).toBeUndefined();
  });
});

describe('user-name form per domain', () => {
  it('Yahoo! JAPAN: the ID (part before the @) for @yahoo.co.jp, the whole address for @ymail.ne.jp and @yahoo.ne.jp', () => {
    const y = getProvider('yahoo-japan')!;
    expect(usernameFormFor(y, 'yahoo.co.jp')).toBe('localpart');
    expect(usernameFormFor(y, 'ymail.ne.jp')).toBe('email');
    expect(usernameFormFor(y, 'YAHOO.NE.JP.')).toBe('email');
    expect(userNameStep('iphone', 'imap', 'ja', y, 'taro@ymail.ne.jp')?.setting?.value).toBe('taro@ymail.ne.jp');
    expect(userNameStep('iphone', 'imap', 'ja', y, 'taro@yahoo.co.jp')?.setting?.value).toBe('taro');
    expect(expectedUser(y, 'taro@yahoo.ne.jp')).toBe('taro@yahoo.ne.jp');
  });
});

describe('お名前.com (customers’ own domains only)', () => {
  const onamae = () => getProvider('onamae')!;
  it('is found by its MX and offers the server’s own name first, its documented pop./smtp.<domain> after (they carry the certificate warning)', () => {
    expect(providerForDomain('example.jp')?.id).not.toBe('onamae');
    const mx = 'mail65.onamae.ne.jp';
    expect(serversFor(onamae(), 'imap').map((s) => expandServerHost(onamae(), s, 'example.jp', mx))).toEqual([mx]);
    expect(serversFor(onamae(), 'pop3').map((s) => expandServerHost(onamae(), s, 'example.jp', mx))).toEqual([mx, 'pop.example.jp']);
    expect(serversFor(onamae(), 'smtp').map((s) => expandServerHost(onamae(), s, 'example.jp', mx))).toEqual([mx, 'smtp.example.jp']);
    // Without the MX only the documented names remain, each saying a certificate warning will appear.
    const noMx = serversFor(onamae(), 'smtp').filter((s) => expandServerHost(onamae(), s, 'example.jp') !== undefined);
    expect(noMx.map((s) => [s.port, s.security, s.grade])).toEqual([[465, 'tls', 'A']]);
    expect(noMx[0]?.note?.ja).toContain('証明書の警告');
    expect(onamae().source).toContain('help.onamae.com/answer/9537');
    expect(onamae().username).toBe('email');
  });
});

describe('docs/providers.md', () => {
  it('is the catalog, regenerated', () => {
    const file = path.join(__dirname, '../../../docs/providers.md');
    const md = catalogMarkdown();
    if (process.env.UPDATE_DOCS === '1' || !existsSync(file)) writeFileSync(file, md);
    expect(readFileSync(file, 'utf8')).toBe(md);
  });
});

/** docs/providers.md, generated from CATALOG so the two cannot drift apart. */
function catalogMarkdown(): string {
  const sec = (s: string) => (s === 'tls' ? 'SSL/TLS' : s === 'starttls' ? 'STARTTLS' : 'none (unencrypted)');
  const grade = (g: string) => (g === 'U' ? '**U (unconfirmed)**' : g);
  const user = (u: string) => (u === 'email' ? 'full address' : u === 'localpart' ? 'part before @' : 'provider-issued ID');
  const auth = (a: string) => ({ password: 'account password', 'app-password': 'app password', 'provider-password': 'provider mail password', 'oauth-only': 'OAuth only (no password works)' })[a];
  const out: string[] = [];
  out.push(`# Supported mail providers (built-in catalog)

Generated from \`shared/knowledge/providers/catalog.ts\` (the source of truth; this page is its human copy).
Do not edit by hand: \`UPDATE_DOCS=1 npx vitest run shared/knowledge/providers/catalog.test.ts\` rewrites it, and the same test fails when it is out of date.
Every value carries a confidence grade:

| Grade | Meaning |
|---|---|
| A | The vendor's own documentation or configuration data (incl. Thunderbird ISPDB entries the vendor maintains). |
| B | Several independent, consistent sources, or one official page seen only as an excerpt. |
| C | One third-party source or an inference: a hint, shown as "unverified". |
| U | Not verified: the app shows it as **unconfirmed**, never as certain. Values nobody could confirm are left out. |

Corrected values kept on purpose: au → imap.ezweb.ne.jp; plala → secure.plala.or.jp for SMTP and no confirmed IMAP/POP host; So-net IMAP closed to new applications; @nifty POP 995 with the full address; Yahoo! JAPAN's exact enable-setting label and no app passwords; SoftBank's own Eメール(i) password.

Custom domains are recognised by their MX host: an MX under google.com / googlemail.com → Google Workspace (gmail entry), under protection.outlook.com / outlook.com → Microsoft 365, under yahoodns.net → Yahoo, under mail.icloud.com → iCloud, under zoho.jp → Zoho, and under a rental server's own suffix (xserver.jp, sakura.ne.jp, lolipop.jp, conoha.ne.jp, onamae.ne.jp) → that rental server. An entry with no domains of its own (お名前.com) is reached only that way.

Host placeholders: \`{domain}\` is the address's domain (au one net: \`pop.{domain}\`); \`{server}\` is the hosting server's own name — the MX host that identified the provider, or for さくら the initial domain itself. When nobody knows it (an Xserver address offline), discovery offers no server and shows the entry's server note instead of guessing \`mail.<own domain>\`, which would fail with a certificate-name mismatch. Rental servers' host suffixes also let the certificate-name-mismatch fix name the right host from the certificate the server sent.

Addresses that are no mailbox a mail app can use (SoftBank S!メール @softbank.ne.jp, Y!mobile MMS @ymobile.ne.jp, 楽メール @rakumail.jp) are recognised and say so; discovery offers nothing for them. For every catalog provider the generic guesses (imap.<domain> …) are not offered beside the catalog's servers.

Autodiscovery (\`mail-doctor discover <address>\`) uses this catalog first, then the domain's own autoconfig, Thunderbird's ISPDB, MX, SRV records and finally guesses; see \`electron/probes/discovery/\`.

## Summary

| Provider | Domains | IMAP | POP3 | SMTP | User name | Password | Grade |
|---|---|---|---|---|---|---|---|`);
  const cell = (p: (typeof CATALOG)[number], proto: string) => {
    const ss = p.servers.filter((s) => s.protocol === proto);
    if (!ss.length) return isNotAppMailbox(p) ? 'not a mailbox' : p.restrictions.some((r) => r.kind === 'no-pop') && proto === 'pop3' ? 'none' : '—';
    return ss.map((s) => `${s.host}:${s.port} ${sec(s.security)} (${s.grade})`).join('<br>');
  };
  for (const p of CATALOG) {
    const name = p.name.en === p.name.ja ? p.name.en : `${p.name.en} / ${p.name.ja}`;
    const userCell = `${user(p.username)}${p.usernameNote?.en.includes('unconfirmed') ? ' (unconfirmed)' : ''}`;
    out.push(`| ${name} | ${p.domains.join(', ') || '—'} | ${cell(p, 'imap')} | ${cell(p, 'pop3')} | ${cell(p, 'smtp')} | ${userCell} | ${auth(p.auth)} | ${grade(p.grade)} |`);
  }
  out.push('\n## Details\n');
  for (const p of CATALOG) {
    out.push(`### ${p.name.en === p.name.ja ? p.name.en : `${p.name.en}（${p.name.ja}）`}\n`);
    out.push(`- id: \`${p.id}\` · domains: ${p.domains.map((d) => `\`${d}\``).join(', ')}${p.mxSuffixes ? ` · MX suffixes: ${p.mxSuffixes.map((d) => `\`${d}\``).join(', ')}` : ''}${p.hostSuffixes ? ` · server host suffixes: ${p.hostSuffixes.map((d) => `\`${d}\``).join(', ')}` : ''}`);
    out.push(`- Overall grade: ${grade(p.grade)} · last checked ${p.lastChecked} · source: ${p.source}`);
    out.push(`- Servers:`);
    if (p.serverNote) out.push(`  - Server name: ${p.serverNote.en} / ${p.serverNote.ja}`);
    for (const s of p.servers) out.push(`  - ${s.protocol.toUpperCase()} \`${s.host}\` port ${s.port}, ${sec(s.security)} — grade ${grade(s.grade)}${s.username ? ` (user name: ${user(s.username)})` : ''}${s.note ? ` — ${s.note.en} / ${s.note.ja}` : ''}`);
    out.push(`- User name: ${user(p.username)}${p.usernameNote ? ` — ${p.usernameNote.en} / ${p.usernameNote.ja}` : ''}`);
    out.push(`- Password: ${auth(p.auth)}${p.authNote ? ` — ${p.authNote.en} / ${p.authNote.ja}` : ''}`);
    if (p.passwordHelp) out.push(`- Where to get it: ${p.passwordHelp.text.en} / ${p.passwordHelp.text.ja}${p.passwordHelp.url ? ` (${p.passwordHelp.url})` : ''}`);
    if (p.restrictions.length) {
      out.push(`- Restrictions:`);
      for (const r of p.restrictions) out.push(`  - [${r.kind}, grade ${grade(r.grade)}] ${r.text.en} / ${r.text.ja}`);
    }
    out.push('');
  }
  return out.join('\n') + '\n';

}
