/**
 * The derived views — diagnosis, checklist, case story — computed ONCE per input change and
 * shared by every component (a module-level memo keyed on the store fields they read, not a
 * useMemo per component, which would compose again in each one). They are pure functions of
 * store state; the store keeps only facts (reports, drafts, progress), never derived text.
 */
import type { ChecklistStep } from '../../shared/knowledge/devices/checklist-types';
import type { ProviderEntry } from '../../shared/knowledge/providers/catalog-types';
import type { CaseContext, CaseRun, CaseStory } from '../../shared/knowledge/composer/case-story';
import type { Diagnosis } from '../../shared/knowledge/composer/composer-types';
import type { AccountSettings } from '../../shared/knowledge/findings/fix-types';
import { providerForEmail } from '../../shared/knowledge/providers/catalog';
import { caseStory, composeRun } from '../../shared/knowledge/composer/case-story';
import { buildChecklist } from '../../shared/knowledge/devices/checklist';
import { t } from '../../shared/i18n/messages';
import { formatDateTime } from '../../shared/i18n/dates';
import { deviceAccountSettings } from '../view/device-settings';
import { buildReportText, type ReportFormat, type ReportInput } from '../view/report-text';
import { customerStepsText, fixPlan, type FixPlan } from '../view/customer-steps';
import type { Store } from './types';

/** Remember the last call: same arguments (by identity) → the same result object. */
export function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | undefined;
  let value: R;
  return (...args: A): R => {
    if (last && last.length === args.length && last.every((x, i) => Object.is(x, args[i]))) return value;
    value = fn(...args);
    last = args;
    return value;
  };
}

const deviceSettingsOf = memoLast(deviceAccountSettings);
export const selectDeviceSettings = (s: Store): AccountSettings => deviceSettingsOf(s.incoming, s.deviceSettings);

const providerOf = memoLast((email: string): ProviderEntry | undefined => (email.includes('@') ? providerForEmail(email) : undefined));
export const selectProvider = (s: Store): ProviderEntry | undefined => providerOf(s.email.trim());

const contextOf = memoLast(
  (device: Store['device'], provider: ProviderEntry | undefined, errorText: string, lookup: Store['lookup'], deviceSettings: AccountSettings): CaseContext => ({
    device: device ?? 'iphone',
    ...(provider ? { provider } : {}),
    ...(errorText.trim() ? { errorText } : {}),
    ...(lookup ? { lookup } : {}),
    deviceSettings,
  }),
);
export const selectContext = (s: Store): CaseContext => contextOf(s.device, selectProvider(s), s.errorText, s.lookup, selectDeviceSettings(s));

const diagnosisOf = memoLast((ctx: CaseContext, runs: readonly CaseRun[], lang: Store['lang']): Diagnosis | undefined =>
  runs.length ? composeRun(ctx, runs, runs.length - 1, lang) : undefined,
);
/** The diagnosis of the latest run (also while a newer run is going: the screen keeps the last answer). */
export const selectDiagnosis = (s: Store): Diagnosis | undefined => (s.report ? diagnosisOf(selectContext(s), s.runs, s.lang) : undefined);

const storyOf = memoLast((ctx: CaseContext, runs: readonly CaseRun[], lang: Store['lang']): CaseStory => caseStory(ctx, runs, lang));
export const selectCaseStory = (s: Store): CaseStory => storyOf(selectContext(s), s.runs, s.lang);

const checklistOf = memoLast(
  (device: Store['device'], lang: Store['lang'], diagnosis: Diagnosis | undefined, provider: ProviderEntry | undefined, report: Store['report'], email: string): ChecklistStep[] => {
    if (!device) return [];
    const domain = email.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : '';
    return buildChecklist({
      device,
      lang,
      ...(report ? { findings: report.findings, report } : {}),
      ...(diagnosis ? { causes: diagnosis.causes, settingsDiff: diagnosis.settingsDiff, networksCompared: !!diagnosis.comparison } : {}),
      ...(provider ? { provider } : {}),
      ...(domain ? { domain } : {}),
    });
  },
);
export const selectChecklist = (s: Store): ChecklistStep[] => checklistOf(s.device, s.lang, selectDiagnosis(s), selectProvider(s), s.report, s.email.trim());

/** One memo per format: the report screen shows one and copies either, each built once per change. */
const reportOf = {
  text: memoLast(reportText('text')),
  markdown: memoLast(reportText('markdown')),
} as const;

function reportText(format: ReportFormat) {
  return (
    report: Store['report'],
    diagnosis: Diagnosis | undefined,
    story: CaseStory,
    checklist: ChecklistStep[],
    deviceSettings: AccountSettings,
    progress: Store['progress'][string] | undefined,
    email: string,
    device: Store['device'],
    errorText: string,
    lang: Store['lang'],
    password: string,
    extra: ReportExtra,
  ): string | undefined => {
    if (!report || !diagnosis) return undefined;
    return buildReportText(
      {
        createdAt: formatDateTime(report.startedAt, lang),
        email,
        device,
        deviceLabel: device ? t(lang, `device.${device}`) : undefined,
        errorText,
        report,
        headline: diagnosis.headline,
        causes: diagnosis.causes,
        story,
        deviceSettings,
        checklist,
        progress: progress ?? {},
        ...extra,
      },
      lang,
      format,
      // Belt and braces: even if a server echoed the password in a reply, it does not reach the ticket.
      [password],
    );
  };
}

/** Case fields the report shows besides the runs, gathered into one object that changes only when one of them does. */
type ReportExtra = Pick<ReportInput, 'ticket' | 'customer' | 'notes' | 'technical' | 'watch'>;
const extraOf = memoLast(
  (ticket: string, customer: string, notes: string, technical: boolean, watch: ReportInput['watch']): ReportExtra => ({ ticket, customer, notes, technical, ...(watch ? { watch } : {}) }),
);

/** The ticket report for the current case, or undefined before the first run. */
export const selectReportText = (format: ReportFormat) => (s: Store): string | undefined =>
  reportOf[format](
    s.report,
    selectDiagnosis(s),
    selectCaseStory(s),
    selectChecklist(s),
    selectDeviceSettings(s),
    s.progress[s.caseId],
    s.email,
    s.device,
    s.errorText,
    s.lang,
    s.password,
    // The watch's timeline, when this account was watched (the host keeps it after the end).
    extraOf(s.ticket, s.customer, s.notes, s.reportTechnical, s.watch && s.watch.email === s.email.trim() ? s.watch.timeline : undefined),
  );

const planOf = memoLast((diagnosis: Diagnosis | undefined, story: CaseStory): FixPlan => fixPlan(diagnosis, story));
/** The steps the customer is told (the report screen's copy buttons and the short text). */
export const selectFixPlan = (s: Store): FixPlan => planOf(selectDiagnosis(s), selectCaseStory(s));

const smsOf = memoLast((email: string, plan: FixPlan, lang: Store['lang']): string => customerStepsText(email, plan, lang));
/** The short text for the customer (SMS or mail). */
export const selectCustomerSteps = (s: Store): string => smsOf(s.email.trim(), selectFixPlan(s), s.lang);
