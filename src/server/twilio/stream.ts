import type { Server } from 'node:http'
import { createGuard, type GuardOptions } from '../guard'
import { attachWebSocketRoute, type WebSocketRoute } from '../upgrade'
import type { TwilioBridge } from './bridge'
import { twilioAuthorize } from './webhook'

/** Options of {@link attachTwilioMediaStream}. */
export interface TwilioMediaStreamOptions<TContext, TIdentity> extends GuardOptions<TIdentity> {
  bridge: TwilioBridge<TContext>
  /** Default `/media-stream`. */
  path?: string
  /** The Twilio auth token: when set, the socket's upgrade request must carry a valid `X-Twilio-Signature`. */
  authToken?: string
}

/**
 * Serves Twilio Media Streams on `path` of a Node HTTP server: each upgrade passes the guard (the
 * Twilio signature and/or `authorize`, origin, rate limit), then its socket becomes one call.
 * @example
 * const route = await attachTwilioMediaStream(server, { bridge, authToken: process.env.TWILIO_AUTH_TOKEN })
 */
export function attachTwilioMediaStream<TContext, TIdentity = true>(
  server: Server,
  options: TwilioMediaStreamOptions<TContext, TIdentity>,
): Promise<WebSocketRoute> {
  // The handshake is signed over the socket's URL, without parameters.
  const authorize = twilioAuthorize(options.authToken, 'ws', () => ({}), options.authorize)
  const guard = createGuard<TIdentity>('Twilio media stream', {
    ...options,
    ...(authorize ? { authorize } : {}),
  })
  return attachWebSocketRoute(server, options.path ?? '/media-stream', guard, (socket) => {
    const call = options.bridge.accept(socket)
    socket.on('message', (data) => call.receive(String(data)))
    socket.on('close', () => call.socketClosed())
    socket.on('error', () => call.socketClosed())
  })
}
