import type { Trust } from '../../shared/models/discovery';
import { useT } from '../hooks/use-t';
import type { ServerSource } from '../store/types';

/** Where a setting came from and how far to trust it, in words (not just colour). */
export function SourceBadge({ source, trust }: { source?: ServerSource; trust?: Trust }) {
  const t = useT();
  if (!source) return null;
  return (
    <p className="source-badge">
      <span className="muted">{t('account.source')}: </span>
      <span>{t(`source.${source}`)}</span>
      {trust ? (
        <>
          <span className="muted"> · {t('account.trust')}: </span>
          <span className={`badge trust-${trust}`}>
            <span aria-hidden="true">{trust === 'trusted' ? '✓ ' : '? '}</span>
            {t(`trust.${trust}`)}
          </span>
        </>
      ) : null}
    </p>
  );
}
