import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { useProvider } from '../hooks/use-derived';
import { DeviceServerFields, ServerFields } from '../components/server-fields';
import { FormField } from '../components/form-field';
import { deviceUserLabel } from '../../shared/knowledge/devices/device-form';
import { SourceBadge } from '../components/source-badge';
import { KeyIcon, LockIcon } from '../components/icons';
import { validateAccount, isEmail, lengthErrors, type FieldErrors } from '../view/account-request';
import { configuredSource } from '../view/device-settings';
import type { DiscoveryResult } from '../../shared/models/discovery';
import type { MessageKey } from '../../shared/i18n/messages';
import type { AuthRequirement } from '../../shared/knowledge/providers/catalog-types';
import { assertNever } from '../../shared/result';
import { pick } from '../../shared/knowledge/findings/fix-types';

function authNoteKey(auth: AuthRequirement): MessageKey | undefined {
  switch (auth) {
    case 'password':
      return undefined;
    case 'app-password':
      return 'account.appPassword';
    case 'provider-password':
      return 'account.providerPassword';
    case 'oauth-only':
      return 'account.oauthOnly';
    default:
      return assertNever(auth, 'auth requirement');
  }
}

/** "Found" only for a published source; guessed names (imap.<domain>) read as a guess. */
function discoveredText(d: DiscoveryResult, t: ReturnType<typeof useT>): string {
  const best = [d.best.imap, d.best.pop3, d.best.smtp].filter((c) => c !== undefined);
  if (best.length === 0) return t('account.discover.none');
  return best.every((c) => configuredSource(c) === 'guess') ? t('account.discovered.guess', { domain: d.domain }) : t('account.discovered', { domain: d.domain });
}

/** Each error's field and the control that gets the focus, in screen order ("no server" → the incoming host). */
function fieldOrder(incoming: 'imap' | 'pop3'): Array<[string[], string]> {
  return [
    [['email'], 'email'],
    [[`${incoming}.host`, 'servers'], 'srv-in-host'],
    [[`${incoming}.port`], 'srv-in-port'],
    [['smtp.host'], 'srv-out-host'],
    [['smtp.port'], 'srv-out-port'],
    [['user'], 'user'],
    [['password'], 'password'],
    [['timeout'], 'opt-timeout'],
    [['dnsServer'], 'opt-dns'],
    [['caPem'], 'opt-ca'],
    [['from'], 'opt-from'],
    [['to'], 'opt-to'],
  ];
}

/** Focus the first field in error; the advanced fields live in a collapsed panel, opened only when the error is in there. */
function focusFirst(errs: FieldErrors, incoming: 'imap' | 'pop3'): void {
  const id = fieldOrder(incoming).find(([keys]) => keys.some((k) => errs[k]))?.[1];
  if (!id) return;
  if (id.startsWith('opt-')) (document.getElementById('advanced') as HTMLDetailsElement | null)?.setAttribute('open', '');
  document.getElementById(id)?.focus();
}

/** Enter that confirms a Japanese IME conversion is not "submit" (keyCode 229: Safari ends the composition first). */
function isImeEnter(e: React.KeyboardEvent): boolean {
  return e.key === 'Enter' && (e.nativeEvent.isComposing || e.keyCode === 229);
}

