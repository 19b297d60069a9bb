import {
  type Clock,
  encodeBase64,
  type RealtimeAgent,
  type RealtimeRunConfig,
  RealtimeRunner,
  type RealtimeRunOptions,
  type RealtimeSession,
  type TimerHandle,
} from '../../core'
import { MarkPlaybackTracker } from './marks'
import { parseTwilioMessage, type TwilioCallInfo, twilioOut } from './protocol'

/** The server side of a Media Streams WebSocket, as a call needs it (a `ws` socket fits). */
export interface CallSocket {
  send(data: string): void
  close(code?: number, reason?: string): void
}

/** How each call starts its session; see `createTwilioBridge`. */
export interface CallSetup<TContext> {
  agent: RealtimeAgent<TContext>
  config: RealtimeRunConfig<TContext>
  run: (call: TwilioCallInfo) => Omit<RealtimeRunOptions<TContext>, 'context' | 'playbackTracker'>
  context: (call: TwilioCallInfo) => TContext
  greet: boolean
  onDtmf: (digit: string, session: RealtimeSession<TContext>, call: TwilioCallInfo) => void
  onSession?: (session: RealtimeSession<TContext>, call: TwilioCallInfo) => void
  log: (line: string) => void
  clock: Clock
  startTimeoutMs: number
  inputBatchMs: number
  /** The call ended (for the bridge's count). */
  ended: (call: TwilioCall<TContext>) => void
}

/** Close codes: normal, protocol error, bad data, policy. */
const NORMAL = 1000
const BAD_DATA = 1007
const POLICY = 1008
const INTERNAL = 1011

/**
 * One phone call: Twilio's Media Streams on one side, one realtime session on the other. u-law
 * audio passes through both ways untouched; each outgoing chunk is followed by a mark, echoed marks
 * say what the caller heard, and an interruption sends `clear` while the session truncates the
 * assistant's item at the heard position.
 */
export class TwilioCall<TContext> {
  readonly #socket: CallSocket
  readonly #setup: CallSetup<TContext>
  readonly #tracker = new MarkPlaybackTracker()
  readonly #abort = new AbortController()
  #info: TwilioCallInfo | null = null
  #session: RealtimeSession<TContext> | null = null
  #startTimer: TimerHandle | undefined
  #ended = false
  #unsubscribe: (() => void)[] = []
  #batch: Buffer[] = []
  #batchBytes = 0

