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
