/**
 * Line-oriented reading over a socket for the pre-login stages we speak ourselves
 * (greeting, CAPABILITY/CAPA/EHLO, STARTTLS) and the POP3 client. Every read has a deadline,
 * and what a server can make us hold is capped: one line, one reply, the queue of lines not
 * yet read (the socket is paused while it is full) and the whole probe (InputBudget).
 */
import type net from 'node:net';
import { FLOOD_CODE, floodError, InputBudget } from './input-budget';
import type { Transcript } from './transcript';
import { StepError, within } from './wait';

/**
 * One server line. RFC 5321 limits an SMTP reply line to 512 octets; POP3 (RFC 2449) to 512;
 * IMAP has no limit but a capability or greeting line of real servers is under 2 KB. 64 KiB is
 * far beyond any of them: a longer line (a 1 MB banner without CRLF) is a flood.
 */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * Lines of one multi-line reply (an SMTP `250-` run, a POP3 CAPA list, IMAP untagged lines
 * before the tagged reply). Real EHLO/CAPA lists have 5–30 lines; a CAPABILITY answer 1–3.
 * 1 000 leaves room for chatty servers and still ends an endless `250-` reply at once.
 */
export const MAX_REPLY_LINES = 1_000;

/** Bytes of one multi-line reply: 1 000 ordinary lines are well under 256 KiB. */
export const MAX_REPLY_BYTES = 256 * 1024;

/**
 * Lines received but not read yet. Above this the socket is paused (TCP back-pressure makes the
 * server wait) until the reader has taken half of them; 200 lines or 256 KiB, whichever first.
 */
const QUEUE_HIGH_LINES = 200;
const QUEUE_HIGH_BYTES = 256 * 1024;

/** Round trips a probe spent: each wait for the server after the client spoke (pipelined commands count once). */
export interface TurnCounter {
  n: number;
}

/** A multi-line reply that stops mid-way keeps what had arrived on its error (see StepError.partialReply). */
function cutOff(lines: string[]): (e: unknown) => never {
  return (e) => {
    if (e instanceof StepError && lines.length > 0) e.partialReply = { lines: lines.slice(0, 20), count: lines.length };
    throw e;
  };
}

export class LineConn {
  /** Where this connection counts its round trips (the probe's counter). */
  turns?: TurnCounter;
  /** The client spoke (or connected) since the last line read: the next line read ends a round trip. */
  turnOpen = false;
  private buf = '';
  private lines: string[] = [];
  private queuedBytes = 0;
  private paused = false;
  private waiter: ((err?: Error) => void) | null = null;
  private closed: Error | null = null;
  private readonly onData = (d: Buffer): void => {
    if (this.closed) return;
    if (!this.budget.take(d.length)) return this.fail(this.budget.error());
    this.buf += d.toString('latin1');
    let i: number;
    while ((i = this.buf.indexOf('\n')) >= 0) {
      const line = this.buf.slice(0, i).replace(/\r$/, '');
      this.buf = this.buf.slice(i + 1);
      if (line.length > MAX_LINE_BYTES) return this.fail(floodError(`the server sent a line longer than ${MAX_LINE_BYTES / 1024} KiB`));
      this.lines.push(Buffer.from(line, 'latin1').toString('utf8'));
      this.queuedBytes += line.length;
      if (!this.budget.takeLine(0)) return this.fail(this.budget.error());
    }
    if (this.buf.length > MAX_LINE_BYTES) return this.fail(floodError(`the server sent more than ${MAX_LINE_BYTES / 1024} KiB without a line end`));
    if (!this.paused && (this.lines.length >= QUEUE_HIGH_LINES || this.queuedBytes >= QUEUE_HIGH_BYTES)) {
      this.paused = true;
      this.socket.pause();
    }
    this.wake();
  };
  private readonly onEnd = (): void => {
    this.closed ??= Object.assign(new Error('the server closed the connection'), { code: 'ECLOSED' });
    this.wake();
  };
  private readonly onError = (e: Error): void => {
    this.closed ??= e;
    this.wake();
  };
  /** Bytes taken off the socket: a per-probe budget shared by every connection of the probe. */
  readonly budget: InputBudget;

