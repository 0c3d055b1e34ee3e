import { useShallow } from 'zustand/react/shallow';
import { DEVICES } from '../../shared/models/device';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { DeviceIcon } from '../components/device-icon';
import { LookupPanel } from '../components/lookup-panel';

export function StartScreen() {
  const t = useT();
  const { device, errorText, setDevice, setErrorText, go, ticket, customer, setTicket, setCustomer } = useApp(
    useShallow((s) => ({
      device: s.device,
      errorText: s.errorText,
      setDevice: s.setDevice,
      setErrorText: s.setErrorText,
      go: s.go,
      ticket: s.ticket,
      customer: s.customer,
      setTicket: s.setTicket,
      setCustomer: s.setCustomer,
    })),
  );
  return (
    <section aria-labelledby="start-h">
      <h1 id="start-h" tabIndex={-1}>
        {t('start.title')}
      </h1>
      <p className="lead">{t('start.intro')}</p>
      <fieldset className="device-grid">
        <legend>{t('start.device')}</legend>
        {DEVICES.map((d) => (
          <label key={d} className={`device-tile ${device === d ? 'selected' : ''}`}>
            <input type="radio" name="device" value={d} checked={device === d} onChange={() => setDevice(d)} />
            <DeviceIcon device={d} />
            <span className="device-name">{t(`device.${d}`)}</span>
            {device === d ? (
              <span className="tile-check" aria-hidden="true">
                ✓
              </span>
            ) : null}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="error-text">{t('start.errorText')}</label>
        <p id="error-text-hint" className="hint">
          {t('start.errorText.hint')}
        </p>
        <textarea
          id="error-text"
          rows={3}
          maxLength={5000}
          value={errorText}
          placeholder={t('start.errorText.placeholder')}
          aria-describedby="error-text-hint"
          onChange={(e) => setErrorText(e.target.value)}
        />
      </div>
      <LookupPanel />
      <div className="row case-fields">
        <div className="field">
          <label htmlFor="case-ticket">{t('start.ticket')}</label>
          <input id="case-ticket" type="text" maxLength={50} autoComplete="off" value={ticket} onChange={(e) => setTicket(e.target.value)} />
        </div>
        <div className="field grow">
          <label htmlFor="case-customer">{t('start.customer')}</label>
          <input id="case-customer" type="text" maxLength={100} autoComplete="off" value={customer} onChange={(e) => setCustomer(e.target.value)} />
        </div>
      </div>
      <p className="hint">{t('start.caseFields.hint')}</p>
      <div className="actions">
        {!device ? <p className="hint">{t('start.needDevice')}</p> : null}
        <button type="button" className="btn btn-primary" disabled={!device} onClick={() => go('account')}>
          {t('start.continue')} →
        </button>
      </div>
    </section>
  );
}
