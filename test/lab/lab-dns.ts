/**
 * The lab's DNS server (dns2, UDP on 127.0.0.1:<free port>): serves the lab names,
 * NXDOMAIN for anything else, SERVFAIL for `servfail.<domain>`. Tests pass its address as
 * `options.dnsServer`, so no query ever leaves the machine.
 */
import dns2 from 'dns2';

const { Packet } = dns2;
// RFC 1035 §4.1.1 response codes (dns2's typings lack Packet.RCODE).
const RCODE = { SERVFAIL: 2, NXDOMAIN: 3 } as const;

export interface LabZone {
  a: Record<string, string[]>;
  aaaa: Record<string, string[]>;
  mx: Record<string, Array<{ exchange: string; priority: number }>>;
  srv: Record<string, Array<{ target: string; port: number; priority: number; weight: number }>>;
  servfail: string[];
}

export interface LabDns {
  host: string;
  port: number;
  /** `host:port`, the form `options.dnsServer` takes. */
  server: string;
  /** Queries answered so far (name → count); lets a test prove the lab DNS was asked. */
  queries: Map<string, number>;
  close(): Promise<void>;
}

export async function startLabDns(zone: LabZone): Promise<LabDns> {
  const queries = new Map<string, number>();
  const known = (name: string): boolean =>
    name in zone.a || name in zone.aaaa || name in zone.mx || name in zone.srv;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [q] = request.questions;
      if (!q) return send(response);
      const name = q.name.toLowerCase().replace(/\.$/, '');
      queries.set(name, (queries.get(name) ?? 0) + 1);
      if (zone.servfail.includes(name)) {
        response.header.rcode = RCODE.SERVFAIL;
        return send(response);
      }
      if (!known(name)) {
        response.header.rcode = RCODE.NXDOMAIN;
        return send(response);
      }
      const base = { name: q.name, class: Packet.CLASS.IN, ttl: 30 };
      const add = (rec: Record<string, unknown>): void => void response.answers.push(rec as unknown as (typeof response.answers)[number]);
      if (q.type === Packet.TYPE.A) for (const address of zone.a[name] ?? []) add({ ...base, type: Packet.TYPE.A, address });
      if (q.type === Packet.TYPE.AAAA) for (const address of zone.aaaa[name] ?? []) add({ ...base, type: Packet.TYPE.AAAA, address });
      if (q.type === Packet.TYPE.MX) for (const m of zone.mx[name] ?? []) add({ ...base, type: Packet.TYPE.MX, exchange: m.exchange, priority: m.priority });
      if (q.type === Packet.TYPE.SRV) for (const s of zone.srv[name] ?? []) add({ ...base, type: Packet.TYPE.SRV, ...s });
      send(response);
    },
  });
  const info = await new Promise<{ port: number }>((resolve, reject) => {
    server.on('listening', () => {
      const addrs = server.addresses() as { udp?: { port: number } };
      resolve({ port: addrs.udp?.port ?? 0 });
    });
    server.on('error', reject);
    void server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  });
  return {
    host: '127.0.0.1',
    port: info.port,
    server: `127.0.0.1:${info.port}`,
    queries,
    close: async () => {
      await server.close();
    },
  };
}
