/**
 * Text the server sent or the engine measured (greeting, reply, address, TLS version),
 * shown as it is — in a code face, marked not to be translated — so a reader can tell
 * it apart from the app's own words. Control characters are made visible, never passed on.
 */
export function Verbatim({ text, className }: { text: string; className?: string }) {
  // eslint-disable-next-line no-control-regex
  const shown = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
  return (
    <code className={`verbatim${className ? ` ${className}` : ''}`} translate="no">
      {shown}
    </code>
  );
}
