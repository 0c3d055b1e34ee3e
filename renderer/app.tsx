import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from './store';
import { useT } from './hooks/use-t';
import { AppHeader } from './components/app-header';
import { StepNav } from './components/step-nav';
import { NoticeBar } from './components/notice-bar';
import { StartScreen } from './screens/start-screen';
import { AccountScreen } from './screens/account-screen';
import { ProbeScreen } from './screens/probe-screen';
import { DiagnosisScreen } from './screens/diagnosis-screen';
import { ChecklistScreen } from './screens/checklist-screen';
import { CompareScreen } from './screens/compare-screen';
import { ReportScreen } from './screens/report-screen';
import { HistoryScreen } from './screens/history-screen';
import type { Screen } from './store/types';
import { assertNever } from '../shared/result';

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'start':
      return <StartScreen />;
    case 'account':
      return <AccountScreen />;
    case 'probe':
      return <ProbeScreen />;
    case 'diagnosis':
      return <DiagnosisScreen />;
    case 'checklist':
      return <ChecklistScreen />;
    case 'compare':
      return <CompareScreen />;
    case 'report':
      return <ReportScreen />;
    case 'history':
      return <HistoryScreen />;
    default:
      return assertNever(screen, 'screen');
  }
}

export function App() {
  const { screen, lang, theme, booting } = useApp(useShallow((s) => ({ screen: s.screen, lang: s.lang, theme: s.theme, booting: s.booting })));
  const t = useT();
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.name')} — ${t(`screen.${screen}`)}`;
  }, [lang, screen, t]);

  useEffect(() => {
    const el = document.documentElement;
    if (theme === 'system') delete el.dataset.theme;
    else el.dataset.theme = theme;
  }, [theme]);

  // Moving to another screen puts keyboard and screen-reader focus on its heading.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screen]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <div className="app-body">
        <StepNav />
        <main id="main" ref={mainRef} className="screen" aria-busy={booting}>
          {booting ? <p className="loading">{t('app.loading')}</p> : <ScreenView screen={screen} />}
        </main>
      </div>
      <NoticeBar />
    </div>
  );
}
