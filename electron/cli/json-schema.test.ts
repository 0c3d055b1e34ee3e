/**
 * The CLI's JSON is a checked contract: the committed JSON Schemas (docs/schemas/) match the
 * models, no field of the frozen first version was renamed or removed, and real output — from
 * the real-server lab for `diagnose` — validates against the committed schema.
 */
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labOrNull, labSkipReason } from '../../test/lab/lab-context';
import { CLI_JSON_DOCUMENTS, type CliJsonName } from '../../shared/models/cli-json';
import { cliJsonSchema, propertyPaths, CLI_SCHEMA_DIR } from '../../scripts/cli-schema-gen';
import type { CliIo } from './command';
import { main } from './main';

const NAMES = Object.keys(CLI_JSON_DOCUMENTS) as CliJsonName[];
const committed = (name: CliJsonName): unknown => JSON.parse(readFileSync(join(CLI_SCHEMA_DIR, `${name}.schema.json`), 'utf8'));
const frozenV1 = JSON.parse(readFileSync(join(CLI_SCHEMA_DIR, 'v1-fields.json'), 'utf8')) as Record<CliJsonName, string[]>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validators = Object.fromEntries(NAMES.map((n) => [n, ajv.compile(committed(n) as object)])) as Record<CliJsonName, ReturnType<typeof ajv.compile>>;

function io(env: Record<string, string> = {}): CliIo & { out: string; err: string } {
  const o = { out: '', err: '', stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s), readStdin: async () => '', env: { LANG: 'en_US.UTF-8', ...env }, color: false };
  return o;
}

function expectValid(name: CliJsonName, text: string): Record<string, unknown> {
  const doc = JSON.parse(text) as Record<string, unknown>;
  const ok = validators[name](doc);
  expect(validators[name].errors ?? [], `${name} --json must match docs/schemas/${name}.schema.json`).toEqual([]);
  expect(ok).toBe(true);
  expect(doc.schemaVersion).toBe(1);
  return doc;
}

describe('CLI JSON schemas (docs/schemas)', () => {
  it.each(NAMES)('%s: the committed schema is the one the models generate (run `npm run schemas` after changing a model)', (name) => {
    expect(committed(name)).toEqual(cliJsonSchema(name));
  });

  it.each(NAMES)('%s: every field of version 1 still exists (fields are only ever added)', (name) => {
    const now = new Set(propertyPaths(cliJsonSchema(name)));
    expect(frozenV1[name].filter((p) => !now.has(p))).toEqual([]);
  });

  it('a renamed field is caught', () => {
    const renamed = JSON.parse(JSON.stringify(cliJsonSchema('lookup')).replace('"recognised"', '"recognized"'));
    expect(frozenV1.lookup.filter((p) => !propertyPaths(renamed).includes(p))).toContain('recognised');
  });

  it('lookup and discover output validate', async () => {
    const l = io();
    expect(await main(['lookup', '0x800CCC0E', '--json'], l)).toBe(0);
    expectValid('lookup', l.out);
    const u = io();
    await main(['lookup', 'no such error text at all qq', '--json'], u);
    expectValid('lookup', u.out);
    const d = io();
    expect(await main(['discover', 'taro@docomo.ne.jp', '--offline', '--json'], d)).toBe(0);
    expectValid('discover', d.out);
  });
});

const lab = labOrNull();

describe.skipIf(lab?.mode !== 'full')(`diagnose --json from the real-server lab validates${lab?.mode === 'full' ? '' : ` (${lab?.limitedReason ?? labSkipReason()})`}`, () => {
  const base = (): string[] => ['--dns-server', lab?.dnsServer ?? '', '--ca', lab?.caFile ?? '', '--timeout', '8000'];

  it('healthy account and a wrong password', async () => {
    const good = io({ MD_PW: lab?.users.alice.password ?? '' });
    expect(await main(['diagnose', 'alice@lab.test', '--imap', 'mail.lab.test:993', '--smtp', 'mail.lab.test:587:starttls', '--password-env', 'MD_PW', '--json', ...base()], good)).toBe(0);
    expect(expectValid('diagnose', good.out).ok).toBe(true);
    const bad = io({ MD_PW: 'not-the-password' });
    expect(await main(['diagnose', 'alice@lab.test', '--imap', 'mail.lab.test:993', '--pop3', 'mail.lab.test:995', '--password-env', 'MD_PW', '--json', ...base()], bad)).toBe(1);
    const doc = expectValid('diagnose', bad.out);
    expect((doc.findings as Array<{ code: string }>).map((f) => f.code)).toContain('AUTH_FAILED');
  });

  it('--device adds the composed diagnosis; human output leads with the headline, the cause and the device steps', async () => {
    const bad = io({ MD_PW: 'not-the-password' });
    const args = ['diagnose', 'alice@lab.test', '--imap', 'mail.lab.test:993', '--smtp', 'mail.lab.test:587:starttls', '--password-env', 'MD_PW', '--device', 'iphone', '--error-text', 'パスワードが正しくありません', ...base()];
    expect(await main([...args, '--json'], bad)).toBe(1);
    const doc = expectValid('diagnose', bad.out) as { diagnosis: { headline: string; causes: Array<{ id: string; likelihood: string }>; correctSettings: Record<string, { port: number; source: string }> } };
    expect(doc.diagnosis.headline).toBe('problem');
    expect(doc.diagnosis.causes[0]).toMatchObject({ id: 'finding:AUTH_FAILED', likelihood: 'high' });
    expect(doc.diagnosis.causes.map((c) => c.id)).not.toContain('sending-only');
    expect(doc.diagnosis.correctSettings.imap).toMatchObject({ port: 993, source: 'connected' });
    expect(doc.diagnosis.correctSettings.smtp).toMatchObject({ port: 587, source: 'connected' });
    const human = io({ MD_PW: 'not-the-password' });
    expect(await main([...args, '--lang', 'ja'], human)).toBe(1);
    expect(human.out.split('\n')[0]).toContain('問題あり');
    expect(human.out).toMatch(/原因: .*\n.*iPhone/);
    expect(await main(['diagnose', 'alice@lab.test', '--device', 'nokia'], io({}))).toBe(2);
  });

  it('no servers given and nothing published: the guessed names read as a guess, never as found', async () => {
    const args = ['diagnose', 'alice@nowhere.lab.test', '--device', 'iphone', '--no-alternatives', ...base()];
    const json = io({});
    expect(await main([...args, '--json'], json)).toBe(1);
    const doc = expectValid('diagnose', json.out) as {
      probes: Array<{ role: string; host: string; serverSource?: string }>;
      diagnosis: { causes: Array<{ id: string; likelihood: string }>; correctSettings: Record<string, unknown> };
    };
    const configured = doc.probes.filter((p) => p.role === 'configured');
    expect(configured.map((p) => p.host).sort()).toEqual(['imap.nowhere.lab.test', 'pop.nowhere.lab.test', 'smtp.nowhere.lab.test']);
    expect(configured.every((p) => p.serverSource === 'guess')).toBe(true);
    expect(doc.diagnosis.causes[0]).toMatchObject({ id: 'guessed-server', likelihood: 'high' });
    expect(doc.diagnosis.correctSettings).toEqual({});
    const human = io({});
    expect(await main([...args, '--lang', 'ja'], human)).toBe(1);
    expect(human.out).toMatch(/推測した名前/);
    expect(human.out).not.toMatch(/見つかりました/);
  });
});
