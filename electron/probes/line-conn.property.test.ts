/**
 * Properties of the line reader and its reply parsers (fast-check): whatever lines a server
 * sends and however TCP cuts them into chunks (also inside a UTF-8 sequence), the reader
 * returns exactly those lines; arbitrary bytes never crash it or make it hold more than its caps.
 * The socket is a PassThrough stream: the property is about parsing, not the kernel.
 */
import type net from 'node:net';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOOD_CODE, InputBudget } from './input-budget';
import { LineConn, MAX_LINE_BYTES } from './line-conn';
import { Transcript } from './transcript';

function conn(budget?: InputBudget): { c: LineConn; feed: PassThrough } {
  const feed = new PassThrough();
  return { c: new LineConn(feed as unknown as net.Socket, new Transcript(Date.now(), undefined, undefined), undefined, budget), feed };
}

/** Cuts `bytes` at the given points (any byte offset, so also inside a multi-byte character). */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    if (c > prev) out.push(bytes.subarray(prev, c));
    prev = c;
  }
  return out;
}

/** A line as a server may send it: any Unicode except the line end, control characters and NUL included. */
const line = fc.string({ unit: fc.oneof(fc.constantFrom('\0', '\x1b', '\t', 'é', 'メ', '😀'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 120 }).map((s) => s.replace(/[\r\n]/g, ''));

describe('LineConn properties', () => {
  it('returns exactly the lines sent, for any chunking and CRLF or LF endings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 20 }), fc.boolean(), async (lines, cuts, lf) => {
        const { c, feed } = conn();
        const bytes = Buffer.from(lines.map((l) => l + (lf ? '\n' : '\r\n')).join(''), 'utf8');
        for (const ch of chunked(bytes, cuts)) feed.write(ch);
        const got: string[] = [];
        for (let i = 0; i < lines.length; i++) got.push(await c.readLine(1000, 'line'));
        c.destroy();
        expect(got).toEqual(lines);
      }),
      { numRuns: 150 },
    );
  });

  it('reads an SMTP multi-line reply to its last line and returns its code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 200, max: 599 }), fc.array(line, { minLength: 1, maxLength: 15 }), fc.array(fc.nat(), { maxLength: 10 }), async (code, texts, cuts) => {
        const { c, feed } = conn();
        const reply = texts.map((t, i) => `${code}${i === texts.length - 1 ? ' ' : '-'}${t}\r\n`).join('');
        for (const ch of chunked(Buffer.from(reply + '250 next\r\n', 'utf8'), cuts)) feed.write(ch);
        const r = await c.readSmtpReply(1000, 'reply');
        expect(r.code).toBe(code);
        expect(r.lines).toHaveLength(texts.length);
        // The next reply is still there for the next read.
        expect((await c.readSmtpReply(1000, 'next')).code).toBe(250);
        c.destroy();
      }),
      { numRuns: 100 },
    );
  });

  it('undoes POP3 dot-stuffing and stops at the lone dot; IMAP untagged lines end at the tagged reply', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 15 }), async (items) => {
        const a = conn();
        a.feed.write(items.map((l) => (l.startsWith('.') ? '.' + l : l) + '\r\n').join('') + '.\r\n');
        expect(await a.c.readPopMulti(1000, 'list')).toEqual(items);
        a.c.destroy();
        const b = conn();
        const untagged = items.map((l) => `* ${l}`);
        b.feed.write([...untagged, 'md1 OK done'].join('\r\n') + '\r\n');
        expect(await b.c.readImapTagged('md1', 1000, 'cmd')).toEqual({ untagged, tagged: 'md1 OK done' });
        b.c.destroy();
      }),
      { numRuns: 100 },
    );
  });

  it('arbitrary bytes never crash the reader: each read gives a line, a timeout, a close or a flood', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 4096 }), { maxLength: 12 }), fc.boolean(), async (chunks, end) => {
        const budget = new InputBudget(16 * 1024);
        const { c, feed } = conn(budget);
        for (const ch of chunks) feed.write(Buffer.from(ch));
        if (end) feed.end();
        for (let i = 0; i < 5; i++) {
          const r = await c.readSmtpReply(20, 'reply').then(
            (v) => v,
            (e: { code?: string }) => e,
          );
          if ('code' in r && typeof r.code === 'string') {
            expect(['ETIMEDOUT', 'ECLOSED', FLOOD_CODE]).toContain(r.code);
            break;
          }
          for (const l of (r as { lines: string[] }).lines) expect(Buffer.byteLength(l, 'latin1')).toBeLessThanOrEqual(MAX_LINE_BYTES);
        }
        expect(c.pending().length).toBeLessThanOrEqual(1000);
        c.destroy();
      }),
      { numRuns: 100 },
    );
  });
});
