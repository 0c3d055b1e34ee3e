import type { SettingsScreen } from '../../shared/knowledge/devices/checklist-types';
import type { Device } from '../../shared/models/device';
import { gradeLabel, isUnconfirmed } from '../../shared/knowledge/devices/device-names';
import { useApp } from '../store';
import { useT } from '../hooks/use-t';

/** Phones get a phone frame, desktop apps a window frame, so the customer recognises the screen. */
function frameOf(device: Device): 'phone' | 'window' {
  return device === 'iphone' || device === 'android-gmail' || device === 'samsung-email' ? 'phone' : 'window';
}

/**
 * A drawing of the device's settings screen (HTML, no images) with the fields the
 * customer must change highlighted and the correct values filled in.
 */
export function SettingsPicture({ device, screen }: { device: Device; screen: SettingsScreen }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const frame = frameOf(device);
  return (
    <figure className={`settings-picture frame-${frame} skin-${device}`}>
      <div className="frame">
        <div className="frame-bar" aria-hidden="true">
          {frame === 'window' ? (
            <>
              <span className="dot" />
              <span className="dot" />
              <span className="dot" />
            </>
          ) : (
            <span className="notch" />
          )}
        </div>
        <div className="frame-title">{screen.title}</div>
        <dl className="frame-fields">
          {screen.fields.map((f) => (
            <div key={f.field} className={`frame-field ${f.highlight ? 'hl' : ''}`}>
              <dt>
                {f.highlight ? <span aria-hidden="true">➜ </span> : null}
                {f.label}
              </dt>
              <dd className="mono">{f.value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <figcaption>
        {screen.path.length ? <span className="menu-path">{screen.path.join(' › ')}</span> : null}
        {isUnconfirmed(screen.pathGrade) ? <span className="badge badge-warn">{gradeLabel(screen.pathGrade, lang)}</span> : null}
        <span className="muted small">{t('checklist.picture.caption')}</span>
        {screen.note ? <span className="small">{screen.note}</span> : null}
      </figcaption>
    </figure>
  );
}
