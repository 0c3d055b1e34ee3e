/** TCP connect to one resolved address, with the outcome named (refused / timed out / unreachable / reset). */
import net from 'node:net';
import { StepError, errorCode, errorMessage, within } from './wait';

export interface ConnectOutcome {
  address: string;
  family: 4 | 6;
  socket?: net.Socket;
  /** ECONNREFUSED, ETIMEDOUT, ENETUNREACH, ... ; absent on success. */
  code?: string;
  message?: string;
  durationMs: number;
}

export async function connectTcp(address: string, family: 4 | 6, port: number, timeoutMs: number, signal?: AbortSignal): Promise<ConnectOutcome> {
  const started = Date.now();
  // No Nagle: the probe's writes are small and each waits for an answer; with Nagle a command
  // written right after the TLS handshake's last flight waited for that flight's ACK, a round trip.
  const socket = net.connect({ host: address, port, family, noDelay: true });
  try {
    await within(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('error', reject);
      }),
      timeoutMs,
      signal,
      `connect ${address}:${port}`,
      () => socket.destroy(),
    );
    socket.removeAllListeners('error');
    // A late RST after we finished with the socket must not crash the process.
    socket.on('error', () => undefined);
    return { address, family, socket, durationMs: Date.now() - started };
  } catch (e) {
    socket.destroy();
    return { address, family, code: errorCode(e) ?? 'EUNKNOWN', message: errorMessage(e), durationMs: Date.now() - started };
  }
}

export function isCancelled(e: unknown): boolean {
  return e instanceof StepError && e.code === 'ECANCELLED';
}
