/**
 * Private Dovecot instances for the lab.
 *
 * One instance serves most hosts: each lab host is its own loopback address, and a
 * `local <ip> { ... }` block gives it its own certificate (or no TLS at all). A second
 * instance runs with an OpenSSL config that allows only TLS 1.0/1.1, since Dovecot 2.3
 * has no maximum-protocol setting.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { spawnServer, waitForPort, type Spawned } from './lab-process';
import type { CertFiles } from './lab-certs';

export interface DovecotUser {
  user: string;
  password: string;
  /** Dovecot quota rule, e.g. `*:storage=100K`. */
  quotaRule?: string;
  /** Bytes of mail to put into INBOX before start (for quota tests). */
  mailBytes?: number;
}

export interface DovecotListener {
  name: string;
  address: string;
  port: number;
  service: 'imap' | 'pop3';
  ssl?: boolean;
  haproxy?: boolean;
}

export interface DovecotSpec {
  dir: string;
  defaultCert: CertFiles;
  /** Per-address TLS settings; `null` turns TLS off for that address (no STARTTLS offered). */
  perAddress: Array<{ address: string; cert: CertFiles | null; /** Extra settings inside the `local` block. */ settings?: string }>;
  listeners: DovecotListener[];
  users: DovecotUser[];
  /** Path of an OpenSSL config to force on the instance (TLS 1.0/1.1-only server). */
  opensslConf?: string;
  /** Unix socket for Postfix SASL (absolute path), if Postfix authenticates through this instance. */
  saslSocket?: string;
}

/** The uid/gid Dovecot runs mail processes as (nobody/nogroup): it refuses root. */
export const MAIL_UID = 65534;

function listenerBlock(l: DovecotListener): string {
  return [
    `  inet_listener ${l.name} {`,
    `    address = ${l.address}`,
    `    port = ${l.port}`,
    l.ssl ? '    ssl = yes' : '',
    l.haproxy ? '    haproxy = yes' : '',
    '  }',
  ].filter(Boolean).join('\n');
}

async function writeMail(dir: string, bytes: number): Promise<void> {
  const cur = path.join(dir, 'Maildir', 'cur');
  await fs.mkdir(cur, { recursive: true });
  await fs.mkdir(path.join(dir, 'Maildir', 'new'), { recursive: true });
  await fs.mkdir(path.join(dir, 'Maildir', 'tmp'), { recursive: true });
  if (bytes > 0) {
    const body = 'x'.repeat(76) + '\r\n';
    const header = 'From: lab@lab.test\r\nTo: lab@lab.test\r\nSubject: filler\r\n\r\n';
    const text = header + body.repeat(Math.ceil(bytes / body.length));
    await fs.writeFile(path.join(cur, `1700000000.M1P1.lab,S=${Buffer.byteLength(text)}:2,S`), text);
  }
}

async function chownTree(p: string, uid: number): Promise<void> {
  await fs.chown(p, uid, uid);
  const st = await fs.stat(p);
  if (st.isDirectory()) for (const e of await fs.readdir(p)) await chownTree(path.join(p, e), uid);
}