export function AccountScreen() {
  const t = useT();
  const s = useApp(
    useShallow((st) => ({
      email: st.email,
      user: st.user,
      password: st.password,
      incoming: st.incoming,
      servers: st.servers,
      deviceSettings: st.deviceSettings,
      options: st.options,
      discovery: st.discovery,
      discoveryStatus: st.discoveryStatus,
      lang: st.lang,
      device: st.device,
      running: st.run?.status === 'running',
      refused: st.run?.status === 'error' ? st.run.refusedField : undefined,
    })),
  );
  const a = useApp(
    useShallow((st) => ({
      setEmail: st.setEmail,
      setUser: st.setUser,
      setPassword: st.setPassword,
      forgetPassword: st.forgetPassword,
      setIncoming: st.setIncoming,
      setServer: st.setServer,
      setDeviceSetting: st.setDeviceSetting,
      setDeviceUser: st.setDeviceUser,
      setOptions: st.setOptions,
      discover: st.discover,
      runDiagnosis: st.runDiagnosis,
    })),
  );
  const provider = useProvider();
  const [showPw, setShowPw] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const composing = useRef(false);
  // The engine's refusal is about the inputs it was sent: once the person edits them, its message goes
  // (the form's own checks still speak, and the next run asks the engine again).
  const inputs = JSON.stringify([s.email, s.user, s.incoming, s.servers, s.options]);
  const refusedInputs = useRef<{ refusal: unknown; inputs: string } | undefined>(undefined);
  if (s.refused && refusedInputs.current?.refusal !== s.refused) refusedInputs.current = { refusal: s.refused, inputs };
  const refused = s.refused && refusedInputs.current?.inputs === inputs ? s.refused : undefined;
  // The engine's refusal names its field; the form's own checks (on submit, and lengths while typing) come on top.
  const errors: FieldErrors = { ...(refused ? { [refused.field]: refused.key } : {}), ...(submitted ? validateAccount(s) : {}), ...lengthErrors(s) };
  const authNote = provider ? authNoteKey(provider.auth) : undefined;
  const inc = s.servers[s.incoming];
  const err = (key: string) => {
    const k = errors[key];
    return k ? t(k) : undefined;
  };

  useEffect(() => {
    const refused = s.refused;
    if (!refused) return;
    // After the app has put the focus on the new screen's heading (its effect runs after this one).
    // Once per refusal: the field keeps its message, the focus is not pulled back on every keystroke.
    const timer = window.setTimeout(() => focusFirst({ [refused.field]: refused.key }, s.incoming), 0);
    return () => window.clearTimeout(timer);
  }, [s.refused]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (composing.current) return;
    setSubmitted(true);
    const errs = { ...validateAccount(s), ...lengthErrors(s) };
    if (Object.keys(errs).length) {
      focusFirst(errs, s.incoming);
      return;
    }
    void a.runDiagnosis();
  };

  return (
    <form
      aria-labelledby="account-h"
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => {
        if (isImeEnter(e)) e.preventDefault();
      }}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={() => (composing.current = false)}
    >
      <h1 id="account-h" tabIndex={-1}>
        {t('account.title')}
      </h1>
      {submitted && Object.keys(errors).length ? (
        <p className="field-error" role="alert">
          {t('account.fixErrors')}
        </p>
      ) : null}
      <div className="row">
        <FormField id="email" label={t('account.email')} error={err('email')} className="grow">
          {(c) => (
            <input
              {...c}
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={s.email}
              onChange={(e) => a.setEmail(e.target.value)}
              onBlur={() => {
                if (isEmail(s.email) && s.discovery?.email !== s.email.trim()) void a.discover();
              }}
            />
          )}
        </FormField>
        {/* Not disabled while discovery runs: tabbing out of the address starts it, and a button that
            disables itself under the focus would drop the focus to the page. */}
        <button
          type="button"
          className="btn align-end"
          disabled={!isEmail(s.email)}
          aria-disabled={s.discoveryStatus === 'loading' ? true : undefined}
          onClick={() => {
            if (s.discoveryStatus !== 'loading') void a.discover();
          }}
        >
          {t('account.discover')}
        </button>
      </div>
      <div aria-live="polite" className="discovery-status">
        {s.discoveryStatus === 'loading' ? (
          <p className="progress-line">
            <span className="spinner" aria-hidden="true" /> {t('account.discovering')}
          </p>
        ) : null}
        {s.discoveryStatus === 'done' && s.discovery ? (
          <p>
            {discoveredText(s.discovery, t)}
            {provider ? ` — ${t('account.provider', { name: pick(provider.name, s.lang) })}` : ''}
          </p>
        ) : null}
      </div>
      {authNote ? (
        <p className="card card-warn" role="note">
          <KeyIcon />{' '}
          {t(authNote)}
          {provider?.passwordHelp ? <span className="muted"> {pick(provider.passwordHelp.text, s.lang)}</span> : null}
        </p>
      ) : null}

      <h2>{t('account.settings')}</h2>
      <p className="hint">{t('account.settings.hint')}</p>
      <ServerFields
        idPrefix="srv-in"
        protocol={s.incoming}
        legend={t('account.incoming', { protocol: t(`protocol.${s.incoming}`) })}
        value={inc}
        errors={errors}
        onChange={(p) => a.setServer(s.incoming, p)}
      >
        <div className="row">
          <div className="field">
            <label htmlFor="incoming-proto">{t('account.incomingProtocol')}</label>
            <select id="incoming-proto" value={s.incoming} onChange={(e) => a.setIncoming(e.target.value as 'imap' | 'pop3')}>
              <option value="imap">{t('protocol.imap')}</option>
              <option value="pop3">{t('protocol.pop3')}</option>
            </select>
          </div>
          <SourceBadge source={inc.source} trust={inc.trust} />
        </div>
      </ServerFields>
      <ServerFields idPrefix="srv-out" protocol="smtp" legend={t('account.outgoing')} value={s.servers.smtp} errors={errors} onChange={(p) => a.setServer('smtp', p)}>
        <SourceBadge source={s.servers.smtp.source} trust={s.servers.smtp.trust} />
      </ServerFields>
      {errors.servers ? (
        <p id="servers-err" className="field-error">
          <span aria-hidden="true">⚠ </span>
          {t(errors.servers)}
        </p>
      ) : null}

      <div className="row row-credentials">
        <FormField id="user" label={t('account.user')} error={err('user')} hint={t('account.user.hint')} className="grow">
          {(c) => <input {...c} type="text" autoComplete="off" spellCheck={false} value={s.user} placeholder={s.email} onChange={(e) => a.setUser(e.target.value)} />}
        </FormField>
        <FormField
          id="password"
          label={t('account.password')}
          error={err('password')}
          className="grow"
          note={
            <>
              <LockIcon /> {t('account.password.note')} {!s.password ? t('account.password.empty') : ''}
            </>
          }
        >
          {(c) => (
            <div className="input-with-button">
              <input {...c} type={showPw ? 'text' : 'password'} autoComplete="new-password" spellCheck={false} value={s.password} onChange={(e) => a.setPassword(e.target.value)} />
              <button type="button" className="btn btn-small" aria-pressed={showPw} onClick={() => setShowPw((v) => !v)}>
                {showPw ? t('account.password.hide') : t('account.password.show')}
              </button>
              <button type="button" className="btn btn-small" disabled={!s.password} onClick={() => a.forgetPassword()}>
                {t('account.password.forget')}
              </button>
            </div>
          )}
        </FormField>
      </div>

      <details className="panel" id="device-settings">
        <summary>{t('account.deviceSettings')}</summary>
        <p className="hint">{t('account.deviceSettings.hint')}</p>
        <DeviceServerFields idPrefix="dev-in" device={s.device} protocol={s.incoming} value={s.deviceSettings.incoming} onChange={(p) => a.setDeviceSetting('incoming', p)} />
        <DeviceServerFields idPrefix="dev-out" device={s.device} protocol="smtp" value={s.deviceSettings.smtp} onChange={(p) => a.setDeviceSetting('smtp', p)} />
        <FormField id="dev-user" label={deviceUserLabel(s.device, s.lang).label}>
          {(c) => <input {...c} type="text" autoComplete="off" spellCheck={false} value={s.deviceSettings.user} onChange={(e) => a.setDeviceUser(e.target.value)} />}
        </FormField>
      </details>

      <details className="panel" id="advanced">
        <summary>{t('account.advanced')}</summary>
        <div className="row">
          <FormField id="opt-timeout" label={t('account.timeout')} error={err('timeout')}>
            {(c) => <input {...c} type="text" inputMode="numeric" value={s.options.timeoutSec} placeholder="15" onChange={(e) => a.setOptions({ timeoutSec: e.target.value })} />}
          </FormField>
          <FormField id="opt-dns" label={t('account.dnsServer')} error={err('dnsServer')} className="grow">
            {(c) => <input {...c} type="text" spellCheck={false} value={s.options.dnsServer} placeholder="192.0.2.53" onChange={(e) => a.setOptions({ dnsServer: e.target.value })} />}
          </FormField>
        </div>
        <div className="field checkbox">
          <input id="opt-no-domain-lookups" type="checkbox" checked={s.options.noDomainLookups} onChange={(e) => a.setOptions({ noDomainLookups: e.target.checked })} />
          <label htmlFor="opt-no-domain-lookups">{t('account.noDomainLookups')}</label>
        </div>
        <div className="field checkbox">
          <input id="opt-insecure" type="checkbox" checked={s.options.allowInsecureAuth} aria-describedby="opt-insecure-warn" onChange={(e) => a.setOptions({ allowInsecureAuth: e.target.checked })} />
          <label htmlFor="opt-insecure">{t('account.insecure')}</label>
        </div>
        {s.options.allowInsecureAuth ? (
          <p id="opt-insecure-warn" className="card card-danger" role="alert">
            <span aria-hidden="true">⚠ </span>
            {t('account.insecure.warning')}
          </p>
        ) : null}
        <FormField id="opt-ca" label={t('account.caPem')} error={err('caPem')} hint={t('account.caPem.hint')}>
          {(c) => <textarea {...c} rows={3} spellCheck={false} className="mono" value={s.options.caPem} onChange={(e) => a.setOptions({ caPem: e.target.value })} />}
        </FormField>
        <div className="row">
          <FormField id="opt-from" label={t('account.mailFrom')} error={err('from')} className="grow">
            {(c) => <input {...c} type="text" spellCheck={false} value={s.options.from} placeholder={s.email} onChange={(e) => a.setOptions({ from: e.target.value })} />}
          </FormField>
          <FormField id="opt-to" label={t('account.rcptTo')} error={err('to')} className="grow">
            {(c) => <input {...c} type="text" spellCheck={false} value={s.options.to} placeholder={s.email} onChange={(e) => a.setOptions({ to: e.target.value })} />}
          </FormField>
        </div>
      </details>

      <div className="actions actions-sticky">
        <button type="submit" className="btn btn-primary" disabled={s.running}>
          {t('account.run')} →
        </button>
      </div>
    </form>
  );
}
