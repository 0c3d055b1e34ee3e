/**
 * The benchmark's network: the real-server lab (test/lab/) behind the latency proxy. Two proxy
 * addresses in the lab's 127.77.<slot>.0/24 block forward the mail ports of mail.lab.test:
 * `lat.lab.test` (port 25 closed: refused at once) and `latbh.lab.test` (port 25 drops SYNs,
 * as on a Japanese consumer line with OP25B). A DNS server of its own serves both names; the
 * lab's certificate covers `*.lab.test`, so TLS verifies end to end through the proxy.
 */
import { startLab, type Lab } from '../test/lab/lab';
import { startLabDns } from '../test/lab/lab-dns';
import { blackHole } from '../test/lab/lab-scripted';
import { startLatencyProxy, type ConnectionStats, type LatencyProxy } from '../test/lab/latency-proxy';

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
  connections(): ConnectionStats[];
  resetCounts(): void;
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
    let proxies: LatencyProxy[] = [];
    const env: BenchEnv = {
      lab,
      dnsServer: dns.server,
      lat,
      latbh,
      rttMs: -1,
      async setRtt(rttMs) {
        await Promise.all(proxies.map((p) => p.close()));
        const routes = FORWARDED.map((port) => ({ port, target: { host: lab.hosts.mail.ip, port } }));
        proxies = await Promise.all([lat.ip, latbh.ip].map((address) => startLatencyProxy({ address, oneWayMs: rttMs / 2, routes })));
        env.rttMs = rttMs;
      },
      connections: () => proxies.flatMap((p) => p.connections()),
      resetCounts: () => proxies.forEach((p) => p.reset()),
      async stop() {
        await Promise.all(proxies.map((p) => p.close()));
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
