import { describe, expect, it } from 'vitest'
import { toSessionConfig } from '../../src/core'
import { checkEvent } from '../../src/testing'
import { compileSchemasFirst } from '../helpers/schemas'

compileSchemasFirst()

const agentParts = { instructions: 'Be brief.', tools: [], voice: undefined }

describe('toSessionConfig', () => {
  it('maps every model setting of the seed to the GA session shape', () => {
    const session = toSessionConfig(
      {
        modelName: 'gpt-realtime-mini',
        voice: 'marin',
        modalities: ['audio'],
        inputAudioFormat: 'g711_ulaw',
        outputAudioFormat: 'g711_alaw',
        inputAudioTranscription: { model: 'gpt-4o-mini-transcribe', language: 'en' },
        turnDetection: {
          type: 'server_vad',
          threshold: 0.6,
          silenceDurationMs: 400,
          prefixPaddingMs: 200,
          interruptResponse: false,
          createResponse: true,
          idleTimeoutMs: 6000,
        },
        speed: 1.2,
        noiseReduction: 'near_field',
        toolChoice: 'required',
      },
      agentParts,
    )
    expect(session).toEqual({
      type: 'realtime',
      model: 'gpt-realtime-mini',
      instructions: 'Be brief.',
      tools: [],
      output_modalities: ['audio'],
      tool_choice: 'required',
      audio: {
        input: {
          format: { type: 'audio/pcmu' },
          transcription: { model: 'gpt-4o-mini-transcribe', language: 'en' },
          noise_reduction: { type: 'near_field' },
          turn_detection: {
            type: 'server_vad',
            threshold: 0.6,
            silence_duration_ms: 400,
            prefix_padding_ms: 200,
            interrupt_response: false,
            create_response: true,
            idle_timeout_ms: 6000,
          },
        },
        output: { format: { type: 'audio/pcma' }, voice: 'marin', speed: 1.2 },
      },
    })
    expect(checkEvent('client', { type: 'session.update', session })).toBeNull()
  })

  it('maps semantic VAD with eagerness and drops server-VAD-only keys', () => {
    const session = toSessionConfig(
      { turnDetection: { type: 'semantic_vad', eagerness: 'high', threshold: 0.9 } },
      agentParts,
    )
    expect(session.audio?.input?.turn_detection).toEqual({ type: 'semantic_vad', eagerness: 'high' })
    expect(checkEvent('client', { type: 'session.update', session })).toBeNull()
  })

  it("defaults the model to gpt-realtime and keeps the API's defaults for anything unset", () => {
    const session = toSessionConfig({}, agentParts)
    expect(session).toEqual({ type: 'realtime', model: 'gpt-realtime', instructions: 'Be brief.', tools: [] })
  })

  it("turns the seed's ['text', 'audio'] into audio output (the API answers in one modality)", () => {
    expect(toSessionConfig({ modalities: ['text', 'audio'] }, agentParts).output_modalities).toEqual([
      'audio',
    ])
    expect(toSessionConfig({ modalities: ['text'] }, agentParts).output_modalities).toEqual(['text'])
  })

  it('turns turn detection off with null and prefers the agent voice', () => {
    const session = toSessionConfig(
      { turnDetection: null, voice: 'alloy' },
      { ...agentParts, voice: 'cedar' },
    )
    expect(session.audio).toEqual({ input: { turn_detection: null }, output: { voice: 'cedar' } })
    expect(checkEvent('client', { type: 'session.update', session })).toBeNull()
  })

  it('leaves transcription out when set to null (the schema has no null for it)', () => {
    const session = toSessionConfig({ inputAudioTranscription: null }, agentParts)
    expect(checkEvent('client', { type: 'session.update', session })).toBeNull()
  })
})
