/**
 * Line-oriented reading over a socket for the pre-login stages we speak ourselves
 * (greeting, CAPABILITY/CAPA/EHLO, STARTTLS) and the POP3 client. Every read has a deadline.
 */
import type net from 'node:net';
import type { Transcript } from './transcript';
import { StepError, within } from './wait';

/** A server line longer than this is not a mail protocol line (a 1 MB banner is an attack or a bug). */
const MAX_BUFFER = 64 * 1024;

export class LineConn {
  private buf = '';
  private lines: string[] = [];
  private waiter: ((err?: Error) => void) | null = null;
  private closed: Error | null = null;
  private readonly onData = (d: Buffer): void => {
    this.buf += d.toString('latin1');
    let i: number;
    while ((i = this.buf.indexOf('\n')) >= 0) {
      const line = this.buf.slice(0, i).replace(/\r$/, '');
      this.buf = this.buf.slice(i + 1);
      this.lines.push(Buffer.from(line, 'latin1').toString('utf8'));
    }
    if (this.buf.length > MAX_BUFFER) {
      this.lines.push(this.buf.slice(0, 1000));
      this.buf = '';
    }
    this.wake();
  };
  private readonly onEnd = (): void => {
    this.closed = Object.assign(new Error('the server closed the connection'), { code: 'ECLOSED' });
    this.wake();
  };
  private readonly onError = (e: Error): void => {
    this.closed = e;
    this.wake();
  };

  constructor(
    readonly socket: net.Socket,
    private readonly tr: Transcript,
    private readonly signal?: AbortSignal,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  /** Bytes received but not yet a full line (used to show what a silent-then-odd server sent). */
  pending(): string {
    return this.buf;
  }

  async readLine(timeoutMs: number, what: string): Promise<string> {
    const next = async (): Promise<string> => {
      for (;;) {
        const l = this.lines.shift();
        if (l !== undefined) {
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
    return within(next(), timeoutMs, this.signal, what, () => this.wake());
  }

  write(line: string): void {
    this.tr.add('c', line);
    this.socket.write(line + '\r\n');
  }

  /** Stops reading so the socket can be handed to tls.connect (STARTTLS) or destroyed. */
  detach(): net.Socket {
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onEnd);
    this.socket.off('close', this.onEnd);
    this.socket.off('error', this.onError);
    this.socket.on('error', () => undefined);
    return this.socket;
  }

  /** SMTP reply: lines until "NNN " (RFC 5321 §4.2). */
  async readSmtpReply(timeoutMs: number, what: string): Promise<{ code: number; lines: string[]; text: string }> {
    const deadline = Date.now() + timeoutMs;
    const lines: string[] = [];
    for (;;) {
      const l = await this.readLine(Math.max(1, deadline - Date.now()), what);
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
    for (;;) {
      const l = await this.readLine(Math.max(1, deadline - Date.now()), what);
      if (l.startsWith(`${tag} `)) return { untagged, tagged: l };
      untagged.push(l);
    }
  }

  /** POP3 multi-line body after +OK, until ".". */
  async readPopMulti(timeoutMs: number, what: string): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    const out: string[] = [];
    for (;;) {
      const l = await this.readLine(Math.max(1, deadline - Date.now()), what);
      if (l === '.') return out;
      out.push(l.startsWith('..') ? l.slice(1) : l);
    }
  }

  destroy(): void {
    this.detach();
    this.socket.destroy();
  }
}
