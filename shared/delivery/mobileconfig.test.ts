import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourcedSettings } from './delivery-types';
import { buildMobileconfig, profileIdentifier } from './mobileconfig';

/** The `plist` package is ESM-only; a dynamic import works from these CommonJS-typed tests. */
const parse = async (xml: string): Promise<unknown> => (await import('plist')).parse(xml);

interface KeySpec {
  type: 'string' | 'integer' | 'boolean' | 'array' | 'dictionary';
  presence: 'required' | 'optional';
  rangelist?: Array<string | number>;
}
type KeyTable = Record<string, KeySpec>;
const APPLE = JSON.parse(readFileSync(join(__dirname, '../../test/fixtures/apple-profile-keys.json'), 'utf8')) as { topLevel: KeyTable; common: KeyTable; mail: KeyTable };

function typeOf(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number' && Number.isInteger(v)) return 'integer';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' && v !== null ? 'dictionary' : typeof v;
}

/** Every key is one Apple documents for that dictionary, with the documented type and an allowed value; every required key is there. */
function checkAgainst(dict: Record<string, unknown>, table: KeyTable): void {
  for (const [key, v] of Object.entries(dict)) {
    const spec = table[key];
    expect(spec, `undocumented key ${key}`).toBeDefined();
    expect(typeOf(v), `type of ${key}`).toBe(spec!.type);
    if (spec!.rangelist) expect(spec!.rangelist, `value of ${key}`).toContain(v);
  }
  for (const [key, spec] of Object.entries(table)) if (spec.presence === 'required') expect(dict, `required ${key}`).toHaveProperty(key);
}

