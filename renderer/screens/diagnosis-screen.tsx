import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { useDiagnosis } from '../hooks/use-derived';
import { DiffTable } from '../components/diff-table';
import { FixSteps } from '../components/fix-steps';
import type { Cause, Likelihood } from '../../shared/knowledge/composer/composer-types';
import type { MessageKey } from '../../shared/i18n/messages';
import { assertNever } from '../../shared/result';
import { hasDeviceSettings } from '../view/device-settings';
import { Verbatim } from '../components/verbatim';

function likelihoodKey(l: Likelihood): MessageKey {
  switch (l) {
    case 'high':
      return 'likelihood.high';
    case 'medium':
      return 'likelihood.medium';
    case 'low':
      return 'likelihood.low';
    default:
      return assertNever(l, 'likelihood');
  }
}

/**
 * The most likely cause is open; the others show their title and open on demand,
 * so the helpdesk person on the phone reads the first fix first.
 */
function CauseCard({ cause, rank, open }: { cause: Cause; rank: number; open: boolean }) {
  const t = useT();
  const { device, go } = useApp(useShallow((s) => ({ device: s.device, go: s.go })));
  const wrong = cause.settingsDiff.filter((r) => r.status === 'wrong');
  return (
    <details className={`cause cause-${cause.likelihood}`} open={open}>
      <summary>
        <span className="cause-rank">{t('diagnosis.rank', { n: rank })}</span>
        <h3 id={`cause-${rank}`}>{cause.title}</h3>
        <span className={`badge like-${cause.likelihood}`}>{t(likelihoodKey(cause.likelihood))}</span>
      </summary>
      {cause.explanation ? (
        <>
          <h4>{t('diagnosis.explanation')}</h4>
          <p>{cause.explanation}</p>
        </>
      ) : null}
      {cause.evidence.length ? (
        <>
          <h4>{t('diagnosis.evidence')}</h4>
          <dl className="kv">
            {cause.evidence.map((e, i) => (
              <div key={i} className="kv-row">
                <dt>{e.label}</dt>
                <dd>
                  <Verbatim text={e.value} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {/* Steps are written for one device; without a chosen device they would name the wrong menus. */}
      {device && cause.steps.length ? (
        <>
          <h4>{t('diagnosis.fix', { device: t(`device.${device}`) })}</h4>
          <FixSteps steps={cause.steps} />
        </>
      ) : null}
      {wrong.length ? <DiffTable rows={wrong} /> : null}
      {cause.actions.length ? (
        <div className="actions-inline">
          {cause.actions.map((a) => (
            <button
              key={a.id}
              type="button"
              className="btn btn-small"
              onClick={() => go(a.id === 'compare-networks' ? 'compare' : a.id === 'open-checklist' ? 'checklist' : 'probe')}
            >
              {a.label}
            </button>
          ))}
        </div>
      ) : null}
    </details>
  );
}

export function DiagnosisScreen() {
  const t = useT();
  const diagnosis = useDiagnosis();
  const { report, device, go, deviceSettings } = useApp(useShallow((s) => ({ report: s.report, device: s.device, go: s.go, deviceSettings: s.deviceSettings })));
  if (!report || !diagnosis) {
    return (
      <section aria-labelledby="diag-h">
        <h1 id="diag-h" tabIndex={-1}>
          {t('diagnosis.title')}
        </h1>
        <p>{t('diagnosis.noReport')}</p>
      </section>
    );
  }
  const main = diagnosis.causes.filter((c) => c.likelihood !== 'low');
  const minor = diagnosis.causes.filter((c) => c.likelihood === 'low');
  return (
    <section aria-labelledby="diag-h">
      <h1 id="diag-h" tabIndex={-1}>
        {t('diagnosis.title')}
      </h1>
      {report.cancelled ? <p className="card card-warn">{t('diagnosis.cancelledNote')}</p> : null}
      {/* The composer's verdict: green only when the servers worked with these settings and this password. */}
      <div className={`card headline headline-${diagnosis.headline.kind} ${diagnosis.headline.kind === 'ok' ? 'card-ok' : diagnosis.headline.kind === 'problem' ? 'card-danger' : 'card-warn'}`} role="status" data-headline={diagnosis.headline.kind}>
        <p className="big">
          <span className="badge">{t(`headline.${diagnosis.headline.kind}`)}</span> {diagnosis.headline.text}
        </p>
        {diagnosis.headline.detail ? <p>{diagnosis.headline.detail}</p> : null}
      </div>
      {!device ? (
        <p className="card card-warn">
          {t('diagnosis.fix.noDevice')}{' '}
          <button type="button" className="btn btn-small" onClick={() => go('start')}>
            {t('screen.start')}
          </button>
        </p>
      ) : null}
      {main.length ? (
        <>
          <h2>{t('diagnosis.causes')}</h2>
          <div className="causes">
            {main.map((c, i) => (
              <CauseCard key={c.id} cause={c} rank={i + 1} open={i === 0} />
            ))}
          </div>
        </>
      ) : null}
      {minor.length ? (
        <>
          <h2>{t('diagnosis.others')}</h2>
          <div className="causes">
            {minor.map((c, i) => (
              <CauseCard key={c.id} cause={c} rank={main.length + i + 1} open={false} />
            ))}
          </div>
        </>
      ) : null}
      <h2>{t('diagnosis.diff')}</h2>
      {!hasDeviceSettings(deviceSettings) ? <p className="hint">{t('diagnosis.diff.none')}</p> : null}
      {diagnosis.settingsDiff.length ? <DiffTable rows={diagnosis.settingsDiff} /> : null}
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => go('checklist')} disabled={!device}>
          {t('diagnosis.toChecklist')} →
        </button>
      </div>
    </section>
  );
}
