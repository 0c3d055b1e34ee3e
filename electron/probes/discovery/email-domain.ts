/**
 * Splits an address into local part and domain and converts an
 * internationalised domain (日本語.jp, ＥＸＡＭＰＬＥ．ＪＰ) to ASCII for URLs and
 * DNS. domainToASCII is lenient, so the result is re-checked label by label
 * (shared/knowledge/providers/idn.ts). Bad input is an AppFailure('E_BAD_REQUEST') whose
 * details.reason the UI and CLI translate.
 */
import { domainToASCII } from 'node:url';
import { checkAsciiDomain } from '../../../shared/knowledge/providers/idn';
import { AppFailure } from '../../../shared/result';

export interface ParsedAddress {
  email: string;
  localPart: string;
  /** As typed (Unicode), lower-cased. */
  domain: string;
  asciiDomain: string;
}

export function parseAddress(input: string): ParsedAddress {
  const email = (input ?? '').normalize('NFKC').trim();
  const at = email.lastIndexOf('@');
  if (at < 0) throw new AppFailure('E_BAD_REQUEST', 'not an e-mail address: no @', { field: 'email', reason: 'no-at' });
  const localPart = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase().replace(/\.$/, '');
  if (!localPart) throw new AppFailure('E_BAD_REQUEST', 'nothing before the @', { field: 'email', reason: 'empty-local' });
  if (/\s/.test(email)) throw new AppFailure('E_BAD_REQUEST', 'the address contains spaces', { field: 'email', reason: 'space' });
  if (!domain) throw new AppFailure('E_BAD_REQUEST', 'no domain after the @', { field: 'email', reason: 'empty' });
  const converted = domainToASCII(domain);
  if (!converted) throw new AppFailure('E_BAD_REQUEST', `invalid domain "${domain}"`, { field: 'email', reason: /xn--/i.test(domain) || [...domain].some((ch) => ch.charCodeAt(0) > 0x7f) ? 'bad-punycode' : 'bad-character' });
  const check = checkAsciiDomain(converted);
  if (!check.ok) {
    throw new AppFailure('E_BAD_REQUEST', `invalid domain "${domain}": ${check.problem}${check.label ? ` (${check.label})` : ''}`, {
      field: 'email',
      reason: check.problem,
    });
  }
  return { email: `${localPart}@${domain}`, localPart, domain, asciiDomain: check.domain };
}