export async function startDovecot(spec: DovecotSpec): Promise<Spawned> {
  const d = spec.dir;
  await fs.mkdir(path.join(d, 'run'), { recursive: true });
  await fs.mkdir(path.join(d, 'state'), { recursive: true });
  await fs.mkdir(path.join(d, 'home'), { recursive: true });
  await fs.chmod(d, 0o755);
  await fs.chmod(path.join(d, 'home'), 0o755);
  const userLines: string[] = [];
  for (const u of spec.users) {
    const home = path.join(d, 'home', u.user);
    await writeMail(home, u.mailBytes ?? 0);
    await chownTree(home, MAIL_UID);
    const extra = u.quotaRule ? `userdb_quota_rule=${u.quotaRule}` : '';
    userLines.push(`${u.user}:{PLAIN}${u.password}:${MAIL_UID}:${MAIL_UID}::${home}::${extra}`);
  }
  await fs.writeFile(path.join(d, 'users'), userLines.join('\n') + '\n');

  const byService = (s: 'imap' | 'pop3') => spec.listeners.filter((l) => l.service === s).map(listenerBlock).join('\n');
  const locals = spec.perAddress
    .map(({ address, cert, settings }) =>
      cert === null
        ? `local ${address} {\n  ssl = no\n${settings ?? ''}}`
        : `local ${address} {\n  ssl_cert = <${cert.cert}\n  ssl_key = <${cert.key}\n${settings ?? ''}}`,
    )
    .join('\n');
  const conf = [
    `base_dir = ${d}/run`,
    `state_dir = ${d}/state`,
    `log_path = ${d}/dovecot.log`,
    `instance_name = maildoctor-lab-${path.basename(d)}`,
    'protocols = imap pop3',
    `listen = ${spec.listeners[0]?.address ?? '127.0.0.1'}`,
    'ssl = yes',
    `ssl_cert = <${spec.defaultCert.cert}`,
    `ssl_key = <${spec.defaultCert.key}`,
    spec.opensslConf ? 'ssl_min_protocol = TLSv1' : '',
    spec.opensslConf ? 'ssl_cipher_list = DEFAULT@SECLEVEL=0' : '',
    spec.opensslConf ? `import_environment = TZ OPENSSL_CONF=${spec.opensslConf}` : '',
    // Loopback counts as "secure" to Dovecot anyway; the plaintext-refused host reaches it
    // through a PROXY-protocol relay that names a non-local client (Dovecot trusts a PROXY header only from haproxy_trusted_networks).
    'disable_plaintext_auth = yes',
    'auth_mechanisms = plain login',
    'haproxy_trusted_networks = 127.0.0.0/8',
    'mail_location = maildir:~/Maildir',
    'first_valid_uid = 1000',
    'last_valid_uid = 0',
    'default_login_user = dovenull',
    'default_internal_user = dovecot',
    'mail_plugins = quota',
    'protocol imap {',
    '  mail_plugins = $mail_plugins imap_quota',
    '}',
    'protocol pop3 {',
    '  pop3_uidl_format = %08Xu%08Xv',
    '}',
    'plugin {',
    '  quota = maildir:User quota',
    '  quota_rule = *:storage=1G',
    '}',
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${d}/users`,
    '}',
    'userdb {',
    '  driver = passwd-file',
    `  args = username_format=%u ${d}/users`,
    '}',
    // The stock listeners would bind 127.0.0.1:143/993: turn them off, only named ones open.
    'service imap-login {',
    '  inet_listener imap {\n    port = 0\n  }\n  inet_listener imaps {\n    port = 0\n  }',
    byService('imap'),
    '}',
    'service pop3-login {',
    '  inet_listener pop3 {\n    port = 0\n  }\n  inet_listener pop3s {\n    port = 0\n  }',
    byService('pop3'),
    '}',
    'service auth {',
    spec.saslSocket ? `  unix_listener ${path.relative(path.join(d, 'run'), spec.saslSocket)} {\n    mode = 0666\n  }` : '',
    '}',
    // No auth penalty: every test logs in from loopback, and the penalty (doubling up to 15 s
    // per failure, shared with Postfix's SASL lookups) would make timings depend on test order.
    // The ~2 s auth_failure_delay stays, as on real servers.
    'service anvil {',
    '  chroot =',
    '  unix_listener anvil-auth-penalty {\n    mode = 0\n  }',
    '}',
    locals,
    '',
  ].filter((l) => l !== '').join('\n');
  const confPath = path.join(d, 'dovecot.conf');
  await fs.writeFile(confPath, conf + '\n');
  const env = spec.opensslConf ? { ...process.env, OPENSSL_CONF: spec.opensslConf } : process.env;
  const proc = spawnServer('dovecot', ['-F', '-c', confPath], env);
  try {
    await Promise.all(spec.listeners.map((l) => waitForPort(l.address, l.port)));
  } catch (e) {
    const log = await fs.readFile(path.join(d, 'dovecot.log'), 'utf8').catch(() => '');
    await proc.stop();
    throw new Error(`${(e as Error).message}\n${proc.output()}\n${log.slice(-3000)}`, { cause: e });
  }
  return proc;
}

/** OpenSSL config that limits a process to TLS 1.0/1.1 (MaxProtocol TLSv1.1; SECLEVEL 0 so the old ciphers load). */
export async function writeLegacyTlsOpensslConf(file: string): Promise<void> {
  await fs.writeFile(
    file,
    [
      'openssl_conf = default_conf',
      '[default_conf]',
      'ssl_conf = ssl_sect',
      '[ssl_sect]',
      'system_default = system_default_sect',
      '[system_default_sect]',
      'MinProtocol = TLSv1',
      'MaxProtocol = TLSv1.1',
      'CipherString = DEFAULT@SECLEVEL=0',
      '',
    ].join('\n'),
  );
}