const LOGGED_IN: SourcedSettings = {
  imap: { host: 'imap.example.jp', port: 993, security: 'tls', source: 'logged-in' },
  smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls', source: 'logged-in' },
  user: { value: 'alice@example.jp', source: 'logged-in' },
};
let n = 0;
const fixedUuid = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('buildMobileconfig', () => {
  it('parses as a plist whose every key and value is one Apple documents, with the settings in it', async () => {
    const r = buildMobileconfig({ email: 'alice@example.jp', displayName: 'Alice & <Bob>' }, LOGGED_IN, { lang: 'ja', newUuid: fixedUuid });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const top = (await parse(r.xml)) as Record<string, unknown>;
    checkAgainst(top, APPLE.topLevel);
    const content = top.PayloadContent as Array<Record<string, unknown>>;
    expect(content).toHaveLength(1);
    const mail = content[0]!;
    checkAgainst(mail, { ...APPLE.common, ...APPLE.mail });
    expect(mail).toMatchObject({
      PayloadType: 'com.apple.mail.managed',
      EmailAccountType: 'EmailTypeIMAP',
      EmailAccountName: 'Alice & <Bob>',
      EmailAddress: 'alice@example.jp',
      IncomingMailServerHostName: 'imap.example.jp',
      IncomingMailServerPortNumber: 993,
      IncomingMailServerUseSSL: true,
      IncomingMailServerUsername: 'alice@example.jp',
      OutgoingMailServerHostName: 'smtp.example.jp',
      OutgoingMailServerPortNumber: 587,
      OutgoingMailServerUseSSL: true,
      OutgoingPasswordSameAsIncomingPassword: true,
    });
    expect(mail).not.toHaveProperty('IncomingPassword');
    expect(mail.PayloadUUID).not.toBe(top.PayloadUUID);
    expect(String(mail.PayloadIdentifier).startsWith(String(top.PayloadIdentifier) + '.')).toBe(true);
    // Apple's own check: the parsed profile equals what was built.
    expect(top).toEqual(r.profile);
  });

  it('has no password unless asked, and warns when it has one', async () => {
    const without = buildMobileconfig({ email: 'a@example.jp' }, LOGGED_IN, { lang: 'en', password: 's3cret' });
    expect(without.ok && without.xml.includes('s3cret')).toBe(false);
    const withPw = buildMobileconfig({ email: 'a@example.jp' }, LOGGED_IN, { lang: 'en', includePassword: true, password: 's3cret' });
    expect(withPw.ok).toBe(true);
    if (!withPw.ok) return;
    const mail = ((await parse(withPw.xml)) as { PayloadContent: Array<Record<string, unknown>> }).PayloadContent[0]!;
    expect(mail).toMatchObject({ IncomingPassword: 's3cret', OutgoingPassword: 's3cret' });
    expect(mail).not.toHaveProperty('OutgoingPasswordSameAsIncomingPassword');
    expect(withPw.warnings.map((w) => w.code)).toContain('password-included');
  });

  it('always says the profile is unsigned (「未署名」)', () => {
    const r = buildMobileconfig({ email: 'a@example.jp' }, LOGGED_IN, { lang: 'ja' });
    const w = r.warnings.find((x) => x.code === 'unsigned');
    expect(w?.text).toContain('「未署名」');
  });

  it('never carries a guess or a typed value without a warning naming it', () => {
    const guessed: SourcedSettings = {
      imap: { host: 'imap.example.jp', port: 993, security: 'tls', source: 'guess' },
      smtp: { host: 'smtp.example.jp', port: 465, security: 'tls', source: 'typed' },
      user: { value: 'alice', source: 'guess' },
    };
    const r = buildMobileconfig({ email: 'alice@example.jp' }, guessed, { lang: 'ja' });
    expect(r.ok).toBe(true);
    const codes = r.warnings.map((w) => `${w.code}:${w.field}`);
    expect(codes).toEqual(expect.arrayContaining(['guess-value:imap', 'untested-value:smtp', 'guess-value:user']));
    expect(r.warnings.find((w) => w.field === 'imap')!.text).toContain('imap.example.jp:993');
    // A vouched source carries no such warning.
    const clean = buildMobileconfig({ email: 'alice@example.jp' }, LOGGED_IN, { lang: 'ja' });
    expect(clean.warnings.map((w) => w.code)).toEqual(['unsigned']);
  });

  it('sweep: for every source and security, a non-vouched value has a warning, plaintext has one, and the file still parses', async () => {
    for (const source of ['logged-in', 'connected', 'catalog', 'discovered', 'typed', 'guess'] as const) {
      for (const security of ['tls', 'starttls', 'none'] as const) {
        const s: SourcedSettings = { pop3: { host: 'pop.example.jp', port: 995, security, source }, smtp: { host: 'smtp.example.jp', port: 465, security: 'tls', source: 'catalog' } };
        const r = buildMobileconfig({ email: 'b@example.jp' }, s, { lang: 'en' });
        expect(r.ok).toBe(true);
        if (!r.ok) continue;
        const mail = ((await parse(r.xml)) as { PayloadContent: Array<Record<string, unknown>> }).PayloadContent[0]!;
        expect(mail.EmailAccountType).toBe('EmailTypePOP');
        expect(mail.IncomingMailServerUseSSL).toBe(security !== 'none');
        const codes = r.warnings.filter((w) => w.field === 'pop3').map((w) => w.code);
        expect(codes.includes('guess-value') || codes.includes('untested-value')).toBe(source === 'typed' || source === 'guess');
        expect(codes.includes('plaintext')).toBe(security === 'none');
      }
    }
  });

  it('refuses to make a profile without an incoming or an outgoing server, with a reason', () => {
    const r = buildMobileconfig({ email: 'a@example.jp' }, { imap: LOGGED_IN.imap! }, { lang: 'ja' });
    expect(r.ok).toBe(false);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'no-outgoing', blocking: true })]);
  });

  it('keeps control characters out of the XML and the identifier stable per address', () => {
    const r = buildMobileconfig({ email: 'a@example.jp', displayName: 'Eve\u0007\u001b[31m' }, LOGGED_IN, { lang: 'en' });
    // eslint-disable-next-line no-control-regex
    expect(r.ok && /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(r.xml)).toBe(false);
    expect(profileIdentifier('Alice.B@Mail.Example.JP')).toBe('local.mail-doctor.jp.example.mail.alice-b');
    expect(profileIdentifier('x@example.jp')).toBe(profileIdentifier('x@example.jp'));
  });
});
