import { encodeBase64 } from '../../src/core'
import { tone } from '../helpers/audio'

/** One message the bridge sent to Twilio, parsed. */
export type Outgoing =
  | { event: 'media'; streamSid: string; media: { payload: string } }
  | { event: 'mark'; streamSid: string; mark: { name: string } }
  | { event: 'clear'; streamSid: string }

const FRAME_MS = 20
const LOUD = encodeBase64(tone(FRAME_MS, 0.3, 'g711_ulaw'))
const QUIET = encodeBase64(tone(FRAME_MS, 0, 'g711_ulaw'))

/**
 * Twilio's side of a Media Streams socket, as the bridge sees it: it sends `connected`, `start`,
 * 20 ms u-law frames, `dtmf` and `stop`, and plays what the bridge sends at real-time pace when
 * `play(ms)` is called: a mark is echoed once the audio queued before it has played, and `clear`
 * drops the queue and echoes its marks at once, as Twilio does.
 */
export class FakeTwilio {
  readonly streamSid: string
  readonly received: Outgoing[] = []
  /** Milliseconds of assistant audio played to the caller so far, over all items. */
  playedMs = 0
  /** `playedMs` at the latest echoed mark that was really played (not cleared). */
  heardAtLastMark = 0
  #queue: ({ ms: number } | { mark: string })[] = []
  #sequence = 0
  readonly #deliver: (data: string) => void

  constructor(deliver: (data: string) => void, streamSid = 'MZ00000000000000000000000000000001') {
    this.#deliver = deliver
    this.streamSid = streamSid
  }

  /** Call with every frame the bridge sends. */
  onMessage = (data: string): void => {
    const message = JSON.parse(data) as Outgoing
    this.received.push(message)
    if (message.event === 'media')
      this.#queue.push({ ms: (Buffer.from(message.media.payload, 'base64').length / 8000) * 1000 })
    else if (message.event === 'mark') this.#queue.push({ mark: message.mark.name })
    else if (message.event === 'clear') {
      const marks = this.#queue.flatMap((entry) => ('mark' in entry ? [entry.mark] : []))
      this.#queue = []
      // Twilio answers a clear by echoing the marks it dropped.
      for (const name of marks) this.#mark(name)
    }
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
        callSid: 'CA00000000000000000000000000000001',
        tracks: ['inbound'],
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        customParameters,
      },
    })
  }

  /** One 20 ms frame of the caller: speech (a loud tone) or silence. */
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
      stop: { callSid: 'CA00000000000000000000000000000001' },
    })
  }

  /** Plays `ms` of queued audio, echoing each mark reached. */
  play(ms: number): void {
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
      this.playedMs += take
      if (head.ms <= 0) this.#queue.shift()
    }
  }

  /** Messages of one kind. */
  of<E extends Outgoing['event']>(event: E): Extract<Outgoing, { event: E }>[] {
    return this.received.filter((m): m is Extract<Outgoing, { event: E }> => m.event === event)
  }
}

export { FRAME_MS }
