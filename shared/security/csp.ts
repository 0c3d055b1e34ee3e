/**
 * The renderer's Content-Security-Policy, built in one place.
 *
 * The renderer never talks to the network itself (all sockets live in the
 * engine), so connect-src is 'self' — which also covers the web host's own
 * WebSocket on the same origin. Inline styles are allowed because React sets
 * style attributes; inline scripts, eval, plugins, framing and <base> are not.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
];

export function buildCsp(): string {
  return CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');
}
