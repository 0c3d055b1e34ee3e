/**
 * Scripted loopback listeners for faults a real Dovecot/Postfix cannot show
 * (provider wordings, broken greetings, resets, silent ports, non-mail banners,
 * failing TLS handshakes) plus the PROXY-protocol relay and the SYN black hole.
 * Each one is a real socket on a 127.x address; nothing is mocked in-process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import type { CertFiles } from './lab-certs';

export interface Closable {
  close(): Promise<void>;
}

type Mode = 'tls' | 'starttls' | 'none';

function contextFor(cert: CertFiles): tls.SecureContext {
  return tls.createSecureContext(certOptions(cert));
}

/** tls.createServer ignores a `secureContext` option: it needs the cert and key themselves. */
function certOptions(cert: CertFiles): { cert: Buffer; key: Buffer } {
  return { cert: readFileSync(cert.cert), key: readFileSync(cert.key) };
}

/** Tracks sockets so close() never waits on a client that keeps its connection open. */
function serverWithSockets(server: net.Server): Closable {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function listen(server: net.Server, address: string, port: number): Promise<Closable> {
  const closable = serverWithSockets(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: address, port, exclusive: true }, () => resolve(closable));
  });
}

interface LineSession {
  write(line: string): void;
  upgrade(): void;
  end(): void;
  secure: boolean;
  /** Per-connection state of the script. */
  state: { pendingAuth?: string | null; loginStep?: 'none' | 'user' | 'pass'; loginUser?: string; user?: string };
}

/**
 * A CRLF line server. `onLine` answers each line; `upgrade()` turns the plain socket into
 * TLS (STARTTLS) after the caller has written its "go ahead" reply.
 */
function lineServer(
  opts: { address: string; port: number; mode: Mode; cert: CertFiles },
  greet: (s: LineSession) => void,
  onLine: (line: string, s: LineSession) => void,
): Promise<Closable> {
  const ctx = contextFor(opts.cert);
  const handle = (raw: net.Socket, startSecure: boolean): void => {
    let sock: net.Socket = raw;
    let buf = '';
    const session: LineSession = {
      secure: startSecure,
      state: {},
      write: (line) => {
        if (!sock.destroyed) sock.write(line + '\r\n');
      },
      end: () => sock.end(),
      upgrade: () => {
        sock.removeAllListeners('data');
        const t = new tls.TLSSocket(sock, { isServer: true, secureContext: ctx });
        t.on('error', () => sock.destroy());
        sock = t;
        session.secure = true;
        buf = '';
        attach();
      },
    };
    const attach = (): void => {
      sock.on('data', (d: Buffer) => {
        buf += d.toString('latin1');
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i).replace(/\r$/, '');
          buf = buf.slice(i + 1);
          onLine(line, session);
          if (sock !== raw && !session.secure) return;
        }
      });
    };
    attach();
    greet(session);
  };
  const server =
    opts.mode === 'tls'
      ? tls.createServer(certOptions(opts.cert), (s) => handle(s, true))
      : net.createServer((s) => handle(s, false));
  return listen(server, opts.address, opts.port);
}

/** What a simulated provider answers to a login, chosen by the user's local part. */
export type SimUserKind = 'app-password' | 'basic-disabled' | 'basic-submission' | 'too-many' | 'no-answer' | 'wrong';

export function simKind(user: string): SimUserKind {
  const local = user.split('@')[0] ?? '';
  if (local === 'app-password' || local === 'basic-disabled' || local === 'basic-submission' || local === 'too-many' || local === 'no-answer') return local;
  return 'wrong';
}

