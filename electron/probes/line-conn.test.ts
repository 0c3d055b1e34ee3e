/** LineConn against real loopback sockets: split lines, hostile input, close, deadline. */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LineConn } from './line-conn';
import { Transcript } from './transcript';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function connectTo(onConn: (s: net.Socket) => void): Promise<{ conn: LineConn; tr: Transcript }> {
  const server = net.createServer((s) => {
    s.on('error', () => undefined); // the client side closes first in several cases
    onConn(s);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  const sock = net.connect(port, '127.0.0.1');
  await new Promise((r) => sock.once('connect', r));
  const tr = new Transcript(Date.now(), 'alice', 'pw-secret');
  return { conn: new LineConn(sock, tr), tr };
}

describe('LineConn', () => {
  it('joins lines split across TCP chunks and reads a multi-line SMTP reply', async () => {
    const { conn } = await connectTo((s) => {
      s.write('220-first ');
      setTimeout(() => s.write('part\r\n220 second\r\n'), 20);
    });
    const r = await conn.readSmtpReply(2000, 'greeting');
    expect(r).toEqual({ code: 220, lines: ['220-first part', '220 second'], text: '220-first part\n220 second' });
    conn.destroy();
  });

  it('caps a 1 MB line without CRLF instead of buffering it', async () => {
    const { conn } = await connectTo((s) => s.write(Buffer.alloc(1024 * 1024, 0x41)));
    const line = await conn.readLine(3000, 'banner');
    expect(line.length).toBeLessThanOrEqual(1000);
    conn.destroy();
  });

  it('decodes UTF-8 and survives invalid bytes', async () => {
    const { conn } = await connectTo((s) => s.write(Buffer.concat([Buffer.from('* OK メール '), Buffer.from([0xff, 0xfe]), Buffer.from('\r\n')])));
    expect(await conn.readLine(2000, 'greeting')).toMatch(/^\* OK メール /);
    conn.destroy();
  });

  it('reports a server hang-up as ECLOSED and silence as ETIMEDOUT', async () => {
    const a = await connectTo((s) => s.end());
    await expect(a.conn.readLine(2000, 'greeting')).rejects.toMatchObject({ code: 'ECLOSED' });
    a.conn.destroy();
    const b = await connectTo(() => undefined);
    const t = Date.now();
    await expect(b.conn.readLine(150, 'greeting')).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(Date.now() - t).toBeLessThan(1000);
    b.conn.destroy();
  });

  it('writes commands to the transcript with the password masked', async () => {
    const { conn, tr } = await connectTo((s) => s.on('data', () => s.write('-ERR [AUTH] Authentication failed.\r\n')));
    conn.write('PASS pw-secret');
    await conn.readLine(2000, 'PASS');
    expect(tr.lines.map((l) => l.text)).toEqual(['PASS ****', '-ERR [AUTH] Authentication failed.']);
    conn.destroy();
  });
});
