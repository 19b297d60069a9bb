import type { Clock, RawServerEvent } from '../core'
import type { Scenario } from './scenario'

/** How a {@link RealtimeSimulator} behaves: its script, its pace and clock, and hooks for tests. */
export interface SimulatorOptions {
  scenario?: Scenario
  /**
   * Milliseconds between streamed chunks. `'realtime'` paces audio as it would play (one 100 ms
   * chunk per 100 ms); a number waits that long per chunk; default 0 (as fast as timers allow).
   */
  pace?: 'realtime' | number
  /** Audio per `response.output_audio.delta`, ms. Default 100. */
  chunkMs?: number
  /** Every wait of the simulator (the pace between chunks, the idle timeout) runs on it. Default `systemClock`. */
  clock?: Clock
  /**
   * Middle part of every id (`item_<idPrefix>_0001`, `sess_<idPrefix>_0001`); default `'sim'`.
   * Simulators that serve one conversation in turn (before and after a reconnect) need different
   * ones, or the second would mint ids the client already holds from the first.
   */
  idPrefix?: string
  /** Called with every server event the simulator sends (tests use it to check shapes). */
  onServerEvent?: (event: RawServerEvent) => void
  /**
   * WebRTC mode: audio travels as a media track, so no audio deltas are sent; playback is reported
   * with output_audio_buffer.started / stopped / cleared, and output_audio_buffer.clear cuts it.
   */
  audioOverMedia?: boolean
  /**
   * Ends the session this long after it opened, as the live API does at its maximum duration: an
   * `error` (`session_expired`), then the connection closes. Default: never (`expires_at` still
   * reports the live API's 60 minutes).
   */
  sessionDurationMs?: number
  /** Called with every client event received and why the live API would refuse it (null when it would not). */
  onClientEvent?: (event: unknown, problem: string | null) => void
}
