/**
 * A TCP relay that counts the connections it accepts, put in front of a real server so a test
 * can prove how many sessions a probe opened (the server's accepted connections, as the server
 * would count them). Bytes pass unchanged, so TLS is end to end.
 */
import net from 'node:net';

export interface CountingRelay {
  port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startCountingRelay(target: { host: string; port: number }, listenHost = '127.0.0.1'): Promise<CountingRelay> {
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    accepted++;
    const upstream = net.connect({ host: target.host, port: target.port });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, listenHost, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    get accepted() {
      return accepted;
    },
    reset: () => void (accepted = 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
