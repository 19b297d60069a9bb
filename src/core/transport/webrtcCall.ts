import { RealtimeError } from '../errors'
import type { ClientEvent } from '../protocol'
import type { TransportConnectOptions, TransportHandlers } from './transport'
import { REALTIME_CALLS_URL, type WebRTCTransportOptions } from './webrtc'

/**
 * One WebRTC call to the Realtime API, behind `WebRTCTransport`: loaded only when a WebRTC session
 * connects, so WebSocket sessions do not download it.
 */
export class WebRTCCall {
  readonly #options: WebRTCTransportOptions
  #pc: RTCPeerConnection | null = null
  #channel: RTCDataChannel | null = null
  #ownStream: MediaStream | null = null
  #audio: HTMLAudioElement | null = null
  #closing = false

  constructor(options: WebRTCTransportOptions = {}) {
    this.#options = options
  }

  async connect({ url, auth, signal }: TransportConnectOptions, handlers: TransportHandlers): Promise<void> {
    if (typeof RTCPeerConnection === 'undefined')
      throw new RealtimeError(
        'connection_failed',
        'WebRTC is not available here: use the WebSocket transport outside browsers.',
      )
    this.#closing = false
    const pc = new RTCPeerConnection()
    this.#pc = pc
    const stream = this.#options.mediaStream
      ? await this.#options.mediaStream()
      : await this.#openMicrophone()
    const track = stream?.getAudioTracks()[0]
    if (track && stream) pc.addTrack(track, stream)
    else pc.addTransceiver('audio', { direction: 'recvonly' })
    pc.ontrack = (event) => {
      const remote = event.streams[0] ?? new MediaStream([event.track])
      if (this.#options.onRemoteStream) this.#options.onRemoteStream(remote)
      else this.#play(remote)
    }
    const channel = pc.createDataChannel('oai-events')
    this.#channel = channel
    channel.onmessage = (event) =>
      handlers.onMessage(typeof event.data === 'string' ? event.data : String(event.data))

    const offer = await pc.createOffer()
    await pc.setLocalDescription(offer)
    const model = new URL(url).searchParams.get('model')
    const callsUrl = new URL(this.#options.callsUrl ?? REALTIME_CALLS_URL)
    if (model && !callsUrl.searchParams.has('model')) callsUrl.searchParams.set('model', model)
    let answer: Response
    try {
      answer = await (this.#options.fetch ?? globalThis.fetch)(callsUrl.toString(), {
        method: 'POST',
        body: offer.sdp ?? '',
        headers: { authorization: `Bearer ${auth.value}`, 'content-type': 'application/sdp' },
        ...(signal ? { signal } : {}),
      })
    } catch (cause) {
      this.#teardown()
      throw new RealtimeError(
        signal?.aborted ? 'aborted' : 'connection_failed',
        'Could not reach the Realtime API to start the call.',
        { cause },
      )
    }
    if (!answer.ok) {
      this.#teardown()
      throw new RealtimeError(
        'connection_failed',
        `The Realtime API refused the call (HTTP ${answer.status}): check the client secret.`,
        { details: { status: answer.status } },
      )
    }
    const callId = answer.headers.get('location')?.split('/').filter(Boolean).pop()
    if (callId) this.#options.onCallId?.(callId)
    await pc.setRemoteDescription({ type: 'answer', sdp: await answer.text() })

    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new RealtimeError('connection_failed', 'The WebRTC data channel did not open in time.')),
        this.#options.timeoutMs ?? 15_000,
      )
      channel.onopen = () => {
        clearTimeout(timer)
        resolve()
      }
      signal?.addEventListener(
        'abort',
        () => reject(new RealtimeError('aborted', 'The connection was aborted while opening.')),
        { once: true },
      )
    }).catch((error) => {
      this.#teardown()
      throw error
    })
    const lost = (reason: string) => {
      if (this.#closing || this.#pc !== pc) return
      this.#teardown()
      handlers.onClose({
        code: 1006,
        reason,
        error: new RealtimeError('connection_closed', `The WebRTC connection was lost (${reason}).`, {
          details: { reason },
        }),
      })
    }
    channel.onclose = () => lost('data channel closed')
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed')
        lost(`peer connection ${pc.connectionState}`)
    }
    this.#onClose = () => handlers.onClose({ code: 1000, reason: 'client closed', error: null })
  }

  #onClose: (() => void) | null = null

  async #openMicrophone(): Promise<MediaStream | null> {
    const devices = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices
    if (!devices?.getUserMedia) return null
    this.#ownStream = await devices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    })
    return this.#ownStream
  }

  #play(stream: MediaStream): void {
    if (typeof document === 'undefined') return
    this.#audio ??= document.createElement('audio')
    this.#audio.autoplay = true
    this.#audio.srcObject = stream
  }

  send(event: ClientEvent): void {
    const channel = this.#channel
    if (channel?.readyState !== 'open')
      throw new RealtimeError(
        'session_closed',
        `Cannot send \`${event.type}\`: the data channel is not open.`,
      )
    channel.send(JSON.stringify(event))
  }

  #teardown(): void {
    this.#channel?.close()
    this.#pc?.close()
    for (const track of this.#ownStream?.getTracks() ?? []) track.stop()
    if (this.#audio) this.#audio.srcObject = null
    this.#channel = null
    this.#pc = null
    this.#ownStream = null
  }

  close(): void {
    if (!this.#pc || this.#closing) return
    this.#closing = true
    this.#teardown()
    const onClose = this.#onClose
    this.#onClose = null
    onClose?.()
  }
}
