import type { Protocol, Security } from '../../shared/models/account';
import { SECURITIES, STANDARD_PORTS } from '../../shared/models/account';
import type { Device } from '../../shared/models/device';
import { choiceForSecurity, deviceServerForm, securityForChoice } from '../../shared/knowledge/devices/device-form';
import { isUnconfirmed } from '../../shared/knowledge/devices/device-names';
import { useT } from '../hooks/use-t';
import { useApp } from '../store';
import type { DeviceDraft, ServerDraft } from '../store/types';
import type { FieldErrors } from '../view/account-request';
import { parsePort } from '../view/account-request';
import { FormField } from './form-field';

/** Changing the encryption also moves a standard port along (993 ↔ 143, 465 ↔ 587). */
export function portAfterSecurityChange(protocol: Protocol, port: string, from: Security | '', to: Security | ''): string {
  if (!from || !to) return port;
  return port.trim() === String(STANDARD_PORTS[protocol][from]) ? String(STANDARD_PORTS[protocol][to]) : port;
}

interface Props {
  idPrefix: string;
  protocol: Protocol;
  legend: string;
  value: ServerDraft;
  errors?: FieldErrors;
  onChange(patch: Partial<ServerDraft>): void;
  children?: React.ReactNode;
}

/** The server to test: plain words (SSL/TLS, STARTTLS), the port follows a change of encryption. */
export function ServerFields({ idPrefix, protocol, legend, value, errors, onChange, children }: Props) {
  const t = useT();
  const hostErr = errors?.[`${protocol}.host`];
  const portErr = errors?.[`${protocol}.port`];
  return (
    <fieldset className="server-fields">
      <legend>{legend}</legend>
      {children}
      <div className="row">
        <FormField id={`${idPrefix}-host`} label={t('account.host')} error={hostErr && t(hostErr)} className="grow">
          {(c) => <input {...c} type="text" inputMode="url" autoComplete="off" spellCheck={false} value={value.host} onChange={(e) => onChange({ host: e.target.value })} />}
        </FormField>
        <FormField id={`${idPrefix}-port`} label={t('account.port')} error={portErr && t(portErr)} className="port">
          {(c) => <input {...c} type="text" inputMode="numeric" autoComplete="off" value={value.port} onChange={(e) => onChange({ port: e.target.value })} />}
        </FormField>
        <FormField id={`${idPrefix}-sec`} label={t('account.security')}>
          {(c) => (
            <select
              {...c}
              value={value.security}
              onChange={(e) => {
                const to = e.target.value as Security;
                onChange({ security: to, port: portAfterSecurityChange(protocol, value.port, value.security, to) });
              }}
            >
              {SECURITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`security.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
    </fieldset>
  );
}

interface DeviceProps {
  idPrefix: string;
  device: Device | undefined;
  protocol: Protocol;
  value: DeviceDraft;
  onChange(patch: Partial<DeviceDraft>): void;
}

/**
 * What the device is set to, in the device's own words (shared/knowledge/devices/device-form):
 * an iPhone's 「SSLを使用」 オン/オフ, Outlook's drop-down or POP checkbox, and so on. Nothing moves by
 * itself here: the port and the choice are what the customer reads out, mistakes included (the
 * comparison is there to find them). The stored encryption follows the port for a one-switch device.
 */
export function DeviceServerFields({ idPrefix, device, protocol, value, onChange }: DeviceProps) {
  const lang = useApp((st) => st.lang);
  const t = useT();
  const form = deviceServerForm(device, protocol, lang);
  const choice = choiceForSecurity(device, protocol, value.security);
  return (
    <fieldset className="server-fields device-form" data-device-form={device ?? 'none'} data-protocol={protocol}>
      <legend>
        <span className="device-form-section">{form.section}</span>
        {isUnconfirmed(form.grade) ? <span className="badge badge-warn device-words-unconfirmed">{t('device.words.unconfirmed')}</span> : null}
      </legend>
      <div className="device-form-row">
        <FormField id={`${idPrefix}-host`} label={form.host.label}>
          {(c) => <input {...c} type="text" inputMode="url" autoComplete="off" spellCheck={false} value={value.host} onChange={(e) => onChange({ host: e.target.value })} />}
        </FormField>
        <FormField id={`${idPrefix}-port`} label={form.port.label}>
          {(c) => (
            <input
              {...c}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={value.port}
              onChange={(e) => {
                const port = e.target.value;
                onChange({ port, security: securityForChoice(device, protocol, choice, parsePort(port)) });
              }}
            />
          )}
        </FormField>
        <FormField id={`${idPrefix}-sec`} label={form.security.label} describedBy={form.securityNote ? `${idPrefix}-sec-note` : undefined}>
          {(c) => (
            <select {...c} value={choice} onChange={(e) => onChange({ security: securityForChoice(device, protocol, e.target.value, parsePort(value.port)) })}>
              <option value="">—</option>
              {form.securityChoices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {form.securityNote ? (
        <p id={`${idPrefix}-sec-note`} className="hint">
          {form.securityNote}
        </p>
      ) : null}
    </fieldset>
  );
}
