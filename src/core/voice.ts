import { RealtimeError } from './errors'

/**
 * The Realtime API's built-in voices, as a registry a newer voice can be added to before the kit
 * lists it: `declare module 'realtime-agent-kit/core' { interface RealtimeVoiceNames { newvoice: true } }`.
 */
export interface RealtimeVoiceNames {
  alloy: true
  ash: true
  ballad: true
  coral: true
  echo: true
  sage: true
  shimmer: true
  verse: true
  marin: true
  cedar: true
}

/** A built-in voice name of the Realtime API (see {@link RealtimeVoiceNames} to add a newer one). */
export type RealtimeVoice = keyof RealtimeVoiceNames & string

/** A custom voice made for your organisation, sent by id (`{ id: 'voice_1234' }`). */
export interface CustomVoice {
  id: string
}

/** The voice the model speaks with: a built-in name or a custom voice. */
export type Voice = RealtimeVoice | CustomVoice

/** The built-in voices the kit knows the Realtime API accepts. */
export const REALTIME_VOICES: readonly RealtimeVoice[] = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'sage',
  'shimmer',
  'verse',
  'marin',
  'cedar',
]

// Voices of other OpenAI speech APIs that the Realtime API refuses after connecting.
const REFUSED_VOICES: ReadonlySet<string> = new Set(['fable', 'onyx', 'nova'])

/**
 * Throws an `invalid_config` {@link RealtimeError} naming the supported voices when `voice` is one
 * the Realtime API is known to refuse, or not a voice at all; names it does not know yet pass, so a
 * newly released voice works before the kit lists it.
 */
export function checkVoice(voice: unknown, where: string): void {
  if (voice === undefined) return
  const valid =
    (typeof voice === 'string' && voice !== '' && !REFUSED_VOICES.has(voice)) ||
    (typeof voice === 'object' && voice !== null && 'id' in voice && typeof voice.id === 'string')
  if (valid) return
  throw new RealtimeError(
    'invalid_config',
    `${where}: the Realtime API does not support the voice ${JSON.stringify(voice)}. Use one of ${REALTIME_VOICES.join(', ')}, or a custom voice { id }.`,
    { details: { voice, supported: REALTIME_VOICES } },
  )
}
