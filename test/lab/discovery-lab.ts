/**
 * Local servers for autodiscovery tests: an HTTPS and an HTTP server on
 * 127.0.0.1 serving scripted documents (with delays and hangs), and a dns2
 * DNS server on 127.0.0.1 answering MX/SRV from a small zone. Never the internet.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
// dns2's typings are CommonJS `export =`; this is the form NodeNext accepts for them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import dns2 = require('dns2');

const run = promisify(execFile);
/** RFC 1035 §4.1.1 (dns2's typings lack Packet.RCODE). */
const NXDOMAIN = 3;

export interface Route {
  status?: number;
  body?: string;
  /** Answer only after this many ms. */
  delayMs?: number;
  /** Accept the request and never answer. */
  hang?: boolean;
  location?: string;
}

export interface HttpLab {
  httpsBase: string;
  httpBase: string;
  caPem: string;
  /** Routes by path (without query), shared by both servers unless the key starts with "http:" / "https:". */
  routes: Map<string, Route>;
  /** Paths requested, with scheme ("https:/x/y?..."). */
  log: string[];
  close(): Promise<void>;
}

export async function startHttpLab(): Promise<HttpLab> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'md-discovery-'));
  await run(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', 'key.pem', '-out', 'cert.pem'],
    { cwd: dir },
  );
  const key = await fs.readFile(path.join(dir, 'key.pem'), 'utf8');
  const cert = await fs.readFile(path.join(dir, 'cert.pem'), 'utf8');
  await fs.rm(dir, { recursive: true, force: true });

  const routes = new Map<string, Route>();
  const log: string[] = [];
  const pending = new Set<http.ServerResponse>();
  const handler = (scheme: 'http:' | 'https:') => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const p = (req.url ?? '/').split('?')[0]!;
    log.push(`${scheme}${req.url}`);
    const route = routes.get(`${scheme}${p}`) ?? routes.get(p);
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    if (route.hang) {
      pending.add(res);
      return;
    }
    const answer = () => {
      res.writeHead(route.status ?? 200, { 'content-type': 'text/xml', ...(route.location ? { location: route.location } : {}) });
      res.end(route.body ?? '');
    };
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  };
  const httpsServer = https.createServer({ key, cert }, handler('https:'));
  const httpServer = http.createServer(handler('http:'));
  await Promise.all([
    new Promise<void>((r) => httpsServer.listen(0, '127.0.0.1', r)),
    new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r)),
  ]);
  return {
    httpsBase: `https://127.0.0.1:${(httpsServer.address() as AddressInfo).port}`,
    httpBase: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    caPem: cert,
    routes,
    log,
    async close() {
      for (const res of pending) res.destroy();
      httpsServer.closeAllConnections();
      httpServer.closeAllConnections();
      await Promise.all([new Promise((r) => httpsServer.close(r)), new Promise((r) => httpServer.close(r))]);
    },
  };
}

export interface Zone {
  a?: Record<string, string[]>;
  mx?: Record<string, Array<{ exchange: string; priority: number }>>;
  srv?: Record<string, Array<{ target: string; port: number; priority?: number; weight?: number }>>;
  /** Names whose queries are never answered. */
  silent?: Set<string>;
}

export interface DnsLab {
  /** "127.0.0.1:PORT" for req.dnsServer. */
  server: string;
  zone: Zone;
  queries: string[];
  close(): Promise<void>;
}

export async function startDnsLab(zone: Zone): Promise<DnsLab> {
  const { Packet } = dns2;
  const queries: string[] = [];
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const add = (rec: Record<string, unknown>): void => void response.answers.push(rec as unknown as (typeof response.answers)[number]);
      const q = request.questions[0];
      if (!q) return send(response);
      const name = q.name.toLowerCase();
      queries.push(`${q.type === Packet.TYPE.MX ? 'MX' : q.type === Packet.TYPE.SRV ? 'SRV' : q.type === Packet.TYPE.A ? 'A' : q.type} ${name}`);
      if (zone.silent?.has(name)) return; // a black hole: the client must time out on its own
      let found = false;
      if (q.type === Packet.TYPE.MX && zone.mx?.[name]) {
        found = true;
        for (const r of zone.mx[name]!) add({ name: q.name, type: Packet.TYPE.MX, class: Packet.CLASS.IN, ttl: 60, exchange: r.exchange, priority: r.priority });
      }
      if (q.type === Packet.TYPE.A && zone.a?.[name]) {
        found = true;
        for (const address of zone.a[name]!) add({ name: q.name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 60, address });
      }
      if (q.type === Packet.TYPE.SRV && zone.srv?.[name]) {
        found = true;
        for (const r of zone.srv[name]!) {
          add({ name: q.name, type: Packet.TYPE.SRV, class: Packet.CLASS.IN, ttl: 60, priority: r.priority ?? 0, weight: r.weight ?? 1, port: r.port, target: r.target });
        }
      }
      if (!found) response.header.rcode = NXDOMAIN;
      send(response);
    },
  });
  await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = (server.addresses().udp as AddressInfo).port;
  return {
    server: `127.0.0.1:${port}`,
    zone,
    queries,
    close: async () => {
      await server.close();
    },
  };
}

/** A clientConfig v1.1 document as providers publish it. */
export function autoconfigXml(domain: string, servers: Array<{ kind: 'imap' | 'pop3' | 'smtp'; host: string; port: number; socket: string; user?: string }>): string {
  const el = (s: (typeof servers)[number]) => {
    const tag = s.kind === 'smtp' ? 'outgoingServer' : 'incomingServer';
    return `    <${tag} type="${s.kind}">
      <hostname>${s.host}</hostname>
      <port>${s.port}</port>
      <socketType>${s.socket}</socketType>
      <authentication>password-cleartext</authentication>
      <username>${s.user ?? '%EMAILADDRESS%'}</username>
    </${tag}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="${domain}">
    <domain>${domain}</domain>
    <displayName>${domain} mail</displayName>
${servers.map(el).join('\n')}
  </emailProvider>
</clientConfig>
`;
}
