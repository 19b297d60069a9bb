/**
 * Where the live Realtime API differs from its published schemas, in one list: the wire types
 * (`scripts/generate-wire.ts`) and the simulator's validation both read it, so "what the server
 * sends" is written down once.
 *
 * `at` is a path from `components.schemas` (`Name/properties/field/...`). `nullable`: the live API
 * sends (or accepts) `null` where the schema forbids it. `add`: a field the live API sends that the
 * schema does not list. `evidence` says where it was seen: `traffic/...` names real events in
 * `shared/protocol/traffic/` (copied to `test/fixtures/traffic/`).
 */
export type LiveOverride =
  | { at: string; kind: 'nullable'; evidence: string }
  | { at: string; kind: 'add'; schema: { type: string; description: string }; evidence: string }

const TRAFFIC = 'traffic/sip-gateway-ga.json'
const SESSION_EVENTS =
  'session.created event_Ct1OVqJmiaDhg4nkh3JWr and session.updated event_Ct1OVHSJercBUaZHB7QKs'
const REQUEST_INPUT = 'RealtimeSessionCreateRequestGA/properties/audio/properties/input/properties'
const OBFUSCATION = {
  type: 'string',
  description:
    'Random padding that hides the length of the delta; carries no content. Sent by the live API, absent from the schema.',
}

/** Kept minimal: each entry is seen live, and the generator fails once the schema agrees. */
export const LIVE_OVERRIDES: readonly LiveOverride[] = [
  {
    at: 'RealtimeSessionCreateResponseGA/properties/audio/properties/input/properties/transcription',
    kind: 'nullable',
    evidence: `${TRAFFIC}: ${SESSION_EVENTS} (real) send "transcription": null`,
  },
  {
    at: 'RealtimeSessionCreateResponseGA/properties/audio/properties/input/properties/noise_reduction',
    kind: 'nullable',
    evidence: `${TRAFFIC}: ${SESSION_EVENTS} (real) send "noise_reduction": null`,
  },
  {
    at: 'RealtimeSessionCreateResponseGA/properties/include',
    kind: 'nullable',
    evidence: `${TRAFFIC}: ${SESSION_EVENTS} (real) send "include": null`,
  },
  {
    at: 'RealtimeConversationItemMessageUser/properties/content/items/properties/transcript',
    kind: 'nullable',
    evidence: `${TRAFFIC}: conversation.item.added event_Ct1OZj9NwCjOpHFOCVWVn and conversation.item.done event_Ct1OZaebaHQZhDgXUdkeW (real) carry a user input_audio part with "transcript": null`,
  },
  {
    at: 'RealtimeResponse/properties/status_details',
    kind: 'nullable',
    evidence: `${TRAFFIC}: response.created event_Ct1OZ4pf0LWcnAxuHWRFN (real) and response.done of a completed response send "status_details": null`,
  },
  {
    at: 'RealtimeResponse/properties/usage',
    kind: 'nullable',
    evidence: `${TRAFFIC}: response.created event_Ct1OZ4pf0LWcnAxuHWRFN (real) sends "usage": null`,
  },
  {
    at: 'RealtimeServerEventResponseAudioTranscriptDelta/properties/obfuscation',
    kind: 'add',
    schema: OBFUSCATION,
    evidence: `${TRAFFIC}: response.output_audio_transcript.delta event_Ct1OZ8a2tc2AnrBDDda9w (real) carries "obfuscation": "z9A9dJucSf1J"`,
  },
  {
    at: 'RealtimeServerEventConversationItemInputAudioTranscriptionDelta/properties/obfuscation',
    kind: 'add',
    schema: OBFUSCATION,
    evidence:
      'realtime-schemas.json: the x-oaiMeta example of conversation.item.input_audio_transcription.delta (a live event) carries "obfuscation": "aLxx0jTEciOGe"',
  },
  {
    at: 'RealtimeServerEventConversationItemInputAudioTranscriptionFailed/properties/error/properties/param',
    kind: 'nullable',
    evidence:
      'realtime-schemas.json: the x-oaiMeta example of conversation.item.input_audio_transcription.failed carries "param": null',
  },
  // Requests: the session's own echo above shows these settings as null, and the schema's text says
  // "can be set to `null` to turn off"; OpenAI's @openai/agents-realtime sends them so.
  {
    at: `${REQUEST_INPUT}/noise_reduction`,
    kind: 'nullable',
    evidence: `${TRAFFIC}: ${SESSION_EVENTS} echo "noise_reduction": null; @openai/agents-realtime 0.20 sends it in session.update`,
  },
  {
    at: `${REQUEST_INPUT}/transcription`,
    kind: 'nullable',
    evidence: `${TRAFFIC}: ${SESSION_EVENTS} echo "transcription": null; the schema text: "can be set to null to turn off"`,
  },
]

type Node = Record<string, unknown>

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The schemas' components with the live API's differences applied (a copy). With `closed`, every
 * object lists all its fields: a field that neither the schema nor the live API has is an error.
 */
export function liveComponents(components: Node, { closed = false } = {}): Node {
  const copy: Node = structuredClone(components)
  const schemas = copy.schemas as Node
  for (const override of LIVE_OVERRIDES) {
    const path = override.at.split('/')
    const key = path.pop()!
    let parent: unknown = schemas
    for (const step of path) parent = isNode(parent) ? parent[step] : undefined
    if (!isNode(parent) || (override.kind === 'nullable' && !isNode(parent[key])))
      throw new Error(`Live override ${override.at}: no such schema node.`)
    parent[key] =
      override.kind === 'add' ? { ...override.schema } : { anyOf: [parent[key], { type: 'null' }] }
  }
  if (closed) close(schemas, false)
  return copy
}

/** Sets `additionalProperties: false` on every object schema that lists its fields (not under allOf, which merges them). */
function close(node: unknown, underAllOf: boolean): void {
  if (Array.isArray(node)) {
    for (const child of node) close(child, underAllOf)
    return
  }
  if (!isNode(node)) return
  if (!underAllOf && isNode(node.properties) && node.additionalProperties === undefined)
    node.additionalProperties = false
  for (const [key, child] of Object.entries(node)) {
    if (key === 'x-oaiMeta' || key === 'properties') continue
    close(child, underAllOf || key === 'allOf')
  }
  if (isNode(node.properties)) for (const child of Object.values(node.properties)) close(child, underAllOf)
}
