import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { useChecklist, useDiagnosis } from '../hooks/use-derived';
import { SettingsPicture } from '../components/settings-picture';
import { LinkButton } from '../components/link-button';
import { shortChecklist } from '../../shared/knowledge/devices/checklist-short';
import { deviceSettingsScreen, highlightFromDiff } from '../../shared/knowledge/devices/device-settings-screen';
import { gradeLabel, isUnconfirmed } from '../../shared/knowledge/devices/device-names';
import type { ChecklistEntryState, ChecklistStatus } from '../store/types';
import type { ChecklistStep } from '../../shared/knowledge/devices/checklist-types';

const EMPTY: Record<string, ChecklistEntryState> = {};



function StepCard({ step, n, entry }: { step: ChecklistStep; n: number; entry: ChecklistEntryState | undefined }) {
  const t = useT();
  const { lang, setStatus, setNote } = useApp(useShallow((s) => ({ lang: s.lang, setStatus: s.setStepStatus, setNote: s.setStepNote })));
  const status: ChecklistStatus = entry?.status ?? 'todo';
  const choice = (value: ChecklistStatus, label: string, glyph: string) => (
    <button type="button" className={`btn btn-small choice choice-${value}`} aria-pressed={status === value} onClick={() => setStatus(step.id, status === value ? 'todo' : value)}>
      <span aria-hidden="true">{glyph} </span>
      {label}
    </button>
  );
  return (
    <li className={`step step-${status} ${step.relevance === 'high' ? 'step-relevant' : ''}`} data-step={step.id}>
      <div className="step-head">
        <span className="step-num" aria-hidden="true">
          {status === 'todo' ? n : status === 'skipped' ? '–' : '✓'}
        </span>
        <h3 id={`step-${step.id}`}>
          <span className="sr-only">{t('checklist.step', { n })}: </span>
          {step.title}
        </h3>
        <span className={`badge st-${status}`}>{t(`checklist.status.${status}`)}</span>
        {step.relevance === 'high' ? <span className="badge badge-accent">{t('checklist.related')}</span> : null}
      </div>
      {step.answered ? (
        <p className="step-answered">
          <span className="badge badge-ok">
            <span aria-hidden="true">✓ </span>
            {t('checklist.answered.label')}
          </span>{' '}
          {step.answered}
        </p>
      ) : null}
      {step.reason ? <p className="muted small">{step.reason}</p> : null}
      <p>{step.action}</p>
      {step.path?.length ? (
        <p className="menu-line">
          <span className="muted">{t('checklist.menuPath')}: </span>
          <span className="menu-path">{step.path.join(' › ')}</span>
          {isUnconfirmed(step.grade) ? <span className="badge badge-warn">{gradeLabel(step.grade, lang)}</span> : null}
        </p>
      ) : null}
      {step.lookFor ? (
        <p>
          <span className="muted">{t('checklist.lookFor')}: </span>
          {step.lookFor}
        </p>
      ) : null}
      {step.note || step.url ? (
        <p className="muted small">
          {step.note}
          {step.url ? <LinkButton url={step.url} /> : null}
        </p>
      ) : null}
      <div className="actions-inline" role="group" aria-labelledby={`step-${step.id}`}>
        {choice('done', t('checklist.check'), '✓')}
        {choice('skipped', t('checklist.skip'), '–')}
        {choice('fixed', t('checklist.fixed'), '★')}
      </div>
      <div className="field">
        <label htmlFor={`note-${step.id}`}>{t('checklist.note')}</label>
        <input id={`note-${step.id}`} type="text" maxLength={2000} value={entry?.note ?? ''} onChange={(e) => setNote(step.id, e.target.value)} />
      </div>
    </li>
  );
}

export function ChecklistScreen() {
  const t = useT();
  const steps = useChecklist();
  const { device, lang, caseProgress, incoming } = useApp(
    useShallow((s) => ({ device: s.device, lang: s.lang, caseProgress: s.progress[s.caseId] ?? EMPTY, incoming: s.incoming })),
  );
  const diagnosis = useDiagnosis();
  // The composer's trusted correct values only: a guess or an untested value is never drawn as the setting to enter.
  const pictures = useMemo(() => {
    const correct = diagnosis?.correctSettings;
    if (!device || !correct) return [];
    return [incoming, 'smtp' as const].flatMap((p) => {
      const settings = correct[p];
      if (!settings) return [];
      return [deviceSettingsScreen(device, p, { ...settings, ...(correct.user ? { user: correct.user } : {}) }, lang, highlightFromDiff(diagnosis.settingsDiff, p))];
    });
  }, [device, incoming, lang, diagnosis]);
  if (!device) {
    return (
      <section aria-labelledby="cl-h">
        <h1 id="cl-h" tabIndex={-1}>
          {t('screen.checklist')}
        </h1>
        <p>{t('checklist.needDevice')}</p>
      </section>
    );
  }
  // At most five open steps; the test's answers apart; every other step one click away.
  const { open: shown, more: rest, answered } = shortChecklist(steps);
  const asked = [...shown, ...rest];
  const handled = asked.filter((s) => (caseProgress[s.id]?.status ?? 'todo') !== 'todo').length;
  const fixed = steps.find((s) => caseProgress[s.id]?.status === 'fixed');
  return (
    <section aria-labelledby="cl-h">
      <h1 id="cl-h" tabIndex={-1}>
        {t('checklist.title', { device: t(`device.${device}`) })}
      </h1>
      <p className="lead">{t('checklist.intro')}</p>
      <p className="progress-line" aria-live="polite">
        <progress max={asked.length} value={handled} aria-label={t('checklist.progress', { done: handled, total: asked.length })} />
        {t('checklist.progress', { done: handled, total: asked.length })}
      </p>
      {fixed ? (
        <p className="card card-ok" role="status">
          <span aria-hidden="true">★ </span>
          {t('checklist.fixedBanner', { step: fixed.title })}
        </p>
      ) : null}
      <div className="checklist-layout">
        <div>
          <ol className="steps">
            {shown.map((s, i) => (
              <StepCard key={s.id} step={s} n={i + 1} entry={caseProgress[s.id]} />
            ))}
          </ol>
          {rest.length ? (
            <details className="more-steps" open={rest.some((s) => (caseProgress[s.id]?.status ?? 'todo') !== 'todo' || caseProgress[s.id]?.note)}>
              <summary>{t('checklist.more', { n: rest.length })}</summary>
              <ol className="steps" start={shown.length + 1}>
                {rest.map((s, i) => (
                  <StepCard key={s.id} step={s} n={shown.length + i + 1} entry={caseProgress[s.id]} />
                ))}
              </ol>
            </details>
          ) : null}
          {answered.length ? (
            <details className="more-steps answered-steps">
              <summary>{t('checklist.answered', { n: answered.length })}</summary>
              <ol className="steps">
                {answered.map((s, i) => (
                  <StepCard key={s.id} step={s} n={asked.length + i + 1} entry={caseProgress[s.id]} />
                ))}
              </ol>
            </details>
          ) : null}
        </div>
        {pictures.length ? (
          <aside className="pictures" aria-label={t('checklist.picture')}>
            <h2>{t('checklist.picture')}</h2>
            {pictures.map((p) => (
              <SettingsPicture key={p.title} device={device} screen={p} />
            ))}
          </aside>
        ) : null}
      </div>
    </section>
  );
}
