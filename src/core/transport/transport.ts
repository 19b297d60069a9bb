import type { RealtimeError } from '../errors'
import type { ClientEvent } from '../protocol'

/** Credentials for one connection: a standard API key (server side) or an ephemeral client secret. */
export type TransportAuth = { kind: 'apiKey'; value: string } | { kind: 'clientSecret'; value: string }

/** What a transport needs to connect: the URL, the credentials and an abort signal. */
export interface TransportConnectOptions {
  url: string
  auth: TransportAuth
  signal?: AbortSignal | undefined
}

/** What a transport tells the session. */
export interface TransportHandlers {
  /** A message from the server, unparsed. */
  onMessage(data: string): void
  /** The connection closed; `error` is set when the close was not asked for. */
  onClose(info: { code: number; reason: string; error: RealtimeError | null }): void
}

/** Moves JSON events between the session and the Realtime API. */
export interface RealtimeTransport {
  /**
   * True when audio travels as media tracks (WebRTC): the server plays and truncates the answer
   * itself, and the session interrupts with `output_audio_buffer.clear` instead of truncating.
   */
  readonly audioOverMedia?: boolean
  /** Opens the connection; rejects with a `RealtimeError` (`connection_failed`, `aborted`). */
  connect(options: TransportConnectOptions, handlers: TransportHandlers): Promise<void>
  send(event: ClientEvent): void
  /** Closes the connection; `onClose` is called with no error. Idempotent. */
  close(code?: number, reason?: string): void
}
