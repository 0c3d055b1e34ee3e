/**
 * Status as icon + word, so colour is never the only signal.
 */
import type { MessageKey } from '../../shared/i18n/messages';
import { assertNever } from '../../shared/result';
import type { CellStatus } from '../view/matrix';
import { useT } from '../hooks/use-t';

export function statusKey(s: CellStatus): MessageKey {
  switch (s) {
    case 'pending':
      return 'status.pending';
    case 'running':
      return 'status.running';
    case 'ok':
      return 'status.ok';
    case 'failed':
      return 'status.failed';
    case 'skipped':
      return 'status.skipped';
    case 'warning':
      return 'status.warning';
    case 'none':
      return 'status.none';
    default:
      return assertNever(s, 'status');
  }
}

function glyph(s: CellStatus): string {
  switch (s) {
    case 'ok':
      return '✓';
    case 'failed':
      return '✕';
    case 'warning':
      return '!';
    case 'running':
      return '…';
    case 'pending':
      return '○';
    case 'skipped':
      return '–';
    case 'none':
      return '·';
    default:
      return assertNever(s, 'status');
  }
}

export function StatusIcon({ status, showText = true }: { status: CellStatus; showText?: boolean }) {
  const t = useT();
  return (
    <span className={`status status-${status}`}>
      <span className="status-glyph" aria-hidden="true">
        {glyph(status)}
      </span>
      {showText ? <span className="status-text">{t(statusKey(status))}</span> : <span className="sr-only">{t(statusKey(status))}</span>}
    </span>
  );
}
