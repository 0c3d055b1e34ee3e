/**
 * Fix delivery from the diagnosis: the composer's correct settings (with their sources) as the
 * CLI's `diagnosis.correctSettings` object, then the shared/delivery builders. Nothing here
 * decides a value; it only picks the builders' inputs from the case.
 */
import type { Diagnosis } from '../../shared/knowledge/composer/composer-types';
import { diagnosisJson } from '../../shared/knowledge/composer/diagnosis-json';
import { SourcedSettings, type DeliveryWarning } from '../../shared/delivery/delivery-types';
import { buildMobileconfig } from '../../shared/delivery/mobileconfig';
import { buildAutoconfig } from '../../shared/delivery/autoconfig-doc';
import { buildCustomerText } from '../../shared/delivery/customer-text';
import { QrTooLongError, qrMatrix, qrPath, type QrMatrix } from '../../shared/delivery/qr-code';
import type { Lang } from '../../shared/models/device';

export interface DeliveryView {
  settings: SourcedSettings;
  /** Warnings of the profile (source warnings, 「未署名」), blocking ones when it cannot be made. */
  profileWarnings: DeliveryWarning[];
  canBuild: boolean;
  customerText: string;
  qr?: { path: string; size: number };
}

/** The sourced settings of a diagnosis, validated by the same schema `mail-doctor deliver --report` reads. */
export function sourcedSettings(d: Diagnosis): SourcedSettings | undefined {
  const parsed = SourcedSettings.safeParse(diagnosisJson(d).correctSettings);
  return parsed.success ? parsed.data : undefined;
}

/** Quiet zone around the QR code: four modules, as the QR standard asks. */
const QR_MARGIN = 4;

export function deliveryView(d: Diagnosis, email: string, incoming: 'imap' | 'pop3', lang: Lang, profileUrl?: string): DeliveryView | undefined {
  const settings = sourcedSettings(d);
  if (!settings || !email.includes('@')) return undefined;
  const account = { email };
  const profile = buildMobileconfig(account, settings, { lang, incoming, newUuid: () => '00000000-0000-4000-8000-000000000000' });
  const text = buildCustomerText(account, settings, lang, profileUrl ? { profileUrl } : {});
  let m: QrMatrix | undefined;
  try {
    m = qrMatrix(text.qrText);
  } catch (e) {
    if (!(e instanceof QrTooLongError)) throw e;
  }
  const seen = new Set<string>();
  const profileWarnings = [...profile.warnings, ...text.warnings].filter((w) => (seen.has(w.text) ? false : (seen.add(w.text), true)));
  return {
    settings,
    profileWarnings,
    canBuild: profile.ok,
    customerText: text.text,
    ...(m ? { qr: { path: qrPath(m, QR_MARGIN), size: m.size + 2 * QR_MARGIN } } : {}),
  };
}

export type DeliveryKind = 'mobileconfig' | 'autoconfig';

/** The file to save; the password goes in only when the agent ticked the box and one was typed. */
export function deliveryFile(kind: DeliveryKind, settings: SourcedSettings, email: string, incoming: 'imap' | 'pop3', lang: Lang, password?: string): { name: string; content: string } | undefined {
  const account = { email };
  if (kind === 'mobileconfig') {
    const r = buildMobileconfig(account, settings, { lang, incoming, ...(password ? { includePassword: true, password } : {}) });
    return r.ok ? { name: r.fileName, content: r.xml } : undefined;
  }
  const r = buildAutoconfig(account, settings, lang);
  return r.ok ? { name: r.fileName, content: r.xml } : undefined;
}

/** Longest link accepted: it has to fit the QR code beside the settings text (QR_MAX_BYTES is 1 000). */
export const PROFILE_URL_MAX = 500;

/** A link the customer can open: https only (a profile over http can be swapped on the way), no user:password part. */
export function isProfileUrl(text: string): boolean {
  if (text.length > PROFILE_URL_MAX) return false;
  try {
    const u = new URL(text);
    return u.protocol === 'https:' && !u.username && !u.password && u.hostname.length > 0;
  } catch {
    return false;
  }
}
