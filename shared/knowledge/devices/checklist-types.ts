/**
 * Shapes of the guided troubleshooting checklist (checklist.ts) and of the
 * device settings-screen picture (device-settings-screen.ts).
 */
import type { FindingCode } from '../../findings/codes';
import type { Grade } from '../../models/device';
import type { SettingField } from '../findings/fix-types';

/** Groups of the Japanese helpdesk method, in their default order. */
export const CHECKLIST_GROUPS = [
  'first-checks',
  'network',
  'password',
  'outage',
  'send-receive',
  'tls',
  'device',
  'provider',
] as const;
export type ChecklistGroup = (typeof CHECKLIST_GROUPS)[number];

/** One checklist step for one device, in the requested language. */
export interface ChecklistStep {
  /** Stable id (progress is stored under it), e.g. 'airplane-mode'. */
  id: string;
  group: ChecklistGroup;
  title: string;
  /** What to do, in one or two sentences. */
  action: string;
  /** What to look for / how to tell it worked. */
  lookFor: string;
  /** Exact menu path on this device, when there is one. */
  path?: string[];
  /** Confidence of the path and its labels; 'U' is shown as unconfirmed. */
  grade: Grade;
  note?: string;
  url?: string;
  /** The connection test already answered this check: what it showed (the step is then not asked). */
  answered?: string;
  /** Why the step was moved up (the diagnosis that makes it relevant). */
  reason?: string;
  relevance: 'high' | 'normal' | 'low';
  /** A button the UI can offer with the step: run the diagnosis again, or open the network comparison. */
  uiAction?: 'recheck' | 'compare-networks';
  /** Finding codes and cause ids that make this step more relevant. */
  relevantCodes: FindingCode[];
  relevantCauses: string[];
}

/** One field of the drawn settings screen. */
export interface ScreenField {
  /** Which setting it shows; 'password' and 'auth' carry no value we know. */
  field: SettingField | 'password' | 'auth';
  label: string;
  value: string;
  /** Draw attention: the value the customer must type or check. */
  highlight: boolean;
  /** Confidence of the label text on the real device. */
  grade: Grade;
}

export interface SettingsScreen {
  title: string;
  path: string[];
  pathGrade: Grade;
  fields: ScreenField[];
  note?: string;
}
