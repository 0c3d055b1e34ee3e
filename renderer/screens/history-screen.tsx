import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { findingTitle } from '../../shared/knowledge/findings/finding-title';
import { isFindingCode } from '../../shared/findings/codes';
import { StatusIcon } from '../components/status-icon';
import { formatDateTime } from '../../shared/i18n/dates';
import type { CaseSummary } from '../../shared/models/case';
import { pick } from '../../shared/knowledge/findings/fix-types';

export function HistoryScreen() {
  const t = useT();
  const { history, query, status, lang, setQuery, load, open, remove } = useApp(
    useShallow((s) => ({
      history: s.history,
      query: s.historyQuery,
      status: s.historyStatus,
      lang: s.lang,
      setQuery: s.setHistoryQuery,
      load: s.loadHistory,
      open: s.openCase,
      remove: s.deleteCase,
    })),
  );
  useEffect(() => {
    void load();
  }, [load]);
  const fmt = (iso: string) => formatDateTime(iso, lang);
  const title = (code: string) => (isFindingCode(code) ? findingTitle(code, lang) : code);
  /** What was wrong, and the final state: 「ポート25が遮断されています → 解決」. */
  const outcome = (h: CaseSummary): string => {
    // The composer's words for what was wrong (kept with the case) and the last finished run's verdict.
    if (h.problem) return t(h.final === 'ok' ? 'history.fixed' : h.final === 'unverified' ? 'history.unverified' : 'history.stillWrong', { finding: pick(h.problem, lang) });
    if (h.ok === undefined) return '—';
    if (h.ok) return t('history.ok');
    return h.topFinding ? t('history.stillWrong', { finding: title(h.topFinding) }) : t('history.problem');
  };
  return (
    <section aria-labelledby="hist-h">
      <h1 id="hist-h" tabIndex={-1}>
        {t('history.title')}
      </h1>
      <div className="field">
        <label htmlFor="hist-q">{t('history.search')}</label>
        <input id="hist-q" type="search" value={query} maxLength={500} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div aria-live="polite" aria-busy={status === 'loading'}>
        {status === 'loading' && !history.length ? <p>{t('history.loading')}</p> : null}
        {status === 'done' && !history.length ? <p>{query.trim() ? t('history.noMatch', { query }) : t('history.empty')}</p> : null}
      </div>
      {history.length ? (
        <div className="table-wrap">
          <table className="history">
            <caption className="sr-only">{t('history.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.ticket')}</th>
                <th scope="col">{t('history.customer')}</th>
                <th scope="col">{t('rep.email')}</th>
                <th scope="col">{t('rep.device')}</th>
                <th scope="col">{t('rep.result')}</th>
                <th scope="col">{t('history.updated')}</th>
                <th scope="col">
                  <span className="sr-only">{t('history.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td translate="no">{h.ticket ?? '—'}</td>
                  <td translate="no">{h.customer ?? '—'}</td>
                  <th scope="row">{h.email}</th>
                  <td>{h.device ? t(`device.${h.device}`) : '—'}</td>
                  <td>
                    {h.final ? <StatusIcon status={h.final === 'ok' ? 'ok' : h.final === 'problem' ? 'failed' : 'warning'} showText={false} /> : h.ok === undefined ? null : <StatusIcon status={h.ok ? 'ok' : 'failed'} showText={false} />} {outcome(h)}
                  </td>
                  <td>{fmt(h.updatedAt)}</td>
                  <td>
                    <div className="actions-inline">
                    <button type="button" className="btn btn-small" onClick={() => void open(h.id)} aria-label={`${t('history.open')}: ${h.email}`}>
                      {t('history.open')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      aria-label={`${t('history.delete')}: ${h.email}`}
                      onClick={() => {
                        if (window.confirm(t('history.delete.confirm', { email: h.email }))) void remove(h.id);
                      }}
                    >
                      {t('history.delete')}
                    </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
