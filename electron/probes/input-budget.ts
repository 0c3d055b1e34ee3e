/**
 * How much a server may send to one probe, over all of that probe's connections (the
 * pre-login reader, the second TLS check, the login library's socket). A server that sends
 * more is flooding: the probe ends with SERVER_FLOODING instead of buffering without end.
 */
import type net from 'node:net';
import { StepError } from './wait';

/** The error code of a flood (our own; Node has none). Classified as SERVER_FLOODING. */
export const FLOOD_CODE = 'EFLOOD';

/**
 * 4 MiB per probe. What a probe legitimately reads is a greeting, a capability list, a login
 * reply and a quota or envelope answer: a few KB even from the chattiest server (a 40-line EHLO
 * is 2 KB; a certificate chain is read by OpenSSL, which caps it at 100 KB itself). 4 MiB is a
 * thousand times that and still keeps four concurrent probes of a run far below the 256 MB the
 * app may use whatever a server sends.
 */
export const MAX_PROBE_INPUT_BYTES = 4 * 1024 * 1024;

export function floodError(message: string): StepError {
  return new StepError(FLOOD_CODE, message);
}

export class InputBudget {
  private used = 0;
  private exceededAt: string | null = null;

  constructor(readonly limit = MAX_PROBE_INPUT_BYTES) {}

  /** Counts `n` bytes; false once the probe has received more than its limit. */
  take(n: number): boolean {
    this.used += n;
    return this.used <= this.limit;
  }

  get bytes(): number {
    return this.used;
  }

  get exceeded(): boolean {
    return this.used > this.limit;
  }

  /** Where the flood was noticed (the step's name), for the finding's evidence. */
  markExceeded(where: string): void {
    this.exceededAt ??= where;
  }

  get where(): string | null {
    return this.exceededAt;
  }

  error(): StepError {
    return floodError(`the server sent more than ${Math.round(this.limit / 1024)} KiB to one probe${this.exceededAt ? ` (during ${this.exceededAt})` : ''}`);
  }

  /**
   * Caps a socket whose bytes a library reads (imapflow, nodemailer): counted as they arrive,
   * destroyed with EFLOOD once the probe's budget is spent. Returns a function that detaches.
   * A 'data' listener switches a paused stream to flowing, which would drop bytes the library
   * has not started reading yet: so it is attached only once the socket flows ('resume').
   */
  watch(socket: net.Socket, where: string): () => void {
    const onData = (d: Buffer): void => {
      if (this.take(d.length)) return;
      this.markExceeded(where);
      socket.off('data', onData);
      socket.destroy(this.error());
    };
    const attach = (): void => {
      socket.off('data', onData);
      socket.on('data', onData);
    };
    if (socket.readableFlowing) attach();
    else socket.once('resume', attach);
    return () => {
      socket.off('resume', attach);
      socket.off('data', onData);
    };
  }
}
