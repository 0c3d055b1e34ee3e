import { describe, expect, it } from 'vitest';
import { MASK, newRedactState, redactLine, secretForms } from './redact';

const PW = 'S3cret-Pass!';
const USER = 'alice@lab.test';
const secrets = secretForms(USER, PW);

function run(lines: Array<['c' | 's', string]>): string[] {
  const st = newRedactState();
  return lines.map(([d, l]) => redactLine(d, l, st, secrets));
}

describe('redactLine', () => {
  it.each([
    ['a1 LOGIN alice S3cret-Pass!', `a1 LOGIN alice ${MASK}`],
    ['a1 LOGIN "alice@lab.test" "S3cret-Pass!"', `a1 LOGIN "alice@lab.test" ${MASK}`],
    ['a1 LOGIN "al ice" other-pass', `a1 LOGIN "al ice" ${MASK}`],
    [`2 AUTHENTICATE PLAIN ${Buffer.from(`\0${USER}\0${PW}`).toString('base64')}`, `2 AUTHENTICATE PLAIN ${MASK}`],
    [`AUTH PLAIN ${Buffer.from(`\0${USER}\0${PW}`).toString('base64')}`, `AUTH PLAIN ${MASK}`],
    ['AUTH XOAUTH2 dXNlcj1hbGljZQFhdXRoPUJlYXJlciB0b2tlbgEB', `AUTH XOAUTH2 ${MASK}`],
    ['PASS S3cret-Pass!', `PASS ${MASK}`],
    ['PASS other-password', `PASS ${MASK}`],
    ['USER alice@lab.test', 'USER alice@lab.test'],
    ['a2 CAPABILITY', 'a2 CAPABILITY'],
    ['MAIL FROM:<alice@lab.test>', 'MAIL FROM:<alice@lab.test>'],
  ])('client %s', (line, want) => {
    expect(run([['c', line]])[0]).toBe(want);
  });

  it('masks AUTH LOGIN continuations until the server ends the exchange', () => {
    const out = run([
      ['c', 'AUTH LOGIN'],
      ['s', '334 VXNlcm5hbWU6'],
      ['c', Buffer.from(USER).toString('base64')],
      ['s', '334 UGFzc3dvcmQ6'],
      ['c', Buffer.from(PW).toString('base64')],
      ['s', '535 5.7.8 Authentication failed'],
      ['c', 'QUIT'],
    ]);
    expect(out).toEqual(['AUTH LOGIN', '334 VXNlcm5hbWU6', MASK, '334 UGFzc3dvcmQ6', MASK, '535 5.7.8 Authentication failed', 'QUIT']);
  });

  it('masks an IMAP AUTHENTICATE continuation line', () => {
    const out = run([
      ['c', 'a3 AUTHENTICATE PLAIN'],
      ['s', '+ '],
      ['c', Buffer.from(`\0${USER}\0${PW}`).toString('base64')],
      ['s', 'a3 NO [AUTHENTICATIONFAILED] Authentication failed.'],
      ['c', 'a4 LOGOUT'],
    ]);
    expect(out[2]).toBe(MASK);
    expect(out[4]).toBe('a4 LOGOUT');
  });

  it('masks the password wherever it appears, even in server text', () => {
    const out = run([['s', `-ERR unknown command ${PW}`], ['c', `XYZ ${Buffer.from(PW).toString('base64')}`]]);
    expect(out.join('\n')).not.toContain(PW);
    expect(out.join('\n')).not.toContain(Buffer.from(PW).toString('base64'));
  });
});

describe('secret forms beyond the exact password', () => {
  it('masks every line of a password with a line break, so no half is left in clear', () => {
    const pw = 'first-half\r\nsecond-half';
    const f = secretForms('alice', pw);
    const st = newRedactState();
    const out = ['PASS first-half', 'second-half', '-ERR unknown command second-half'].map((l, i) => redactLine(i === 2 ? 's' : 'c', l, st, f));
    expect(out.join('\n')).not.toMatch(/first-half|second-half/);
  });

  it('masks URL-encoded and case-changed echoes', () => {
    const pw = 'Pa ss/wörd&1';
    const f = secretForms('alice', pw);
    const st = newRedactState();
    const echoes = [encodeURIComponent(pw), encodeURIComponent(pw).toLowerCase(), encodeURIComponent(pw).replace(/%20/g, '+'), pw.toUpperCase(), pw.toLowerCase()];
    for (const e of echoes) expect(redactLine('s', `-ERR bad ${e} here`, st, f)).toBe(`-ERR bad ${MASK} here`);
  });
});
