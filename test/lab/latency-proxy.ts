/**
 * A userspace latency proxy: a TCP relay that holds every chunk for a fixed one-way delay in
 * each direction, so a loopback lab behaves like a line with RTT = 2 × oneWayMs (tc/netem would
 * need privileges the machine does not give). Bytes pass unchanged, so TLS stays end to end.
 *
 * The TCP handshake is modelled too: the kernel completes the client's connect at once, so the
 * proxy opens the upstream connection only after 3 × oneWayMs (SYN, SYN-ACK, ACK: a real server
 * sees the connection 1.5 RTT after the SYN) and holds client bytes until then. A server-first
 * greeting therefore reaches the client 2 RTT after connect, as on a real line.
 *
 * Each chunk is forwarded at its own time, never held for the one before it: Nagle is off on
 * both of the proxy's sockets, as a router forwards a packet without waiting for an ACK. (With
 * it on, a chunk queued while the previous one was unacknowledged waited for the loopback ACK,
 * up to the 40 ms delayed-ACK timer, a delay no real line adds.)
 *
 * It also counts, per listening port, the connections it accepted and the server turns: each
 * burst of server bytes delivered to the client (one answer to what the client sent, or the
 * greeting) is one turn, plus one for the TCP handshake. This counts the round trips a client
 * waited for the same way for every client (ours, openssl, curl, swaks); a TLS 1.3 session
 * ticket that arrives on its own adds one.
 */
import net from 'node:net';

export interface LatencyRoute {
  /** Port the proxy listens on (on `address`). */
  port: number;
  target: { host: string; port: number };
}

export interface ConnectionStats {
  port: number;
  /** TCP handshake + server bursts delivered to the client. */
  turns: number;
  bytesUp: number;
  bytesDown: number;
}

export interface LatencyProxy {
  address: string;
  oneWayMs: number;
  /** Connections since the last reset (closed and open), in accept order. */
  connections(): ConnectionStats[];
  reset(): void;
  close(): Promise<void>;
}

/** A direction's FIFO: each item runs at its time, never before an earlier one. */
class DelayLine {
  private last = 0;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  constructor(private readonly delayMs: number) {}
  push(run: () => void): void {
    if (this.stopped) return;
    const at = Math.max(Date.now() + this.delayMs, this.last);
    this.last = at;
    if (this.delayMs === 0) return run();
    const t = setTimeout(() => {
      this.timers.delete(t);
      run();
    }, at - Date.now());
    this.timers.add(t);
  }
  /** Drops what is queued; later pushes are ignored (the connection is gone). */
  clear(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

export async function startLatencyProxy(o: { address: string; oneWayMs: number; routes: LatencyRoute[] }): Promise<LatencyProxy> {
  if (!(o.oneWayMs >= 0)) throw new Error(`latency proxy: oneWayMs must be >= 0, got ${o.oneWayMs}`);
  let stats: ConnectionStats[] = [];
  const sockets = new Set<net.Socket>();
  const lines = new Set<DelayLine>();
  const handshakes = new Set<NodeJS.Timeout>();
  let closed = false;
  const track = (s: net.Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };

  const relay = (client: net.Socket, route: LatencyRoute): void => {
    if (closed) return void client.destroy();
    client.setNoDelay(true);
    const st: ConnectionStats = { port: route.port, turns: 1, bytesUp: 0, bytesDown: 0 };
    stats.push(st);
    track(client);
    const up = new DelayLine(o.oneWayMs);
    const down = new DelayLine(o.oneWayMs);
    lines.add(up);
    lines.add(down);
    let upstream: net.Socket | null = null;
    const pending: Array<(u: net.Socket) => void> = [];
    let lastDelivered: 'c' | 's' | null = null;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      up.clear();
      down.clear();
      lines.delete(up);
      lines.delete(down);
      client.destroy();
      upstream?.destroy();
      pending.length = 0;
    };
    /** Runs `fn` on the upstream socket once it exists (it opens after the modelled handshake). */
    const toUpstream = (fn: (u: net.Socket) => void): void => {
      if (upstream && !upstream.connecting) fn(upstream);
      else pending.push(fn);
    };

    client.on('data', (chunk: Buffer) => {
      up.push(() =>
        toUpstream((u) => {
          st.bytesUp += chunk.length;
          lastDelivered = 'c';
          u.write(chunk);
        }),
      );
    });
    client.on('end', () => up.push(() => toUpstream((u) => u.end())));
    // A reset or destroy travels like a packet: the other side learns of it one delay later.
    client.on('close', () => up.push(finish));

    const open = (): void => {
      if (done || closed) return;
      const u = net.connect({ host: route.target.host, port: route.target.port, noDelay: true });
      upstream = u;
      track(u);
      u.on('connect', () => {
        for (const fn of pending.splice(0)) fn(u);
      });
      u.on('data', (chunk: Buffer) => {
        down.push(() => {
          if (client.destroyed || !client.writable) return;
          if (lastDelivered !== 's') st.turns++;
          lastDelivered = 's';
          st.bytesDown += chunk.length;
          client.write(chunk);
        });
      });
      u.on('end', () => down.push(() => client.end()));
      u.on('close', () => down.push(finish));
    };
    if (o.oneWayMs === 0) return open();
    const t = setTimeout(() => {
      handshakes.delete(t);
      open();
    }, 3 * o.oneWayMs);
    handshakes.add(t);
  };

  const servers: net.Server[] = [];
  try {
    for (const route of o.routes) {
      const server = net.createServer((c) => relay(c, route));
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(route.port, o.address, () => resolve());
      });
    }
  } catch (e) {
    for (const s of servers) s.close();
    throw e;
  }

  return {
    address: o.address,
    oneWayMs: o.oneWayMs,
    connections: () => stats.map((s) => ({ ...s })),
    reset: () => void (stats = []),
    close: async () => {
      closed = true;
      for (const t of handshakes) clearTimeout(t);
      for (const l of lines) l.clear();
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}
