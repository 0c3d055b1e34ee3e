/**
 * The benchmark's latency proxy on real loopback sockets: bytes arrive unchanged and in order,
 * each direction is held at least the configured delay (lower bounds only: a loaded machine can
 * only make it later), the TCP handshake costs its modelled round trip, closes travel through,
 * and connections and server turns are counted the way the benchmark reports them.
 */
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startLatencyProxy, type LatencyProxy } from './latency-proxy';

const LINE_SERVER_GREETING = 'HELLO\r\n';

/** Greets, then answers every line with `OK <line>`; `echo` mode sends bytes back unchanged instead. */
async function lineServer(mode: 'lines' | 'echo'): Promise<{ port: number; accepted: () => number; close: () => Promise<void> }> {
  let accepted = 0;
  const socks = new Set<net.Socket>();
  const server = net.createServer((s) => {
    accepted++;
    socks.add(s);
    s.on('close', () => socks.delete(s));
    s.on('error', () => undefined);
    if (mode === 'echo') return void s.pipe(s);
    s.write(LINE_SERVER_GREETING);
    let buf = '';
    s.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i).trim();
        buf = buf.slice(i + 1);
        if (line === 'BYE') s.end('OK bye\r\n');
        else s.write(`OK ${line}\r\n`);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((r) => {
        for (const s of socks) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A client that reads lines and records when each arrived (ms after connect). */
function lineClient(port: number): Promise<{ sock: net.Socket; next: () => Promise<{ line: string; at: number }>; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    const t0 = Date.now();
    const queue: Array<{ line: string; at: number }> = [];
    const waiters: Array<(v: { line: string; at: number }) => void> = [];
    let buf = '';
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const item = { line: buf.slice(0, i).trim(), at: Date.now() - t0 };
        buf = buf.slice(i + 1);
        const w = waiters.shift();
        if (w) w(item);
        else queue.push(item);
      }
    });
    const closed = new Promise<void>((r) => sock.on('close', () => r()));
    sock.once('error', reject);
    sock.once('connect', () =>
      resolve({
        sock,
        closed,
        next: () => {
          const q = queue.shift();
          return q ? Promise.resolve(q) : new Promise((r) => waiters.push(r));
        },
      }),
    );
  });
}

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setup(mode: 'lines' | 'echo', oneWayMs: number): Promise<{ proxy: LatencyProxy; server: Awaited<ReturnType<typeof lineServer>>; port: number }> {
  const server = await lineServer(mode);
  cleanup.push(server.close);
  // Port 0: the OS picks; the route's own port is what the proxy listens on, so find a free one first.
  const free = await new Promise<number>((r) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => r(p));
    });
  });
  const proxy = await startLatencyProxy({ address: '127.0.0.1', oneWayMs, routes: [{ port: free, target: { host: '127.0.0.1', port: server.port } }] });
  cleanup.push(proxy.close);
  return { proxy, server, port: free };
}

describe('latency proxy', () => {
  it.each([0, 15])('relays 2 MB each way unchanged and in order (one-way %i ms)', async (oneWayMs) => {
    const { port } = await setup('echo', oneWayMs);
    const data = randomBytes(2 * 1024 * 1024);
    const sock = net.connect({ host: '127.0.0.1', port });
    const got: Buffer[] = [];
    let n = 0;
    const done = new Promise<void>((resolve) =>
      sock.on('data', (d: Buffer) => {
        got.push(d);
        n += d.length;
        if (n >= data.length) resolve();
      }),
    );
    // In pieces, so ordering across many delayed chunks is exercised.
    for (let i = 0; i < data.length; i += 65_536) sock.write(data.subarray(i, i + 65_536));
    await done;
    sock.destroy();
    const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    expect(n).toBe(data.length);
    expect(sha(Buffer.concat(got))).toBe(sha(data));
  });

  it('holds each direction for the delay, and the handshake for its round trip', async () => {
    const d = 40;
    const { port } = await setup('lines', d);
    const c = await lineClient(port);
    // A real server sees the connection 1.5 RTT after the SYN; its greeting arrives 2 RTT after it.
    const greeting = await c.next();
    expect(greeting.line).toBe('HELLO');
    expect(greeting.at).toBeGreaterThanOrEqual(4 * d - 2);
    const sent = Date.now();
    c.sock.write('PING\r\n');
    const reply = await c.next();
    expect(reply.line).toBe('OK PING');
    expect(Date.now() - sent).toBeGreaterThanOrEqual(2 * d - 2);
    c.sock.destroy();
  });

  it('counts connections and server turns: handshake, greeting, one per answered command, one for a pipelined batch', async () => {
    const { proxy, server, port } = await setup('lines', 5);
    const c = await lineClient(port);
    expect((await c.next()).line).toBe('HELLO');
    for (const cmd of ['A', 'B']) {
      c.sock.write(`${cmd}\r\n`);
      expect((await c.next()).line).toBe(`OK ${cmd}`);
    }
    c.sock.write('P1\r\nP2\r\nP3\r\n');
    for (const p of ['P1', 'P2', 'P3']) expect((await c.next()).line).toBe(`OK ${p}`);
    c.sock.write('BYE\r\n');
    expect((await c.next()).line).toBe('OK bye');
    await c.closed;
    const second = await lineClient(port);
    await second.next();
    second.sock.destroy();
    await second.closed;
    const conns = proxy.connections();
    expect(conns).toHaveLength(2);
    expect(server.accepted()).toBe(2);
    // handshake + greeting + A + B + the pipelined batch + BYE
    expect(conns[0]).toMatchObject({ port, turns: 6, bytesUp: 'A\r\nB\r\nP1\r\nP2\r\nP3\r\nBYE\r\n'.length });
    expect(conns[1]?.turns).toBe(2);
    proxy.reset();
    expect(proxy.connections()).toEqual([]);
  });

  it('passes the server closing the connection on to the client', async () => {
    const { port } = await setup('lines', 10);
    const c = await lineClient(port);
    await c.next();
    c.sock.write('BYE\r\n');
    expect((await c.next()).line).toBe('OK bye');
    await c.closed;
  });

  it('closes the client when the target refuses the connection', async () => {
    const server = await lineServer('lines');
    const deadPort = server.port;
    await server.close(); // nothing listens on deadPort now
    const listen = await new Promise<number>((r) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => r(p));
      });
    });
    const proxy = await startLatencyProxy({ address: '127.0.0.1', oneWayMs: 5, routes: [{ port: listen, target: { host: '127.0.0.1', port: deadPort } }] });
    cleanup.push(proxy.close);
    const c = await lineClient(listen);
    await c.closed;
    expect(proxy.connections()).toHaveLength(1);
    expect(proxy.connections()[0]?.bytesDown).toBe(0);
  });

  it('refuses a negative delay', async () => {
    await expect(startLatencyProxy({ address: '127.0.0.1', oneWayMs: -1, routes: [] })).rejects.toThrow(/oneWayMs/);
  });
});
