import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { useReportText } from '../hooks/use-report-text';
import type { ReportFormat } from '../view/report-text';
import { CustomerStepsPanel } from '../components/customer-steps-panel';
import { DeliveryPanel } from '../components/delivery-panel';

export function ReportScreen() {
  const t = useT();
  const [format, setFormat] = useState<ReportFormat>('text');
  const markdown = useReportText('markdown');
  const plain = useReportText('text');
  const text = format === 'markdown' ? markdown : plain;
  const { copyText, saveReportFile, printReport, technical, setTechnical, notes, setNotes, saveProgress } = useApp(
    useShallow((s) => ({
      copyText: s.copyText,
      saveReportFile: s.saveReportFile,
      printReport: s.printReport,
      technical: s.reportTechnical,
      setTechnical: s.setReportTechnical,
      notes: s.notes,
      setNotes: s.setNotes,
      saveProgress: s.saveProgress,
    })),
  );
  if (!text) {
    return (
      <section aria-labelledby="rep-h">
        <h1 id="rep-h" tabIndex={-1}>
          {t('report.title')}
        </h1>
        <p>{t('report.noReport')}</p>
      </section>
    );
  }
  const copy = async (content: string | undefined) => {
    if (content) await copyText(content);
  };
  return (
    <section aria-labelledby="rep-h">
      <h1 id="rep-h" tabIndex={-1} className="no-print">
        {t('report.title')}
      </h1>
      <p className="lead no-print">{t('report.intro')}</p>
      <CustomerStepsPanel />
      <DeliveryPanel />
      <div className="field no-print">
        <label htmlFor="case-notes">{t('report.memo')}</label>
        <textarea id="case-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} onBlur={() => void saveProgress()} />
      </div>
      <div className="actions-inline no-print">
        <button type="button" className="btn" onClick={() => void copy(plain)}>
          {t('report.copyText')}
        </button>
        <button type="button" className="btn" onClick={() => void copy(markdown)}>
          {t('report.copyMarkdown')}
        </button>
        <button type="button" className="btn" onClick={() => void saveReportFile(format === 'markdown' ? (markdown ?? '') : (plain ?? ''), format)}>
          {t('report.saveFile')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void printReport()}>
          {t('report.savePdf')}
        </button>
      </div>
      <fieldset className="inline-radios no-print">
        <legend>{t('report.format')}</legend>
        {(['text', 'markdown'] as const).map((f) => (
          <label key={f}>
            <input type="radio" name="report-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            {t(f === 'text' ? 'report.format.text' : 'report.format.markdown')}
          </label>
        ))}
      </fieldset>
      <div className="field checkbox no-print">
        <input id="rep-technical" type="checkbox" checked={technical} onChange={(e) => setTechnical(e.target.checked)} />
        <label htmlFor="rep-technical">{t('report.includeTechnical')}</label>
      </div>
      <h2 className="no-print">{t('report.preview')}</h2>
      <pre className="report-preview print-area" tabIndex={0} aria-label={t('report.preview')} data-testid="report-text">
        {text}
      </pre>
    </section>
  );
}
