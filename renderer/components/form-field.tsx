import type { ReactNode } from 'react';

/** What the control inside a FormField must carry so the message belongs to it. */
export interface FieldControl {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface Props {
  id: string;
  label: ReactNode;
  /** The translated message for what is wrong; shown at the field, in place of the hint. */
  error?: string | undefined;
  /** Shown while nothing is wrong (same paragraph as the error: `<id>-hint`). */
  hint?: ReactNode;
  /** Always shown under the message (`<id>-note`), e.g. the password note. */
  note?: ReactNode;
  /** Ids of other text about this field, elsewhere on the page. */
  describedBy?: string | undefined;
  /** Extra classes on the wrapper: grow, port, checkbox… */
  className?: string;
  /** Announce the error at once (a field that validates while typing, not on submit). */
  alert?: boolean;
  /** Checkboxes put the label after the control. */
  labelAfter?: boolean;
  children(control: FieldControl): ReactNode;
}

/**
 * One field with its label and its message: the error text sits at the field and is tied to
 * the control by aria-describedby, so a screen reader reads it on focus (the screens move the
 * focus to the first field in error). Ids: the message is `<id>-hint` when the field has a hint,
 * else `<id>-err`.
 */
export function FormField({ id, label, error, hint, note, describedBy: more, className, alert, labelAfter, children }: Props) {
  const msgId = hint !== undefined ? `${id}-hint` : `${id}-err`;
  const hasMsg = Boolean(error) || hint !== undefined;
  const noteId = note !== undefined ? `${id}-note` : undefined;
  const describedBy = [hasMsg ? msgId : undefined, noteId, more].filter(Boolean).join(' ') || undefined;
  const control = children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy });
  const labelEl = <label htmlFor={id}>{label}</label>;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      {labelAfter ? null : labelEl}
      {control}
      {labelAfter ? labelEl : null}
      {error ? (
        <p id={msgId} className="field-error" role={alert ? 'alert' : undefined}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : hint !== undefined ? (
        <p id={msgId} className="hint">
          {hint}
        </p>
      ) : null}
      {note !== undefined ? (
        <p id={noteId} className="hint">
          {note}
        </p>
      ) : null}
    </div>
  );
}
