/**
 * Products that inspect TLS by re-signing every server certificate with their own root (which
 * they add to the operating system's store): antivirus mail/web shields and corporate TLS
 * proxies. Matched against a certificate's issuer text. Graded data, as the rest of the
 * knowledge: A vendor documentation, B several independent observations, C one source or
 * inference, U not confirmed (never shown as certain).
 *
 * The patterns are issuer names these products are reported to use; a product can change its
 * CA name in any release, so a miss proves nothing, and a hit is evidence, not proof. The grade
 * is of "this product re-signs mail/web TLS with a root whose name matches", and it decides the
 * wording: A/B are named as the product, C as "probably", U only as "the issuer's name suggests".
 *
 * What the grades rest on (public bug reports quoting the issuer the product used):
 * - Avast: "avast! Web/Mail Shield Root" in several mail-library reports (nodemailer, PHPMailer,
 *   MailKit: mail shield SSL scanning) — B.
 * - Kaspersky: "O=AO Kaspersky Lab, CN=Kaspersky Web Anti-Virus Certification Authority" in an
 *   openssl chain, plus several "untrusted root" reports — B.
 * - Zscaler: "O=Zscaler Inc., CN=Zscaler Intermediate Root CA (zscloud.net)" over "Zscaler Root
 *   CA" in an openssl chain, and many npm/Node reports — B.
 * - AVG (MailKit FAQ: AVG Business re-signs), ESET (its help: adds its root for SSL/TLS protocol
 *   filtering), Bitdefender (HTTPS scanning reports), FortiGate (deep inspection reports): the
 *   behaviour is reported, the exact issuer text was not seen — C.
 * - Trend Micro, Norton, Palo Alto, Sophos: inspection features exist, issuer text unconfirmed — U.
 */
import type { Grade, Localized } from '../models/device';
import { L } from '../knowledge/findings/fix-types';

export interface InspectionProduct {
  id: string;
  /** Name shown to the helpdesk. */
  name: Localized;
  kind: 'antivirus' | 'proxy';
  /** Case-insensitive patterns over the issuer's CN/O text. */
  issuer: RegExp[];
  grade: Grade;
}

export const INSPECTION_PRODUCTS: readonly InspectionProduct[] = [
  { id: 'avast', name: L('Avast（メールシールド）', 'Avast (Mail Shield)'), kind: 'antivirus', issuer: [/\bavast\b/i], grade: 'B' },
  { id: 'avg', name: L('AVG（メールシールド）', 'AVG (Mail Shield)'), kind: 'antivirus', issuer: [/\bAVG\b/i], grade: 'C' },
  { id: 'kaspersky', name: L('カスペルスキー', 'Kaspersky'), kind: 'antivirus', issuer: [/kaspersky/i], grade: 'B' },
  { id: 'eset', name: L('ESET（SSL/TLS プロトコルフィルタリング）', 'ESET (SSL/TLS protocol filtering)'), kind: 'antivirus', issuer: [/\bESET\b/i], grade: 'C' },
  { id: 'bitdefender', name: L('Bitdefender', 'Bitdefender'), kind: 'antivirus', issuer: [/bitdefender/i], grade: 'C' },
  { id: 'trendmicro', name: L('ウイルスバスター（トレンドマイクロ）', 'Trend Micro'), kind: 'antivirus', issuer: [/trend\s*micro/i], grade: 'U' },
  { id: 'norton', name: L('ノートン', 'Norton'), kind: 'antivirus', issuer: [/\bnorton\b/i], grade: 'U' },
  { id: 'fortinet', name: L('FortiGate（Fortinet）', 'FortiGate (Fortinet)'), kind: 'proxy', issuer: [/fortinet|fortigate/i], grade: 'C' },
  { id: 'zscaler', name: L('Zscaler', 'Zscaler'), kind: 'proxy', issuer: [/zscaler/i], grade: 'B' },
  { id: 'paloalto', name: L('Palo Alto Networks', 'Palo Alto Networks'), kind: 'proxy', issuer: [/palo\s*alto/i], grade: 'U' },
  { id: 'sophos', name: L('Sophos', 'Sophos'), kind: 'proxy', issuer: [/sophos/i], grade: 'U' },
];

/** The inspection product whose CA issued the certificate, judged by the issuer text; undefined when none matches. */
export function matchInspectionProduct(issuer: string): InspectionProduct | undefined {
  return INSPECTION_PRODUCTS.find((p) => p.issuer.some((re) => re.test(issuer)));
}
