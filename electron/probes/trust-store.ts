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
 * tls-inspect.ts asks `chainTrust()` after every handshake; shared/interception/interception.ts turns the
 * answer into the verdict and the TLS_INTERCEPTED finding (docs/tls-interception.md).
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import tls from 'node:tls';
import type { TlsTrust } from '../../shared/models/probe';

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

/** `c` is signed by `issuer`'s key; an odd key type the library cannot use counts as not signed. */
function signedBy(c: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return c.issuer === issuer.subject && c.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

interface AnchorIndex {
  byFingerprint: Map<string, X509Certificate>;
  /** The CA certificates by subject, in the store's order. */
  caBySubject: Map<string, X509Certificate[]>;
}

const indexes = new WeakMap<readonly X509Certificate[], AnchorIndex>();
/**
 * A store's certificates by fingerprint and by subject, built once per store: walking all ~140
 * roots for every certificate of every handshake (each X509Certificate getter is a call into
 * OpenSSL) cost about 15 % of the engine's CPU in a batch of 20 accounts at once. A store is
 * never changed after it is read, so the index stays true.
 */
function indexOf(anchors: readonly X509Certificate[]): AnchorIndex {
  let idx = indexes.get(anchors);
  if (!idx) {
    idx = { byFingerprint: new Map(), caBySubject: new Map() };
    for (const a of anchors) {
      if (!idx.byFingerprint.has(a.fingerprint256)) idx.byFingerprint.set(a.fingerprint256, a);
      if (!a.ca) continue;
      const same = idx.caBySubject.get(a.subject);
      if (same) same.push(a);
      else idx.caBySubject.set(a.subject, [a]);
    }
    indexes.set(anchors, idx);
  }
  return idx;
}

/**
 * The root in `anchors` that the chain (leaf first, as the server sent it) leads to, checking
 * each signature and validity, and that every issuer on the way is a CA; undefined when none
 * does. A certificate that is itself in `anchors` (a self-signed server certificate someone
 * told the OS to trust) is its own anchor.
 */
export function anchorFor(chain: readonly X509Certificate[], anchors: readonly X509Certificate[], now = new Date()): X509Certificate | undefined {
  const idx = indexOf(anchors);
  let cur = chain[0];
  for (let i = 0; cur && i < MAX_CHAIN; i++) {
    if (!valid(cur, now)) return undefined;
    const c = cur;
    const itself = idx.byFingerprint.get(c.fingerprint256);
    if (itself) return itself;
    // Only a CA whose subject is this certificate's issuer can have signed it (signedBy checks both).
    const anchor = idx.caBySubject.get(c.issuer)?.find((a) => valid(a, now) && signedBy(c, a));
    if (anchor) return anchor;
    cur = chain.find((n) => n !== c && n.ca && signedBy(c, n));
  }
  return undefined;
}

/** The chain the server sent, leaf first, as X509 objects (Node's peer object links issuers by reference). */
export function chainFromPeer(peer: tls.DetailedPeerCertificate | undefined): X509Certificate[] {
  const out: X509Certificate[] = [];
  const seen = new Set<string>();
  let c = peer;
  for (let i = 0; c && c.raw && i < MAX_CHAIN && !seen.has(c.fingerprint256); i++) {
    seen.add(c.fingerprint256);
    try {
      out.push(new X509Certificate(c.raw));
    } catch {
      break; // a certificate Node parsed but X509Certificate refuses: the walk stops there
    }
    c = c.issuerCertificate;
  }
  return out;
}

/** Node prints names one attribute a line; the rest of the evidence writes them "K=V, K=V". */
function oneLine(name: string): string {
  return name.split('\n').join(', ');
}

const stores = new Map<string, Promise<OsStore>>();
/**
 * The OS store, read once per process for each place it can come from (the override path, or
 * the system): the store does not change under a running diagnosis, and reading the Linux
 * bundle or the Windows store costs tens of milliseconds.
 */
export function osStore(env: Record<string, string | undefined> = process.env): Promise<OsStore> {
  const key = env.MAIL_DOCTOR_OS_STORE ?? '';
  let p = stores.get(key);
  if (!p) {
    p = loadOsStore(env);
    stores.set(key, p);
  }
  return p;
}

/**
 * Which store accepts the chain. `bundledOk` is Node's own verification (its bundled roots plus
 * a CA the user gave); the OS store is walked here. Never throws: a failure to judge is
 * "untrusted", so the certificate is never called good by accident.
 */
export async function chainTrust(peer: tls.DetailedPeerCertificate | undefined, bundledOk: boolean, now = new Date()): Promise<TlsTrust> {
  const os = await osStore();
  let chain: X509Certificate[] = [];
  try {
    chain = chainFromPeer(peer);
  } catch {
    /* judged as an empty chain: nothing trusts it */
  }
  const o = os.source === 'unavailable' ? undefined : anchorFor(chain, os.certs, now);
  // Node verified a bundled chain itself: its top certificate's issuer is the root it reached
  // (parsing Node's ~150 bundled roots again just to name it costs more than the handshake).
  const top = chain.at(-1);
  const anchor = bundledOk ? (top ? (top.subject === top.issuer ? top.subject : top.issuer) : undefined) : o?.subject;
  return {
    bundled: bundledOk,
    os: os.source === 'unavailable' ? 'unavailable' : o ? 'trusted' : 'untrusted',
    osSource: os.source,
    ...(anchor ? { anchor: oneLine(anchor) } : {}),
  };
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
