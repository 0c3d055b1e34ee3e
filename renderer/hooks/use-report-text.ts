import { useApp } from '../store';
import { selectReportText } from '../store/derived';
import type { ReportFormat } from '../view/report-text';

const selectors = { text: selectReportText('text'), markdown: selectReportText('markdown') } as const;

/** The ticket report for the current case, or undefined before the first run (built once per change, see store/derived.ts). */
export function useReportText(format: ReportFormat): string | undefined {
  return useApp(selectors[format]);
}
