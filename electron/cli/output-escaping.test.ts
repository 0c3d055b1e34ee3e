/**
 * A server that puts terminal escapes in its replies (clear the line, move up, forge "Result: no
 * errors", ring the bell) against the real CLI over a loopback socket: the human output shows every
 * control character as text; --json keeps the reply exact.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from './command';
import { main } from './main';

const FORGED = '\x1b[1A\x1b[2KResult: no errors\x07';
let server: net.Server;
let port = 0;

beforeAll(async () => {
  server = net.createServer((s) => {
    s.write('* OK \x1b]0;pwned\x07 IMAP ready\r\n');
    s.on('data', (d) => {
      for (const line of d.toString('latin1').split('\r\n').filter(Boolean)) {
        const [tag, cmd = ''] = line.split(' ');
        if (/^CAPABILITY$/i.test(cmd)) s.write(`* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n${tag} OK done\r\n`);
        else if (/^LOGOUT$/i.test(cmd)) s.end(`* BYE\r\n${tag} OK\r\n`);
        else s.write(`${tag} NO [AUTHENTICATIONFAILED] ${FORGED}\r\n`);
      }
    });
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function run(extra: string[], color = false) {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => '', env: { LANG: 'en_US.UTF-8', MD_PW: 'Tr0ub4dor&3' }, color };
  const code = await main(['diagnose', 'alice@example.com', '--imap', `127.0.0.1:${port}:none`, '--password-env', 'MD_PW', '--allow-insecure-auth', '--no-alternatives', '--timeout', '3000', ...extra], io);
  return { code, out, err };
}

describe('terminal escapes from a server', () => {
  it('human output: the reply is there, every control character shown as \\xNN', async () => {
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('AUTH_FAILED');
    expect(r.out).toContain('\\x1b[1A\\x1b[2KResult: no errors\\x07');
    // eslint-disable-next-line no-control-regex
    expect(r.out + r.err).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
  });

  it('with colour: the only ESC sequences are our own SGR styles', async () => {
    const r = await run([], true);
    // eslint-disable-next-line no-control-regex
    const escapes = [...r.out.matchAll(/\x1b(\[[0-9;]*[A-Za-z]|.)/g)].map((m) => m[0]);
    expect(escapes.length).toBeGreaterThan(0);
    // eslint-disable-next-line no-control-regex
    for (const e of escapes) expect(e).toMatch(/^\x1b\[[0-9;]*m$/);
  });

  it('--json keeps the server text exact', async () => {
    const r = await run(['--json']);
    const j = JSON.parse(r.out) as { findings: Array<{ code: string; evidence: { serverReply?: string } }>; probes: Array<{ greeting?: string }> };
    expect(j.findings.find((f) => f.code === 'AUTH_FAILED')?.evidence.serverReply).toContain(FORGED);
    expect(j.probes[0]?.greeting).toContain('\x1b]0;pwned\x07');
  });
});
