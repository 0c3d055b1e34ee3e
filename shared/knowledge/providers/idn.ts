/**
 * Validation of a mail domain after IDNA conversion.
 *
 * Conversion itself needs node:url (domainToASCII), so it happens in
 * electron/probes/discovery; but domainToASCII is lenient (it accepts "a..b",
 * "-x-.jp", 300-character names), and an invalid name would otherwise leak
 * into URLs and DNS queries. This pure check runs on the already-converted
 * ASCII string. Limits from RFC 1035 §2.3.4 and RFC 5890/5891 (LDH labels).
 */

export type DomainProblem =
  | 'empty'
  | 'too-long' // > 253 characters
  | 'empty-label' // "a..b", leading dot
  | 'label-too-long' // > 63 characters
  | 'bad-character' // anything but letters, digits, hyphen
  | 'hyphen-edge' // label starts or ends with "-"
  | 'single-label' // "localhost": mail domains need a dot
  | 'numeric-tld' // "1.2.3.4" or "example.123": not a host name
  | 'bad-punycode'; // "xn--" label that is not valid punycode (domainToASCII gave up)

export type DomainCheck = { ok: true; domain: string } | { ok: false; problem: DomainProblem; label?: string };

const MAX_DOMAIN = 253;
const MAX_LABEL = 63;

/** Checks an ASCII (already IDNA-converted) domain. A single trailing root dot is allowed and dropped. */
export function checkAsciiDomain(input: string): DomainCheck {
  const domain = input.trim().toLowerCase().replace(/\.$/, '');
  if (!domain) return { ok: false, problem: 'empty' };
  if (domain.length > MAX_DOMAIN) return { ok: false, problem: 'too-long' };
  const labels = domain.split('.');
  for (const label of labels) {
    if (!label) return { ok: false, problem: 'empty-label' };
    if (label.length > MAX_LABEL) return { ok: false, problem: 'label-too-long', label };
    if (!/^[a-z0-9-]+$/.test(label)) return { ok: false, problem: 'bad-character', label };
    if (label.startsWith('-') || label.endsWith('-')) return { ok: false, problem: 'hyphen-edge', label };
  }
  if (labels.length < 2) return { ok: false, problem: 'single-label' };
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return { ok: false, problem: 'numeric-tld' };
  return { ok: true, domain };
}

/** Why an address was refused: a domain problem or one in the address as a whole. */
export type AddressProblem = DomainProblem | 'no-at' | 'empty-local' | 'space';

export function isAddressProblem(x: unknown): x is AddressProblem {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(ADDRESS_PROBLEM_TEXT, x);
}

/** Bilingual explanation of an address problem (CLI and UI). */
export function addressProblemText(problem: AddressProblem, lang: 'ja' | 'en'): string {
  const [ja, en] = ADDRESS_PROBLEM_TEXT[problem];
  return lang === 'ja' ? ja : en;
}

const ADDRESS_PROBLEM_TEXT: Record<AddressProblem, [string, string]> = {
  'no-at': ['メールアドレスに @ がありません', 'The e-mail address has no @'],
  'empty-local': ['@ の前（ユーザー名の部分）がありません', 'There is nothing before the @'],
  space: ['メールアドレスに空白が入っています', 'The e-mail address contains a space'],
  empty: ['@ の後ろ（ドメイン）がありません', 'There is no domain after the @'],
  'too-long': ['ドメインが長すぎます（253文字まで）', 'The domain is too long (253 characters at most)'],
  'empty-label': ['ドメインに空の部分があります（「..」や先頭・末尾の「.」）', 'The domain has an empty part (".." or a leading dot)'],
  'label-too-long': ['ドメインの「.」で区切られた部分が長すぎます（63文字まで）', 'A part of the domain between dots is too long (63 characters at most)'],
  'bad-character': ['ドメインに使えない文字があります（英数字とハイフンのみ）', 'The domain contains a character that is not allowed (letters, digits and hyphens only)'],
  'hyphen-edge': ['ドメインの部分がハイフンで始まるか終わっています', 'A part of the domain starts or ends with a hyphen'],
  'single-label': ['ドメインに「.」がありません（例: example.jp）', 'The domain has no dot (e.g. example.jp)'],
  'numeric-tld': ['ドメインではなく数字（IP アドレス）です', 'This is a number (IP address), not a domain'],
  'bad-punycode': ['国際化ドメイン名として正しくありません', 'This is not a valid internationalised domain name'],
};
