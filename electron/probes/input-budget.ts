/**
 * How much a server may send to one probe, over all of that probe's connections (the
 * pre-login reader, the second TLS check, the login library's socket). A server that sends
 * more is flooding: the probe ends with SERVER_FLOODING instead of buffering without end.
 */
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

/**
 * 5 000 server lines per probe. A probe reads a greeting, a capability list (up to ~30 lines,
 * twice with STARTTLS), a login and a quota or envelope answer: under 200 lines. Counting lines,
 * not only bytes, ends a flood of tiny lines (`* 1 EXISTS`) that a library parses slower than
 * 4 MiB arrive, before the probe's budget runs out.
 */
export const MAX_PROBE_INPUT_LINES = 5_000;

/**
 * Lines a probe may have read before its login: a greeting and a capability list, twice with
 * STARTTLS, is under 100 lines from the chattiest server. A reply still arriving past this many
 * when the budget runs out is a flood that a slow machine did not count to its cap in time, not
 * a server that "got no answer".
 */
export const PRE_LOGIN_LINES_SEEN_AS_FLOOD = 200;

export function floodError(message: string): StepError {
  return new StepError(FLOOD_CODE, message);
}

export class InputBudget {
  private used = 0;
  private lines = 0;
  private exceededAt: string | null = null;

  constructor(
    readonly limit = MAX_PROBE_INPUT_BYTES,
    readonly lineLimit = MAX_PROBE_INPUT_LINES,
  ) {}

  /** Counts one server line of `n` bytes (as a library logs it); false once either cap is passed. */
  takeLine(n: number): boolean {
    this.lines += 1;
    return this.take(n);
  }

  /** Counts `n` bytes; false once the probe has received more than its limit. */
  take(n: number): boolean {
    this.used += n;
    return !this.exceeded;
  }

  get bytes(): number {
    return this.used;
  }

  get lineCount(): number {
    return this.lines;
  }

  get exceeded(): boolean {
    return this.used > this.limit || this.lines > this.lineLimit;
  }

  /** Where the flood was noticed (the step's name), for the finding's evidence. */
  markExceeded(where: string): void {
    this.exceededAt ??= where;
  }

  get where(): string | null {
    return this.exceededAt;
  }

  error(): StepError {
    const what = this.lines > this.lineLimit ? `${this.lineLimit} lines` : `${Math.round(this.limit / 1024)} KiB`;
    return floodError(`the server sent more than ${what} to one probe${this.exceededAt ? ` (during ${this.exceededAt})` : ''}`);
  }
}
