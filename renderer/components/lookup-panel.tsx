import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { findingTitle } from '../../shared/knowledge/findings/finding-title';
import { gradeLabel, isUnconfirmed } from '../../shared/knowledge/devices/device-names';
import { platformLabel } from '../../shared/knowledge/lookup/platform-labels';
import { pick } from '../../shared/knowledge/findings/fix-types';

/** What the typed error text usually means, live as the user types. */
export function LookupPanel() {
  const t = useT();
  const { lookup, status, lang, errorText, setErrorText } = useApp(
    useShallow((s) => ({ lookup: s.lookup, status: s.lookupStatus, lang: s.lang, errorText: s.errorText, setErrorText: s.setErrorText })),
  );
  if (status === 'idle' && !lookup) return null;
  const [best, ...others] = lookup?.matches ?? [];
  return (
    <section className="lookup-panel" aria-live="polite" aria-busy={status === 'loading'}>
      {status === 'loading' && !lookup ? <p className="hint">{t('start.lookup.searching')}</p> : null}
      {lookup && lookup.recognised && best ? (
        <div className="card card-info">
          <h2>{t('start.lookup.recognised')}</h2>
          <p className="quote">
            <q>{best.text}</q> <span className="muted">{t('start.lookup.platform', { platform: platformLabel(best.platform, lang) })}</span>
            {best.grade && isUnconfirmed(best.grade) ? <span className="badge badge-warn">{gradeLabel(best.grade, lang)}</span> : null}
          </p>
          <h3>{t('start.lookup.meaning')}</h3>
          <p>{best.meaning ?? best.codes.map((c) => findingTitle(c, lang)).join(' / ')}</p>
          {best.codes.length ? (
            <ul className="code-list">
              {best.codes.map((c) => (
                <li key={c}>{findingTitle(c, lang)}</li>
              ))}
            </ul>
          ) : null}
          {best.firstChecks?.length ? (
            <>
              <h3>{t('start.lookup.firstChecks')}</h3>
              <ol>
                {best.firstChecks.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ol>
            </>
          ) : null}
        </div>
      ) : null}
      {lookup && !lookup.recognised ? <p className="hint">{t('start.lookup.unrecognised')}</p> : null}
      {others.length ? (
        <div className="suggestions">
          <h3>{t('start.lookup.suggestions')}</h3>
          <ul>
            {others.slice(0, 5).map((m) => (
              <li key={`${m.platform}-${m.text}`}>
                <button type="button" className="btn btn-link" onClick={() => setErrorText(m.text)} disabled={m.text === errorText}>
                  {m.text}
                </button>{' '}
                <span className="muted">{platformLabel(m.platform, lang)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {lookup && !lookup.recognised && lookup.genericChecks?.length ? (
        <div>
          <h3>{t('start.lookup.genericChecks')}</h3>
          <ol>
            {lookup.genericChecks.map((c) => (
              <li key={c.en}>{pick(c, lang)}</li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
