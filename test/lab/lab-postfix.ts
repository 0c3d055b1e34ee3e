/**
 * A private Postfix instance for the lab: its own main.cf/master.cf,
 * queue and data directories, no DNS, no delivery (`default_transport = discard`).
 * SASL goes through the lab Dovecot's auth socket, so the same users log in.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitForPort } from './lab-process';
import type { CertFiles } from './lab-certs';

const run = promisify(execFile);

export interface SmtpdListener {
  address: string;
  port: number;
  /** Implicit TLS (port 465 style). */
  wrapper?: boolean;
  /** Offer STARTTLS (`may`) or not at all (`none`). */
  tls: 'may' | 'none' | 'wrapper';
  /** Offer AUTH (through Dovecot). */
  sasl: boolean;
  /** Refuse MAIL FROM addresses the login does not own (`reject_sender_login_mismatch`). */
  senderLoginCheck: boolean;
}

export interface PostfixSpec {
  dir: string;
  cert: CertFiles;
  saslSocket: string;
  /** address → login that owns it (smtpd_sender_login_maps). */
  senders: Record<string, string>;
  listeners: SmtpdListener[];
}

export interface PostfixHandle {
  stop(): Promise<void>;
  log(): Promise<string>;
}

function listenerLine(l: SmtpdListener): string {
  const o: string[] = [
    `-o syslog_name=postfix/lab-${l.port}`,
    `-o smtpd_sasl_auth_enable=${l.sasl ? 'yes' : 'no'}`,
    `-o smtpd_tls_security_level=${l.tls === 'none' ? 'none' : 'may'}`,
    `-o smtpd_tls_wrappermode=${l.tls === 'wrapper' ? 'yes' : 'no'}`,
    // Credentials only over TLS, as every real submission server does.
    '-o smtpd_tls_auth_only=yes',
    `-o smtpd_sender_restrictions=${l.senderLoginCheck ? 'reject_sender_login_mismatch' : ''}`,
    '-o smtpd_relay_restrictions=permit_sasl_authenticated,reject_unauth_destination',
    '-o smtpd_recipient_restrictions=permit_sasl_authenticated,reject_unauth_destination',
  ];
  return `${l.address}:${l.port} inet n - n - - smtpd\n  ${o.join('\n  ')}`;
}

const MASTER_BASE = `
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
`;

export async function startPostfix(spec: PostfixSpec): Promise<PostfixHandle> {
  const conf = path.join(spec.dir, 'conf');
  const queue = path.join(spec.dir, 'queue');
  const data = path.join(spec.dir, 'data');
  await fs.mkdir(conf, { recursive: true });
  await fs.mkdir(queue, { recursive: true });
  await fs.mkdir(data, { recursive: true });
  await fs.chmod(spec.dir, 0o755);
  const { stdout: uidOut } = await run('id', ['-u', 'postfix']);
  const pfUid = Number(uidOut.trim());
  await fs.chown(data, pfUid, 0);
  const senders = Object.entries(spec.senders).map(([addr, login]) => `${addr} ${login}`).join('\n') + '\n';
  await fs.writeFile(path.join(conf, 'senders'), senders);
  const maillog = path.join(spec.dir, 'maillog');
  const main = [
    'compatibility_level = 3.6',
    `queue_directory = ${queue}`,
    `data_directory = ${data}`,
    'command_directory = /usr/sbin',
    'daemon_directory = /usr/lib/postfix/sbin',
    'shlib_directory = /usr/lib/postfix',
    'meta_directory = /etc/postfix',
    'mail_owner = postfix',
    'setgid_group = postdrop',
    // Listeners name their own 127.x address in master.cf; Postfix accepts only interface addresses here.
    'inet_interfaces = loopback-only',
    'inet_protocols = ipv4',
    'myhostname = mail.lab.test',
    'mydomain = lab.test',
    'myorigin = lab.test',
    'mydestination =',
    'relay_domains =',
    'local_recipient_maps =',
    'alias_maps =',
    'alias_database =',
    // Never touch DNS or the network: everything accepted is thrown away.
    'default_transport = discard',
    'relay_transport = discard',
    'local_transport = discard',
    'smtpd_peername_lookup = no',
    'disable_dns_lookups = yes',
    'smtp_host_lookup = native',
    'biff = no',
    `maillog_file = ${maillog}`,
    `maillog_file_prefixes = ${spec.dir}`,
    `smtpd_tls_cert_file = ${spec.cert.cert}`,
    `smtpd_tls_key_file = ${spec.cert.key}`,
    'smtpd_sasl_type = dovecot',
    `smtpd_sasl_path = ${spec.saslSocket}`,
    `smtpd_sender_login_maps = texthash:${path.join(conf, 'senders')}`,
    'smtpd_banner = $myhostname ESMTP Mail Doctor lab',
    // No inflow throttle. Postfix's cleanup waits in_flow_delay (1 s) before taking a new message
    // whenever the queue manager has handed out no flow token, and it hands them out as it
    // delivers; the lab delivers nothing (every probe ends its envelope with RSET), so once a lab
    // had taken a few hundred envelopes every RCPT TO was answered 1 s late (the benchmark's 80 ms
    // round: +1 s on every product run and every swaks run). A provider's server delivers all the
    // time and does not hold a lone envelope check like that.
    'in_flow_delay = 0s',
    '',
  ].join('\n');
  await fs.writeFile(path.join(conf, 'main.cf'), main);
  await fs.writeFile(path.join(conf, 'master.cf'), MASTER_BASE + spec.listeners.map(listenerLine).join('\n') + '\n');
  try {
    await run('postfix', ['-c', conf, 'start'], { timeout: 20_000 });
    await Promise.all(spec.listeners.map((l) => waitForPort(l.address, l.port)));
  } catch (e) {
    const log = await fs.readFile(maillog, 'utf8').catch(() => '');
    await run('postfix', ['-c', conf, 'abort']).catch(() => undefined);
    throw new Error(`lab: postfix did not start: ${(e as Error).message}\n${log.slice(-3000)}`, { cause: e });
  }
  return {
    log: () => fs.readFile(maillog, 'utf8').catch(() => ''),
    stop: async () => {
      // `postfix stop` waits for the master to exit; `abort` is the fallback if it hangs.
      await run('postfix', ['-c', conf, 'stop'], { timeout: 10_000 }).catch(() => run('postfix', ['-c', conf, 'abort']).catch(() => undefined));
      const pidFile = path.join(queue, 'pid', 'master.pid');
      const pid = Number((await fs.readFile(pidFile, 'utf8').catch(() => '')).trim());
      if (pid > 0) {
        try {
          process.kill(pid, 0);
          process.kill(pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    },
  };
}