const IMAP_REPLY: Record<SimUserKind, string> = {
  // Google's and Microsoft's replies, verbatim as their servers send them.
  'app-password': 'NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)',
  'basic-disabled': 'NO Basic authentication is disabled.',
  'basic-submission': 'NO Basic authentication is disabled.',
  'too-many': 'NO [ALERT] Too many simultaneous connections. (Failure)',
  'no-answer': '',
  wrong: 'NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
};
const SMTP_REPLY: Record<SimUserKind, string[]> = {
  'app-password': [
    '534-5.7.9 Application-specific password required. For more information, go to',
    '534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor d2-20020a170902 - gsmtp',
  ],
  'basic-disabled': [
    '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.',
  ],
  'basic-submission': ['550 5.7.30 Basic authentication is not supported for Client Submission.'],
  'too-many': ['454 4.7.0 Too many login attempts, please try again later. d2-20020a170902 - gsmtp'],
  'no-answer': [],
  wrong: [
    '535-5.7.8 Username and Password not accepted. Learn more at',
    '535 5.7.8  https://support.google.com/mail/?p=BadCredentials d2-20020a170902 - gsmtp',
  ],
};
const POP3_REPLY: Record<SimUserKind, string> = {
  'app-password': '-ERR [AUTH] Application-specific password required: https://support.google.com/accounts/answer/185833',
  'basic-disabled': '-ERR Basic authentication is disabled.',
  'basic-submission': '-ERR Basic authentication is disabled.',
  'too-many': '-ERR [IN-USE] Too many simultaneous connections.',
  'no-answer': '',
  wrong: '-ERR [AUTH] Username and password not accepted.',
};

function plainUser(b64: string): string {
  const parts = Buffer.from(b64, 'base64').toString('utf8').split('\0');
  return parts[1] ?? '';
}

export interface SimOptions {
  address: string;
  port: number;
  mode: Mode;
  cert: CertFiles;
  /** IMAP capability list after the greeting (default: PLAIN and LOGIN allowed). */
  capabilities?: string;
}

