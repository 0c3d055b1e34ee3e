/**
 * The benchmark's arithmetic and its readings of tool output. The outputs in
 * test/fixtures/bench/ were captured from the real openssl, curl and swaks against the lab
 * through the latency proxy (healthy, wrong password, wrong certificate name): first line the
 * exit status, then what the tool printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curlVerdict, markdownTable, msCell, opensslVerdict, serverLoginHoldMs, summarize, swaksVerdict } from './bench-stats';

function captured(name: string): { status: number; output: string } {
  const text = readFileSync(join(__dirname, '..', 'test', 'fixtures', 'bench', `${name}.txt`), 'utf8');
  const nl = text.indexOf('\n');
  return { status: Number(text.slice(5, nl)), output: text.slice(nl + 1) };
}

describe('summarize', () => {
  it('median of an odd and an even count, p90 by nearest rank, min and max', () => {
    expect(summarize([5, 1, 3])).toEqual({ n: 3, median: 3, p90: 5, min: 1, max: 5 });
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, median: 2.5, p90: 4, min: 1, max: 4 });
    const ten = summarize([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(ten.p90).toBe(90);
    expect(ten.median).toBe(55);
  });

  it('an empty list is no number, shown as a dash', () => {
    const e = summarize([]);
    expect(e.n).toBe(0);
    expect(Number.isNaN(e.median)).toBe(true);
    expect(msCell(e)).toBe('—');
    expect(msCell(summarize([1.4, 2.6, 10]))).toBe('3 (p90 10, 1–10)');
  });

  it('writes a Markdown table', () => {
    expect(markdownTable(['a', 'b'], [['1', '2']])).toBe('| a | b |\n| --- | --- |\n| 1 | 2 |');
  });
});

describe('the server hold of a login, from a transcript', () => {
  const t = (rows: Array<[number, 'c' | 's' | 'i', string]>) => ({ transcript: rows.map(([time, dir, text]) => ({ t: time, dir, text })) });

  it('IMAP: AUTHENTICATE to the tagged NO, minus one round trip', () => {
    const p = t([[100, 's', '* OK ready'], [101, 'c', 'md2 AUTHENTICATE PLAIN ****'], [2185, 's', 'md2 NO [AUTHENTICATIONFAILED] Authentication failed.'], [2186, 'i', 'round trips: 4']]);
    expect(serverLoginHoldMs(p, 80)).toBe(2004);
  });

  it('POP3 USER/PASS and SMTP AUTH PLAIN; the last credential line counts', () => {
    expect(serverLoginHoldMs(t([[10, 'c', 'USER alice'], [12, 's', '+OK'], [12, 'c', 'PASS ****'], [2030, 's', '-ERR [AUTH] Authentication failed.']]), 0)).toBe(2018);
    expect(serverLoginHoldMs(t([[50, 'c', 'AUTH PLAIN ****'], [2100, 's', '535 5.7.8 Error: authentication failed']]), 40)).toBe(2010);
  });

  it('no login in the transcript, or no answer to it: null', () => {
    expect(serverLoginHoldMs(t([[1, 's', '* OK'], [2, 'c', 'md1 CAPABILITY'], [3, 's', 'md1 OK']]), 0)).toBeNull();
    expect(serverLoginHoldMs(t([[1, 'c', 'md2 LOGIN alice ****'], [3000, 'i', 'timeout']]), 0)).toBeNull();
  });
});

describe('manual steps judged from the real tools output', () => {
  it('openssl s_client: verified TLS 1.3 on each port; a name mismatch is a failure with its reason', () => {
    for (const port of [993, 995, 587]) {
      const c = captured(`openssl-${port}.ok`);
      expect(opensslVerdict(c.status, c.output)).toEqual({ ok: true, why: 'verified, TLSv1.3' });
    }
    const bad = captured('openssl-993.wrong-name');
    expect(opensslVerdict(bad.status, bad.output)).toMatchObject({ ok: false, why: expect.stringMatching(/hostname mismatch/) });
  });

  it('curl: a login with a listing; exit 67 for a refused password', () => {
    for (const [name, protocol] of [['curl-imaps', 'imap'], ['curl-pop3s', 'pop3']] as const) {
      const ok = captured(`${name}.ok`);
      expect(curlVerdict(ok.status, ok.output, protocol)).toEqual({ ok: true, why: 'logged in and listed' });
      const bad = captured(`${name}.wrong-password`);
      expect(curlVerdict(bad.status, bad.output, protocol)).toEqual({ ok: false, why: 'login denied (67)' });
    }
    expect(curlVerdict(0, 'HTTP/1.1 200 OK', 'imap').ok).toBe(false);
  });

  it('swaks: TLS, AUTH 235 and RCPT 250; a refused AUTH is 535 and no RCPT', () => {
    const ok = captured('swaks-587.ok');
    expect(swaksVerdict(ok.status, ok.output)).toMatchObject({ ok: true, tls: true, auth: '235', rcpt: '250' });
    const bad = captured('swaks-587.wrong-password');
    const v = swaksVerdict(bad.status, bad.output);
    expect(v).toMatchObject({ ok: false, tls: true, auth: '535' });
    expect(v.rcpt).toBeUndefined();
  });
});
