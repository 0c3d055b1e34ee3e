import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { compareRuns } from '../../shared/knowledge/composer/composer-compare';
import { StatusIcon } from '../components/status-icon';
import type { RunCell } from '../../shared/knowledge/composer/composer-types';
import type { MessageKey } from '../../shared/i18n/messages';
import { findingTitle } from '../../shared/knowledge/findings/finding-title';
import { formatDateTime } from '../../shared/i18n/dates';
import { stepName } from '../../shared/i18n/step-text';

const PRESETS: MessageKey[] = ['compare.preset.office', 'compare.preset.home', 'compare.preset.tethering', 'compare.preset.vpnOn', 'compare.preset.vpnOff'];

function Cell({ cell }: { cell: RunCell }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  if (cell.status === 'absent') return <span className="muted">—</span>;
  return (
    <span>
      <StatusIcon status={cell.status === 'ok' ? 'ok' : cell.status === 'failed' ? 'failed' : 'skipped'} />
      {cell.failedStep ? <span className="muted small"> {t('compare.failedAt', { step: stepName(cell.failedStep, lang) })}</span> : null}
      {cell.code ? <span className="small block">{findingTitle(cell.code, lang)}</span> : null}
      {cell.durationMs !== undefined ? <span className="cell-time">{t('unit.ms', { ms: Math.round(cell.durationMs) })}</span> : null}
    </span>
  );
}

export function CompareScreen() {
  const t = useT();
  const { runs, compare, setCompare, nextLabel, setNextLabel, setRunLabel, runDiagnosis, running, lang, password } = useApp(
    useShallow((s) => ({
      runs: s.runs,
      compare: s.compare,
      setCompare: s.setCompare,
      nextLabel: s.nextLabel,
      setNextLabel: s.setNextLabel,
      setRunLabel: s.setRunLabel,
      runDiagnosis: s.runDiagnosis,
      running: s.run?.status === 'running',
      lang: s.lang,
      password: s.password,
    })),
  );
  const [ia, ib] = compare;
  const a = runs[ia];
  const b = runs[ib];
  // An unnamed run is 「ネットワーク1」…, so a conclusion never reads 「『』でも『』でも」.
  const networkName = (i: number) => runs[i]?.label.trim() || t('compare.network', { n: i + 1 });
  const comparison = useMemo(
    () => (a && b && ia !== ib ? compareRuns({ ...a, label: networkName(ia) }, { ...b, label: networkName(ib) }, lang) : undefined),
    // networkName reads the same runs and lang
    [a, b, ia, ib, lang],
  );
  const runName = (i: number) => t('compare.run', { n: i + 1, label: networkName(i) });
  return (
    <section aria-labelledby="cmp-h">
      <h1 id="cmp-h" tabIndex={-1}>
        {t('compare.title')}
      </h1>
      <p className="lead">{t('compare.intro')}</p>

      <h2>{t('compare.runs')}</h2>
      <ol className="runs">
        {runs.map((r, i) => (
          <li key={r.report.runId} className="run-row">
            <label htmlFor={`run-label-${i}`} className="run-name">
              {t('compare.run', { n: i + 1, label: '' })}
            </label>
            <input id={`run-label-${i}`} type="text" maxLength={100} value={r.label} placeholder={t('compare.network', { n: i + 1 })} onChange={(e) => setRunLabel(i, e.target.value)} />
            <StatusIcon status={r.report.ok ? 'ok' : 'failed'} />
            <span className="muted small">{formatDateTime(r.report.startedAt, lang)}</span>
          </li>
        ))}
      </ol>

      <div className="panel">
        <div className="field">
          <label htmlFor="next-label">{t('compare.label')}</label>
          <p id="next-label-hint" className="hint">
            {t('compare.runAgain.hint')}
          </p>
          <input id="next-label" type="text" maxLength={100} value={nextLabel} placeholder={t('compare.label.placeholder')} aria-describedby="next-label-hint" onChange={(e) => setNextLabel(e.target.value)} />
        </div>
        <div className="presets" role="group" aria-label={t('compare.presets')}>
          {PRESETS.map((k) => (
            <button key={k} type="button" className="btn btn-small" aria-pressed={nextLabel === t(k)} onClick={() => setNextLabel(t(k))}>
              {t(k)}
            </button>
          ))}
        </div>
        {!password ? <p className="hint">{t('compare.needPassword')}</p> : null}
        <button type="button" className="btn btn-primary" disabled={running} onClick={() => void runDiagnosis({ stay: true })}>
          {t('compare.runAgain')}
        </button>
        {running ? (
          <p className="progress-line" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('compare.running')}
          </p>
        ) : null}
      </div>

      {runs.length < 2 ? (
        <p className="card card-info">{t('compare.needTwo')}</p>
      ) : (
        <>
          <div className="row">
            <div className="field">
              <label htmlFor="cmp-a">{t('compare.left')}</label>
              <select id="cmp-a" value={ia} onChange={(e) => setCompare([Number(e.target.value), ib])}>
                {runs.map((_, i) => (
                  <option key={i} value={i}>
                    {runName(i)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="cmp-b">{t('compare.right')}</label>
              <select id="cmp-b" value={ib} onChange={(e) => setCompare([ia, Number(e.target.value)])}>
                {runs.map((_, i) => (
                  <option key={i} value={i}>
                    {runName(i)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {comparison ? (
            <>
              <div className={`card conclusion conclusion-${comparison.conclusion.kind}`} role="status">
                <h2>{t('compare.conclusion')}</h2>
                <p className="big">{comparison.conclusion.text}</p>
              </div>
              <div className="table-wrap">
                <table className="compare">
                  <caption className="sr-only">{t('compare.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('compare.connection')}</th>
                      <th scope="col">{comparison.labelA}</th>
                      <th scope="col">{comparison.labelB}</th>
                      <th scope="col">
                        {t('compare.same')} / {t('compare.differs')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {comparison.rows.map((r) => (
                      <tr key={r.key} className={r.differs ? 'row-differs' : ''}>
                        <th scope="row">
                          {t(`protocol.${r.protocol}`)} {r.port} {t(`security.${r.security}`)}
                          <span className="target-sub">{r.host}</span>
                        </th>
                        <td>
                          <Cell cell={r.a} />
                        </td>
                        <td>
                          <Cell cell={r.b} />
                        </td>
                        <td>{r.differs ? <strong>≠ {t('compare.differs')}</strong> : <span>= {t('compare.same')}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
