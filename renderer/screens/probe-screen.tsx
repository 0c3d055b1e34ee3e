import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { buildMatrix, matrixProgress, MATRIX_COLUMNS } from '../view/matrix';
import { StatusIcon } from '../components/status-icon';
import { EvidencePanel } from '../components/evidence-panel';
import { targetLabel } from '../components/target-label';
import { findingTitle } from '../../shared/knowledge/findings/finding-title';
import { SYSTEM_RESOLVER_UNAVAILABLE } from '../../shared/models/probe';
import { errorCodeText, stepDetailText } from '../../shared/i18n/step-text';
import { Verbatim } from '../components/verbatim';
import { WatchPanel } from '../components/watch-panel';

export function ProbeScreen() {
  const t = useT();
  const { run, report, lang, selected, selectProbe, cancelRun, runDiagnosis, go, hasWatch } = useApp(
    useShallow((s) => ({ run: s.run, report: s.report, lang: s.lang, selected: s.selectedProbeId, selectProbe: s.selectProbe, cancelRun: s.cancelRun, runDiagnosis: s.runDiagnosis, go: s.go, hasWatch: s.watch !== undefined })),
  );
  // A case reopened from history has a report but no live run: show the report's probes.
  const source = useMemo(() => {
    if (run) return run;
    if (!report) return undefined;
    const probes = Object.fromEntries(report.probes.map((p) => [p.id, p]));
    return { status: report.cancelled ? 'cancelled' : 'done', targets: report.probes, steps: {}, probes, dns: report.dns, startedAt: 0 } as const;
  }, [run, report]);
  const rows = useMemo(() => (source ? buildMatrix(source.targets, source.steps, source.probes, source.status !== 'running') : []), [source]);
  if (!source) {
    return (
      <section aria-labelledby="probe-h">
        <h1 id="probe-h" tabIndex={-1}>
          {t('probe.title')}
        </h1>
        <p>{t('probe.noRun')}</p>
      </section>
    );
  }
  const { done, total } = matrixProgress(rows);
  const running = source.status === 'running';
  const selectedRow = rows.find((r) => r.target.id === selected);
  const duration = run?.status === 'done' && report ? report.durationMs : run || !report ? undefined : report.durationMs;
  return (
    <section aria-labelledby="probe-h">
      <h1 id="probe-h" tabIndex={-1}>
        {t('probe.title')}
      </h1>
      <div className="probe-head" aria-live="polite">
        {running ? (
          <p className="progress-line">
            <span className="spinner" aria-hidden="true" />
            {total ? t('probe.running', { done, total }) : t('probe.planning')}
            <progress max={Math.max(total, 1)} value={done} aria-label={t('probe.title')} />
          </p>
        ) : source.status === 'error' ? (
          // A refused or broken run never reads 「完了」, even when an earlier run's report is still there.
          <div className="card card-danger" role="alert">
            <p>{t(run?.refusedBadInput ? 'probe.refused' : 'probe.failed')}</p>
            {run?.refusedBadInput ? (
              <button type="button" className="btn btn-small" onClick={() => go('account')}>
                {t('screen.account')}
              </button>
            ) : null}
          </div>
        ) : source.status === 'cancelled' ? (
          <p className="card card-warn">{t('probe.cancelled')}</p>
        ) : duration !== undefined ? (
          <p>{t('probe.done', { seconds: (duration / 1000).toFixed(1) })}</p>
        ) : null}
        <div className="actions-inline">
          {running ? (
            <button type="button" className="btn" onClick={() => void cancelRun()}>
              {t('probe.cancel')}
            </button>
          ) : (
            <>
              <button type="button" className="btn" onClick={() => void runDiagnosis()}>
                {t('probe.rerun')}
              </button>
              {report ? (
                <button type="button" className="btn btn-primary" onClick={() => go('diagnosis')}>
                  {t('probe.toDiagnosis')} →
                </button>
              ) : null}
            </>
          )}
        </div>
      </div>
      {/* The watch repeats a test that has run once, with the same account and settings. */}
      {report || hasWatch ? <WatchPanel /> : null}
      {source.dns.length ? (
        <p className="dns-line">
          <strong>{t('probe.dns')}: </strong>
          {source.dns.map((d) => (
            <span key={d.host} className="dns-item">
              {d.host} → {d.skipped ? t(`probe.dns.skipped.${d.skipped}`) : [...d.a, ...d.aaaa].join(', ') || (d.error === SYSTEM_RESOLVER_UNAVAILABLE ? t('probe.dns.systemResolverUnavailable') : d.error ? errorCodeText(d.error, lang) : t('probe.dns.none'))} ({t('unit.ms', { ms: Math.round(d.durationMs) })})
            </span>
          ))}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="matrix">
          <caption className="sr-only">{t('probe.matrix')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('probe.col.target')}</th>
              {MATRIX_COLUMNS.map((c) => (
                <th scope="col" key={c}>
                  {t(`probe.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const label = targetLabel(r.target, t);
              return (
                <tr key={r.target.id} className={`row-${r.status} ${selected === r.target.id ? 'row-selected' : ''}`} data-probe={r.target.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="btn-link target-btn"
                      aria-expanded={selected === r.target.id}
                      aria-controls="evidence-panel"
                      onClick={() => selectProbe(selected === r.target.id ? undefined : r.target.id)}
                    >
                      <span className="target-main">{label}</span>
                      <span className="target-sub">
                        {r.target.host} · {t(r.target.role === 'configured' ? 'probe.role.configured' : 'probe.role.alternative')}
                      </span>
                      {r.topFinding ? <span className="target-finding">{findingTitle(r.topFinding, lang)}</span> : null}
                    </button>
                  </th>
                  {MATRIX_COLUMNS.map((c) => {
                    const cell = r.cells[c];
                    const detail = stepDetailText(cell, lang);
                    return (
                      <td key={c} className={`cell cell-${cell.status}`}>
                        <button type="button" className="cell-btn" onClick={() => selectProbe(r.target.id)}>
                          {/* The visible status stays part of the accessible name; the row and column are added for screen readers. */}
                          <span className="sr-only">{t('probe.cell.label', { target: label, column: t(`probe.col.${c}`) })}</span>
                          <StatusIcon status={cell.status} />
                          {cell.durationMs !== undefined ? <span className="cell-time">{t('unit.ms', { ms: Math.round(cell.durationMs) })}</span> : null}
                          {detail ? <span className="cell-detail">{detail.verbatim ? <Verbatim text={detail.text} /> : detail.text}</span> : null}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {selectedRow ? <EvidencePanel row={selectedRow} probe={source.probes[selectedRow.target.id]} onClose={() => selectProbe(undefined)} /> : null}
    </section>
  );
}
