import { RealtimeError } from '../errors'
import type { ClientEvent } from '../protocol'
import type { RealtimeTransport, TransportConnectOptions, TransportHandlers } from './transport'
import type { WebRTCCall } from './webrtcCall'

/** Where the WebRTC transport sends its SDP offer. */
export const REALTIME_CALLS_URL = 'https://api.openai.com/v1/realtime/calls'

/**
 * The DOM's `MediaStream` where the DOM library is loaded, so the core's published types still
 * check in a Node project without it (there the WebRTC transport is not used).
 */
export type DomMediaStream = typeof globalThis extends { MediaStream: { prototype: infer S } } ? S : never

/** Options of a `WebRTCTransport`: the microphone, the remote audio and the calls URL. */
export interface WebRTCTransportOptions {
  /** The microphone to send as a track; default a fresh getUserMedia stream with processing on. */
  mediaStream?: () => Promise<DomMediaStream | null>
  /** Receives the agent's audio stream; default plays it through an <audio> element. */
  onRemoteStream?: (stream: DomMediaStream) => void
  /** Where the SDP offer goes. Default `https://api.openai.com/v1/realtime/calls`. */
  callsUrl?: string
  fetch?: typeof fetch
  /** How long to wait for the data channel to open, ms. Default 15 000. */
  timeoutMs?: number
  /**
   * The call's id (`rtc_...`, from the answer's `Location`), once the API answered the offer: send it
   * to your server so it can attach to the same call (sideband) and run the tools there.
   */
  onCallId?: (callId: string) => void
}

/**
 * The Realtime API over WebRTC (browsers): the SDP offer goes to `/v1/realtime/calls` with an
 * ephemeral key, events travel on the `oai-events` data channel, the microphone and the agent's voice
 * as media tracks, so the server plays, cuts and truncates the answer itself.
 */
export class WebRTCTransport implements RealtimeTransport {
  readonly audioOverMedia = true
  readonly #options: WebRTCTransportOptions
  // The call's code loads on the first connect: WebSocket sessions never download it.
  #call: WebRTCCall | null = null

  constructor(options: WebRTCTransportOptions = {}) {
    this.#options = options
  }

  async connect(input: TransportConnectOptions, handlers: TransportHandlers): Promise<void> {
    if (!this.#call) {
      const { WebRTCCall } = await import('./webrtcCall')
      this.#call ??= new WebRTCCall(this.#options)
    }
    return this.#call.connect(input, handlers)
  }

  send(event: ClientEvent): void {
    if (!this.#call)
      throw new RealtimeError(
        'session_closed',
        `Cannot send \`${event.type}\`: the data channel is not open.`,
      )
    this.#call.send(event)
  }

  close(): void {
    this.#call?.close()
  }
}
