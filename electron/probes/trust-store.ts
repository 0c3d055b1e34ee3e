/**
 * Which trust store accepts a server's certificate chain: Node's bundled roots (what the probes
 * verify against) or the operating system's store (what Outlook, Windows Mail and Apple Mail
 * use). An antivirus mail shield or a corporate TLS proxy puts its own root into the OS store
 * only, so "only the OS store trusts it" is the mark of interception — and then the server is
 * not to blame.
 *
 * The OS store, in order: `MAIL_DOCTOR_OS_STORE` (a PEM bundle; the tests point it at a private
 * store), `tls.getCACertificates('system')` where the runtime has it (Node ≥ 22.15 / Electron's
 * Node: Windows and macOS stores included), else on Linux the distribution's bundle file, else
 * unavailable with the reason (Node 20 on Windows/macOS cannot read the store).
 *
 * NOT YET WIRED into the probes' verdict or a finding: see docs/tls-interception.md.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import tls from 'node:tls';

export type OsStoreSource = 'override' | 'system-api' | 'linux-bundle' | 'unavailable';

export interface OsStore {
  source: OsStoreSource;
  certs: X509Certificate[];
  /** Where it was read from (file path or API), or why it could not be. */
  detail: string;
}

/** Distribution bundles (Debian/Ubuntu, Fedora/RHEL, Alpine/openSUSE). */
const LINUX_BUNDLES = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem', '/etc/ssl/ca-bundle.pem'];

/** A chain longer than this is not a real PKI path (public ones have 2–4 links); it bounds the walk. */
const MAX_CHAIN = 10;

export function parsePemBundle(pem: string): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)) {
    try {
      out.push(new X509Certificate(m[0]));
    } catch {
      /* a broken entry in a bundle is skipped, as OpenSSL does */
    }
  }
  return out;
}

type GetCa = (type: 'system') => string[];

export async function loadOsStore(env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): Promise<OsStore> {
  const override = env.MAIL_DOCTOR_OS_STORE;
  if (override) {
    try {
      return { source: 'override', certs: parsePemBundle(await readFile(override, 'utf8')), detail: override };
    } catch {
      return { source: 'unavailable', certs: [], detail: `cannot read ${override}` };
    }
  }
  const getCa = (tls as unknown as { getCACertificates?: GetCa }).getCACertificates;
  if (typeof getCa === 'function') {
    try {
      return { source: 'system-api', certs: parsePemBundle(getCa('system').join('\n')), detail: "tls.getCACertificates('system')" };
    } catch {
      /* fall through to the file */
    }
  }
  if (platform === 'linux') {
    for (const file of LINUX_BUNDLES) {
      try {
        return { source: 'linux-bundle', certs: parsePemBundle(await readFile(file, 'utf8')), detail: file };
      } catch {
        /* next candidate */
      }
    }
  }
  return { source: 'unavailable', certs: [], detail: `this runtime (Node ${process.versions.node}) cannot read the ${platform} certificate store` };
}

let bundled: X509Certificate[] | undefined;
/** Node's bundled Mozilla roots. */
export function bundledRoots(): X509Certificate[] {
  bundled ??= parsePemBundle(tls.rootCertificates.join('\n'));
  return bundled;
}

function valid(c: X509Certificate, now: Date): boolean {
  return new Date(c.validFrom) <= now && now <= new Date(c.validTo);
}

/**
 * The root in `anchors` that the chain (leaf first, as the server sent it) leads to, checking
 * each signature and validity; undefined when none does.
 */
export function anchorFor(chain: readonly X509Certificate[], anchors: readonly X509Certificate[], now = new Date()): X509Certificate | undefined {
  let cur = chain[0];
  for (let i = 0; cur && i < MAX_CHAIN; i++) {
    if (!valid(cur, now)) return undefined;
    const c = cur;
    const anchor = anchors.find((a) => a.subject === c.issuer && valid(a, now) && c.verify(a.publicKey));
    if (anchor) return anchor;
    cur = chain.find((n) => n !== c && n.subject === c.issuer && c.verify(n.publicKey));
  }
  return undefined;
}

export interface TrustAnswer {
  bundled: boolean;
  os: boolean;
  osSource: OsStoreSource;
  /** Subject of the root that accepted it (the OS one when only the OS store does). */
  anchor?: string;
}

export function whoTrusts(chain: readonly X509Certificate[], os: OsStore, now = new Date()): TrustAnswer {
  const b = anchorFor(chain, bundledRoots(), now);
  const o = anchorFor(chain, os.certs, now);
  const anchor = (o ?? b)?.subject;
  return { bundled: !!b, os: !!o, osSource: os.source, ...(anchor ? { anchor } : {}) };
}
