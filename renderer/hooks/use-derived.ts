/**
 * Derived views (diagnosis, checklist, settings pictures) computed from the store.
 * They are pure functions of store state, memoised per render input; the store itself
 * keeps only facts (report, drafts, progress), never derived text.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Diagnosis } from '../../shared/knowledge/composer-types';
import type { ChecklistStep } from '../../shared/knowledge/checklist-types';
import type { AccountSettings } from '../../shared/knowledge/fix-types';
import { useApp } from '../store';
import { checklistFor, diagnosisFor, providerFor } from '../view/knowledge';
import { correctFromReport, deviceAccountSettings } from '../view/settings-diff';

export function useDeviceSettings(): AccountSettings {
  const { incoming, deviceSettings } = useApp(useShallow((s) => ({ incoming: s.incoming, deviceSettings: s.deviceSettings })));
  return useMemo(() => deviceAccountSettings(incoming, deviceSettings), [incoming, deviceSettings]);
}

export function useProvider() {
  const email = useApp((s) => s.email);
  return useMemo(() => (email.includes('@') ? providerFor(email) : undefined), [email]);
}

export function useCorrectSettings(): AccountSettings {
  const { report, user, email } = useApp(useShallow((s) => ({ report: s.report, user: s.user, email: s.email })));
  return useMemo(() => correctFromReport(report, user.trim() || email.trim()), [report, user, email]);
}

export function useDiagnosis(): Diagnosis | undefined {
  const { report, device, lang, errorText, lookup, runs } = useApp(
    useShallow((s) => ({ report: s.report, device: s.device, lang: s.lang, errorText: s.errorText, lookup: s.lookup, runs: s.runs })),
  );
  const provider = useProvider();
  const deviceSettings = useDeviceSettings();
  const correctSettings = useCorrectSettings();
  return useMemo(() => {
    if (!report) return undefined;
    return diagnosisFor({
      report,
      device: device ?? 'iphone',
      lang,
      ...(provider ? { provider } : {}),
      ...(errorText.trim() ? { errorText } : {}),
      ...(lookup ? { lookup } : {}),
      deviceSettings,
      correctSettings,
      previousRuns: runs.slice(0, -1),
    });
  }, [report, device, lang, provider, errorText, lookup, deviceSettings, correctSettings, runs]);
}

export function useChecklist(): ChecklistStep[] {
  const diagnosis = useDiagnosis();
  const provider = useProvider();
  const { device, lang, email, report } = useApp(useShallow((s) => ({ device: s.device, lang: s.lang, email: s.email, report: s.report })));
  return useMemo(() => (device ? checklistFor(device, lang, diagnosis, email, provider, report) : []), [device, lang, diagnosis, email, provider, report]);
}
