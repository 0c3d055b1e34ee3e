/** LineConn against real loopback sockets: split lines, hostile input, close, deadline. */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FLOOD_CODE, InputBudget } from './input-budget';
import { LineConn, MAX_REPLY_LINES } from './line-conn';
import { Transcript } from './transcript';

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function connectTo(onConn: (s: net.Socket) => void, budget?: InputBudget): Promise<{ conn: LineConn; tr: Transcript }> {
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
  return { conn: new LineConn(sock, tr, undefined, budget), tr };
}

/** Writes `line` for ever, respecting back-pressure (a flood that never buffers on the server side). */
function floodWith(line: string, s: net.Socket, sent: { bytes: number } = { bytes: 0 }): void {
  const chunk = line.repeat(Math.max(1, Math.floor(16384 / line.length)));
  const pump = (): void => {
    while (!s.destroyed && s.writable) {
      sent.bytes += chunk.length;
      if (!s.write(chunk)) return void s.once('drain', pump);
    }
  };
  s.on('error', () => undefined);
  pump();
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

  it('ends a 1 MB line without CRLF as a flood instead of buffering it', async () => {
    const { conn } = await connectTo((s) => s.write(Buffer.alloc(1024 * 1024, 0x41)));
    await expect(conn.readLine(3000, 'banner')).rejects.toMatchObject({ code: FLOOD_CODE });
    expect(conn.flooded).toBe(true);
    expect(conn.pending().length).toBeLessThanOrEqual(1000);
    conn.destroy();
  });

  it('ends an endless 250- reply after MAX_REPLY_LINES lines', async () => {
    const { conn } = await connectTo((s) => floodWith('250-PIPELINING\r\n', s));
    await expect(conn.readSmtpReply(5000, 'EHLO')).rejects.toMatchObject({ code: FLOOD_CODE, message: expect.stringContaining(`${MAX_REPLY_LINES} lines`) });
    conn.destroy();
  });

  it('ends endless untagged lines before the tagged IMAP reply, and an endless POP3 list', async () => {
    const a = await connectTo((s) => floodWith('* 1 EXISTS\r\n', s));
    await expect(a.conn.readImapTagged('a1', 5000, 'CAPABILITY')).rejects.toMatchObject({ code: FLOOD_CODE });
    a.conn.destroy();
    const b = await connectTo((s) => floodWith('SASL PLAIN\r\n', s));
    await expect(b.conn.readPopMulti(5000, 'CAPA')).rejects.toMatchObject({ code: FLOOD_CODE });
    b.conn.destroy();
  });

  it('pauses the socket while nobody reads: the server is held back by TCP, not buffered', async () => {
    const sent = { bytes: 0 };
    // Caps far away: this is about back-pressure, not about ending the flood.
    const budget = new InputBudget(64 * 1024 * 1024, 1_000_000);
    const { conn } = await connectTo((s) => floodWith('* 1 EXISTS\r\n', s, sent), budget);
    await new Promise((r) => setTimeout(r, 400));
    // Queue high-water mark (256 KiB) plus a few socket chunks; the kernel buffers the rest.
    expect(budget.bytes).toBeLessThan(1024 * 1024);
    // Reading resumes the flow.
    for (let i = 0; i < 500; i++) await conn.readLine(2000, 'line');
    expect(budget.bytes).toBeGreaterThan(500 * 12);
    conn.destroy();
  });

  it('shares one byte budget across the connections of a probe', async () => {
    const budget = new InputBudget(64 * 1024);
    const a = await connectTo((s) => s.write('* OK ' + 'x'.repeat(40 * 1024) + '\r\n'), budget);
    expect(await a.conn.readLine(2000, 'greeting')).toMatch(/^\* OK x+$/);
    const b = await connectTo((s) => s.write('* OK ' + 'y'.repeat(40 * 1024) + '\r\n'), budget);
    await expect(b.conn.readLine(2000, 'greeting')).rejects.toMatchObject({ code: FLOOD_CODE });
    expect(budget.exceeded).toBe(true);
    a.conn.destroy();
    b.conn.destroy();
  });

  it('hands the socket over with what was sent but not read, as bytes (plaintext after a STARTTLS go-ahead)', async () => {
    const { conn } = await connectTo((s) => s.write('a1 OK Begin TLS\r\n* OK injected\r\npartial'));
    expect(await conn.readLine(2000, 'STARTTLS')).toBe('a1 OK Begin TLS');
    await new Promise((r) => setTimeout(r, 50));
    const { socket, queued } = conn.handOver();
    expect(queued.toString('latin1')).toBe('* OK injected\r\npartial');
    expect(conn.handOver().queued.length).toBe(0);
    socket.destroy();
  });

  it('a multi-line reply cut off by its deadline keeps the lines that had arrived (a slow reply, not "no answer")', async () => {
    const { conn } = await connectTo((s) => s.write('250-one\r\n250-two\r\n250-thr'));
    const e = await conn.readSmtpReply(200, 'EHLO').catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'ETIMEDOUT', partialReply: { lines: ['250-one', '250-two'], count: 2 } });
    conn.destroy();
  });

  it('a read that timed out never takes the line meant for the next read', async () => {
    const { conn } = await connectTo((s) => setTimeout(() => s.write('late\r\n'), 150));
    await expect(conn.readLine(50, 'first')).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(await conn.readLine(2000, 'second')).toBe('late');
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
  it('writes pipelined commands in one write (none waits for the ACK of the one before), each line in the transcript', async () => {
    const got: string[] = [];
    const { conn, tr } = await connectTo((s) => s.on('data', (d: Buffer) => got.push(d.toString())));
    const sock = (conn as unknown as { socket: net.Socket }).socket;
    const writes: string[] = [];
    const orig = sock.write.bind(sock) as (chunk: string) => boolean;
    (sock as unknown as { write: (c: string) => boolean }).write = (c: string) => (writes.push(c), orig(c));
    conn.writeLines(['MAIL FROM:<a@example.jp>', 'RCPT TO:<b@example.jp>', 'RSET']);
    expect(writes).toEqual(['MAIL FROM:<a@example.jp>\r\nRCPT TO:<b@example.jp>\r\nRSET\r\n']);
    expect(tr.lines.filter((l) => l.dir === 'c').map((l) => l.text)).toEqual(['MAIL FROM:<a@example.jp>', 'RCPT TO:<b@example.jp>', 'RSET']);
    await expect.poll(() => got.join('')).toBe(writes[0]);
    conn.destroy();
  });
});
