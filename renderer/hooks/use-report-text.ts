import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useChecklist, useDeviceSettings, useDiagnosis } from './use-derived';
import { buildReportText, type ReportFormat } from '../view/report-text';
import { t } from '../../shared/i18n/messages';
import { formatDateTime } from '../../shared/i18n/dates';

/** The ticket report for the current case, or undefined before the first run. */
export function useReportText(format: ReportFormat): string | undefined {
  const diagnosis = useDiagnosis();
  const checklist = useChecklist();
  const deviceSettings = useDeviceSettings();
  const s = useApp(
    useShallow((st) => ({
      report: st.report,
      lang: st.lang,
      email: st.email,
      device: st.device,
      errorText: st.errorText,
      progress: st.progress[st.caseId],
      runs: st.runs,
      password: st.password,
      createdAt: st.createdAt,
    })),
  );
  return useMemo(() => {
    if (!s.report) return undefined;
    return buildReportText(
      {
        createdAt: formatDateTime(s.report.startedAt, s.lang),
        email: s.email,
        device: s.device,
        deviceLabel: s.device ? t(s.lang, `device.${s.device}`) : undefined,
        errorText: s.errorText,
        report: s.report,
        causes: diagnosis?.causes ?? [],
        deviceSettings,
        checklist,
        progress: s.progress ?? {},
        runs: s.runs.map((r) => ({ label: r.label, ok: r.report.ok, durationMs: r.report.durationMs })),
      },
      s.lang,
      format,
      // Belt and braces: even if a server echoed the password in a reply, it does not reach the ticket.
      [s.password],
    );
  }, [s, diagnosis, checklist, deviceSettings, format]);
}
