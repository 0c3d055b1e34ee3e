import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { selectCustomerSteps, selectFixPlan } from '../store/derived';
import { stepLines } from '../view/customer-steps';
import { CopyButton } from './copy-button';

/**
 * 「お客様に伝える手順」: the steps the composer chose, each with a copy button, the value to
 * type with its own copy button, and the short text for SMS or mail.
 */
export function CustomerStepsPanel() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const plan = useApp(selectFixPlan);
  const sms = useApp(selectCustomerSteps);
  return (
    <section className="card no-print" aria-labelledby="cust-steps-h">
      <h2 id="cust-steps-h">{t('report.fixSteps')}</h2>
      {plan.steps.length ? (
        <>
          <p className="muted small">{t('report.fixSteps.hint')}</p>
          <ol className="fix-steps copy-steps" data-testid="copy-steps">
            {plan.steps.map((s, i) => (
              <li key={i}>
                <span>{stepLines(s, lang).join(' — ')}</span>
                <span className="actions-inline">
                  <CopyButton text={stepLines(s, lang).join('\n')} label={t('report.copyStep', { n: i + 1 })} testId={`copy-step-${i + 1}`} />
                  {s.setting ? <CopyButton text={s.setting.value} label={t('report.copyValue', { label: s.setting.label })} testId={`copy-value-${i + 1}`} /> : null}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t('rep2.fix.none')}</p>
      )}
      <h3 id="sms-h">{t('report.sms')}</h3>
      <p className="muted small">{t('report.sms.hint', { n: sms.length })}</p>
      <pre className="sms-preview" aria-labelledby="sms-h" tabIndex={0} data-testid="sms-text">
        {sms}
      </pre>
      <CopyButton text={sms} label={t('report.copySms')} testId="copy-sms" />
    </section>
  );
}
