import { type Clock, systemClock, type TimerHandle } from './clock'
import { RealtimeError } from './errors'
import { isRecord } from './guards'
import type { RealtimeTransport, TransportConnectOptions, TransportHandlers } from './transport/transport'

/** The format tag of a session recording, checked when one is parsed. */
export const RECORDING_FORMAT = 'realtime-agent-kit/recording'
/** Version 2 keeps each frame as the exact text that went over the wire; version 1 kept parsed events. */
export const RECORDING_VERSION = 2

/**
 * One frame as it went over the wire: `in` from the server, `out` from the client, `t` ms after
 * the recording began. `frame` is the exact text, so a replay sends the same bytes.
 */
export interface RecordedEntry {
  t: number
  dir: 'in' | 'out'
  frame: string
}

/** A recorded session: every frame each way, with its time, to replay offline. */
export interface Recording {
  startedAt: string
  entries: RecordedEntry[]
}

/** Options of a `SessionRecorder`. */
export interface RecorderOptions {
  now?: () => number
  /** Timestamps come from this clock unless `now` is given. Default: the system clock. */
  clock?: Clock
}

/** The event a recorded frame holds, or null for a frame that is not a JSON object with a `type`. */
export function recordedEvent(entry: RecordedEntry): { type: string; [key: string]: unknown } | null {
  const event = parseJson(entry.frame)
  return isRecord(event) && typeof event.type === 'string' ? { ...event, type: event.type } : null
}

/** A line of a recording: version 2 (`frame`) as is, version 1 (`event`) as the frame its event makes. */
function entryOf(value: unknown): RecordedEntry | null {
  if (!isRecord(value) || typeof value.t !== 'number' || (value.dir !== 'in' && value.dir !== 'out'))
    return null
  if (typeof value.frame === 'string') return { t: value.t, dir: value.dir, frame: value.frame }
  if (isRecord(value.event) && typeof value.event.type === 'string')
    return { t: value.t, dir: value.dir, frame: JSON.stringify(value.event) }
  return null
}

/** Parsed JSON, or undefined for text that is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Records a session's traffic, both ways, by wrapping its transport.
 * @example
 * const recorder = new SessionRecorder(new WebSocketTransport())
 * const session = await runner.run({ apiKey, transport: recorder.transport })
 * // later: fs.writeFileSync('talk.jsonl', recorder.toJSONL())
 */
export class SessionRecorder {
  readonly transport: RealtimeTransport
  readonly #entries: RecordedEntry[] = []
  readonly #startedAt = new Date().toISOString()
  readonly #now: () => number
  readonly #start: number

  constructor(inner: RealtimeTransport, options: RecorderOptions = {}) {
    this.#now = options.now ?? (() => (options.clock ?? systemClock).now())
    this.#start = this.#now()
    const recorder = this
    this.transport = {
      connect(options: TransportConnectOptions, handlers: TransportHandlers) {
        return inner.connect(options, {
          onMessage(data) {
            recorder.#push('in', data)
            handlers.onMessage(data)
          },
          onClose: (info) => handlers.onClose(info),
        })
      },
      send(event) {
        // What a socket transport puts on the wire for this event.
        recorder.#push('out', JSON.stringify(event))
        inner.send(event)
      },
      close: (code, reason) => inner.close(code, reason),
    }
  }

  #elapsed(): number {
    return Math.round(this.#now() - this.#start)
  }

  /** Every frame, as it was: malformed ones too, so a replay meets them as the session did. */
  #push(dir: 'in' | 'out', frame: string): void {
    this.#entries.push({ t: this.#elapsed(), dir, frame })
  }

  get recording(): Recording {
    return { startedAt: this.#startedAt, entries: [...this.#entries] }
  }

  /** The recording as JSON Lines: a header line, then one entry a line. */
  toJSONL(): string {
    return serializeRecording(this.recording)
  }
}

/** A recording as JSON text, to save and `parseRecording()` later. */
export function serializeRecording(recording: Recording): string {
  const header = JSON.stringify({
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    startedAt: recording.startedAt,
  })
  return `${[header, ...recording.entries.map((e) => JSON.stringify(e))].join('\n')}\n`
}

/**
 * Reads JSON Lines written by a recorder. What is not a recording throws a `RealtimeError`
 * (`invalid_config`) that names the bad line.
 */
export function parseRecording(jsonl: string): Recording {
  const lines = jsonl.split('\n').filter((l) => l.trim() !== '')
  const header = parseJson(lines[0] ?? '{}')
  if (!isRecord(header) || header.format !== RECORDING_FORMAT)
    throw new RealtimeError(
      'invalid_config',
      `Not a realtime-agent-kit recording: the first line must name the format "${RECORDING_FORMAT}".`,
      { details: { line: 1 } },
    )
  const entries = lines.slice(1).map((line, i) => {
    const entry = entryOf(parseJson(line))
    if (entry) return entry
    throw new RealtimeError(
      'invalid_config',
      `Recording line ${i + 2} is not an entry ({ t, dir: "in" | "out", frame }): pass the JSON Lines a SessionRecorder wrote.`,
      { details: { line: i + 2 } },
    )
  })
  return { startedAt: typeof header.startedAt === 'string' ? header.startedAt : '', entries }
}

/** Plays a recording's server frames: `speed` 1 keeps the recorded timing, `Infinity` sends them at once. */
export function playRecording(
  recording: Recording,
  deliver: (frame: string) => void,
  { speed = 1, clock = systemClock }: { speed?: number; clock?: Clock } = {},
): () => void {
  const timers: TimerHandle[] = []
  for (const entry of recording.entries) {
    if (entry.dir !== 'in') continue
    timers.push(clock.setTimeout(() => deliver(entry.frame), Number.isFinite(speed) ? entry.t / speed : 0))
  }
  return () => {
    for (const timer of timers) clock.clearTimeout(timer)
  }
}

/**
 * A transport that replays a recording instead of connecting, frame for frame: a real conversation
 * becomes a story, a demo or a regression test. What the client sends is accepted and ignored.
 * @example
 * <RealtimeProvider agent={agent} auth={{ clientSecret: 'replay' }} transport={() => new ReplayTransport(recording)} />
 */
export class ReplayTransport implements RealtimeTransport {
  readonly #recording: Recording
  readonly #speed: number
  readonly #clock: Clock
  #stop: (() => void) | null = null
  #handlers: TransportHandlers | null = null

  /** `speed` 1 keeps the recorded timing; `clock` is what the timing runs on (a manual one in tests). */
  constructor(recording: Recording, options: { speed?: number; clock?: Clock } = {}) {
    this.#recording = recording
    this.#speed = options.speed ?? 1
    this.#clock = options.clock ?? systemClock
  }

  async connect(_options: TransportConnectOptions, handlers: TransportHandlers): Promise<void> {
    this.#handlers = handlers
    this.#stop = playRecording(this.#recording, (frame) => handlers.onMessage(frame), {
      speed: this.#speed,
      clock: this.#clock,
    })
  }

  send(): void {}

  close(code = 1000, reason = 'client closed'): void {
    this.#stop?.()
    this.#stop = null
    const handlers = this.#handlers
    this.#handlers = null
    handlers?.onClose({ code, reason, error: null })
  }
}
