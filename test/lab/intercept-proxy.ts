/**
 * An intercepting listener, as an antivirus mail shield or a corporate TLS proxy is: it takes
 * the client's TLS connection with a copy of the real server's certificate (same subject and
 * names) re-signed by its own root, opens its own TLS connection to the real server, and relays
 * the decrypted bytes both ways. Its root goes into a private "OS store" file the tests point
 * MAIL_DOCTOR_OS_STORE at; the bundled roots never know it.
 */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Deadline for reading the real server's certificate: the lab answers in milliseconds. */
const PEEK_TIMEOUT_MS = 5000;

export interface Upstream {
  /** Where the real server listens, and the name it is known by (SNI, certificate check). */
  host: string;
  port: number;
  name: string;
  /** The lab CA, so the interceptor itself verifies the real server (as products do). */
  caPem: string;
}

export interface InterceptProxy {
  /** The listener's address and port (on the upstream's own IP, so the name resolves to it). */
  address: string;
  port: number;
  /** PEM of the interceptor's root (what the product installs into the OS store). */
  rootPem: string;
  /** Writes a PEM bundle to a fresh file in the proxy's directory and returns its path. */
  storeFile(name: string, pems: string[]): string;
  close(): Promise<void>;
}

/** The chain a client sees (leaf first), as X509 objects. */
export function peerChain(host: string, port: number, servername: string): Promise<X509Certificate[]> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host, port, servername, rejectUnauthorized: false }, () => {
      const out: X509Certificate[] = [];
      let c = s.getPeerCertificate(true) as tls.DetailedPeerCertificate | undefined;
      for (let i = 0; c && c.raw && i < 10; i++) {
        out.push(new X509Certificate(c.raw));
        if (c.issuerCertificate === c) break;
        c = c.issuerCertificate;
      }
      s.destroy();
      resolve(out);
    });
    s.once('error', reject);
    s.setTimeout(PEEK_TIMEOUT_MS, () => s.destroy(new Error('timeout reading the server certificate')));
  });
}

/**
 * Starts the interceptor in front of `up`, with a root called `rootSubject` (an OpenSSL -subj
 * string, e.g. "/O=avast! Web\/Mail Shield/CN=avast! Web\/Mail Shield Root").
 */
export async function startInterceptProxy(up: Upstream, rootSubject: string, listenOn: string): Promise<InterceptProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'md-intercept-'));
  const o = (args: string[]) => run('openssl', args, { cwd: dir });
  await o(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '30', '-subj', rootSubject, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign']);
  const real = (await peerChain(up.host, up.port, up.name))[0];
  if (!real) throw new Error(`no certificate from ${up.host}:${up.port}`);
  await o(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=' + up.name]);
  writeFileSync(join(dir, 'leaf.ext'), `subjectAltName=${(real.subjectAltName ?? `DNS:${up.name}`).replace(/IP Address:/g, 'IP:')}\nbasicConstraints=CA:FALSE\n`);
  await o(['x509', '-req', '-in', 'leaf.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', '7', '-days', '30', '-extfile', 'leaf.ext', '-out', 'leaf.pem']);
  const rootPem = readFileSync(join(dir, 'root.pem'), 'utf8');
  const server = tls.createServer({ key: readFileSync(join(dir, 'leaf.key')), cert: readFileSync(join(dir, 'leaf.pem'), 'utf8') + rootPem }, (client) => {
    const upstream = tls.connect({ host: up.host, port: up.port, servername: up.name, ca: up.caPem });
    client.pipe(upstream).pipe(client);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, listenOn, r));
  const port = (server.address() as AddressInfo).port;
  return {
    address: listenOn,
    port,
    rootPem,
    storeFile(name, pems) {
      const file = join(dir, name);
      writeFileSync(file, pems.join('\n'));
      return file;
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          r();
        });
      }),
  };
}
