/**
 * The real-server test lab: private Dovecot and Postfix instances, scripted fault
 * listeners, an openssl CA and a DNS server, all on loopback.
 *
 * Every lab host is its own 127.77.<slot>.x address and listens on the REAL standard
 * ports (993/143/995/110/465/587/25), so "try the other standard ports" works exactly as
 * against a real provider. The slot is picked at random and checked, so the Vitest lab and
 * a Playwright lab can run at the same time. Needs root (binding ports < 1024, and
 * Dovecot/Postfix drop privileges); see README.md in this folder.
 */
import { execFileSync, spawn } from 'node:child_process';
import { promises as fs, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { makeLabCerts } from './lab-certs';
import { startLabDns } from './lab-dns';
import { startDovecot, writeLegacyTlsOpensslConf, type DovecotListener } from './lab-dovecot';
import { startPostfix } from './lab-postfix';
import {
  bannerServer,
  blackHole,
  httpServer,
  imapSim,
  pop3Sim,
  proxyRelay,
  resetServer,
  silentServer,
  smtpSim,
  tlsFailServer,
  type Closable,
} from './lab-scripted';

export const LAB_DOMAIN = 'lab.test';

/** Last octet of each lab host inside its 127.77.<slot>.0/24 block. */
const HOST_OCTETS = {
  mail: 10,
  wrongName: 11,
  expired: 12,
  notYetValid: 13,
  selfSigned: 14,
  untrusted: 15,
  noStarttls: 16,
  plainRefused: 17,
  tls10: 18,
  busy: 19,
  relayDenied: 20,
  authRequired: 21,
  cloud: 30,
  unavailable: 31,
  silent: 32,
  notMail: 33,
  reset: 34,
  tlsFail: 35,
  closed: 36,
  mechs: 37,
  noAuth: 38,
  oauthOnly: 39,
  down: 40,
} as const;
export type LabHostKey = keyof typeof HOST_OCTETS | 'unreachable' | 'v6broken' | 'nxdomain' | 'servfail';

const HOST_NAMES: Record<LabHostKey, string> = {
  mail: 'mail.lab.test',
  wrongName: 'wrongname.lab.test',
  expired: 'expired.lab.test',
  notYetValid: 'future.lab.test',
  selfSigned: 'selfsigned.lab.test',
  untrusted: 'untrusted.lab.test',
  noStarttls: 'nostarttls.lab.test',
  plainRefused: 'plainrefused.lab.test',
  tls10: 'tls10.lab.test',
  busy: 'busy.lab.test',
  relayDenied: 'relay.lab.test',
  authRequired: 'authreq.lab.test',
  cloud: 'cloud.lab.test',
  unavailable: 'unavailable.lab.test',
  silent: 'silent.lab.test',
  notMail: 'notmail.lab.test',
  reset: 'reset.lab.test',
  tlsFail: 'tlsfail.lab.test',
  closed: 'closed.lab.test',
  mechs: 'mechs.lab.test',
  noAuth: 'noauth.lab.test',
  oauthOnly: 'oauth.lab.test',
  down: 'down.lab.test',
  unreachable: 'unreachable.lab.test',
  v6broken: 'v6broken.lab.test',
  nxdomain: 'nxdomain.lab.test',
  servfail: 'servfail.lab.test',
};

export interface LabHost {
  name: string;
  /** IPv4 address (for `unreachable`, the loopback broadcast address the kernel refuses to connect to). */
  ip: string;
}

export interface LabUser {
  email: string;
  user: string;
  password: string;
}

/** Everything a test (or the Playwright e2e) needs; plain JSON, so it can be passed through `provide` or a file. */
export interface LabInfo {
  domain: string;
  /** `full`: real servers on standard ports (root). `limited`: scripted listeners and DNS on high ports. */
  mode: 'full' | 'limited';
  limitedReason?: string;
  /** `127.0.0.1:<port>`: pass as `options.dnsServer` so lab names resolve. */
  dnsServer: string;
  caPem: string;
  caFile: string;
  hosts: Record<LabHostKey, LabHost>;
  users: { alice: LabUser; bob: LabUser; full: LabUser; nearFull: LabUser; busy: LabUser };
  ports: LabPorts;
  dir: string;
}

export interface Lab extends LabInfo {
  stop(): Promise<void>;
}

const USERS = {
  alice: { email: 'alice@lab.test', user: 'alice@lab.test', password: 'correct-horse-battery' },
  bob: { email: 'bob@lab.test', user: 'bob@lab.test', password: 'bob-staple-42' },
  full: { email: 'full@lab.test', user: 'full@lab.test', password: 'full-mailbox-1' },
  nearFull: { email: 'nearfull@lab.test', user: 'nearfull@lab.test', password: 'near-full-2' },
  busy: { email: 'busy@lab.test', user: 'busy@lab.test', password: 'busy-line-3' },
};

const STANDARD_PORTS = { imap: 143, imaps: 993, pop3: 110, pop3s: 995, submission: 587, smtps: 465, smtp: 25 };
type LabPorts = typeof STANDARD_PORTS;
/** Without root: the same layout on 10000 + the standard port (scripted listeners and DNS only). */
const HIGH_PORTS: LabPorts = { imap: 10143, imaps: 10993, pop3: 10110, pop3s: 10995, submission: 10587, smtps: 10465, smtp: 10025 };

function canBind(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ host: address, port, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

async function pickSlot(PORTS: LabPorts): Promise<number> {
  for (let i = 0; i < 40; i++) {
    const slot = 1 + Math.floor(Math.random() * 250);
    const probe = `127.77.${slot}.${HOST_OCTETS.mail}`;
    if ((await canBind(probe, PORTS.imaps)) && (await canBind(`127.77.${slot}.${HOST_OCTETS.cloud}`, PORTS.imaps))) return slot;
  }
  throw new Error('lab: no free 127.77.x.0/24 block found');
}

export interface StartLabOptions {
  /** Force the limited lab (scripted listeners and DNS on high ports) even as root. */
  limited?: boolean;
}

export async function startLab(opts: StartLabOptions = {}): Promise<Lab> {
  // Root: real standard ports, Dovecot and Postfix. Otherwise a limited lab: scripted listeners,
  // DNS and certificates on high ports; tests that need real servers or standard ports skip.
  const root = typeof process.getuid !== 'function' || process.getuid() === 0;
  const full = root && !opts.limited;
  const PORTS = full ? STANDARD_PORTS : HIGH_PORTS;
  const limitedReason = full ? undefined : `${root ? 'limited lab requested' : 'not running as root'}: no Dovecot/Postfix, ports are 10000 + the standard port`;
  const slot = await pickSlot(PORTS);
  const ip = (k: keyof typeof HOST_OCTETS): string => `127.77.${slot}.${HOST_OCTETS[k]}`;
  const hosts = {} as Record<LabHostKey, LabHost>;
  for (const k of Object.keys(HOST_OCTETS) as Array<keyof typeof HOST_OCTETS>) hosts[k] = { name: HOST_NAMES[k], ip: ip(k) };
  hosts.unreachable = { name: HOST_NAMES.unreachable, ip: '127.255.255.255' };
  hosts.v6broken = { name: HOST_NAMES.v6broken, ip: ip('mail') };
  hosts.nxdomain = { name: HOST_NAMES.nxdomain, ip: '' };
  hosts.servfail = { name: HOST_NAMES.servfail, ip: '' };

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'maildoctor-lab-'));
  await fs.chmod(dir, 0o755);
  const closers: Array<() => Promise<void>> = [];
  const childPids: number[] = [];
  const postfixConfs: string[] = [];
  // Last resort if the test runner dies without calling stop(): never leave servers behind.
  const onExit = (): void => {
    for (const pid of childPids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    for (const c of postfixConfs) {
      try {
        execFileSync('postfix', ['-c', c, 'abort'], { stdio: 'ignore', timeout: 5000 });
      } catch {
        /* gone */
      }
    }
    removeDirSync(dir);
  };
  process.once('exit', onExit);
  // Killed runner (Ctrl-C, CI timeout): clean up, then let the signal do what it would have done.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (sig: NodeJS.Signals): void => {
    onExit();
    for (const s of signals) process.removeListener(s, onSignal);
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  };
  for (const s of signals) process.on(s, onSignal);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    for (const s of signals) process.removeListener(s, onSignal);
    for (const c of closers.reverse()) await c().catch(() => undefined);
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  };

  try {
    const allIps = Object.values(hosts).map((h) => h.ip).filter((a) => a.startsWith('127.77.'));
    const certs = await makeLabCerts(path.join(dir, 'certs'), {
      dns: [HOST_NAMES.mail, `*.${LAB_DOMAIN}`, LAB_DOMAIN],
      ips: allIps,
      expiredName: HOST_NAMES.expired,
      notYetValidName: HOST_NAMES.notYetValid,
      selfSignedName: HOST_NAMES.selfSigned,
      untrustedName: HOST_NAMES.untrusted,
    });

    const L = (name: string, k: keyof typeof HOST_OCTETS, port: number, service: 'imap' | 'pop3', extra: Partial<DovecotListener> = {}): DovecotListener => ({
      name,
      address: ip(k),
      port,
      service,
      ...extra,
    });
    const saslSocket = path.join(dir, 'dovecot', 'run', 'auth-postfix');
    const dovecotMain = !full ? Promise.resolve() : startDovecot({
      dir: path.join(dir, 'dovecot'),
      defaultCert: certs.valid,
      perAddress: [
        { address: ip('wrongName'), cert: certs.wrongName },
        { address: ip('expired'), cert: certs.expired },
        { address: ip('notYetValid'), cert: certs.notYetValid },
        { address: ip('selfSigned'), cert: certs.selfSigned },
        { address: ip('untrusted'), cert: certs.missingIntermediate },
        { address: ip('noStarttls'), cert: null },
        // One IMAP session per user+IP on this address: a second login is refused while one is open.
        { address: ip('busy'), cert: certs.valid, settings: '  protocol imap {\n    mail_max_userip_connections = 1\n  }\n' },
      ],
      listeners: [
        L('mail_imap', 'mail', PORTS.imap, 'imap'),
        L('mail_imaps', 'mail', PORTS.imaps, 'imap', { ssl: true }),
        L('mail_pop3', 'mail', PORTS.pop3, 'pop3'),
        L('mail_pop3s', 'mail', PORTS.pop3s, 'pop3', { ssl: true }),
        L('wrong_imap', 'wrongName', PORTS.imap, 'imap'),
        L('wrong_imaps', 'wrongName', PORTS.imaps, 'imap', { ssl: true }),
        L('wrong_pop3s', 'wrongName', PORTS.pop3s, 'pop3', { ssl: true }),
        L('expired_imap', 'expired', PORTS.imap, 'imap'),
        L('expired_imaps', 'expired', PORTS.imaps, 'imap', { ssl: true }),
        L('future_imaps', 'notYetValid', PORTS.imaps, 'imap', { ssl: true }),
        L('self_imap', 'selfSigned', PORTS.imap, 'imap'),
        L('self_imaps', 'selfSigned', PORTS.imaps, 'imap', { ssl: true }),
        L('self_pop3s', 'selfSigned', PORTS.pop3s, 'pop3', { ssl: true }),
        L('untrusted_imaps', 'untrusted', PORTS.imaps, 'imap', { ssl: true }),
        L('busy_imaps', 'busy', PORTS.imaps, 'imap', { ssl: true }),
        L('nostarttls_imap', 'noStarttls', PORTS.imap, 'imap'),
        L('nostarttls_pop3', 'noStarttls', PORTS.pop3, 'pop3'),
        L('plainref_imap', 'plainRefused', 10143, 'imap', { haproxy: true }),
        L('plainref_pop3', 'plainRefused', 10110, 'pop3', { haproxy: true }),
      ],
      users: [
        { user: USERS.alice.user, password: USERS.alice.password },
        { user: USERS.bob.user, password: USERS.bob.password },
        // Dovecot quota units: K = KiB. 150 000 bytes > 100 KiB; 94 000 bytes ≈ 92 % of it.
        { user: USERS.full.user, password: USERS.full.password, quotaRule: '*:storage=100K', mailBytes: 150_000 },
        { user: USERS.nearFull.user, password: USERS.nearFull.password, quotaRule: '*:storage=100K', mailBytes: 94_000 },
        { user: USERS.busy.user, password: USERS.busy.password },
      ],
      saslSocket,
    }).then((p) => {
      if (p.child.pid) childPids.push(p.child.pid);
      closers.push(p.stop);
    });

    const legacyConf = path.join(dir, 'openssl-legacy.cnf');
    await writeLegacyTlsOpensslConf(legacyConf);
    const dovecotLegacy = !full ? Promise.resolve() : startDovecot({
      dir: path.join(dir, 'dovecot-tls10'),
      defaultCert: certs.validRsa,
      perAddress: [],
      listeners: [L('tls10_imaps', 'tls10', PORTS.imaps, 'imap', { ssl: true }), L('tls10_imap', 'tls10', PORTS.imap, 'imap')],
      users: [{ user: USERS.alice.user, password: USERS.alice.password }],
      opensslConf: legacyConf,
    }).then((p) => {
      if (p.child.pid) childPids.push(p.child.pid);
      closers.push(p.stop);
    });

    const dns = await startLabDns({
      a: Object.fromEntries(
        [
          ...(Object.keys(hosts) as LabHostKey[]).filter((k) => hosts[k].ip).map((k) => [hosts[k].name, [hosts[k].ip]]),
          ...['imap', 'pop', 'smtp'].map((p) => [`${p}.${LAB_DOMAIN}`, [ip('mail')]]),
        ],
      ),
      aaaa: { [HOST_NAMES.v6broken]: ['::1'] },
      mx: { [LAB_DOMAIN]: [{ exchange: HOST_NAMES.mail, priority: 10 }] },
      srv: {
        [`_imaps._tcp.${LAB_DOMAIN}`]: [{ target: HOST_NAMES.mail, port: PORTS.imaps, priority: 0, weight: 1 }],
        [`_submission._tcp.${LAB_DOMAIN}`]: [{ target: HOST_NAMES.mail, port: PORTS.submission, priority: 0, weight: 1 }],
        [`_pop3s._tcp.${LAB_DOMAIN}`]: [{ target: HOST_NAMES.mail, port: PORTS.pop3s, priority: 0, weight: 1 }],
      },
      servfail: [HOST_NAMES.servfail],
    });
    closers.push(dns.close);

    const scripted: Array<Promise<Closable>> = [
      imapSim({ address: ip('cloud'), port: PORTS.imaps, mode: 'tls', cert: certs.valid }),
      imapSim({ address: ip('cloud'), port: PORTS.imap, mode: 'starttls', cert: certs.valid }),
      smtpSim({ address: ip('cloud'), port: PORTS.smtps, mode: 'tls', cert: certs.valid }),
      smtpSim({ address: ip('cloud'), port: PORTS.submission, mode: 'starttls', cert: certs.valid }),
      pop3Sim({ address: ip('cloud'), port: PORTS.pop3s, mode: 'tls', cert: certs.valid }),
      pop3Sim({ address: ip('cloud'), port: PORTS.pop3, mode: 'starttls', cert: certs.valid }),
      bannerServer({ address: ip('unavailable'), port: PORTS.imap, banner: '* BYE Server shutting down for maintenance', closeAfterMs: 50 }),
      bannerServer({ address: ip('unavailable'), port: PORTS.imaps, banner: '* BYE Server shutting down for maintenance', closeAfterMs: 50, tlsCert: certs.valid }),
      bannerServer({ address: ip('unavailable'), port: PORTS.pop3, banner: '-ERR Server temporarily unavailable', closeAfterMs: 50 }),
      bannerServer({ address: ip('unavailable'), port: PORTS.submission, banner: '421 4.3.2 Service not available, closing transmission channel', closeAfterMs: 50 }),
      bannerServer({ address: ip('unavailable'), port: PORTS.smtps, banner: '421 4.7.0 Too many connections from your IP, try again later', closeAfterMs: 50, tlsCert: certs.valid }),
      silentServer(ip('silent'), PORTS.imap),
      silentServer(ip('silent'), PORTS.imaps),
      silentServer(ip('silent'), PORTS.pop3),
      silentServer(ip('silent'), PORTS.submission),
      bannerServer({ address: ip('notMail'), port: PORTS.imap, banner: 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3' }),
      httpServer(ip('notMail'), PORTS.submission),
      httpServer(ip('notMail'), PORTS.pop3),
      resetServer(ip('reset'), PORTS.imap),
      resetServer(ip('reset'), PORTS.imaps),
      resetServer(ip('reset'), PORTS.submission),
      tlsFailServer(ip('tlsFail'), PORTS.imaps),
      tlsFailServer(ip('tlsFail'), PORTS.smtps),
      imapSim({ address: ip('mechs'), port: PORTS.imaps, mode: 'tls', cert: certs.valid, capabilities: 'IMAP4rev1 AUTH=GSSAPI LOGINDISABLED' }),
      smtpSim({ address: ip('mechs'), port: PORTS.submission, mode: 'starttls', cert: certs.valid, authMechanisms: ['GSSAPI', 'NTLM'] }),
      pop3Sim({ address: ip('mechs'), port: PORTS.pop3s, mode: 'tls', cert: certs.valid, capa: ['SASL GSSAPI'] }),
      imapSim({ address: ip('oauthOnly'), port: PORTS.imaps, mode: 'tls', cert: certs.valid, capabilities: 'IMAP4rev1 AUTH=XOAUTH2 AUTH=OAUTHBEARER LOGINDISABLED' }),
      smtpSim({ address: ip('noAuth'), port: PORTS.submission, mode: 'starttls', cert: certs.valid, authMechanisms: [],
        unauthenticatedMailReply: '530 5.7.57 Client not authenticated to send mail. [TY2PR01CA0001.jpnprd01.prod.outlook.com]' }),
      blackHole(ip('mail'), PORTS.smtp),
      // A provider whose every port drops SYNs, as a server that is down behind its firewall looks from outside.
      blackHole(ip('down'), Object.values(PORTS)),
    ];
    if (full) {
      scripted.push(
        proxyRelay({ address: ip('plainRefused'), port: PORTS.imap, target: { address: ip('plainRefused'), port: 10143 }, clientIp: '192.0.2.77' }),
        proxyRelay({ address: ip('plainRefused'), port: PORTS.pop3, target: { address: ip('plainRefused'), port: 10110 }, clientIp: '192.0.2.77' }),
      );
    }
    const settled = await Promise.allSettled(scripted);
    for (const s of settled) {
      if (s.status !== 'fulfilled') continue;
      closers.push(s.value.close);
      const pid = (s.value as { pid?: number }).pid;
      if (pid) childPids.push(pid);
    }
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed && failed.status === 'rejected') throw failed.reason;

    await dovecotMain;
    await dovecotLegacy;
    if (full) {
      const postfix = await startPostfix({
        dir: path.join(dir, 'postfix'),
        cert: certs.valid,
        saslSocket,
        senders: { [USERS.alice.email]: USERS.alice.user, [USERS.bob.email]: USERS.bob.user },
        listeners: [
          { address: ip('mail'), port: PORTS.submission, tls: 'may', sasl: true, senderLoginCheck: true },
          { address: ip('mail'), port: PORTS.smtps, tls: 'wrapper', sasl: true, senderLoginCheck: true },
          { address: ip('noStarttls'), port: PORTS.submission, tls: 'none', sasl: false, senderLoginCheck: false },
          { address: ip('relayDenied'), port: PORTS.submission, tls: 'may', sasl: false, senderLoginCheck: false },
          // AUTH only over TLS, and no TLS here: AUTH is never offered, the sender check says "not logged in".
          { address: ip('authRequired'), port: PORTS.submission, tls: 'none', sasl: true, senderLoginCheck: true },
        ],
      });
      postfixConfs.push(path.join(dir, 'postfix', 'conf'));
      closers.push(postfix.stop);
    }
    const reaper = startReaper(childPids, postfixConfs, dir);
    closers.unshift(async () => {
      reaper.kill('SIGKILL');
    });

    return {
      domain: LAB_DOMAIN,
      mode: full ? 'full' : 'limited',
      ...(limitedReason ? { limitedReason } : {}),
      dnsServer: dns.server,
      caPem: certs.caPem,
      caFile: certs.caFile,
      hosts,
      users: USERS,
      ports: PORTS,
      dir,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Killed daemons may still be writing for a moment: retry the removal briefly. */
function removeDirSync(dir: string): void {
  for (let i = 0; i < 10; i++) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
      return;
    } catch {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

const REAPER = `
const { execFileSync } = require('child_process');
const fs = require('fs');
const [parent, pids, confs, dir] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
setInterval(() => {
  if (alive(parent)) return;
  for (const p of JSON.parse(pids)) { try { process.kill(p, 'SIGKILL'); } catch {} }
  for (const c of JSON.parse(confs)) { try { execFileSync('postfix', ['-c', c, 'abort'], { stdio: 'ignore', timeout: 5000 }); } catch {} }
  for (let i = 0; i < 10; i++) {
    try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 }); break; } catch { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); }
  }
  process.exit(0);
}, 1000);
`;

/**
 * Even SIGKILL of the test runner must not leave Dovecot/Postfix behind: a tiny watcher
 * process stops them once the lab's process is gone (stop() kills the watcher first).
 */
function startReaper(pids: number[], postfixConfs: string[], dir: string) {
  const child = spawn(process.execPath, ['-e', REAPER, String(process.pid), JSON.stringify(pids), JSON.stringify(postfixConfs), dir], { stdio: 'ignore' });
  child.unref();
  return child;
}

/** The JSON-safe part of a running lab. */
export function labInfo(lab: Lab): LabInfo {
  const { stop: _stop, ...info } = lab;
  return info;
}
