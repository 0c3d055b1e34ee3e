import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAutoconfig } from '../../probes/discovery/autoconfig-xml';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../command';
import { run } from './deliver';

/** The `plist` package is ESM-only; a dynamic import works from these CommonJS-typed tests. */
const parse = async (xml: string): Promise<unknown> => (await import('plist')).parse(xml);

function fakeIo(env: Record<string, string> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: async () => stdin, env, color: false };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const REPORT = {
  runId: 'cli-1',
  email: 'alice@example.jp',
  ok: true,
  findings: [],
  probes: [],
  dns: [],
  diagnosis: {
    headline: 'ok',
    correctSettings: {
      imap: { host: 'imap.example.jp', port: 993, security: 'tls', source: 'logged-in' },
      smtp: { host: 'smtp.example.jp', port: 587, security: 'starttls', source: 'guess' },
      user: { value: 'alice@example.jp', source: 'logged-in' },
    },
  },
};

describe('mail-doctor deliver', () => {
  const dir = mkdtempSync(join(tmpdir(), 'md-deliver-'));
  const reportFile = join(dir, 'report.json');
  writeFileSync(reportFile, JSON.stringify(REPORT));

  it('writes a profile from a diagnose --json report and warns about the guessed SMTP value', async () => {
    const f = fakeIo({ LANG: 'ja_JP.UTF-8' });
    const out = join(dir, 'a.mobileconfig');
    expect(await run(['--report', reportFile, '--format', 'mobileconfig', '--out', out], f.io)).toBe(EXIT_OK);
    const top = (await parse(readFileSync(out, 'utf8'))) as { PayloadContent: Array<Record<string, unknown>> };
    expect(top.PayloadContent[0]).toMatchObject({ IncomingMailServerHostName: 'imap.example.jp', OutgoingMailServerPortNumber: 587 });
    expect(f.err()).toContain('smtp.example.jp:587」は推測した値');
    expect(f.err()).toContain('「未署名」');
  });

  it('puts the password in only with --include-password, read from the environment, in an owner-only file', async () => {
    const f = fakeIo({ MD_PW: 'pw-123' });
    const out = join(dir, 'pw.mobileconfig');
    expect(await run(['--report', reportFile, '--format', 'mobileconfig', '--include-password', '--password-env', 'MD_PW', '--out', out, '--lang', 'en'], f.io)).toBe(EXIT_OK);
    expect(readFileSync(out, 'utf8')).toContain('<string>pw-123</string>');
    expect(statSync(out).mode & 0o077).toBe(0);
    expect(f.err()).toContain('The password is inside the file');
    const g = fakeIo({ MD_PW: 'pw-123' });
    expect(await run(['--report', reportFile, '--format', 'mobileconfig', '--password-env', 'MD_PW'], g.io)).toBe(EXIT_OK);
    expect(g.out()).not.toContain('pw-123');
  });

  it('writes an autoconfig document the discovery parser reads back', async () => {
    const f = fakeIo();
    expect(await run(['--report', '-', '--format', 'autoconfig'], { ...f.io, readStdin: async () => JSON.stringify(REPORT) })).toBe(EXIT_OK);
    const doc = parseAutoconfig(f.out(), 'alice@example.jp');
    expect(doc.servers.map((s) => `${s.protocol} ${s.host}:${s.port} ${s.security}`)).toEqual(['imap imap.example.jp:993 tls', 'smtp smtp.example.jp:587 starttls']);
  });

  it('prints the customer text and a QR code; servers given as flags count as untested', async () => {
    const f = fakeIo();
    expect(await run(['bob@example.jp', '--imap', 'imap.example.jp:993', '--smtp', 'smtp.example.jp:465', '--format', 'text', '--lang', 'en'], f.io)).toBe(EXIT_OK);
    expect(f.out()).toContain('incoming (IMAP) server: imap.example.jp  port 993  SSL/TLS');
    expect(f.err()).toContain('was typed in and not tested');
    const q = fakeIo();
    expect(await run(['bob@example.jp', '--imap', 'imap.example.jp:993', '--smtp', 'smtp.example.jp:465', '--format', 'qr'], q.io)).toBe(EXIT_OK);
    expect(q.out()).toMatch(/^[█▀▄ ]+\n/);
    const svg = join(dir, 'q.svg');
    expect(await run(['bob@example.jp', '--imap', 'imap.example.jp:993', '--smtp', 'smtp.example.jp:465', '--format', 'qr', '--out', svg], fakeIo().io)).toBe(EXIT_OK);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg /);
  });

  it('refuses bad input with a message in the chosen language', async () => {
    const cases: Array<[string[], string]> = [
      [['--report', reportFile], '--format を指定してください'],
      [['--report', reportFile, '--format', 'pdf'], '--format は'],
      [['--report', join(dir, 'missing.json'), '--format', 'text'], 'レポートを読めません'],
      [['--report', reportFile, '--format', 'mobileconfig', '--include-password'], '--include-password には'],
      [['--report', reportFile, '--format', 'text', '--password', 'x'], 'コマンドラインに書けません'],
      [['a@example.jp', '--imap', 'imap.example.jp:993', '--format', 'mobileconfig'], '送信サーバ（SMTP）が分からない'],
    ];
    for (const [args, msg] of cases) {
      const f = fakeIo({ LANG: 'ja_JP.UTF-8' });
      expect(await run(args, f.io), args.join(' ')).toBe(EXIT_USAGE);
      expect(f.err()).toContain(msg);
    }
    const noDiag = join(dir, 'nodiag.json');
    writeFileSync(noDiag, JSON.stringify({ ...REPORT, diagnosis: undefined }));
    const f = fakeIo();
    expect(await run(['--report', noDiag, '--format', 'text'], f.io)).toBe(EXIT_USAGE);
    expect(f.err()).toContain('diagnosis.correctSettings');
  });
});
