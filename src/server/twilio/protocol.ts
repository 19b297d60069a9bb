/** What Twilio says about a stream when it starts (`start.start`), as the bridge passes it on. */
export interface TwilioCallInfo {
  streamSid: string
  callSid: string
  accountSid: string
  /** `<Parameter name value/>` children of the TwiML `<Stream>`. */
  customParameters: Record<string, string>
  tracks: string[]
}

/** A Media Streams message from Twilio, checked. */
export type TwilioMessage =
  | { event: 'connected' }
  | { event: 'start'; call: TwilioCallInfo; encoding: string; sampleRate: number }
  | { event: 'media'; streamSid: string; track: string; payload: string }
  | { event: 'mark'; streamSid: string; name: string }
  | { event: 'dtmf'; streamSid: string; digit: string }
  | { event: 'stop'; streamSid: string }
  | { event: 'unknown'; name: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0

function strings(record: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (isObject(record)) for (const [k, v] of Object.entries(record)) if (typeof v === 'string') out[k] = v
  return out
}

/**
 * Reads one WebSocket frame from Twilio; a string says why it is malformed (not JSON, or a known
 * event without the fields it must carry). Unknown event names pass as `unknown`: Twilio may add some.
 */
export function parseTwilioMessage(data: string): TwilioMessage | string {
  let raw: unknown
  try {
    raw = JSON.parse(data)
  } catch {
    return 'not JSON'
  }
  if (!isObject(raw) || !text(raw.event)) return 'no `event` name'
  const { event, streamSid } = raw
  switch (event) {
    case 'connected':
      return { event }
    case 'start': {
      const start = raw.start
      if (!isObject(start)) return '`start` without its `start` object'
      const sid = start.streamSid ?? streamSid
      if (!text(sid)) return '`start` without a streamSid'
      const format = isObject(start.mediaFormat) ? start.mediaFormat : {}
      return {
        event,
        call: {
          streamSid: sid,
          callSid: typeof start.callSid === 'string' ? start.callSid : '',
          accountSid: typeof start.accountSid === 'string' ? start.accountSid : '',
          customParameters: strings(start.customParameters),
          tracks: Array.isArray(start.tracks) ? start.tracks.filter((t) => typeof t === 'string') : [],
        },
        encoding: typeof format.encoding === 'string' ? format.encoding : 'audio/x-mulaw',
        sampleRate: typeof format.sampleRate === 'number' ? format.sampleRate : 8000,
      }
    }
    case 'media': {
      const media = raw.media
      if (!text(streamSid) || !isObject(media) || typeof media.payload !== 'string')
        return '`media` without a streamSid or payload'
      return {
        event,
        streamSid,
        track: typeof media.track === 'string' ? media.track : 'inbound',
        payload: media.payload,
      }
    }
    case 'mark': {
      const mark = raw.mark
      if (!text(streamSid) || !isObject(mark) || !text(mark.name)) return '`mark` without a streamSid or name'
      return { event, streamSid, name: mark.name }
    }
    case 'dtmf': {
      const dtmf = raw.dtmf
      if (!text(streamSid) || !isObject(dtmf) || !text(dtmf.digit))
        return '`dtmf` without a streamSid or digit'
      return { event, streamSid, digit: dtmf.digit }
    }
    case 'stop':
      if (!text(streamSid)) return '`stop` without a streamSid'
      return { event, streamSid }
    default:
      return { event: 'unknown', name: event }
  }
}

/** Messages the bridge sends to Twilio. */
export const twilioOut = {
  media: (streamSid: string, payload: string) =>
    JSON.stringify({ event: 'media', streamSid, media: { payload } }),
  mark: (streamSid: string, name: string) => JSON.stringify({ event: 'mark', streamSid, mark: { name } }),
  clear: (streamSid: string) => JSON.stringify({ event: 'clear', streamSid }),
}
