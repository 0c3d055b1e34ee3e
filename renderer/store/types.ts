/**
 * The shape of the one renderer store, slice by slice.
 *
 * State is plain and serialisable (records and arrays) so persist and devtools behave.
 * Only `PrefsState` and the checklist progress are persisted; the password lives in
 * `CaseState.password` for the current window only.
 */
import type { Protocol, Security } from '../../shared/models/account';
import type { AppInfo } from '../../shared/models/app';
import type { z } from 'zod';
import type { CaseSummary, NetworkRun as NetworkRunSchema } from '../../shared/models/case';
import type { Device, Lang } from '../../shared/models/device';
import type { DiscoveryResult, DiscoverySource, Trust } from '../../shared/models/discovery';
import type { LookupResult } from '../../shared/models/lookup';
import type { DiagnoseReport, DnsReport, ProbeResult, ProbeStep, ProbeTarget } from '../../shared/models/probe';
import type { MessageKey } from '../../shared/i18n/messages';
import type { AppErrorCode } from '../../shared/result';
import type { WatchState } from '../../shared/watch/watch-timeline';

export type NetworkRun = z.infer<typeof NetworkRunSchema>;

export const SCREENS = ['start', 'account', 'probe', 'diagnosis', 'checklist', 'compare', 'report', 'history'] as const;
export type Screen = (typeof SCREENS)[number];
export type ThemePref = 'system' | 'light' | 'dark';
export type LoadStatus = 'idle' | 'loading' | 'done' | 'error';

/** A notice for the status bar; text is chosen at render time so it follows the language. */
export type Notice =
  | { kind: 'error'; code: AppErrorCode; /** What was being done, so the message says which action failed. */ context?: MessageKey }
  | { kind: 'info'; key: MessageKey; params?: Record<string, string | number> };

export interface PrefsState {
  lang: Lang;
  /** True once the user picked a language; then app:info no longer overrides it. */
  langChosen: boolean;
  theme: ThemePref;
  screen: Screen;
  /** Reopened from history after a reload (holds no secrets). */
  lastCaseId?: string;
}
export interface PrefsActions {
  setLang(lang: Lang): void;
  setTheme(theme: ThemePref): void;
  go(screen: Screen): void;
}

export interface AppState {
  info?: AppInfo;
  notice?: Notice;
  /** Incremented per notice so the live region re-announces identical messages. */
  noticeSeq: number;
  booting: boolean;
}
export interface AppActions {
  boot(): Promise<void>;
  notify(notice: Notice): void;
  dismissNotice(): void;
}

export type ServerSource = DiscoverySource | 'manual';

/** Editable server row. Port is kept as typed text so a half-typed value is not lost. */
export interface ServerDraft {
  host: string;
  port: string;
  security: Security;
  source?: ServerSource;
  trust?: Trust;
}
/** What the device is set to: every field optional (empty = not read off the device). */
export interface DeviceDraft {
  host: string;
  port: string;
  security: Security | '';
}
export interface AdvancedOptions {
  timeoutSec: string;
  allowInsecureAuth: boolean;
  /** No discovery, MX or SRV queries: only the entered servers are contacted. */
  noDomainLookups: boolean;
  dnsServer: string;
  caPem: string;
  from: string;
  to: string;
}
export type IncomingProtocol = Extract<Protocol, 'imap' | 'pop3'>;

export interface CaseState {
  caseId: string;
  createdAt: string;
  device?: Device;
  errorText: string;
  email: string;
  /** Optional: the helpdesk ticket number and the customer's name (History finds the case by them). */
  ticket: string;
  customer: string;
  user: string;
  /** For the current run(s) only: never persisted, never in history or a report. */
  password: string;
  incoming: IncomingProtocol;
  servers: Record<Protocol, ServerDraft>;
  deviceSettings: { incoming: DeviceDraft; smtp: DeviceDraft; user: string };
  options: AdvancedOptions;
  discovery?: DiscoveryResult;
  discoveryStatus: LoadStatus;
  lookup?: LookupResult;
  lookupStatus: LoadStatus;
  notes: string;
}
export interface CaseActions {
  setDevice(device: Device): void;
  setErrorText(text: string): void;
  setEmail(email: string): void;
  setTicket(ticket: string): void;
  setCustomer(customer: string): void;
  setUser(user: string): void;
  setPassword(password: string): void;
  forgetPassword(): void;
  setIncoming(p: IncomingProtocol): void;
  setServer(protocol: Protocol, patch: Partial<ServerDraft>): void;
  setDeviceSetting(which: 'incoming' | 'smtp', patch: Partial<DeviceDraft>): void;
  setDeviceUser(user: string): void;
  setOptions(patch: Partial<AdvancedOptions>): void;
  discover(): Promise<void>;
  newCase(): void;
}

