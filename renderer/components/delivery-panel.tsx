import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { selectDiagnosis } from '../store/derived';
import { deliveryView, isProfileUrl } from '../view/delivery-view';
import { CopyButton } from './copy-button';
import { FormField } from './form-field';

/**
 * Fix delivery from the diagnosis: the Apple profile and the Thunderbird autoconfig file to
 * save, the text and QR code for the customer, the 「未署名」 note and every source warning.
 * The password goes into a profile only with the box ticked, for that one file.
 */
export function DeliveryPanel() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      diagnosis: selectDiagnosis(st),
      email: st.email.trim(),
      incoming: st.incoming,
      lang: st.lang,
      hasPassword: st.password.length > 0,
      includePassword: st.deliveryIncludePassword,
      profileUrl: st.profileUrl,
      setInclude: st.setDeliveryIncludePassword,
      setProfileUrl: st.setProfileUrl,
      save: st.saveDelivery,
    })),
  );
  const urlText = s.profileUrl.trim();
  const urlOk = !urlText || isProfileUrl(urlText);
  const view = useMemo(
    () => (s.diagnosis ? deliveryView(s.diagnosis, s.email, s.incoming, s.lang, urlText && urlOk ? urlText : undefined) : undefined),
    [s.diagnosis, s.email, s.incoming, s.lang, urlText, urlOk],
  );
  return (
    <section className="card no-print" aria-labelledby="delivery-h" data-testid="delivery">
      <h2 id="delivery-h">{t('delivery.title')}</h2>
      {!view || !view.canBuild ? (
        <p>{t('delivery.none')}</p>
      ) : (
        <>
          <p className="muted small">{t('delivery.intro')}</p>
          {view.profileWarnings.length ? (
            <div className="card card-warn" role="note">
              <h3>{t('delivery.warnings')}</h3>
              <ul data-testid="delivery-warnings">
                {view.profileWarnings.map((w) => (
                  <li key={w.text} data-code={w.code}>
                    {w.text}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="field checkbox">
            <input
              id="delivery-password"
              type="checkbox"
              checked={s.includePassword && s.hasPassword}
              disabled={!s.hasPassword}
              aria-describedby="delivery-password-note"
              onChange={(e) => s.setInclude(e.target.checked)}
            />
            <label htmlFor="delivery-password">{t('delivery.includePassword')}</label>
            <p id="delivery-password-note" className={s.includePassword && s.hasPassword ? 'field-error' : 'muted small'}>
              {!s.hasPassword ? t('delivery.includePassword.none') : s.includePassword ? t('delivery.includePassword.warn') : null}
            </p>
          </div>
          <div className="actions-inline">
            <button type="button" className="btn btn-primary" data-testid="save-profile" onClick={() => void s.save('mobileconfig')}>
              {t('delivery.saveProfile')}
            </button>
            <button type="button" className="btn" data-testid="save-autoconfig" onClick={() => void s.save('autoconfig')}>
              {t('delivery.saveAutoconfig')}
            </button>
          </div>
          <FormField id="delivery-url" label={t('delivery.profileUrl')} error={urlOk ? undefined : t('delivery.profileUrl.invalid')} hint={t('delivery.profileUrl.hint')} alert>
            {(c) => <input {...c} type="url" inputMode="url" autoComplete="off" spellCheck={false} value={s.profileUrl} onChange={(e) => s.setProfileUrl(e.target.value)} />}
          </FormField>
          <div className="delivery-text-qr">
            <div>
              <h3 id="delivery-text-h">{t('delivery.customerText')}</h3>
              <pre className="sms-preview" aria-labelledby="delivery-text-h" tabIndex={0} data-testid="delivery-text">
                {view.customerText}
              </pre>
              <CopyButton text={view.customerText} label={t('delivery.copyText')} testId="copy-delivery-text" />
            </div>
            <figure>
              {view.qr ? (
                <svg className="qr-code" viewBox={`0 0 ${view.qr.size} ${view.qr.size}`} role="img" aria-label={t('delivery.qr')} shapeRendering="crispEdges" data-testid="delivery-qr">
                  <rect width={view.qr.size} height={view.qr.size} fill="#fff" />
                  <path fill="#000" d={view.qr.path} />
                </svg>
              ) : (
                <p>{t('delivery.qr.tooLong')}</p>
              )}
              <figcaption className="muted small">
                {t('delivery.qr')} — {t('delivery.qr.hint')}
              </figcaption>
            </figure>
          </div>
        </>
      )}
    </section>
  );
}
