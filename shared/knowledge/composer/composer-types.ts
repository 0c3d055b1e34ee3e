/**
 * Input and output of the diagnosis composer (composer.ts) and of the network
 * comparison (composer-compare.ts). All text is in the requested language.
 */
import type { FindingCode } from '../../findings/codes';
import type { Protocol, Security, ServerSettings } from '../../models/account';
import type { Device, Grade, Lang } from '../../models/device';
import type { LookupResult } from '../../models/lookup';
import type { DiagnoseReport, StepName } from '../../models/probe';
import type { ProviderEntry } from '../providers/catalog-types';
import type { AccountSettings, EvidenceItem, FixStep, SettingField } from '../findings/fix-types';

/** A diagnosis run with the name the helpdesk gave its network ("office Wi-Fi"). */
export interface LabelledRun {
  label: string;
  report: DiagnoseReport;
}

/** What the helpdesk person learnt by asking the customer. */
export interface ContextFlags {
  passwordChangedRecently?: boolean;
  /** true: fails on every network tried; false: works on some network. */
  failsOnAllNetworks?: boolean;
  onlySendingFails?: boolean;
}

export interface ComposeInput {
  /** The current run, or null when only the error text is known. */
  report: DiagnoseReport | null;
  provider?: ProviderEntry;
  device: Device;
  lang: Lang;
  errorText?: string;
  /** Result of lookupError(errorText) (knowledge-1's function), when available. */
  lookup?: LookupResult;
  /** What the device is set to (typed in by the helpdesk person). */
  deviceSettings?: AccountSettings;
  /**
   * Where each server the run tested came from (the account form's row source). A guessed
   * server that does not exist is then never blamed on the customer's spelling, and an
   * untested row is shown as 'typed'/'guess', never as correct.
   */
  serverSources?: Partial<Record<Protocol, ConfiguredSource>>;
  /** The login name the run used (default: the address). */
  user?: string;
  /** Earlier runs on other networks, for the network comparison. */
  previousRuns?: LabelledRun[];
  /** Name of the network the current run was made on ("office Wi-Fi"); default 「今回の診断」/"this run". */
  currentLabel?: string;
  flags?: ContextFlags;
}

export type Likelihood = 'high' | 'medium' | 'low';

/**
 * Where a correct-settings value comes from, strongest first:
 * - `logged-in`: a login succeeded with it in this run;
 * - `connected`: TLS and the greeting were fine, and the login failed for a reason no port can
 *   fix (a wrong password) or was not tried;
 * - `catalog`: the provider catalog;
 * - `discovered`: trusted autoconfig / ISPDB / SRV;
 * - `typed`: what the helpdesk typed, untested;
 * - `guess`: `imap.<domain>` and the like, untested.
 */
export const SETTING_SOURCES = ['logged-in', 'connected', 'catalog', 'discovered', 'typed', 'guess'] as const;
export type SettingSource = (typeof SETTING_SOURCES)[number];
/** Sources a configured server row can have before any test. */
export type ConfiguredSource = Extract<SettingSource, 'catalog' | 'discovered' | 'typed' | 'guess'>;
/** Only these may be shown as 正しい値 / "correct value"; typed and guessed values are not known to work. */
export const TRUSTED_SOURCES: ReadonlySet<SettingSource> = new Set<SettingSource>(['logged-in', 'connected', 'catalog', 'discovered']);

export interface KnownServer extends ServerSettings {
  source: SettingSource;
}

/** The composer's answer to "what should the device be set to", each value with its source. */
export interface CorrectSettings {
  imap?: KnownServer;
  pop3?: KnownServer;
  smtp?: KnownServer;
  user?: { value: string; source: SettingSource };
}

/**
 * The one-line verdict above the causes:
 * - `ok`: the servers work with these settings and this password;
 * - `problem`: the test found what is wrong (or the device differs from what works);
 * - `unverified`: the test could not settle it (login not tried, run cancelled, nothing run).
 */
export type HeadlineKind = 'ok' | 'problem' | 'unverified';
export interface Headline {
  kind: HeadlineKind;
  /** One plain sentence, e.g. 「ポート25番が回線で止められています」. */
  text: string;
  /** Why the verdict is not `ok` / what is still open; one sentence, may be empty. */
  detail: string;
}

