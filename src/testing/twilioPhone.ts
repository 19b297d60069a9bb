import { type Clock, encodeBase64, encodeSamples, systemClock, type TimerHandle } from '../core'

/** A message a Twilio Media Streams server sends to Twilio. */
export type TwilioOutgoing =
  | { event: 'media'; streamSid: string; media: { payload: string } }
  | { event: 'mark'; streamSid: string; mark: { name: string } }
  | { event: 'clear'; streamSid: string }

/** One frame of the phone line, ms. */
export const TWILIO_FRAME_MS = 20

function ulawTone(amplitude: number): string {
  const samples = new Int16Array(160)
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / 8000) * amplitude * 0x7fff)
  return encodeBase64(encodeSamples(samples, 'g711_ulaw'))
}
const LOUD = ulawTone(0.3)
const QUIET = ulawTone(0)

/**
 * Twilio's side of a Media Streams socket, for tests and load runs: it sends `connected`, `start`,
 * 20 ms u-law frames (a loud tone for "speech"), `dtmf` and `stop`, and plays what the server sends
 * when `play(ms)` is called: a mark is echoed once the audio queued before it has played, and
 * `clear` drops the queue and echoes its marks at once, as Twilio does.
 * @example
 * const phone = new TwilioPhone((data) => socket.send(data))
 * socket.on('message', (data) => phone.receive(String(data)))
 * phone.connect({ caller: '+15550100' })
 */
export class TwilioPhone {
  readonly streamSid: string
  /** Everything the server sent, parsed, in order. */
  readonly received: TwilioOutgoing[] = []
  /** Milliseconds of server audio played so far. */
  playedMs = 0
  /** `playedMs` when the latest mark was reached by playback (not echoed by a clear). */
  heardAtLastMark = 0
  #queue: ({ ms: number } | { mark: string })[] = []
  #queuedMs = 0
  #sequence = 0
  readonly #deliver: (data: string) => void

  constructor(deliver: (data: string) => void, streamSid = 'MZ00000000000000000000000000000001') {
    this.#deliver = deliver
    this.streamSid = streamSid
  }

  /** Call with every frame the server sends. */
  receive(data: string): void {
    const message = JSON.parse(data) as TwilioOutgoing
    this.received.push(message)
    if (message.event === 'media') {
      const payload = message.media.payload
      const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0
      const ms = (((payload.length * 3) / 4 - padding) / 8000) * 1000
      this.#queue.push({ ms })
      this.#queuedMs += ms
    } else if (message.event === 'mark') this.#queue.push({ mark: message.mark.name })
    else if (message.event === 'clear') {
      const marks = this.#queue.flatMap((entry) => ('mark' in entry ? [entry.mark] : []))
      this.#queue = []
      this.#queuedMs = 0
      for (const name of marks) this.#mark(name)
    }
  }

  /** Milliseconds of audio waiting to be played. */
  get queuedMs(): number {
    return this.#queuedMs
  }

  #send(message: Record<string, unknown>): void {
    this.#deliver(JSON.stringify({ ...message, sequenceNumber: String(++this.#sequence) }))
  }
  #mark(name: string): void {
    this.#send({ event: 'mark', streamSid: this.streamSid, mark: { name } })
  }

  connect(customParameters: Record<string, string> = {}): void {
    this.#send({ event: 'connected', protocol: 'Call', version: '1.0.0' })
    this.#send({
      event: 'start',
      streamSid: this.streamSid,
      start: {
        accountSid: 'AC00000000000000000000000000000001',
        streamSid: this.streamSid,
        callSid: `CA${this.streamSid.slice(2)}`,
        tracks: ['inbound'],
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        customParameters,
      },
    })
  }

  /** One 20 ms frame of the caller: speech (a loud tone) or silence. Returns its payload. */
  frame(speaking: boolean): string {
    const payload = speaking ? LOUD : QUIET
    this.#send({ event: 'media', streamSid: this.streamSid, media: { track: 'inbound', payload } })
    return payload
  }

  dtmf(digit: string): void {
    this.#send({ event: 'dtmf', streamSid: this.streamSid, dtmf: { track: 'inbound_track', digit } })
  }

  stop(): void {
    this.#send({
      event: 'stop',
      streamSid: this.streamSid,
      stop: { callSid: `CA${this.streamSid.slice(2)}` },
    })
  }

  /** Plays `ms` of queued audio, echoing each mark reached; returns the ms it had nothing to play. */
  play(ms: number): number {
    let left = ms
    while (this.#queue.length > 0) {
      const head = this.#queue[0]!
      if ('mark' in head) {
        this.#queue.shift()
        this.heardAtLastMark = this.playedMs
        this.#mark(head.mark)
        continue
      }
      if (left <= 0) break
      const take = Math.min(left, head.ms)
      head.ms -= take
      left -= take
      this.#queuedMs -= take
      this.playedMs += take
      if (head.ms <= 0) this.#queue.shift()
    }
    return left
  }

  /** Messages of one kind. */
  of<E extends TwilioOutgoing['event']>(event: E): Extract<TwilioOutgoing, { event: E }>[] {
    return this.received.filter((m): m is Extract<TwilioOutgoing, { event: E }> => m.event === event)
  }

  /**
   * Runs the line in real time on `clock`: every 20 ms a caller frame (`speaking()` decides which)
   * and 20 ms of playback. Returns a function that stops it.
   */
  run(speaking: () => boolean, clock: Clock = systemClock): () => void {
    let timer: TimerHandle | undefined
    let next = clock.now()
    const tick = () => {
      this.frame(speaking())
      this.play(TWILIO_FRAME_MS)
      // Scheduled against the start, not the previous tick, so the pace does not drift.
      next += TWILIO_FRAME_MS
      timer = clock.setTimeout(tick, Math.max(0, next - clock.now()))
    }
    timer = clock.setTimeout(tick, 0)
    return () => clock.clearTimeout(timer)
  }
}