/** IMAP provider simulator: greets, lists capabilities, refuses every login with the user's wording. */
export function imapSim(o: SimOptions): Promise<Closable> {
  const caps = (s: LineSession): string =>
    o.capabilities ?? `IMAP4rev1 ID ${o.mode === 'starttls' && !s.secure ? 'STARTTLS ' : ''}AUTH=PLAIN AUTH=LOGIN`;
  return lineServer(
    o,
    (s) => s.write(`* OK Mail Doctor lab provider simulator ready`),
    (line, s) => {
      if (s.state.pendingAuth) {
        const tag = s.state.pendingAuth;
        s.state.pendingAuth = null;
        const reply = IMAP_REPLY[simKind(plainUser(line))];
        if (reply) s.write(`${tag} ${reply}`);
        return;
      }
      const [tag = '*', cmdRaw = '', ...rest] = line.split(' ');
      const cmd = cmdRaw.toUpperCase();
      if (cmd === 'CAPABILITY') {
        s.write(`* CAPABILITY ${caps(s)}`);
        s.write(`${tag} OK CAPABILITY completed`);
      } else if (cmd === 'ID') {
        s.write('* ID ("name" "lab-sim")');
        s.write(`${tag} OK ID completed`);
      } else if (cmd === 'NOOP') {
        s.write(`${tag} OK NOOP completed`);
      } else if (cmd === 'STARTTLS' && o.mode === 'starttls' && !s.secure) {
        s.write(`${tag} OK Begin TLS negotiation now`);
        s.upgrade();
      } else if (cmd === 'LOGIN') {
        const reply = IMAP_REPLY[simKind((rest[0] ?? '').replace(/"/g, ''))];
        if (reply) s.write(`${tag} ${reply}`);
      } else if (cmd === 'AUTHENTICATE') {
        if (rest[1]) {
          const reply = IMAP_REPLY[simKind(plainUser(rest[1]))];
          if (reply) s.write(`${tag} ${reply}`);
        } else {
          s.state.pendingAuth = tag;
          s.write('+ ');
        }
      } else if (cmd === 'LOGOUT') {
        s.write('* BYE Logging out');
        s.write(`${tag} OK LOGOUT completed`);
        s.end();
      } else {
        s.write(`${tag} BAD Unknown command`);
      }
    },
  );
}

export interface SmtpSimOptions extends SimOptions {
  /** AUTH mechanisms to advertise; empty = no AUTH line at all. */
  authMechanisms?: string[];
  /** Reply to MAIL FROM when not logged in (e.g. Microsoft's 530 5.7.57). */
  unauthenticatedMailReply?: string;
}

/** SMTP provider simulator. Never accepts DATA: nothing can be sent through it. */
export function smtpSim(o: SmtpSimOptions): Promise<Closable> {
  const mechs = o.authMechanisms ?? ['PLAIN', 'LOGIN'];
  return lineServer(
    o,
    (s) => {
      // Multi-line greeting, as large providers and postscreen send.
      s.write('220-smtp.lab.test ESMTP Mail Doctor lab provider simulator');
      s.write('220 ready');
    },
    (line, s) => {
      if (s.state.loginStep === 'user') {
        s.state.loginUser = Buffer.from(line, 'base64').toString('utf8');
        s.state.loginStep = 'pass';
        s.write('334 UGFzc3dvcmQ6');
        return;
      }
      if (s.state.loginStep === 'pass') {
        s.state.loginStep = 'none';
        for (const l of SMTP_REPLY[simKind(s.state.loginUser ?? '')]) s.write(l);
        return;
      }
      const [verbRaw = '', ...rest] = line.split(' ');
      const verb = verbRaw.toUpperCase();
      if (verb === 'EHLO') {
        const ext = ['SIZE 35882577', '8BITMIME'];
        if (o.mode === 'starttls' && !s.secure) ext.push('STARTTLS');
        if (mechs.length) ext.push(`AUTH ${mechs.join(' ')}`);
        ext.push('ENHANCEDSTATUSCODES');
        s.write(`250-smtp.lab.test at your service`);
        ext.forEach((e, i) => s.write(`250${i === ext.length - 1 ? ' ' : '-'}${e}`));
      } else if (verb === 'HELO') {
        s.write('250 smtp.lab.test');
      } else if (verb === 'STARTTLS' && o.mode === 'starttls' && !s.secure) {
        s.write('220 2.0.0 Ready to start TLS');
        s.upgrade();
      } else if (verb === 'AUTH' && (rest[0] ?? '').toUpperCase() === 'PLAIN' && rest[1]) {
        for (const l of SMTP_REPLY[simKind(plainUser(rest[1]))]) s.write(l);
      } else if (verb === 'AUTH' && (rest[0] ?? '').toUpperCase() === 'LOGIN') {
        s.state.loginStep = 'user';
        s.write('334 VXNlcm5hbWU6');
      } else if (verb === 'AUTH') {
        s.write('504 5.7.4 Unrecognized authentication type');
      } else if (verb === 'MAIL') {
        s.write(o.unauthenticatedMailReply ?? '530 5.7.0 Authentication required');
      } else if (verb === 'RCPT') {
        s.write('503 5.5.1 MAIL first');
      } else if (verb === 'RSET' || verb === 'NOOP') {
        s.write('250 2.0.0 OK');
      } else if (verb === 'QUIT') {
        s.write('221 2.0.0 closing connection');
        s.end();
      } else {
        s.write('502 5.5.1 Unrecognized command');
      }
    },
  );
}

/** POP3 provider simulator. */
export function pop3Sim(o: SimOptions & { capa?: string[] }): Promise<Closable> {
  return lineServer(
    o,
    (s) => s.write('+OK Mail Doctor lab POP3 simulator ready'),
    (line, s) => {
      const [verbRaw = '', ...rest] = line.split(' ');
      const verb = verbRaw.toUpperCase();
      if (verb === 'CAPA') {
        s.write('+OK Capability list follows');
        for (const c of o.capa ?? ['USER', 'SASL PLAIN', ...(o.mode === 'starttls' && !s.secure ? ['STLS'] : [])]) s.write(c);
        s.write('.');
      } else if (verb === 'STLS' && o.mode === 'starttls' && !s.secure) {
        s.write('+OK Begin TLS negotiation');
        s.upgrade();
      } else if (verb === 'USER') {
        s.state.user = rest.join(' ');
        s.write('+OK');
      } else if (verb === 'PASS') {
        s.write(POP3_REPLY[simKind(s.state.user ?? '')]);
      } else if (verb === 'AUTH' && rest[1]) {
        s.write(POP3_REPLY[simKind(plainUser(rest[1]))]);
      } else if (verb === 'QUIT') {
        s.write('+OK Bye');
        s.end();
      } else {
        s.write('-ERR Unknown command');
      }
    },
  );
}

/** Sends one fixed banner, answers nothing, closes after `closeAfterMs` (a 421/BYE server hangs up). */
export function bannerServer(o: { address: string; port: number; banner: string; closeAfterMs?: number; tlsCert?: CertFiles }): Promise<Closable> {
  const onConn = (s: net.Socket): void => {
    s.write(o.banner + '\r\n');
    if (o.closeAfterMs !== undefined) setTimeout(() => s.end(), o.closeAfterMs);
  };
  const server = o.tlsCert ? tls.createServer(certOptions(o.tlsCert), onConn) : net.createServer(onConn);
  return listen(server, o.address, o.port);
}

/** Accepts and never says a word (a TLS port talked to in plaintext looks like this too). */
export function silentServer(address: string, port: number): Promise<Closable> {
  return listen(net.createServer(() => undefined), address, port);
}

/** Accepts, then answers with a TCP RST (a middlebox or a crashing server). */
export function resetServer(address: string, port: number): Promise<Closable> {
  return listen(
    net.createServer((s) => setTimeout(() => s.resetAndDestroy(), 20)),
    address,
    port,
  );
}

/** A web server on a mail port: silent until it gets a request, then answers HTTP. */
export function httpServer(address: string, port: number): Promise<Closable> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('not a mail server\n');
  });
  return listen(server, address, port);
}

