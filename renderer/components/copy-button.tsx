import { useApp } from '../store';

/** A small button that copies one piece of text (a step, a value) through the host's clipboard. */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const copyText = useApp((s) => s.copyText);
  return (
    <button type="button" className="btn btn-small" aria-label={label} title={label} data-testid={testId} onClick={() => void copyText(text)}>
      {label}
    </button>
  );
}
