/**
 * The TCP stage: one address per family, concurrently; the first that connects carries the
 * probe. The other family finishes in the background so "IPv6 broken, IPv4 fine" is evidence.
 */
import type net from 'node:net';
import { classifyConnectError, suspectMacLocalNetworkBlock } from '../../shared/findings/classify';
import { TCP_CONNECT_TIMEOUT_MS } from './deadlines';
import type { HostResolution } from './dns-resolve';
import type { ProbeContext } from './probe-context';
import { Stop } from './probe-stop';
import type { Endpoint } from './protocols/dialect';
import { connectTcp, type ConnectOutcome } from './tcp-connect';
import { CANCELLED_CODE, within } from './wait';

export interface TcpStage {
  socket: net.Socket;
  endpoint: Endpoint;
  /** Records the IPv6-vs-IPv4 outcome once both attempts are in (call when the probe ends). */
  finish: () => Promise<void>;
}

export async function tcpStage(ctx: ProbeContext, dns: HostResolution): Promise<TcpStage> {
  const t = ctx.target;
  ctx.step('tcp', 'running');
  const picks = [dns.addresses.find((a) => a.family === 6), dns.addresses.find((a) => a.family === 4)].filter((a): a is NonNullable<typeof a> => !!a);
  const attempts = picks.map((a) => connectTcp(a.address, a.family, t.port, ctx.ms(TCP_CONNECT_TIMEOUT_MS), ctx.signal));
  // First address that connects wins; null when every attempt failed. An attempt that throws
  // (not a network outcome: a bug) fails the probe as internal, after closing what did connect.
  const winner = await new Promise<ConnectOutcome | null>((res, rej) => {
    let pending = attempts.length;
    for (const a of attempts) {
      void a.then(
        (o) => {
          if (o.socket) res(o);
          if (--pending === 0) res(null);
        },
        (e: unknown) => {
          void Promise.allSettled(attempts).then((rs) => rs.forEach((r) => r.status === 'fulfilled' && r.value.socket?.destroy()));
          rej(e);
        },
      );
    }
  });
  // The other family finishes in the background; its outcome is recorded at the end.
  const allDone = Promise.all(attempts).then((all) => {
    for (const o of all) {
      if (o.socket && o !== winner) o.socket.destroy();
      if (!ctx.addresses.some((x) => x.address === o.address)) ctx.addresses.push({ address: o.address, family: o.family, outcome: o.code ?? 'connected' });
    }
    return all;
  });
  // Observed at the end (finish) or below; never an unhandled rejection meanwhile.
  allDone.catch(() => undefined);
  if (!winner) {
    const all = await allDone;
    if (ctx.cancelled) throw new Stop();
    const main = all.find((o) => o.family === 4) ?? all[0];
    const code = main?.code === CANCELLED_CODE && ctx.budgetExpired ? 'ETIMEDOUT' : main?.code;
    const macLocalNetwork = suspectMacLocalNetworkBlock(code, main?.address, process.platform);
    ctx.add(classifyConnectError(code), {
      errorCode: code,
      message: main?.message,
      addresses: all.map((o) => o.address),
      durationMs: main?.durationMs,
      ...(macLocalNetwork ? { details: { macLocalNetwork: true } } : {}),
    });
    ctx.step('tcp', 'failed', code);
    throw new Stop();
  }
  const socket = winner.socket as net.Socket;
  ctx.cleanups.push(() => socket.destroy());
  ctx.turns.n++; // SYN → SYN-ACK
  ctx.step('tcp', 'ok', `${winner.address} (${winner.durationMs} ms)`);
  ctx.note(`connected to ${winner.address}:${t.port}`);
  const finish = async (): Promise<void> => {
    // IPv6 vs IPv4: only meaningful once both attempts are in.
    const all = await within(allDone, ctx.left(), undefined, 'other address family').catch(() => [] as ConnectOutcome[]);
    const v6 = all.find((o) => o.family === 6);
    const v4 = all.find((o) => o.family === 4);
    if (v6?.code && v4 && !v4.code && v6.code !== CANCELLED_CODE) {
      ctx.add('IPV6_UNREACHABLE', { errorCode: v6.code, message: v6.message, addresses: [v6.address, v4.address] });
    }
  };
  return { socket, endpoint: { address: winner.address, family: winner.family, port: t.port }, finish };
}
