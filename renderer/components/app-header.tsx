import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import type { ThemePref } from '../store/types';
import type { Lang } from '../../shared/models/device';

export function AppHeader() {
  const t = useT();
  const { lang, theme, email, device, ticket, setLang, setTheme, newCase, hasCase } = useApp(
    useShallow((s) => ({ lang: s.lang, theme: s.theme, email: s.email, device: s.device, ticket: s.ticket.trim(), setLang: s.setLang, setTheme: s.setTheme, newCase: s.newCase, hasCase: Boolean(s.email || s.device || s.runs.length) })),
  );
  return (
    <header className="app-header">
      <div className="brand">
        <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
          <rect x="2" y="6" width="24" height="17" rx="3" fill="var(--accent)" />
          <path d="M3 8 L14 16 L25 8" fill="none" stroke="#fff" strokeWidth="2" />
          <circle cx="22" cy="21" r="5.5" fill="var(--ok)" stroke="var(--bg)" strokeWidth="1.5" />
          <path d="M22 18.5 V23.5 M19.5 21 H24.5" stroke="#fff" strokeWidth="1.8" />
        </svg>
        <div>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
      </div>
      <p className="case-pill" aria-live="polite">
        {/* What the helpdesk typed is data, not the app's words: marked so nothing translates it. */}
        {ticket ? (
          <>
            {t('app.case.ticket', { ticket: '' })}
            <span translate="no">{ticket}</span>
            {' · '}
          </>
        ) : null}
        {email ? t('app.case', { email }) : t('app.case.none')}
        {device ? ` · ${t(`device.${device}`)}` : ''}
      </p>
      <div className="header-tools">
        <label className="inline-field">
          <span>{t('app.language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="ja">日本語</option>
            <option value="en">English</option>
          </select>
        </label>
        <label className="inline-field">
          <span>{t('app.theme')}</span>
          <select value={theme} onChange={(e) => setTheme(e.target.value as ThemePref)}>
            <option value="system">{t('app.theme.system')}</option>
            <option value="light">{t('app.theme.light')}</option>
            <option value="dark">{t('app.theme.dark')}</option>
          </select>
        </label>
        <button
          type="button"
          className="btn"
          onClick={() => {
            if (!hasCase || window.confirm(t('app.newCase.confirm'))) newCase();
          }}
        >
          {t('app.newCase')}
        </button>
      </div>
    </header>
  );
}
