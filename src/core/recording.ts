import { type Clock, systemClock, type TimerHandle } from './clock'
import { RealtimeError } from './errors'
import { isRecord } from './guards'
import type { ClientEvent, RawServerEvent } from './protocol'
import type { RealtimeTransport, TransportConnectOptions, TransportHandlers } from './transport/transport'

/** The format tag of a session recording, checked when one is parsed. */
export const RECORDING_FORMAT = 'realtime-agent-kit/recording'

/** One recorded event: `in` from the server, `out` from the client, `t` ms after the recording began. */
export type RecordedEntry =
  | { t: number; dir: 'in'; event: RawServerEvent }
  | { t: number; dir: 'out'; event: ClientEvent }

/** A recorded session: every frame each way, with its time, to replay offline. */
export interface Recording {
  startedAt: string
  entries: RecordedEntry[]
}

/** Options of a `SessionRecorder`. */
export interface RecorderOptions {
  /** Keep audio payloads (large). Default false: audio is replaced by its size in bytes. */
  includeAudio?: boolean
  now?: () => number
  /** Timestamps come from this clock unless `now` is given. Default: the system clock. */
  clock?: Clock
}

function stripAudio<T extends { type: string }>(event: T): T {
  const key =
    event.type === 'response.output_audio.delta'
      ? 'delta'
      : event.type === 'input_audio_buffer.append'
        ? 'audio'
        : null
  const payload: unknown = key ? Reflect.get(event, key) : null
  if (!key || typeof payload !== 'string') return event
  return { ...event, [key]: '', audio_bytes: Math.floor((payload.length * 3) / 4) }
}

// Two branches, so that each direction keeps its event type.
function withoutAudio(entry: RecordedEntry): RecordedEntry {
  if (entry.dir === 'in') return { ...entry, event: stripAudio(entry.event) }
  return { ...entry, event: stripAudio(entry.event) }
}

/**
 * Whether a value is a recording's entry: a time, a direction and an event with a string `type`.
 * The event is not checked further: a recording keeps every event as it was sent, unknown types
 * too, so that a replay sends exactly what the server did.
 */
function isRecordedEntry(value: unknown): value is RecordedEntry {
  return (
    isRecord(value) &&
    typeof value.t === 'number' &&
    (value.dir === 'in' || value.dir === 'out') &&
    isRecord(value.event) &&
    typeof value.event.type === 'string'
  )
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
  readonly #includeAudio: boolean

  constructor(inner: RealtimeTransport, options: RecorderOptions = {}) {
    this.#now = options.now ?? (() => (options.clock ?? systemClock).now())
    this.#start = this.#now()
    this.#includeAudio = options.includeAudio ?? false
    const recorder = this
    this.transport = {
      connect(options: TransportConnectOptions, handlers: TransportHandlers) {
        return inner.connect(options, {
          onMessage(data) {
            recorder.#receive(data)
            handlers.onMessage(data)
          },
          onClose: (info) => handlers.onClose(info),
        })
      },
      send(event) {
        recorder.#push({ t: recorder.#elapsed(), dir: 'out', event })
        inner.send(event)
      },
      close: (code, reason) => inner.close(code, reason),
    }
  }

  #elapsed(): number {
    return Math.round(this.#now() - this.#start)
  }

  /** Keeps a server message if it is an event; the rest (not JSON, no `type`) the session reports. */
  #receive(data: string): void {
    const entry = { t: this.#elapsed(), dir: 'in', event: parseJson(data) }
    if (isRecordedEntry(entry)) this.#push(entry)
  }

  #push(entry: RecordedEntry): void {
    this.#entries.push(this.#includeAudio ? entry : withoutAudio(entry))
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
  const header = JSON.stringify({ format: RECORDING_FORMAT, version: 1, startedAt: recording.startedAt })
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
    const entry = parseJson(line)
    if (isRecordedEntry(entry)) return entry
    throw new RealtimeError(
      'invalid_config',
      `Recording line ${i + 2} is not an entry ({ t, dir: "in" | "out", event }): pass the JSON Lines a SessionRecorder wrote.`,
      { details: { line: i + 2 } },
    )
  })
  return { startedAt: typeof header.startedAt === 'string' ? header.startedAt : '', entries }
}

/** Plays a recording's server side: `speed` 1 keeps the recorded timing, `Infinity` sends it at once. */
export function playRecording(
  recording: Recording,
  deliver: (event: RawServerEvent) => void,
  { speed = 1, clock = systemClock }: { speed?: number; clock?: Clock } = {},
): () => void {
  const timers: TimerHandle[] = []
  for (const entry of recording.entries) {
    if (entry.dir !== 'in') continue
    timers.push(clock.setTimeout(() => deliver(entry.event), Number.isFinite(speed) ? entry.t / speed : 0))
  }
  return () => {
    for (const timer of timers) clock.clearTimeout(timer)
  }
}

/**
 * A transport that replays a recording instead of connecting: a real conversation becomes a story,
 * a demo or a regression test. What the client sends is accepted and ignored.
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
    this.#stop = playRecording(this.#recording, (event) => handlers.onMessage(JSON.stringify(event)), {
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
