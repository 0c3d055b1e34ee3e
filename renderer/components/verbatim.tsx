import { showControls } from '../../shared/security/server-text';

/**
 * Text the server sent or the engine measured (greeting, reply, address, TLS version),
 * shown as it is — in a code face, marked not to be translated — so a reader can tell
 * it apart from the app's own words. Control characters are shown as text, never passed on.
 */
export function Verbatim({ text, className }: { text: string; className?: string }) {
  return (
    <code className={`verbatim${className ? ` ${className}` : ''}`} translate="no">
      {showControls(text)}
    </code>
  );
}