  constructor(
    readonly socket: net.Socket,
    private readonly tr: Transcript,
    private readonly signal?: AbortSignal,
    budget?: InputBudget,
  ) {
    this.budget = budget ?? new InputBudget();
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  /** A flood: nothing more is read; what is queued is dropped (it is the flood itself). */
  private fail(e: StepError): void {
    this.closed = e;
    this.lines = [];
    this.queuedBytes = 0;
    this.buf = this.buf.slice(0, 200);
    this.budget.markExceeded('reading a reply');
    this.socket.off('data', this.onData);
    this.socket.destroy();
    this.wake();
  }

  /** True once a cap was hit on this connection (the step's error carries EFLOOD). */
  get flooded(): boolean {
    return (this.closed as { code?: string } | null)?.code === FLOOD_CODE;
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  /** Bytes received but not yet a full line (used to show what a silent-then-odd server sent). */
  pending(): string {
    return this.buf.slice(0, 1000);
  }

  async readLine(timeoutMs: number, what: string): Promise<string> {
    // A read that timed out must not take a line meant for the next read.
    let gaveUp = false;
    const next = async (): Promise<string> => {
      for (;;) {
        if (gaveUp) throw new StepError('ECANCELLED', `${what}: abandoned`);
        const l = this.lines.shift();
        if (l !== undefined) {
          this.queuedBytes -= l.length;
          if (this.paused && this.lines.length < QUEUE_HIGH_LINES / 2 && this.queuedBytes < QUEUE_HIGH_BYTES / 2) {
            this.paused = false;
            this.socket.resume();
          }
          if (this.turnOpen && this.turns) this.turns.n++;
          this.turnOpen = false;
          this.tr.add('s', l);
          return l;
        }
        if (this.closed) {
          const e = this.closed;
          throw new StepError((e as { code?: string }).code ?? 'ECLOSED', e.message);
        }
        await new Promise<void>((r) => (this.waiter = () => r()));
      }
    };
    return within(next(), timeoutMs, this.signal, what, () => {
      gaveUp = true;
      this.wake();
    });
  }

  write(line: string): void {
    this.writeLines([line]);
  }

  /**
   * Pipelined commands in ONE write: written one by one, each after the first waits in the
   * kernel (Nagle) until the server's ACK of the previous one comes back, a round trip that
   * pipelining exists to save.
   */
  writeLines(lines: readonly string[]): void {
    this.turnOpen = true;
    for (const line of lines) this.tr.add('c', line);
    this.socket.write(lines.map((l) => l + '\r\n').join(''));
  }

  /** Stops reading so the socket can be handed to tls.connect (STARTTLS) or destroyed. */
  detach(): net.Socket {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    this.socket.on('error', () => undefined);
    if (this.paused) {
      this.paused = false;
      this.socket.resume();
    }
    return this.socket;
  }

  /**
   * Hands the socket over to TLS (STARTTLS) with what was received and not read, as bytes:
   * nothing the server sent is dropped unseen (see starttls-tap.ts, which judges it).
   */
  handOver(): { socket: net.Socket; queued: Buffer } {
    const queued = Buffer.concat([...this.lines.map((l) => Buffer.from(`${l}\r\n`, 'utf8')), Buffer.from(this.buf, 'latin1')]);
    this.lines = [];
    this.queuedBytes = 0;
    this.buf = '';
    return { socket: this.detach(), queued };
  }

  /** SMTP reply: lines until "NNN " (RFC 5321 §4.2). */
  async readSmtpReply(timeoutMs: number, what: string): Promise<{ code: number; lines: string[]; text: string }> {
    const deadline = Date.now() + timeoutMs;
    const lines: string[] = [];
    const cap = this.replyCap(what);
    for (;;) {
      const l = await this.readLine(Math.max(1, deadline - Date.now()), what).catch(cutOff(lines));
      cap(l);
      lines.push(l);
      const m = /^(\d{3})([ -]|$)/.exec(l);
      if (!m) return { code: 0, lines, text: lines.join('\n') };
      if (m[2] !== '-') return { code: Number(m[1]), lines, text: lines.join('\n') };
    }
  }

  /** IMAP: untagged lines until the tagged reply. */
  async readImapTagged(tag: string, timeoutMs: number, what: string): Promise<{ untagged: string[]; tagged: string }> {
    const deadline = Date.now() + timeoutMs;
    const untagged: string[] = [];
    const cap = this.replyCap(what);
    for (;;) {
      const l = await this.readLine(Math.max(1, deadline - Date.now()), what).catch(cutOff(untagged));
      if (l.startsWith(`${tag} `)) return { untagged, tagged: l };
      cap(l);
      untagged.push(l);
    }
  }

  /** POP3 multi-line body after +OK, until ".". */
  async readPopMulti(timeoutMs: number, what: string): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    const out: string[] = [];
    const cap = this.replyCap(what);
    for (;;) {
      const l = await this.readLine(Math.max(1, deadline - Date.now()), what).catch(cutOff(out));
      if (l === '.') return out;
      cap(l);
      out.push(l.startsWith('..') ? l.slice(1) : l);
    }
  }

  /** Counts the lines and bytes of one reply; past either cap the connection is a flood. */
  private replyCap(what: string): (line: string) => void {
    let n = 0;
    let bytes = 0;
    return (line) => {
      n += 1;
      bytes += line.length + 2;
      if (n <= MAX_REPLY_LINES && bytes <= MAX_REPLY_BYTES) return;
      const e = floodError(`${what}: the reply did not end within ${MAX_REPLY_LINES} lines / ${MAX_REPLY_BYTES / 1024} KiB`);
      this.fail(e);
      throw e;
    };
  }

  destroy(): void {
    this.detach();
    this.socket.destroy();
  }

  /** Sends a last line (LOGOUT/QUIT) and closes our side without waiting for its answer. */
  sendAndClose(line: string): void {
    this.tr.add('c', line);
    this.detach();
    this.socket.end(line + '\r\n');
  }
}