/**
 * TLS server whose only cipher suites are PSK ones, which no ordinary client offers:
 * every handshake ends in a handshake-failure alert, with any TLS version.
 */
export function tlsFailServer(address: string, port: number): Promise<Closable> {
  const server = tls.createServer({
    ciphers: 'PSK-AES128-CBC-SHA256',
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.2',
    pskCallback: () => Buffer.alloc(16),
  } as tls.TlsOptions);
  server.on('tlsClientError', () => undefined);
  return listen(server, address, port);
}

/**
 * Relays to a Dovecot `haproxy = yes` listener and names `clientIp` as the client, so
 * Dovecot treats the connection as coming from outside (it trusts loopback otherwise).
 */
export function proxyRelay(o: { address: string; port: number; target: { address: string; port: number }; clientIp: string }): Promise<Closable> {
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: o.target.address, port: o.target.port });
    upstream.on('connect', () => {
      upstream.write(`PROXY TCP4 ${o.clientIp} ${o.address} ${40000 + Math.floor(Math.random() * 20000)} ${o.port}\r\n`);
      client.pipe(upstream).pipe(client);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return listen(server, o.address, o.port);
}

const BLACK_HOLE_CHILD = `
const net = require('net'); const fs = require('fs');
const [host, ...ports] = process.argv.slice(1);
const parent = process.ppid;
let left = ports.length;
for (const port of ports) {
  net.createServer().listen({ host, port: Number(port), backlog: 1 }, () => {
    if (--left > 0) return;
    fs.writeSync(1, 'ready\\n');
    // Block the event loop without burning CPU: libuv never accepts, the kernel queues fill.
    // Wake once a second only to exit if the lab process died without stopping us.
    const cell = new Int32Array(new SharedArrayBuffer(4));
    for (;;) {
      Atomics.wait(cell, 0, 0, 1000);
      if (process.ppid !== parent) process.exit(0);
    }
  });
}
`;

/**
 * Ports that drop SYNs, like a firewall DROP rule: one child process listens on each
 * with a backlog of 1 and never accepts; parked connections fill every queue, so later
 * connection attempts time out.
 */
export async function blackHole(address: string, port: number | readonly number[]): Promise<Closable & { pid?: number }> {
  const ports = typeof port === 'number' ? [port] : [...port];
  const child: ChildProcess = spawn(process.execPath, ['-e', BLACK_HOLE_CHILD, address, ...ports.map(String)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`lab: black hole on ${address}:${ports.join(',')} exited (${code}): ${err}`)));
  });
  const parked: net.Socket[] = [];
  for (const p of ports) {
    for (let i = 0; i < 3; i++) {
      const s = net.connect({ host: address, port: p });
      s.on('error', () => undefined);
      parked.push(s);
    }
  }
  await new Promise((r) => setTimeout(r, 100));
  return {
    ...(child.pid ? { pid: child.pid } : {}),
    close: async () => {
      parked.forEach((s) => s.destroy());
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
