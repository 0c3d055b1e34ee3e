/**
 * The renderer's one door to shared/knowledge: each function is a single call the
 * screens make. Where the knowledge layer's function has not landed yet, or throws on
 * an input it does not handle, the renderer's plain fallback (same shape) answers instead,
 * so a screen never breaks on a half-built rule.
 */
import type { ChecklistStep, SettingsScreen } from '../../shared/knowledge/checklist-types';
import type { ComposeInput, Diagnosis, LabelledRun, RunComparison, SettingsDiffRow } from '../../shared/knowledge/composer-types';
import type { AccountSettings } from '../../shared/knowledge/fix-types';
import type { ProviderEntry } from '../../shared/knowledge/catalog-types';
import type { Protocol } from '../../shared/models/account';
import type { Device, Lang } from '../../shared/models/device';
import type { DiagnoseReport } from '../../shared/models/probe';
import { providerForEmail } from '../../shared/knowledge/catalog';
import { composeDiagnosis } from '../../shared/knowledge/composer';
import { compareRuns } from '../../shared/knowledge/composer-compare';
import { buildChecklist } from '../../shared/knowledge/checklist';
import { deviceSettingsScreen, highlightFromDiff } from '../../shared/knowledge/device-settings-screen';
import { fallbackDiagnosis } from './fallback-diagnosis';
import { fallbackChecklist, fallbackSettingsScreen } from './fallback-checklist';
import { fallbackCompare } from './fallback-compare';

function guarded<T>(real: () => T, fallback: () => T): T {
  try {
    return real();
  } catch (e) {
    console.warn('knowledge function failed; using the plain fallback', e);
    return fallback();
  }
}

export function providerFor(email: string): ProviderEntry | undefined {
  return guarded(() => providerForEmail(email), () => undefined);
}

export function diagnosisFor(input: ComposeInput): Diagnosis {
  return guarded(() => composeDiagnosis(input), () => fallbackDiagnosis(input));
}

export function checklistFor(
  device: Device,
  lang: Lang,
  diagnosis: Diagnosis | undefined,
  email: string,
  provider: ProviderEntry | undefined,
  report: DiagnoseReport | undefined,
): ChecklistStep[] {
  return guarded(
    () =>
      buildChecklist({
        device,
        lang,
        ...(report ? { findings: report.findings } : {}),
        ...(diagnosis ? { causes: diagnosis.causes } : {}),
        ...(provider ? { provider } : {}),
      }),
    () => fallbackChecklist(device, lang, diagnosis, email, report?.findings.filter((f) => f.severity !== 'info')),
  );
}

/** The device's settings screen for one server with the correct values, highlighting what the diff says is wrong. */
export function settingsScreenFor(
  device: Device,
  protocol: Protocol,
  correct: AccountSettings,
  onDevice: AccountSettings,
  lang: Lang,
  diff: readonly SettingsDiffRow[] | undefined,
): SettingsScreen | undefined {
  const settings = correct[protocol];
  if (!settings) return undefined;
  return guarded(
    () => deviceSettingsScreen(device, protocol, { ...settings, ...(correct.user ? { user: correct.user } : {}) }, lang, diff ? highlightFromDiff(diff, protocol) : undefined),
    () => fallbackSettingsScreen(device, protocol, correct, onDevice, lang),
  );
}

export function comparisonFor(a: LabelledRun, b: LabelledRun, lang: Lang): RunComparison {
  return guarded(() => compareRuns(a, b, lang), () => fallbackCompare(a, b, lang));
}