  /**
   * Made by `createTwilioBridge` for each call it accepts.
   * @internal
   */
  constructor(socket: CallSocket, setup: CallSetup<TContext>) {
    this.#socket = socket
    this.#setup = setup
    this.#startTimer = setup.clock.setTimeout(
      () => this.#end(`no \`start\` within ${setup.startTimeoutMs} ms`, POLICY),
      setup.startTimeoutMs,
    )
  }

  /** The call's stream, once Twilio sent `start`. */
  get info(): TwilioCallInfo | null {
    return this.#info
  }
  get session(): RealtimeSession<TContext> | null {
    return this.#session
  }
  get ended(): boolean {
    return this.#ended
  }
  /** Marks sent whose audio the caller has not heard yet. */
  get pendingMarks(): number {
    return this.#tracker.pending
  }

  /** One frame from Twilio. */
  receive(data: string): void {
    if (this.#ended) return
    const message = parseTwilioMessage(data)
    if (typeof message === 'string') return this.#end(`malformed frame (${message})`, BAD_DATA)
    if (message.event === 'connected') return
    if (message.event === 'unknown')
      return this.#setup.log(`${this.#label} ignored unknown event "${message.name}"`)
    if (message.event === 'start') return this.#start(message.call, message.encoding, message.sampleRate)
    const info = this.#info
    if (!info) return this.#end(`\`${message.event}\` before \`start\``, POLICY)
    if (message.streamSid !== info.streamSid)
      return this.#end(`unknown streamSid ${message.streamSid} in \`${message.event}\``, POLICY)
    switch (message.event) {
      case 'media':
        // Passed through as it came: Twilio's base64 u-law is the session's input format.
        // Before the session is up the caller's audio has no one to hear it, and is dropped.
        if (message.track === 'inbound' && this.#session) this.#append(this.#session, message.payload)
        return
      case 'mark':
        this.#tracker.heard(message.name)
        return
      case 'dtmf':
        if (this.#session) this.#setup.onDtmf(message.digit, this.#session, info)
        return
      case 'stop':
        return this.#end('stop', NORMAL)
    }
  }

  /**
   * Sends the caller's audio on, `inputBatchMs` at a time: Twilio's 20 ms frames one by one cost a
   * socket write each, so a few are joined (at 8 kHz u-law, 1 byte a sample: 8 bytes a ms).
   */
  #append(session: RealtimeSession<TContext>, payload: string): void {
    const batchBytes = this.#setup.inputBatchMs * 8
    if (batchBytes <= 160 && this.#batch.length === 0) {
      session.sendRawEvent({ type: 'input_audio_buffer.append', audio: payload })
      return
    }
    const bytes = Buffer.from(payload, 'base64')
    this.#batch.push(bytes)
    this.#batchBytes += bytes.length
    if (this.#batchBytes < batchBytes) return
    const audio = Buffer.concat(this.#batch, this.#batchBytes).toString('base64')
    this.#batch = []
    this.#batchBytes = 0
    session.sendRawEvent({ type: 'input_audio_buffer.append', audio })
  }

  /** Twilio's socket closed (hang-up or a dropped connection). */
  socketClosed(): void {
    this.#end('socket closed', null)
  }

  /** Ends the call from the server side. */
  hangUp(reason = 'hung up by the server'): void {
    this.#end(reason, NORMAL)
  }

  get #label(): string {
    return `[twilio ${this.#info?.streamSid ?? 'stream'}]`
  }

  #start(info: TwilioCallInfo, encoding: string, sampleRate: number): void {
    if (this.#info) return this.#end('a second `start`', POLICY)
    if (encoding !== 'audio/x-mulaw' || sampleRate !== 8000)
      return this.#end(`unsupported media format ${encoding} at ${sampleRate} Hz`, POLICY)
    this.#info = info
    this.#setup.clock.clearTimeout(this.#startTimer)
    this.#startTimer = undefined
    this.#setup.log(`${this.#label} started (call ${info.callSid || 'unknown'})`)
    void this.#connect(info)
  }

  async #connect(info: TwilioCallInfo): Promise<void> {
    const { agent, config, run, context, clock } = this.#setup
    const runner = new RealtimeRunner(agent, {
      ...config,
      // Twilio's audio is u-law at 8 kHz both ways: the session speaks it, nothing is resampled.
      modelSettings: {
        ...config.modelSettings,
        inputAudioFormat: 'g711_ulaw',
        outputAudioFormat: 'g711_ulaw',
      },
    })
    let session: RealtimeSession<TContext>
    try {
      session = await runner.run({
        clock,
        ...run(info),
        context: context(info),
        playbackTracker: this.#tracker,
        signal: this.#abort.signal,
      })
    } catch (error) {
      return this.#end(
        `the session could not start: ${error instanceof Error ? error.message : String(error)}`,
        INTERNAL,
      )
    }
    if (this.#ended) return session.close()
    this.#session = session
    const streamSid = info.streamSid
    this.#unsubscribe.push(
      session.on('audio', (event) => {
        this.#socket.send(twilioOut.media(streamSid, encodeBase64(event.data)))
        this.#socket.send(twilioOut.mark(streamSid, this.#tracker.mark()))
      }),
      session.on('audio_interrupted', () => this.#socket.send(twilioOut.clear(streamSid))),
      session.stores.status.subscribe(() => {
        const { status, error } = session.stores.status.getSnapshot()
        if (status === 'error')
          this.#end(`the session failed: ${error?.message ?? 'unknown error'}`, INTERNAL)
        else if (status === 'closed') this.#end('the session closed', NORMAL)
      }),
    )
    this.#setup.onSession?.(session, info)
    if (this.#setup.greet) session.sendRawEvent({ type: 'response.create' })
  }

  /** Ends once: session closed, socket closed (unless it already is), timers cleared, one log line. */
  #end(reason: string, code: number | null): void {
    if (this.#ended) return
    this.#ended = true
    if (this.#startTimer !== undefined) this.#setup.clock.clearTimeout(this.#startTimer)
    this.#abort.abort()
    for (const off of this.#unsubscribe) off()
    this.#unsubscribe = []
    this.#session?.close()
    if (code !== null) this.#socket.close(code, reason.slice(0, 120))
    this.#setup.log(`${this.#label} ended: ${reason}`)
    this.#setup.ended(this)
  }
}
