import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';
import { SCREENS, type Screen, type Store } from '../store/types';

/** Which screens make sense yet; the others stay visible but disabled, with the reason. */
export function screenAvailable(screen: Screen, s: Pick<Store, 'run' | 'report'>): boolean {
  switch (screen) {
    case 'probe':
      return Boolean(s.run || s.report);
    case 'diagnosis':
    case 'checklist':
    case 'compare':
    case 'report':
      return Boolean(s.report);
    default:
      return true;
  }
}

export function StepNav() {
  const t = useT();
  const { screen, go, run, report, info } = useApp(useShallow((s) => ({ screen: s.screen, go: s.go, run: s.run, report: s.report, info: s.info })));
  return (
    <nav className="step-nav" aria-label={t('app.steps')}>
      <ol>
        {SCREENS.map((sc, i) => {
          const enabled = screenAvailable(sc, { run, report });
          return (
            <li key={sc} className={sc === 'history' ? 'nav-history' : undefined}>
              <button
                type="button"
                className="nav-item"
                aria-current={sc === screen ? 'step' : undefined}
                disabled={!enabled}
                title={enabled ? undefined : t('screen.locked')}
                onClick={() => go(sc)}
                data-screen={sc}
              >
                {sc !== 'history' ? <span className="nav-num" aria-hidden="true">{i + 1}</span> : <span className="nav-num" aria-hidden="true">⟲</span>}
                <span>{t(`screen.${sc}`)}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {info ? (
        <p className="about muted small">
          {t('app.about', { name: t('app.name'), version: info.version, transport: t(info.transport === 'electron' ? 'app.transport.electron' : 'app.transport.web') })}
        </p>
      ) : null}
    </nav>
  );
}
