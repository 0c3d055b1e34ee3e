/**
 * Messages on the web host's WebSocket. Same contract, different transport:
 * a request carries a correlation id; the host answers with the channel's Result;
 * push events come unsolicited.
 */
import { z } from 'zod';

export const WireRequest = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export type WireRequest = z.infer<typeof WireRequest>;

export type WireMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; event: string; payload: unknown };

/** The browser cannot set headers on a WebSocket, so the per-launch token travels as a subprotocol. */
export const TOKEN_PROTOCOL_PREFIX = 'mail-doctor.token.';