/** One row of the settings diff. */
export interface SettingsDiffRow {
  /** Absent for the user name (one login for every protocol). */
  protocol?: Protocol;
  field: SettingField;
  /** The field's name as the chosen device labels it, e.g. 「サーバポート」. */
  label: string;
  /** Display text; absent when not known. */
  deviceValue?: string;
  /** Only from a trusted source (see TRUSTED_SOURCES); absent when nothing trustworthy is known. */
  correctValue?: string;
  /** Where correctValue comes from; for an untrusted value, where the untested value came from. */
  source?: SettingSource;
  /** 'unknown' when either side is missing. */
  status: 'ok' | 'wrong' | 'unknown';
  /**
   * What the table shows for the row: 'change' for a real difference, 'check' for one that may
   * well work as it is (the user name only in another form, `alice` / `alice@example.jp`),
   * 'same', or 'not-entered' (the device side was not read out).
   */
  verdict: DiffVerdict;
  /** The device's name for the server's section (「送信メールサーバ」); absent for the user name or when the label already says it. */
  section?: string;
  /** Set when the device's words for this row (section, label) are graded U: the table marks them unconfirmed. */
  wordsUnconfirmed?: true;
  /**
   * Why the correct cell is empty, as one thing to show: 'typed' / 'guess' (only an untested
   * value of that kind is known, never shown as correct) or 'none' (nothing known at all).
   */
  noCorrect?: 'typed' | 'guess' | 'none';
}

export const DIFF_VERDICTS = ['same', 'change', 'check', 'not-entered', 'unknown'] as const;
export type DiffVerdict = (typeof DIFF_VERDICTS)[number];

/** Causes that come from the triage method rather than from one finding. */
export const TRIAGE_CAUSE_IDS = [
  'server-outage',
  'network-filter',
  'guessed-server',
  'sending-only',
  'password-changed',
  'device-settings',
  'device-side',
  'first-checks',
] as const;
export type TriageCauseId = (typeof TRIAGE_CAUSE_IDS)[number];

/** A button the UI offers with a cause; the UI maps the id to its action. */
export interface CauseAction {
  id: 'recheck' | 'compare-networks' | 'open-checklist';
  label: string;
}

export interface Cause {
  /** `finding:<CODE>` for a finding-based cause, or a TriageCauseId. */
  id: string;
  kind: 'finding' | 'triage' | 'lookup';
  title: string;
  explanation: string;
  evidence: EvidenceItem[];
  likelihood: Likelihood;
  /** Finding codes this cause covers (for the checklist's ordering and the report). */
  codes: FindingCode[];
  /** Fix steps for the chosen device. */
  steps: FixStep[];
  /** Device value vs correct value for the fields this cause is about. */
  settingsDiff: SettingsDiffRow[];
  actions: CauseAction[];
  grade: Grade;
  /**
   * Who carries out the steps: 'helpdesk' when nothing on the customer's device helps and the
   * steps are the agent's own checks from this PC (an outage, a server name that was only guessed).
   * Absent: the customer, on the device.
   */
  audience?: 'helpdesk';
}

export interface Diagnosis {
  headline: Headline;
  /** Ranked: most likely first. */
  causes: Cause[];
  /** The full diff over every protocol the device uses. */
  settingsDiff: SettingsDiffRow[];
  /** Every value known per protocol, with its source (typed/guess included, marked as such). */
  correct: CorrectSettings;
  /** The trusted part of `correct` as plain values: what the steps, the table and the pictures show. */
  correctSettings: AccountSettings;
  /** Present when previousRuns were given: current run vs the most different earlier run. */
  comparison?: RunComparison;
  /** Every restriction the provider catalog lists (no POP, TLS 1.2, service ending, ...), graded. */
  providerNotes?: { text: string; grade: Grade }[];
}

/** How one probe target fared in one run. */
export interface RunCell {
  status: 'ok' | 'failed' | 'cancelled' | 'not-needed' | 'absent';
  /** First step that failed, e.g. 'tcp'. */
  failedStep?: StepName;
  /** Top finding code of that probe. */
  code?: FindingCode;
  durationMs?: number;
}

export interface RunComparisonRow {
  /** `protocol host:port security`, stable across runs. */
  key: string;
  protocol: Protocol;
  host: string;
  port: number;
  security: Security;
  a: RunCell;
  b: RunCell;
  differs: boolean;
}

export type ComparisonConclusionKind =
  | 'same-ok' // works on both: the network is not the cause
  | 'same-failure' // fails the same way on both: server or account, not the network
  | 'network-filter' // connections blocked on one network only
  | 'port25-filter' // only SMTP port 25 blocked on one network (OP25B)
  | 'port25-everywhere' // SMTP port 25 fails on both networks while another sending port works
  | 'tls-interception' // certificate trusted on one network, not on the other
  | 'dns-difference' // name resolves on one network only
  | 'auth-differs' // login refused on one network only (overseas/VPN or IP-based sign-in restriction)
  | 'mixed'; // differences that fit none of the above

export interface RunComparison {
  labelA: string;
  labelB: string;
  rows: RunComparisonRow[];
  conclusion: {
    kind: ComparisonConclusionKind;
    /** Label of the network where things fail, when only one does. */
    failingLabel?: string;
    text: string;
  };
}
