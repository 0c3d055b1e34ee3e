/**
 * Shapes of the explanations and fix steps the knowledge layer hands to the UI,
 * the CLI and the report.
 *
 * Everything public is already in the requested language (plain strings): the
 * caller passes `lang` and re-asks when the user switches language. Inside the
 * knowledge files every sentence is written once as `{ ja, en }` (see `L`) so
 * the two languages cannot drift apart.
 */
import type { FindingCode } from '../../findings/codes';
import type { Protocol } from '../../models/account';
import type { Grade, Lang, Localized } from '../../models/device';

/** One thing the customer does, in the requested language. */
export interface FixStep {
  /** The instruction, e.g. 「送信サーバのポートを 587 にします。」 */
  text: string;
  /** Menu path, one segment per tap/click, e.g. ['設定', 'アプリ', 'メール', 'メールアカウント']. */
  path?: string[];
  /** The exact value to set, with the device's own label, e.g. { label: 'サーバポート', value: '587' }. */
  setting?: { label: string; value: string };
  /** Extra remark (another OS version's path, a caveat). */
  note?: string;
  /** Where to do it outside the device (provider page), when known. */
  url?: string;
  /**
   * Confidence of the path/labels/fact behind this step (grades: shared/models/device.ts).
   * 'U' must be shown as unconfirmed (「未確認」 / "unconfirmed"): see `gradeLabel`.
   */
  grade: Grade;
}

/** A fact the diagnosis rests on, shown as "label: value". */
export interface EvidenceItem {
  label: string;
  value: string;
}

/** Everything the UI needs to show one finding. */
export interface Explanation {
  code: FindingCode;
  title: string;
  /** Plain explanation for a non-technical customer (です・ます in Japanese). */
  summary: string;
  evidence: EvidenceItem[];
  /** Fix steps for the chosen device, in order. */
  steps: FixStep[];
  /** Lowest grade among the steps (the weakest link decides how sure we are). */
  grade: Grade;
}

/** A field of a mail account's server settings. */
export type SettingField = 'host' | 'port' | 'security' | 'user';

/** Per-protocol server settings as a device holds them (any part may be unknown). */
export interface PartialServerSettings {
  host?: string;
  port?: number;
  security?: 'tls' | 'starttls' | 'none';
}

/** What a device is set to / what is correct, per protocol, plus the login name. */
export interface AccountSettings {
  imap?: PartialServerSettings;
  pop3?: PartialServerSettings;
  smtp?: PartialServerSettings;
  user?: string;
}

export type { Protocol };

/** Write a sentence once in both languages. */
export function L(ja: string, en: string): Localized {
  return { ja, en };
}

export function pick(text: Localized, lang: Lang): string {
  return lang === 'ja' ? text.ja : text.en;
}

const GRADE_ORDER: Record<Grade, number> = { A: 0, B: 1, C: 2, U: 3 };

/** The weaker of grades (A best, U worst); 'A' for an empty list. */
export function weakestGrade(grades: readonly Grade[]): Grade {
  let worst: Grade = 'A';
  for (const g of grades) if (GRADE_ORDER[g] > GRADE_ORDER[worst]) worst = g;
  return worst;
}
