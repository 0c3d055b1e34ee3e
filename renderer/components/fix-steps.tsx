import type { FixStep } from '../../shared/knowledge/findings/fix-types';
import { gradeLabel, isUnconfirmed } from '../../shared/knowledge/devices/device-names';
import { useApp } from '../store';
import { LinkButton } from './link-button';

/** Device fix steps with their exact menu path and the value to set; unconfirmed labels say so. */
export function FixSteps({ steps }: { steps: readonly FixStep[] }) {
  const lang = useApp((s) => s.lang);
  return (
    <ol className="fix-steps">
      {steps.map((s, i) => (
        <li key={i}>
          <span>{s.text}</span>
          {s.path?.length ? (
            <span className="menu-path">
              {s.path.map((seg, j) => (
                <span key={j}>
                  {j > 0 ? <span aria-hidden="true"> › </span> : null}
                  <span className="path-seg">{seg}</span>
                </span>
              ))}
            </span>
          ) : null}
          {s.setting ? (
            <span className="setting-value">
              {s.setting.label}: <strong className="mono">{s.setting.value}</strong>
            </span>
          ) : null}
          {s.note ? <span className="muted small"> {s.note}</span> : null}
          {s.url ? <LinkButton url={s.url} /> : null}
          {isUnconfirmed(s.grade) ? <span className="badge badge-warn">{gradeLabel(s.grade, lang)}</span> : null}
        </li>
      ))}
    </ol>
  );
}
