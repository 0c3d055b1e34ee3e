/**
 * Fetches one small text document over HTTP(S) for autodiscovery, with a
 * deadline, a size cap and a bounded number of redirects. Never throws:
 * every outcome is a value the caller reports in `tried`.
 */
import http from 'node:http';
import https from 'node:https';
import type { Resolver } from 'node:dns/promises';
import { MAX_AUTOCONFIG_BYTES, MAX_REDIRECTS } from './deadlines';

export interface FetchOptions {
  timeoutMs: number;
  /** Extra CA certificates (PEM) to trust; tests use a local CA. */
  ca?: string | string[];
  signal?: AbortSignal;
  maxBytes?: number;
  /** Host-name lookup for the connection (net's `lookup` option); see resolverLookup. */
  lookup?: LookupFn;
}

type LookupFn = NonNullable<https.RequestOptions['lookup']>;

/**
 * A `lookup` for http(s).get that asks the given Resolver instead of the
 * system (getaddrinfo), so `--dns-server` applies to autoconfig fetches too.
 */
export function resolverLookup(resolver: Pick<Resolver, 'resolve4' | 'resolve6'>): LookupFn {
  return ((hostname: string, options: { all?: boolean; family?: number }, callback: (err: Error | null, address: unknown, family?: number) => void) => {
    const want6 = options?.family === 6;
    let timedOut = false;
    const none = (e: unknown) => {
      if ((e as NodeJS.ErrnoException)?.code === 'ETIMEOUT') timedOut = true;
      return [] as string[];
    };
    const v4 = want6 ? Promise.resolve([] as string[]) : resolver.resolve4(hostname).catch(none);
    const v6 = options?.family === 4 ? Promise.resolve([] as string[]) : resolver.resolve6(hostname).catch(none);
    void Promise.all([v4, v6]).then(([a4, a6]) => {
      const all = [...a4.map((address) => ({ address, family: 4 })), ...a6.map((address) => ({ address, family: 6 }))];
      if (all.length === 0) {
        const code = timedOut ? 'ETIMEOUT' : 'ENOTFOUND';
        const e = Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, hostname });
        return callback(e, options?.all ? [] : undefined);
      }
      if (options?.all) return callback(null, all);
      callback(null, all[0]!.address, all[0]!.family);
    });
  }) as unknown as LookupFn;
}

export type FetchOutcome =
  | { ok: true; body: string; finalUrl: string; /** every hop used https */ secure: boolean }
  | { ok: false; reason: string };

export async function fetchText(url: string, opts: FetchOptions): Promise<FetchOutcome> {
  const started = Date.now();
  let current = url;
  let secure = true;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const remaining = opts.timeoutMs - (Date.now() - started);
    if (remaining <= 0) return { ok: false, reason: `timed out after ${opts.timeoutMs} ms` };
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      return { ok: false, reason: `bad URL ${current}` };
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, reason: `unsupported scheme ${parsed.protocol}` };
    if (parsed.protocol === 'http:') secure = false;
    const res = await getOnce(parsed, { ...opts, timeoutMs: remaining });
    if (res.kind === 'error') return { ok: false, reason: res.reason };
    if (res.kind === 'redirect') {
      try {
        current = new URL(res.location, parsed).toString();
      } catch {
        return { ok: false, reason: 'bad redirect location' };
      }
      continue;
    }
    return { ok: true, body: res.body, finalUrl: current, secure };
  }
  return { ok: false, reason: `more than ${MAX_REDIRECTS} redirects` };
}

type Once = { kind: 'body'; body: string } | { kind: 'redirect'; location: string } | { kind: 'error'; reason: string };

function getOnce(url: URL, opts: FetchOptions): Promise<Once> {
  const maxBytes = opts.maxBytes ?? MAX_AUTOCONFIG_BYTES;
  return new Promise<Once>((resolve) => {
    let settled = false;
    const finish = (v: Once) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(v);
    };
    const onAbort = () => finish({ kind: 'error', reason: 'cancelled' });
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.get(
      url,
      {
        headers: { accept: 'application/xml, text/xml;q=0.9, */*;q=0.1', 'user-agent': 'MailDoctor-autodiscovery' },
        ...(url.protocol === 'https:' && opts.ca ? { ca: opts.ca } : {}),
        ...(opts.lookup ? { lookup: opts.lookup } : {}),
        // No keep-alive: each fetch is one request and must not hold the process open.
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return finish({ kind: 'redirect', location: res.headers.location });
        }
        if (status !== 200) {
          res.resume();
          return finish({ kind: 'error', reason: `HTTP ${status}` });
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) return finish({ kind: 'error', reason: `document larger than ${maxBytes} bytes` });
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) return finish({ kind: 'error', reason: `document larger than ${maxBytes} bytes` });
          chunks.push(c);
        });
        res.on('end', () => finish({ kind: 'body', body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => finish({ kind: 'error', reason: describe(e) }));
      },
    );
    req.on('error', (e) => finish({ kind: 'error', reason: describe(e) }));
    const timer = setTimeout(() => finish({ kind: 'error', reason: `timed out after ${opts.timeoutMs} ms` }), opts.timeoutMs);
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && err.code) {
    if (err.code === 'ENOTFOUND') return 'host not found';
    if (err.code === 'ECONNREFUSED') return 'connection refused';
    if (err.code === 'ETIMEOUT' || err.code === 'EAI_AGAIN') return 'DNS timed out';
    return err.code;
  }
  return e instanceof Error ? e.message : String(e);
}
