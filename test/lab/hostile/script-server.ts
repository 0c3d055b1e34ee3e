/**
 * A scripted listener on 127.0.0.1 (random port) for the hostile-server suite: the script gets
 * the raw socket and a few helpers (write, a flood that honours back-pressure, a line reader,
 * a STARTTLS upgrade). Real sockets only; close() destroys every connection it accepted.
 */
import net from 'node:net';
import tls from 'node:tls';

export interface ScriptApi {
  /** The current socket (plain, or TLS after upgrade()). */
  sock: net.Socket;
  write(data: string | Buffer): void;
  /** Sends `chunk` for ever, waiting for 'drain' whenever the client stops reading. */
  flood(chunk: string | Buffer): void;
  /** Calls `fn` for every CRLF line the client sends (replaces the previous handler). */
  onLine(fn: (line: string) => void): void;
  /** Turns the connection into TLS (after the caller wrote its STARTTLS go-ahead). */
  upgrade(): void;
  /** Writes `text` one byte every `ms` milliseconds. */
  drip(text: string, ms: number): void;
  /** Which connection of this listener this is (0 = first): the login may come on a second one. */
  index: number;
}

export interface ScriptServer {
  port: number;
  /** Connections accepted so far. */
  accepted: () => number;
  close(): Promise<void>;
}

export interface ScriptOptions {
  /** Implicit TLS with this key/cert (PEM); `tlsFor` picks options per connection index instead. */
  tls?: tls.TlsOptions;
  tlsFor?: (index: number) => tls.TlsOptions;
  /** Used by upgrade() (STARTTLS). */
  starttls?: tls.TlsOptions;
}

/** Secure contexts made when the listener starts, so a test that stubs tls.createSecureContext stubs only the client. */
function contextOf(opts: tls.TlsOptions | undefined): tls.SecureContext | undefined {
  return opts ? tls.createSecureContext(opts) : undefined;
}

export async function scriptServer(o: ScriptOptions, script: (api: ScriptApi) => void): Promise<ScriptServer> {
  const implicitCtx = contextOf(o.tls);
  const starttlsCtx = contextOf(o.starttls);
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let accepted = 0;
  const track = (s: net.Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };
  const run = (raw: net.Socket, index: number): void => {
    let lineFn: ((l: string) => void) | null = null;
    let buf = '';
    const api: ScriptApi = {
      sock: raw,
      index,
      write: (d) => {
        if (!api.sock.destroyed && api.sock.writable) api.sock.write(d);
      },
      flood: (chunk) => {
        const s = api.sock;
        const pump = (): void => {
          while (!s.destroyed && s.writable) if (!s.write(chunk)) return void s.once('drain', pump);
        };
        pump();
      },
      onLine: (fn) => {
        lineFn = fn;
      },
      upgrade: () => {
        const plain = api.sock;
        plain.removeAllListeners('data');
        const t = new tls.TLSSocket(plain, { isServer: true, ...(starttlsCtx ? { secureContext: starttlsCtx } : {}) });
        track(t);
        api.sock = t;
        buf = '';
        listen(t);
      },
      drip: (text, ms) => {
        let i = 0;
        const t = setInterval(() => {
          if (i >= text.length || api.sock.destroyed) {
            clearInterval(t);
            timers.delete(t);
            return;
          }
          api.write(text[i++] ?? '');
        }, ms);
        timers.add(t);
      },
    };
    const listen = (s: net.Socket): void => {
      s.on('data', (d: Buffer) => {
        buf += d.toString('latin1');
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i).replace(/\r$/, '');
          buf = buf.slice(i + 1);
          const before = api.sock;
          lineFn?.(line);
          // After upgrade() the rest of this chunk is TLS, read by the new socket.
          if (api.sock !== before) return;
        }
      });
    };
    listen(raw);
    script(api);
  };
  const server = net.createServer((raw) => {
    const index = accepted++;
    track(raw);
    const secureContext = o.tlsFor ? contextOf(o.tlsFor(index)) : implicitCtx;
    if (!secureContext) return run(raw, index);
    const t = new tls.TLSSocket(raw, { isServer: true, secureContext });
    track(t);
    t.once('secure', () => run(t, index));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
