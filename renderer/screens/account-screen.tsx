import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { useProvider } from '../hooks/use-derived';
import { DeviceServerFields, ServerFields } from '../components/server-fields';
import { FormField } from '../components/form-field';
import { deviceUserLabel } from '../../shared/knowledge/devices/device-form';
import { SourceBadge } from '../components/source-badge';
import { KeyIcon, LockIcon } from '../components/icons';
import { validateAccount, isEmail, type FieldErrors } from '../view/account-request';
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
  const errors: FieldErrors = submitted ? validateAccount(s) : {};
  const emailErr = errors.email;
  const authNote = provider ? authNoteKey(provider.auth) : undefined;
  const inc = s.servers[s.incoming];

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const errs = validateAccount(s);
    if (Object.keys(errs).length) {
      // In screen order: the first field in error gets the focus (also the advanced ones, and "no server" → the incoming host).
      const order: Array<[string | undefined, string]> = [
        [errs.email, 'email'],
        [errs[`${s.incoming}.host`] ?? errs.servers, 'srv-in-host'],
        [errs[`${s.incoming}.port`], 'srv-in-port'],
        [errs['smtp.host'], 'srv-out-host'],
        [errs['smtp.port'], 'srv-out-port'],
        [errs.user, 'user'],
        [errs.password, 'password'],
        [errs.timeout, 'opt-timeout'],
        [errs.dnsServer, 'opt-dns'],
        [errs.caPem, 'opt-ca'],
        [errs.from, 'opt-from'],
        [errs.to, 'opt-to'],
      ];
      const firstId = order.find(([e]) => e)?.[1];
      if (firstId) {
        // The advanced fields live in a collapsed panel: open it only when the error is in there.
        if (firstId.startsWith('opt-')) (document.getElementById('advanced') as HTMLDetailsElement | null)?.setAttribute('open', '');
        document.getElementById(firstId)?.focus();
      }
      return;
    }
    void a.runDiagnosis();
  };

  return (
    <form aria-labelledby="account-h" onSubmit={submit} noValidate>
      <h1 id="account-h" tabIndex={-1}>
        {t('account.title')}
      </h1>
      {submitted && Object.keys(errors).length ? (
        <p className="field-error" role="alert">
          {t('account.fixErrors')}
        </p>
      ) : null}
      <div className="row">
        <div className="field grow">
          <label htmlFor="email">{t('account.email')}</label>
          <input
            id="email"
            type="email"
            autoComplete="off"
            spellCheck={false}
            value={s.email}
            aria-invalid={emailErr ? true : undefined}
            aria-describedby={emailErr ? 'email-err' : undefined}
            onChange={(e) => a.setEmail(e.target.value)}
            onBlur={() => {
              if (isEmail(s.email) && s.discovery?.email !== s.email.trim()) void a.discover();
            }}
          />
          {emailErr ? (
            <p id="email-err" className="field-error">
              <span aria-hidden="true">⚠ </span>
              {t(emailErr)}
            </p>
          ) : null}
        </div>
        <button type="button" className="btn align-end" disabled={!isEmail(s.email) || s.discoveryStatus === 'loading'} onClick={() => void a.discover()}>
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
      {errors.servers ? <p className="field-error">{t(errors.servers)}</p> : null}

      <div className="row row-credentials">
        <div className="field grow">
          <label htmlFor="user">{t('account.user')}</label>
          <input
            id="user"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={s.user}
            placeholder={s.email}
            aria-invalid={errors.user ? true : undefined}
            aria-describedby="user-hint"
            onChange={(e) => a.setUser(e.target.value)}
          />
          <p id="user-hint" className={errors.user ? 'field-error' : 'hint'}>
            {t(errors.user ?? 'account.user.hint')}
          </p>
        </div>
        <div className="field grow">
          <label htmlFor="password">{t('account.password')}</label>
          <div className="input-with-button">
            <input
              id="password"
              type={showPw ? 'text' : 'password'}
              autoComplete="new-password"
              spellCheck={false}
              value={s.password}
              aria-invalid={errors.password ? true : undefined}
              aria-describedby={errors.password ? 'password-err password-note' : 'password-note'}
              onChange={(e) => a.setPassword(e.target.value)}
            />
            <button type="button" className="btn btn-small" aria-pressed={showPw} onClick={() => setShowPw((v) => !v)}>
              {showPw ? t('account.password.hide') : t('account.password.show')}
            </button>
            <button type="button" className="btn btn-small" disabled={!s.password} onClick={() => a.forgetPassword()}>
              {t('account.password.forget')}
            </button>
          </div>
          {errors.password ? (
            <p id="password-err" className="field-error">
              {t(errors.password)}
            </p>
          ) : null}
          <p id="password-note" className="hint">
            <LockIcon />{' '}
            {t('account.password.note')} {!s.password ? t('account.password.empty') : ''}
          </p>
        </div>
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
          <div className="field">
            <label htmlFor="opt-timeout">{t('account.timeout')}</label>
            <input
              id="opt-timeout"
              type="text"
              inputMode="numeric"
              value={s.options.timeoutSec}
              placeholder="15"
              aria-invalid={errors.timeout ? true : undefined}
              aria-describedby={errors.timeout ? 'opt-timeout-err' : undefined}
              onChange={(e) => a.setOptions({ timeoutSec: e.target.value })}
            />
            {errors.timeout ? (
              <p id="opt-timeout-err" className="field-error">
                {t(errors.timeout)}
              </p>
            ) : null}
          </div>
          <div className="field grow">
            <label htmlFor="opt-dns">{t('account.dnsServer')}</label>
            <input
              id="opt-dns"
              type="text"
              spellCheck={false}
              value={s.options.dnsServer}
              placeholder="192.0.2.53"
              aria-invalid={errors.dnsServer ? true : undefined}
              aria-describedby={errors.dnsServer ? 'opt-dns-err' : undefined}
              onChange={(e) => a.setOptions({ dnsServer: e.target.value })}
            />
            {errors.dnsServer ? (
              <p id="opt-dns-err" className="field-error">
                {t(errors.dnsServer)}
              </p>
            ) : null}
          </div>
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
        <div className="field">
          <label htmlFor="opt-ca">{t('account.caPem')}</label>
          <textarea
            id="opt-ca"
            rows={3}
            spellCheck={false}
            className="mono"
            value={s.options.caPem}
            aria-invalid={errors.caPem ? true : undefined}
            aria-describedby="opt-ca-hint"
            onChange={(e) => a.setOptions({ caPem: e.target.value })}
          />
          <p id="opt-ca-hint" className={errors.caPem ? 'field-error' : 'hint'}>
            {t(errors.caPem ?? 'account.caPem.hint')}
          </p>
        </div>
        <div className="row">
          <div className="field grow">
            <label htmlFor="opt-from">{t('account.mailFrom')}</label>
            <input
              id="opt-from"
              type="text"
              spellCheck={false}
              value={s.options.from}
              placeholder={s.email}
              aria-invalid={errors.from ? true : undefined}
              aria-describedby={errors.from ? 'opt-from-err' : undefined}
              onChange={(e) => a.setOptions({ from: e.target.value })}
            />
            {errors.from ? (
              <p id="opt-from-err" className="field-error">
                {t(errors.from)}
              </p>
            ) : null}
          </div>
          <div className="field grow">
            <label htmlFor="opt-to">{t('account.rcptTo')}</label>
            <input
              id="opt-to"
              type="text"
              spellCheck={false}
              value={s.options.to}
              placeholder={s.email}
              aria-invalid={errors.to ? true : undefined}
              aria-describedby={errors.to ? 'opt-to-err' : undefined}
              onChange={(e) => a.setOptions({ to: e.target.value })}
            />
            {errors.to ? (
              <p id="opt-to-err" className="field-error">
                {t(errors.to)}
              </p>
            ) : null}
          </div>
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
