import type { DiffVerdict, SettingsDiffRow } from '../../shared/knowledge/composer/composer-types';
import { useT } from '../hooks/use-t';
import { assertNever } from '../../shared/result';
import { Verbatim } from './verbatim';

function glyph(verdict: DiffVerdict): string {
  switch (verdict) {
    case 'same':
      return '✓';
    case 'change':
      return '✕';
    case 'check':
      return '!';
    case 'not-entered':
    case 'unknown':
      return '?';
    default:
      return assertNever(verdict, 'diff verdict');
  }
}

/**
 * Device value against the working value, field by field, as shared/ computed it (labels,
 * values and verdict in the device's own words). A changed field is marked in words and colour,
 * a field worth a check in a softer caution. Rows and cells carry data-* hooks (protocol, field,
 * status, verdict, source; data-cell device/correct/result) so tests never depend on the label.
 */
export function DiffTable({ rows }: { rows: readonly SettingsDiffRow[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="diff">
        <caption className="sr-only">{t('diagnosis.diff')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('diagnosis.diff.field')}</th>
            <th scope="col">{t('diagnosis.diff.device')}</th>
            <th scope="col">{t('diagnosis.diff.correct')}</th>
            <th scope="col">{t('diagnosis.diff.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.protocol ?? 'account'}-${r.field}`}
              className={`diff-${r.verdict}`}
              data-protocol={r.protocol ?? 'account'}
              data-field={r.field}
              data-status={r.status}
              data-verdict={r.verdict}
              data-source={r.source}
            >
              <th scope="row">
                {r.section ? <span className="muted diff-section">{r.section} › </span> : null}
                {r.label}
                {/* One mark per row and the sentence once under the table: a badge on every row drowned the differences. */}
                {r.wordsUnconfirmed ? (
                  <span className="diff-words-unconfirmed">
                    <span aria-hidden="true">※</span>
                    <span className="sr-only">{t('device.words.unconfirmed')}</span>
                  </span>
                ) : null}
              </th>
              <td data-cell="device">{r.deviceValue ? <Verbatim text={r.deviceValue} /> : '—'}</td>
              <td data-cell="correct">
                {r.correctValue ? (
                  <strong data-value="correct">
                    <Verbatim text={r.correctValue} />
                  </strong>
                ) : (
                  <span className="muted">{t(`diff.noCorrect.${r.noCorrect ?? 'none'}`)}</span>
                )}
                {/* The source's long sentence opens on click, tap or Enter (a title alone reaches only a mouse). */}
                {r.correctValue && r.source ? (
                  <details className="diff-source-more small">
                    <summary className="diff-source">{t(`setting.source.${r.source}`)}</summary>
                    <p>{t(`setting.source.${r.source}.long`)}</p>
                  </details>
                ) : null}
              </td>
              <td data-cell="result">
                <span className={`status status-diff-${r.verdict}`}>
                  <span className="status-glyph" aria-hidden="true">
                    {glyph(r.verdict)}
                  </span>
                  <span>{t(`diff.verdict.${r.verdict}`)}</span>
                </span>
                {r.verdict === 'check' ? <span className="small block muted">{t('diff.verdict.check.hint')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.some((r) => r.wordsUnconfirmed) ? <p className="hint small">{t('device.words.unconfirmed.note')}</p> : null}
    </div>
  );
}
