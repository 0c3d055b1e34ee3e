/**
 * Products that inspect TLS by re-signing every server certificate with their own root (which
 * they add to the operating system's store): antivirus mail/web shields and corporate TLS
 * proxies. Matched against a certificate's issuer text. Graded data, as the rest of the
 * knowledge: A vendor documentation, B several independent observations, C one source or
 * inference, U not confirmed (never shown as certain).
 *
 * The patterns are issuer names these products are reported to use; a product can change its
 * CA name in any release, so a miss proves nothing, and a hit is evidence, not proof.
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
  { id: 'kaspersky', name: L('カスペルスキー', 'Kaspersky'), kind: 'antivirus', issuer: [/kaspersky/i], grade: 'C' },
  { id: 'eset', name: L('ESET（SSL/TLS プロトコルフィルタリング）', 'ESET (SSL/TLS protocol filtering)'), kind: 'antivirus', issuer: [/\bESET\b/i], grade: 'C' },
  { id: 'bitdefender', name: L('Bitdefender', 'Bitdefender'), kind: 'antivirus', issuer: [/bitdefender/i], grade: 'C' },
  { id: 'trendmicro', name: L('ウイルスバスター（トレンドマイクロ）', 'Trend Micro'), kind: 'antivirus', issuer: [/trend\s*micro/i], grade: 'U' },
  { id: 'norton', name: L('ノートン', 'Norton'), kind: 'antivirus', issuer: [/\bnorton\b/i], grade: 'U' },
  { id: 'fortinet', name: L('FortiGate（Fortinet）', 'FortiGate (Fortinet)'), kind: 'proxy', issuer: [/fortinet|fortigate/i], grade: 'C' },
  { id: 'zscaler', name: L('Zscaler', 'Zscaler'), kind: 'proxy', issuer: [/zscaler/i], grade: 'C' },
  { id: 'paloalto', name: L('Palo Alto Networks', 'Palo Alto Networks'), kind: 'proxy', issuer: [/palo\s*alto/i], grade: 'U' },
  { id: 'sophos', name: L('Sophos', 'Sophos'), kind: 'proxy', issuer: [/sophos/i], grade: 'U' },
];

/** The inspection product whose CA issued the certificate, judged by the issuer text; undefined when none matches. */
export function matchInspectionProduct(issuer: string): InspectionProduct | undefined {
  return INSPECTION_PRODUCTS.find((p) => p.issuer.some((re) => re.test(issuer)));
}
