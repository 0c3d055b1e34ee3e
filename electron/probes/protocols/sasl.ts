/** SASL responses for the password mechanisms (RFC 4616 PLAIN, draft LOGIN, RFC 2195 CRAM-MD5), base64 on the wire. */
import { createHmac } from 'node:crypto';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

export function plainResponse(user: string, pass: string): string {
  return b64(`\0${user}\0${pass}`);
}

export function loginUser(user: string): string {
  return b64(user);
}

export function loginPass(pass: string): string {
  return b64(pass);
}

/** The challenge is base64 text; the answer is "user hex(HMAC-MD5(password, challenge))". */
export function cramMd5Response(user: string, pass: string, challengeB64: string): string {
  const challenge = Buffer.from(challengeB64, 'base64').toString('utf8');
  return b64(`${user} ${createHmac('md5', pass).update(challenge).digest('hex')}`);
}
