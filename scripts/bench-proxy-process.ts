/**
 * The benchmark's latency proxies in a process of their own: the network is not in the
 * client's process, so relaying 60 connections of a 20-account batch (timers, copies) must not
 * take the product's one JavaScript thread. Run by scripts/bench-env.ts through fork(); it
 * answers each request message with one reply.
 */
import { startLatencyProxy, type ConnectionStats, type LatencyProxy, type LatencyRoute } from '../test/lab/latency-proxy';

export type ProxyRequest =
  | { op: 'start'; addresses: string[]; oneWayMs: number; routes: LatencyRoute[] }
  | { op: 'connections' }
  | { op: 'reset' }
  | { op: 'close' };

export type ProxyReply = { ok: true; connections?: ConnectionStats[] } | { ok: false; error: string };

let proxies: LatencyProxy[] = [];

async function handle(m: ProxyRequest): Promise<ProxyReply> {
  switch (m.op) {
    case 'start':
      await Promise.all(proxies.map((p) => p.close()));
      proxies = await Promise.all(m.addresses.map((address) => startLatencyProxy({ address, oneWayMs: m.oneWayMs, routes: m.routes })));
      return { ok: true };
    case 'connections':
      return { ok: true, connections: proxies.flatMap((p) => p.connections()) };
    case 'reset':
      proxies.forEach((p) => p.reset());
      return { ok: true };
    case 'close':
      await Promise.all(proxies.map((p) => p.close()));
      proxies = [];
      return { ok: true };
  }
}

if (process.send) {
  process.on('message', (m: ProxyRequest) => {
    handle(m).then(
      (r) => process.send?.(r),
      (e: unknown) => process.send?.({ ok: false, error: String(e) }),
    );
  });
  // The parent went away (a crashed bench): do not keep the proxy ports bound.
  process.on('disconnect', () => process.exit(0));
}