export interface LiveRun {
  runId: string;
  label: string;
  status: 'running' | 'done' | 'cancelled' | 'error';
  /** The engine refused the request as invalid input (E_BAD_REQUEST): nothing was tested. */
  refusedBadInput?: boolean;
  /** The Account screen's field the refusal names, with its message (see refusalError). */
  refusedField?: { field: string; key: MessageKey };
  startedAt: number;
  targets: ProbeTarget[];
  steps: Record<string, ProbeStep[]>;
  probes: Record<string, ProbeResult>;
  dns: DnsReport[];
}
export interface RunState {
  run?: LiveRun;
  /** The latest finished report (also the last entry of `runs`). */
  report?: DiagnoseReport;
  /** Every run of this case with its network label, for the comparison. */
  runs: NetworkRun[];
  /** Label for the next run. */
  nextLabel: string;
  selectedProbeId?: string;
  compare: [number, number];
}
export interface RunActions {
  /** `stay`: keep the current screen (re-running from the network comparison). */
  runDiagnosis(opts?: { stay?: boolean }): Promise<void>;
  cancelRun(): Promise<void>;
  applyProgress(p: import('../../shared/models/probe').DiagnoseProgress): void;
  setNextLabel(label: string): void;
  setRunLabel(index: number, label: string): void;
  selectProbe(id: string | undefined): void;
  setCompare(pair: [number, number]): void;
}

export type ChecklistStatus = 'todo' | 'done' | 'skipped' | 'fixed';
export interface ChecklistEntryState {
  status: ChecklistStatus;
  note?: string;
}
export interface ChecklistState {
  /** caseId → stepId → entry; persisted so progress survives a reload. */
  progress: Record<string, Record<string, ChecklistEntryState>>;
}
export interface ChecklistActions {
  setStepStatus(stepId: string, status: ChecklistStatus): void;
  setStepNote(stepId: string, note: string): void;
}

export interface HistoryState {
  history: CaseSummary[];
  historyQuery: string;
  /** The case whose full record is on disk this session; later checklist ticks send only the progress. */
  savedCaseId?: string;
  historyStatus: LoadStatus;
}
export interface HistoryActions {
  loadHistory(query?: string): Promise<void>;
  setHistoryQuery(q: string): void;
  openCase(id: string, opts?: { silent?: boolean }): Promise<boolean>;
  deleteCase(id: string): Promise<void>;
  saveCase(): Promise<void>;
  /** Save the checklist progress and notes of the current case (the full record only the first time). */
  saveProgress(): Promise<void>;
}

export interface LinkActions {
  /** Opens a provider help page in the system browser (Electron) or a new tab (web host). */
  openLink(url: string): Promise<void>;
}

export interface DeliveryState {
  /** The agent ticked "put the password in the profile" for the next file (cleared after one file). */
  deliveryIncludePassword: boolean;
  /** Where the agent put the profile for the customer to download (goes into the text and the QR code). */
  profileUrl: string;
}
export interface DeliveryActions {
  setDeliveryIncludePassword(on: boolean): void;
  setProfileUrl(url: string): void;
  saveDelivery(kind: 'mobileconfig' | 'autoconfig'): Promise<'saved' | 'download' | 'cancelled' | 'error'>;
}

export interface WatchUiState {
  /** The 「定期的に再診断」 switch on the Connection test screen is on (its fields show). */
  watchOpen: boolean;
  /** The fields as typed: minutes between tests and the number of tests. */
  watchIntervalMin: string;
  watchCount: string;
  /** The host's watch this page shows (started here, or picked up again after a reload). */
  watch?: WatchState;
  watchStarting: boolean;
}
export interface WatchActions {
  setWatchOpen(on: boolean): void;
  setWatchIntervalMin(v: string): void;
  setWatchCount(v: string): void;
  /** Starts a watch of the current account with the fields' interval and count (checked against the shared bounds first). */
  startWatch(): Promise<void>;
  stopWatch(): Promise<void>;
  /** A 'watch:update' from the host. */
  applyWatch(state: WatchState): void;
  /** Asks the host which watches run (after a reload or a reconnect) and shows this case's. */
  resumeWatches(): Promise<void>;
}

export interface ReportState {
  /** The report includes its technical section (causes with evidence, connections, timings). */
  reportTechnical: boolean;
}
export interface ReportActions {
  setReportTechnical(on: boolean): void;
  /** The agent's notes on the case (担当メモ); saved with the case's progress. */
  setNotes(notes: string): void;
  saveReportFile(content: string, kind: 'markdown' | 'text'): Promise<'saved' | 'download' | 'cancelled' | 'error'>;
  printReport(): Promise<void>;
  /** Copies text (the report) through the host's clipboard, else the page's; tells the user either way. */
  copyText(text: string): Promise<boolean>;
}

export type Store = PrefsState &
  PrefsActions &
  AppState &
  AppActions &
  CaseState &
  CaseActions &
  RunState &
  RunActions &
  ChecklistState &
  ChecklistActions &
  HistoryState &
  HistoryActions &
  ReportState &
  ReportActions &
  DeliveryState &
  DeliveryActions &
  WatchUiState &
  WatchActions &
  LinkActions;
