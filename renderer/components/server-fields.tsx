import type { Protocol, Security } from '../../shared/models/account';
import { SECURITIES, STANDARD_PORTS } from '../../shared/models/account';
import type { MessageKey } from '../../shared/i18n/messages';
import { useT } from '../hooks/use-t';
import type { DeviceDraft, ServerDraft } from '../store/types';
import type { FieldErrors } from '../view/account-request';

/** Changing the encryption also moves a standard port along (993 ↔ 143, 465 ↔ 587). */
export function portAfterSecurityChange(protocol: Protocol, port: string, from: Security | '', to: Security | ''): string {
  if (!from || !to) return port;
  return port.trim() === String(STANDARD_PORTS[protocol][from]) ? String(STANDARD_PORTS[protocol][to]) : port;
}

interface Props {
  idPrefix: string;
  protocol: Protocol;
  legend: string;
  value: ServerDraft | DeviceDraft;
  allowEmptySecurity?: boolean;
  errors?: FieldErrors;
  onChange(patch: Partial<ServerDraft & DeviceDraft>): void;
  children?: React.ReactNode;
}

export function ServerFields({ idPrefix, protocol, legend, value, allowEmptySecurity, errors, onChange, children }: Props) {
  const t = useT();
  const hostErr = errors?.[`${protocol}.host`];
  const portErr = errors?.[`${protocol}.port`];
  const err = (id: string, key: MessageKey | undefined) =>
    key ? (
      <p id={id} className="field-error">
        <span aria-hidden="true">⚠ </span>
        {t(key)}
      </p>
    ) : null;
  return (
    <fieldset className="server-fields">
      <legend>{legend}</legend>
      {children}
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${idPrefix}-host`}>{t('account.host')}</label>
          <input
            id={`${idPrefix}-host`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={value.host}
            aria-invalid={hostErr ? true : undefined}
            aria-describedby={hostErr ? `${idPrefix}-host-err` : undefined}
            onChange={(e) => onChange({ host: e.target.value })}
          />
          {err(`${idPrefix}-host-err`, hostErr)}
        </div>
        <div className="field port">
          <label htmlFor={`${idPrefix}-port`}>{t('account.port')}</label>
          <input
            id={`${idPrefix}-port`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={value.port}
            aria-invalid={portErr ? true : undefined}
            aria-describedby={portErr ? `${idPrefix}-port-err` : undefined}
            onChange={(e) => onChange({ port: e.target.value })}
          />
          {err(`${idPrefix}-port-err`, portErr)}
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-sec`}>{t('account.security')}</label>
          <select
            id={`${idPrefix}-sec`}
            value={value.security}
            onChange={(e) => {
              const to = e.target.value as Security | '';
              onChange({ security: to as Security, port: portAfterSecurityChange(protocol, value.port, value.security, to) });
            }}
          >
            {allowEmptySecurity ? <option value="">—</option> : null}
            {SECURITIES.map((s) => (
              <option key={s} value={s}>
                {t(`security.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
