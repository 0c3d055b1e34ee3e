import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { timelineLines, clockTime } from '../../shared/watch/watch-text';
import { watchBoundsParams, watchFieldIssue, WATCH_MIN_MINUTES } from '../view/watch-fields';
import { WATCH_MAX_RUNS, WATCH_MIN_RUNS, watchMaxCount } from '../../shared/models/watch';
import { FormField } from './form-field';

/**
 * 「定期的に再診断」 on the Connection test screen: the switch, the interval and the count (within
 * the bounds the CLI uses), start and stop, and the timeline as the host's watch grows (what
 * changed between tests, in words). The loop runs in the host, so this panel can go away and come
 * back (minimised window, reloaded page) without losing a test.
 */
export function WatchPanel() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      lang: st.lang,
      open: st.watchOpen,
      interval: st.watchIntervalMin,
      count: st.watchCount,
      watch: st.watch,
      starting: st.watchStarting,
      setOpen: st.setWatchOpen,
      setInterval: st.setWatchIntervalMin,
      setCount: st.setWatchCount,
      start: st.startWatch,
      stop: st.stopWatch,
      resume: st.resumeWatches,
    })),
  );
  const [tried, setTried] = useState(false);
  const { resume } = s;
  // Coming back to this screen (or after a reload): the host may be watching this account already.
  useEffect(() => void resume(), [resume]);
  const issues = watchFieldIssue(s.interval, s.count);
  const running = s.watch?.status === 'running';
  const lines = useMemo(() => (s.watch ? timelineLines(s.watch.timeline, s.lang) : []), [s.watch, s.lang]);
  const minutes = Number(s.interval);
  const maxCount = Number.isFinite(minutes) && minutes >= WATCH_MIN_MINUTES ? watchMaxCount(minutes * 60_000) : WATCH_MAX_RUNS;
  // Messages at the fields once the person pressed start (not while they are still typing).
  const fieldError = (i: typeof issues.interval) => (i && tried ? t(i.key, i.params) : undefined);
  const done = s.watch?.timeline.runs.length ?? 0;

  const status = !s.watch
    ? undefined
    : s.watch.status === 'stopped'
      ? t('watch.status.stopped', { done, count: s.watch.count })
      : s.watch.testing
        ? t('watch.status.testing', { i: s.watch.testing, count: s.watch.count })
        : t('watch.status.waiting', { done, count: s.watch.count, next: s.watch.nextAt ? clockTime(s.watch.nextAt) : '—' });

  return (
    <section className="card watch-panel" aria-labelledby="watch-h" data-testid="watch">
      <div className="field checkbox watch-switch">
        <input
          id="watch-switch"
          type="checkbox"
          role="switch"
          checked={s.open}
          aria-checked={s.open}
          aria-describedby="watch-switch-hint"
          onChange={(e) => s.setOpen(e.target.checked)}
        />
        <label htmlFor="watch-switch">
          <strong id="watch-h">{t('watch.switch')}</strong>
        </label>
      </div>
      <p id="watch-switch-hint" className="hint">
        {t('watch.switch.hint')}
      </p>
      {s.open ? (
        <>
          <form
            className="watch-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setTried(true);
              if (!issues.interval && !issues.count) void s.start();
              else document.getElementById(issues.interval ? 'watch-interval' : 'watch-count')?.focus();
            }}
          >
            <FormField id="watch-interval" label={t('watch.interval')} error={fieldError(issues.interval)} className="port">
              {(c) => (
                <input {...c} type="number" inputMode="numeric" min={WATCH_MIN_MINUTES} step={1} value={s.interval} disabled={running} onChange={(e) => s.setInterval(e.target.value)} />
              )}
            </FormField>
            <FormField id="watch-count" label={t('watch.count')} error={fieldError(issues.count)} className="port">
              {(c) => (
                <input {...c} type="number" inputMode="numeric" min={WATCH_MIN_RUNS} max={maxCount} step={1} value={s.count} disabled={running} onChange={(e) => s.setCount(e.target.value)} />
              )}
            </FormField>
            <div className="actions-inline">
              {running ? (
                <button type="button" className="btn" onClick={() => void s.stop()}>
                  {t('watch.stop')}
                </button>
              ) : (
                <button type="submit" className="btn btn-primary" disabled={s.starting}>
                  {t('watch.start')}
                </button>
              )}
            </div>
          </form>
          <p className="hint" data-testid="watch-bounds">
            {t('watch.bounds', watchBoundsParams(s.interval))}
          </p>
        </>
      ) : null}
      {s.watch ? (
        <div className="watch-timeline" data-testid="watch-timeline">
          <p className={running ? 'progress-line' : ''} aria-live="polite" data-testid="watch-status">
            {running ? <span className="spinner" aria-hidden="true" /> : null}
            {status}
          </p>
          <h3>{t('rep2.watch')}</h3>
          <ul>
            {lines.map((l, i) =>
              l.depth === 0 ? (
                <li key={i} className="watch-line">
                  {l.text}
                </li>
              ) : (
                <li key={i} className="watch-change">
                  {l.text}
                </li>
              ),
            )}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
