import { useApp } from '../store';
import { useT } from '../hooks/use-t';

/** A provider help page, opened outside the app through the store (never a raw navigation). */
export function LinkButton({ url }: { url: string }) {
  const t = useT();
  const openLink = useApp((s) => s.openLink);
  return (
    <button type="button" className="btn btn-small btn-link-out" onClick={() => void openLink(url)} title={url}>
      {t('app.openLink')} <span aria-hidden="true">↗</span>
      <span className="sr-only"> ({url})</span>
    </button>
  );
}
