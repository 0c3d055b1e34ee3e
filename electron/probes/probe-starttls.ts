/**
 * From a STARTTLS/STLS go-ahead to a TLS session, and what it means when the server sends
 * plaintext in between: STARTTLS_INJECTION, whether the bytes came with the go-ahead or in a
 * later packet while our TLS hello was on its way (starttls-tap.ts judges them). Never log in then.
 */
import { TLS_HANDSHAKE_TIMEOUT_MS } from './deadlines';
import type { LineConn } from './line-conn';
import type { ProbeContext } from './probe-context';
import { Stop } from './probe-stop';
import { explainTlsFailure } from './probe-tls';
import type { Endpoint, ProtocolDialect } from './protocols/dialect';
import { StarttlsTap, type Injection } from './starttls-tap';
import { tlsHandshake, type TlsOptions, type TlsSuccess } from './tls-inspect';
import { CANCELLED_CODE } from './wait';

export async function tlsAfterGoAhead(ctx: ProbeContext, dialect: ProtocolDialect, conn: LineConn, goAhead: string, ep: Endpoint, tlsOptions: TlsOptions): Promise<TlsSuccess | null> {
  const { socket, queued } = conn.handOver();
  const tap = new StarttlsTap(socket, queued);
  if (tap.injection) return reportInjection(ctx, dialect, goAhead, tap.injection);
  ctx.step('starttls', 'ok');
  ctx.step('tls', 'running');
  const h = await tlsHandshake(tap, tlsOptions, ctx.ms(TLS_HANDSHAKE_TIMEOUT_MS), ctx.signal);
  // The tap ended the stream on plaintext: whatever the TLS library made of that, it is the injection.
  if (tap.injection) {
    if (ctx.cancelled) throw new Stop();
    if (h.ok) h.socket.destroy();
    return reportInjection(ctx, dialect, goAhead, tap.injection);
  }
  if (!h.ok) {
    await explainTlsFailure(ctx, dialect, ep, tlsOptions, h.code === CANCELLED_CODE && ctx.budgetExpired ? 'ETIMEDOUT' : h.code, h.message, 'starttls');
    return null;
  }
  return h;
}

function reportInjection(ctx: ProbeContext, dialect: ProtocolDialect, goAhead: string, x: Injection): null {
  const word = dialect.starttls.capability;
  const when = x.arrived === 'go-ahead' ? 'with the go-ahead' : 'after the go-ahead, while the TLS handshake was starting';
  ctx.note(`${x.bytes} bytes of plaintext arrived ${when}: ${x.text.slice(0, 200)}`);
  ctx.add('STARTTLS_INJECTION', {
    // The go-ahead and what followed it, as the helpdesk sees them under the finding.
    serverReply: `${goAhead}\n${x.text}`,
    message: `plaintext arrived ${when} of ${word}, before any TLS record from the server`,
    details: { injected: x.text, injectedBytes: x.bytes, arrived: x.arrived },
  });
  ctx.step('starttls', 'failed', 'plaintext after the go-ahead', { code: 'starttls-injection' });
  if (ctx.steps.some((s) => s.name === 'tls')) ctx.step('tls', 'failed', 'plaintext before the TLS handshake', { code: 'starttls-injection' });
  return null;
}
