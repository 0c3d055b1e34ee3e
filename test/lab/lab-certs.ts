/**
 * The lab's certificate authority and server certificates, made with the openssl CLI
 * (Debian 12: OpenSSL 3.0, which has no `x509 -not_before`, so back-dated and future
 * certificates go through `openssl ca -startdate/-enddate`).
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CertFiles {
  cert: string;
  key: string;
}

export interface LabCerts {
  dir: string;
  /** PEM of the lab root CA: trust it with `options.caPem`. */
  caPem: string;
  caFile: string;
  valid: CertFiles;
  wrongName: CertFiles;
  expired: CertFiles;
  notYetValid: CertFiles;
  selfSigned: CertFiles;
  /** Signed by an intermediate CA that the server does not send. */
  missingIntermediate: CertFiles;
  /** The RSA-keyed valid certificate (TLS 1.0 servers need a key type every old suite can use). */
  validRsa: CertFiles;
}

export interface CertNames {
  /** DNS names every lab host answers to (the valid certificate covers them). */
  dns: string[];
  ips: string[];
  expiredName: string;
  notYetValidName: string;
  selfSignedName: string;
  untrustedName: string;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function sanLine(dns: string[], ips: string[]): string {
  return 'subjectAltName=' + [...dns.map((d) => `DNS:${d}`), ...ips.map((i) => `IP:${i}`)].join(',');
}

async function leafExt(dir: string, name: string, dns: string[], ips: string[]): Promise<string> {
  const file = path.join(dir, `${name}.ext`);
  await fs.writeFile(
    file,
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      sanLine(dns, ips),
      '',
    ].join('\n'),
  );
  return file;
}

async function csr(dir: string, name: string, cn: string, rsa = false): Promise<void> {
  const keyArgs = rsa ? ['-newkey', 'rsa:2048', '-nodes'] : EC;
  await openssl(['req', '-new', ...keyArgs, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`], dir);
}

export async function makeLabCerts(dir: string, names: CertNames): Promise<LabCerts> {
  await fs.mkdir(dir, { recursive: true });
  await fs.mkdir(path.join(dir, 'newcerts'), { recursive: true });
  await fs.writeFile(path.join(dir, 'index.txt'), '');
  await fs.writeFile(path.join(dir, 'serial'), '1000\n');
  await fs.writeFile(
    path.join(dir, 'ca.cnf'),
    [
      '[ ca ]',
      'default_ca = lab',
      '[ lab ]',
      `database = ${dir}/index.txt`,
      `new_certs_dir = ${dir}/newcerts`,
      `serial = ${dir}/serial`,
      'default_md = sha256',
      'policy = pol',
      'unique_subject = no',
      'copy_extensions = none',
      '[ pol ]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  const caExt = path.join(dir, 'ca.ext');
  await fs.writeFile(caExt, 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n');

  // Root CA (trusted by tests through caPem), and an "unknown" intermediate below it.
  await openssl(['req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=Mail Doctor Lab Root CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  await csr(dir, 'inter', 'Mail Doctor Lab Intermediate CA');
  await openssl(['x509', '-req', '-in', 'inter.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '2', '-days', '3650', '-extfile', caExt, '-out', 'inter.pem'], dir);

  const signByCa = async (name: string, cn: string, dns: string[], ips: string[], rsa = false): Promise<CertFiles> => {
    await csr(dir, name, cn, rsa);
    const ext = await leafExt(dir, name, dns, ips);
    await openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', String(100 + name.length * 7 + (rsa ? 1 : 0)),
      '-days', '825', '-extfile', ext, '-out', `${name}.pem`], dir);
    return { cert: path.join(dir, `${name}.pem`), key: path.join(dir, `${name}.key`) };
  };
  const signDated = async (name: string, cn: string, dns: string[], ips: string[], start: string, end: string): Promise<CertFiles> => {
    await csr(dir, name, cn);
    const ext = await leafExt(dir, name, dns, ips);
    await openssl(['ca', '-batch', '-notext', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-startdate', start, '-enddate', end,
      '-extfile', ext, '-in', `${name}.csr`, '-out', `${name}.pem`], dir);
    return { cert: path.join(dir, `${name}.pem`), key: path.join(dir, `${name}.key`) };
  };

  const valid = await signByCa('valid', names.dns[0] ?? 'mail.lab.test', names.dns, names.ips);
  const validRsa = await signByCa('valid-rsa', names.dns[0] ?? 'mail.lab.test', names.dns, names.ips, true);
  // Names nothing in the lab answers to, and no IP: every lab name mismatches.
  const wrongName = await signByCa('wrong-name', 'other.example.net', ['other.example.net'], []);
  const expired = await signDated('expired', names.expiredName, [names.expiredName], names.ips, '20200101000000Z', '20210101000000Z');
  const notYetValid = await signDated('future', names.notYetValidName, [names.notYetValidName], names.ips, '20400101000000Z', '20410101000000Z');

  await openssl(['req', '-x509', ...EC, '-keyout', 'self.key', '-out', 'self.pem', '-days', '825', '-subj', `/CN=${names.selfSignedName}`,
    '-addext', sanLine([names.selfSignedName], names.ips)], dir);
  const selfSigned = { cert: path.join(dir, 'self.pem'), key: path.join(dir, 'self.key') };

  await csr(dir, 'untrusted', names.untrustedName);
  const untrustedExt = await leafExt(dir, 'untrusted', [names.untrustedName], names.ips);
  await openssl(['x509', '-req', '-in', 'untrusted.csr', '-CA', 'inter.pem', '-CAkey', 'inter.key', '-set_serial', '77', '-days', '825',
    '-extfile', untrustedExt, '-out', 'untrusted.pem'], dir);
  const missingIntermediate = { cert: path.join(dir, 'untrusted.pem'), key: path.join(dir, 'untrusted.key') };

  const caFile = path.join(dir, 'ca.pem');
  // Dovecot runs its login processes as an unprivileged user; keys stay readable to root only,
  // Dovecot reads them in the master (ssl_cert = <file) before dropping privileges.
  await fs.chmod(dir, 0o755);
  return { dir, caPem: await fs.readFile(caFile, 'utf8'), caFile, valid, validRsa, wrongName, expired, notYetValid, selfSigned, missingIntermediate };
}
