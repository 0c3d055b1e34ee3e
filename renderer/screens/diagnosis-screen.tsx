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

/** The evidence rows (error codes, timings, replies): for the agent who wants to know why, folded by default. */
function TechnicalDetails({ cause, rank }: { cause: Cause; rank: number }) {
  const t = useT();
  return (
    <details className="tech-details">
      <summary>{t('diagnosis.technical')}</summary>
      <p className="tech-cause">
        <span className="cause-rank">{t('diagnosis.rank', { n: rank })}</span> <span className="h3-like">{cause.title}</span>{' '}
        <span className={`badge like-${cause.likelihood}`}>{t(likelihoodKey(cause.likelihood))}</span>
      </p>
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
    </details>
  );
}

/** Steps, why, the fields to change and the cause's buttons: the same for the first cause and the others. */
function CauseBody({ cause, rank }: { cause: Cause; rank: number }) {
  const t = useT();
  const { device, go } = useApp(useShallow((s) => ({ device: s.device, go: s.go })));
  const wrong = cause.settingsDiff.filter((r) => r.status === 'wrong');
  return (
    <>
      {/* Steps are written for one device; without a chosen device they would name the wrong menus. */}
      {device && cause.steps.length ? <FixSteps steps={cause.steps} /> : null}
      {cause.explanation ? (
        <p className="cause-why">
          <strong>{t('diagnosis.why')}</strong>
          {cause.explanation}
        </p>
      ) : null}
      {wrong.length ? (
        <>
          <h4>{t('diagnosis.changeFields')}</h4>
          <DiffTable rows={wrong} />
        </>
      ) : null}
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
      <TechnicalDetails cause={cause} rank={rank} />
    </>
  );
}

/**
 * Fix first: the most likely cause is not a card among others but what the agent reads out —
 * the device's steps right under the one-line conclusion, the evidence folded behind them.
 */
function FixFirst({ cause }: { cause: Cause }) {
  const t = useT();
  const device = useApp((s) => s.device);
  return (
    <section className={`cause cause-first cause-${cause.likelihood}`} aria-labelledby="fix-first-h" data-cause={cause.id}>
      {/* An outage or an unknown server name: the steps are the agent's, not the customer's. */}
      <h2 id="fix-first-h">
        {cause.audience === 'helpdesk'
          ? t('diagnosis.helpdeskDoes')
          : device
            ? t('diagnosis.tellCustomer', { device: t(`device.${device}`) })
            : t('diagnosis.tellCustomer.noDevice')}
      </h2>
      <h3 className="sr-only">{cause.title}</h3>
      <CauseBody cause={cause} rank={1} />
    </section>
  );
}

/** Another cause: its title shows, the rest opens on demand. */
function CauseCard({ cause, rank }: { cause: Cause; rank: number }) {
  const t = useT();
  return (
    <details className={`cause cause-${cause.likelihood}`} data-cause={cause.id}>
      <summary>
        <span className="cause-rank">{t('diagnosis.rank', { n: rank })}</span>
        <h3 id={`cause-${rank}`}>{cause.title}</h3>
        <span className={`badge like-${cause.likelihood}`}>{t(likelihoodKey(cause.likelihood))}</span>
      </summary>
      <CauseBody cause={cause} rank={rank} />
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
  const [first, ...others] = diagnosis.causes;
  const main = others.filter((c) => c.likelihood !== 'low');
  const minor = others.filter((c) => c.likelihood === 'low');
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
      {first ? <FixFirst cause={first} /> : null}
      {main.length ? (
        <>
          <h2>{t('diagnosis.otherCauses')}</h2>
          <div className="causes">
            {main.map((c, i) => (
              <CauseCard key={c.id} cause={c} rank={i + 2} />
            ))}
          </div>
        </>
      ) : null}
      {minor.length ? (
        <>
          <h2>{t('diagnosis.others')}</h2>
          <div className="causes">
            {minor.map((c, i) => (
              <CauseCard key={c.id} cause={c} rank={main.length + i + 2} />
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
