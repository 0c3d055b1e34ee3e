/**
 * The socket between a STARTTLS go-ahead and the TLS handshake, with a tap on what the server
 * sends first. Node's TLS takes over a connected socket's native handle, so nothing read from it
 * afterwards is seen in JavaScript: the handshake runs over this stream instead, which passes
 * every byte through and judges the first ones by the one rule (`afterGoAhead`). Plaintext there,
 * queued with the go-ahead or arriving in a later packet while our hello is on its way, is never
 * handed to TLS: the stream ends at once and keeps the bytes as evidence.
 */
import type net from 'node:net';
import { Duplex } from 'node:stream';
import { afterGoAhead } from '../../shared/findings/classify';
import { showControls } from '../../shared/security/server-text';

/** Bytes kept as evidence of an injection: a line or two of an injected reply is under 500 bytes. */
export const MAX_INJECTION_EVIDENCE_BYTES = 500;

export interface Injection {
  /** The injected bytes shown safely (controls as `\x1b`, line breaks kept), at most MAX_INJECTION_EVIDENCE_BYTES of them. */
  text: string;
  bytes: number;
  /** 'go-ahead': in the same read as the go-ahead; 'later': after it, while the client started TLS. */
  arrived: 'go-ahead' | 'later';
}

export class StarttlsTap extends Duplex {
  private head = Buffer.alloc(0);
  private judged: 'tls' | 'plaintext' | 'undecided' = 'undecided';
  private found: Injection | null = null;
  private readonly onData = (d: Buffer): void => this.inspect(d, 'later');
  private readonly onEnd = (): void => void this.push(null);
  private readonly onError = (e: Error): void => void this.destroy(e);
  private readonly onClose = (): void => void this.destroy();

  /** `queued`: what the line reader had received but not read when it handed the socket over. */
  constructor(
    private readonly raw: net.Socket,
    queued: Buffer,
  ) {
    super({ allowHalfOpen: false });
    if (queued.length > 0) this.inspect(queued, 'go-ahead');
    if (this.found) {
      raw.destroy();
      return;
    }
    raw.on('data', this.onData);
    raw.on('end', this.onEnd);
    raw.on('error', this.onError);
    raw.on('close', this.onClose);
  }

  /** The plaintext the server sent after the go-ahead, if it did. */
  get injection(): Injection | null {
    return this.found;
  }

  private inspect(d: Buffer, arrived: Injection['arrived']): void {
    if (this.found) return;
    if (this.judged === 'undecided') {
      this.head = Buffer.concat([this.head, d]);
      this.judged = afterGoAhead(this.head);
      if (this.judged === 'plaintext') {
        const kept = this.head.subarray(0, MAX_INJECTION_EVIDENCE_BYTES);
        this.found = { text: showControls(kept.toString('utf8'), { keepLines: true }), bytes: this.head.length, arrived };
        this.head = Buffer.alloc(0);
        // Ended without an error event (nobody may listen yet): TLS sees a close; the caller asks `injection`.
        this.destroy();
        return;
      }
      if (this.judged === 'tls') this.head = Buffer.alloc(0);
    }
    if (!this.push(d)) this.raw.pause();
  }

  override _read(): void {
    if (!this.raw.destroyed) this.raw.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    if (this.raw.destroyed) return cb();
    this.raw.write(chunk, () => cb());
  }

  override _final(cb: (e?: Error | null) => void): void {
    this.raw.end();
    cb();
  }

  override _destroy(e: Error | null, cb: (e?: Error | null) => void): void {
    this.raw.off('data', this.onData);
    this.raw.off('end', this.onEnd);
    this.raw.off('error', this.onError);
    this.raw.off('close', this.onClose);
    this.raw.on('error', () => undefined);
    this.raw.destroy();
    cb(e);
  }
}
