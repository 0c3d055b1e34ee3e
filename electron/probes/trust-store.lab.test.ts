/**
 * An intercepting listener in front of the lab's real Dovecot: it re-signs the server's
 * certificate (same subject and names) with an "antivirus" root that sits only in a private
 * "OS store" file the test points MAIL_DOCTOR_OS_STORE at, and relays the decrypted bytes —
 * what a mail shield does. The chain seen through it is trusted by the OS store only and its
 * issuer names the product; the chain seen directly is not (the lab CA is in neither store).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchInspectionProduct } from '../../shared/interception/inspection-products';
import { labOrNull, labSkipReason } from '../../test/lab/lab-context';
import { loadOsStore, whoTrusts } from './trust-store';
import { peerChain } from '../../test/lab/intercept-proxy';

const lab = labOrNull();
const run = promisify(execFile);


describe.skipIf(!lab)(`OS store vs bundled roots through an intercepting listener ${lab ? '' : labSkipReason()}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'md-intercept-'));
  let proxy: tls.Server;
  let proxyPort = 0;
  const upstream = { host: lab?.hosts.mail.ip ?? '', port: lab?.ports.imaps ?? 0, name: lab?.hosts.mail.name ?? '' };

  beforeAll(async () => {
    const o = (args: string[]) => run('openssl', args, { cwd: dir });
    // The shield's own root: what the product installs into the OS store.
    await o(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'shield.key', '-out', 'shield.pem', '-days', '30', '-subj', '/O=avast! Web\\/Mail Shield/CN=avast! Web\\/Mail Shield Root', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign']);
    // The real server's certificate, re-signed: same subject and names, the shield as issuer.
    const real = (await peerChain(upstream.host, upstream.port, upstream.name))[0]!;
    writeFileSync(join(dir, 'real.pem'), real.toString());
    await o(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=' + upstream.name]);
    writeFileSync(join(dir, 'leaf.ext'), `subjectAltName=${(real.subjectAltName ?? '').replace(/IP Address:/g, 'IP:')}\nbasicConstraints=CA:FALSE\n`);
    await o(['x509', '-req', '-in', 'leaf.csr', '-CA', 'shield.pem', '-CAkey', 'shield.key', '-set_serial', '7', '-days', '30', '-extfile', 'leaf.ext', '-out', 'leaf.pem']);
    // The private "OS store": the system's own roots are not needed for this question.
    writeFileSync(join(dir, 'os-store.pem'), readFileSync(join(dir, 'shield.pem')));
    proxy = tls.createServer({ key: readFileSync(join(dir, 'leaf.key')), cert: Buffer.concat([readFileSync(join(dir, 'leaf.pem')), readFileSync(join(dir, 'shield.pem'))]) }, (client) => {
      const up = tls.connect({ host: upstream.host, port: upstream.port, servername: upstream.name, ca: lab!.caPem });
      client.pipe(up).pipe(client);
      const end = (): void => {
        client.destroy();
        up.destroy();
      };
      client.on('error', end).on('close', end);
      up.on('error', end).on('close', end);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyPort = (proxy.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('through the shield: only the OS store trusts the chain, and the issuer names the product', async () => {
    const os = await loadOsStore({ MAIL_DOCTOR_OS_STORE: join(dir, 'os-store.pem') });
    expect(os.source).toBe('override');
    const chain = await peerChain('127.0.0.1', proxyPort, upstream.name);
    expect(chain[0]!.checkHost(upstream.name)).toBe(upstream.name);
    expect(whoTrusts(chain, os)).toEqual({ bundled: false, os: true, osSource: 'override', anchor: expect.stringContaining('avast! Web/Mail Shield Root') });
    expect(matchInspectionProduct(chain[0]!.issuer)?.id).toBe('avast');
  });

  it('the real server directly: neither store trusts the lab CA, and no product is named', async () => {
    const os = await loadOsStore({ MAIL_DOCTOR_OS_STORE: join(dir, 'os-store.pem') });
    const chain = await peerChain(upstream.host, upstream.port, upstream.name);
    expect(whoTrusts(chain, os)).toEqual({ bundled: false, os: false, osSource: 'override' });
    expect(matchInspectionProduct(chain[0]!.issuer)).toBeUndefined();
  });

  it('reads the system store on this machine honestly (Linux bundle or the runtime API)', async () => {
    const os = await loadOsStore({}, 'linux');
    expect(['system-api', 'linux-bundle']).toContain(os.source);
    expect(os.certs.length).toBeGreaterThan(10);
    const none = await loadOsStore({}, 'win32');
    expect(none.source === 'system-api' || (none.source === 'unavailable' && /cannot read the win32/.test(none.detail))).toBe(true);
  });
});
