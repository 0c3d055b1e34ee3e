import type { SettingsDiffRow } from '../../shared/knowledge/composer/composer-types';
import { useT } from '../hooks/use-t';
import { assertNever } from '../../shared/result';
import { Verbatim } from './verbatim';

function resultText(status: SettingsDiffRow['status'], t: ReturnType<typeof useT>): { glyph: string; text: string } {
  switch (status) {
    case 'ok':
      return { glyph: '✓', text: t('diagnosis.diff.same') };
    case 'wrong':
      return { glyph: '✕', text: t('diagnosis.diff.different') };
    case 'unknown':
      return { glyph: '?', text: t('diagnosis.diff.unknown') };
    default:
      return assertNever(status, 'diff status');
  }
}

/** Device value against the working value, field by field; a wrong field is marked in words and colour. */
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
          {rows.map((r) => {
            const res = resultText(r.status, t);
            return (
              <tr
                key={`${r.protocol ?? 'account'}-${r.field}`}
                className={`diff-${r.status}`}
                // Stable hooks for tests and tools: the row label is the device's own word and changes with the device.
                data-protocol={r.protocol ?? 'account'}
                data-field={r.field}
                data-status={r.status}
                data-source={r.source}
              >
                <th scope="row">
                  {r.protocol ? <span className="muted">{t(`protocol.${r.protocol}`)} </span> : null}
                  {r.label}
                </th>
                <td data-cell="device">{r.deviceValue ? <Verbatim text={r.deviceValue} /> : '—'}</td>
                <td data-cell="correct">
                  {r.correctValue ? <strong><Verbatim text={r.correctValue} /></strong> : <span className="muted">{t('diagnosis.diff.noneKnown')}</span>}
                  {r.source ? (
                    <span className="small block muted diff-source" title={t(`setting.source.${r.source}.long`)}>
                      {t(`setting.source.${r.source}`)}
                    </span>
                  ) : null}
                </td>
                <td>
                  <span className={`status status-diff-${r.status}`}>
                    <span className="status-glyph" aria-hidden="true">
                      {res.glyph}
                    </span>
                    <span>{res.text}</span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
