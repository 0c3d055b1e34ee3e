/**
 * The benchmark's network: the real-server lab (test/lab/) behind the latency proxy. Two proxy
 * addresses in the lab's 127.77.<slot>.0/24 block forward the mail ports of mail.lab.test:
 * `lat.lab.test` (port 25 closed: refused at once) and `latbh.lab.test` (port 25 drops SYNs,
 * as on a Japanese consumer line with OP25B). A DNS server of its own serves both names; the
  * lab's certificate covers `*.lab.test`, so TLS verifies end to end through the proxy. The
 * proxies run in a process of their own (bench-proxy-process.ts), as the network would.
 */
import { startLab, type Lab } from '../test/lab/lab';
import { startLabDns } from '../test/lab/lab-dns';
import { blackHole } from '../test/lab/lab-scripted';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ConnectionStats } from '../test/lab/latency-proxy';
import type { ProxyReply, ProxyRequest } from './bench-proxy-process';

/** Last octets of the two proxy addresses: outside the lab's own hosts (10–39). */
const LAT_OCTET = 50;
const LATBH_OCTET = 51;
/** The ports the proxy forwards (every standard mail port but 25). */
const FORWARDED = [143, 993, 110, 995, 587, 465];

export interface BenchEnv {
  lab: Lab;
  dnsServer: string;
  lat: { name: string; ip: string };
  latbh: { name: string; ip: string };
  /** Puts both proxies at this round-trip time (one-way = rtt / 2). */
  setRtt(rttMs: number): Promise<void>;
  rttMs: number;
  /** Connections both proxies accepted since the last reset. */
  connections(): Promise<ConnectionStats[]>;
  resetCounts(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchEnv(): Promise<BenchEnv> {
  const lab = await startLab();
  if (lab.mode !== 'full') {
    await lab.stop();
    throw new Error(`the benchmark needs the full lab (real Dovecot/Postfix on standard ports, root): ${lab.limitedReason ?? 'limited lab'}`);
  }
  const block = lab.hosts.mail.ip.split('.').slice(0, 3).join('.');
  const lat = { name: 'lat.lab.test', ip: `${block}.${LAT_OCTET}` };
  const latbh = { name: 'latbh.lab.test', ip: `${block}.${LATBH_OCTET}` };
  const closers: Array<() => Promise<void>> = [];
  try {
    const dns = await startLabDns({
      a: { [lat.name]: [lat.ip], [latbh.name]: [latbh.ip] },
      aaaa: {},
      mx: { [lab.domain]: [{ exchange: lat.name, priority: 10 }] },
      srv: {},
      servfail: [],
    });
    closers.push(dns.close);
    const hole = await blackHole(latbh.ip, 25);
    closers.push(hole.close);
    const proxy = await proxyProcess();
    closers.push(proxy.stop);
    const env: BenchEnv = {
      lab,
      dnsServer: dns.server,
      lat,
      latbh,
      rttMs: -1,
      async setRtt(rttMs) {
        const routes = FORWARDED.map((port) => ({ port, target: { host: lab.hosts.mail.ip, port } }));
        await proxy.ask({ op: 'start', addresses: [lat.ip, latbh.ip], oneWayMs: rttMs / 2, routes });
        env.rttMs = rttMs;
      },
      connections: async () => (await proxy.ask({ op: 'connections' })).connections ?? [],
      resetCounts: async () => void (await proxy.ask({ op: 'reset' })),
      async stop() {
        for (const c of closers.reverse()) await c();
        await lab.stop();
      },
    };
    return env;
  } catch (e) {
    for (const c of closers.reverse()) await c();
    await lab.stop();
    throw e;
  }
}

/** The proxies' own process (bench-proxy-process.ts), asked one request at a time. */
async function proxyProcess(): Promise<{ ask: (m: ProxyRequest) => Promise<Extract<ProxyReply, { ok: true }>>; stop: () => Promise<void> }> {
  const child: ChildProcess = fork(path.join(__dirname, 'bench-proxy-process.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let queue: Promise<unknown> = Promise.resolve();
  const ask = (m: ProxyRequest): Promise<Extract<ProxyReply, { ok: true }>> => {
    const p = queue.then(
      () =>
        new Promise<Extract<ProxyReply, { ok: true }>>((resolve, reject) => {
          const onExit = (): void => reject(new Error('bench: the latency proxy process exited'));
          child.once('exit', onExit);
          child.once('message', (r: ProxyReply) => {
            child.off('exit', onExit);
            if (r.ok) resolve(r);
            else reject(new Error(`bench: latency proxy: ${r.error}`));
          });
          child.send(m);
        }),
    );
    queue = p.catch(() => undefined);
    return p;
  };
  return {
    ask,
    stop: async () => {
      if (child.exitCode !== null) return;
      await ask({ op: 'close' }).catch(() => undefined);
      const exited = new Promise((r) => child.once('exit', r));
      child.disconnect();
      await exited;
    },
  };
}
