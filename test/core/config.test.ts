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
    expect(session).toStrictEqual({
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
    expect(session.audio?.input?.turn_detection).toStrictEqual({ type: 'semantic_vad', eagerness: 'high' })
    expect(checkEvent('client', { type: 'session.update', session })).toBeNull()
  })

  it("defaults the model to gpt-realtime and keeps the API's defaults for anything unset", () => {
    const session = toSessionConfig({}, agentParts)
    expect(session).toStrictEqual({
      type: 'realtime',
      model: 'gpt-realtime',
      instructions: 'Be brief.',
      tools: [],
    })
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
    expect(session.audio).toStrictEqual({ input: { turn_detection: null }, output: { voice: 'cedar' } })
    expect(checkEvent('client', { type: 'session.update', session })).toBeNull()
  })

  it('leaves transcription and noise reduction out when set to null (the schema has no null for them)', () => {
    const session = toSessionConfig({ inputAudioTranscription: null, noiseReduction: null }, agentParts)
    expect(session).not.toHaveProperty('audio')
    expect(checkEvent('client', { type: 'session.update', session })).toBeNull()
  })

  it('maps the other values of each setting: pcm16, far field, a transcription prompt, text, a forced function', () => {
    const tools = [
      {
        type: 'function' as const,
        name: 'lookup',
        description: 'Looks up an order.',
        parameters: { type: 'object' as const, properties: {} },
      },
    ]
    const session = toSessionConfig(
      {
        modalities: ['text'],
        inputAudioFormat: 'pcm16',
        outputAudioFormat: 'pcm16',
        inputAudioTranscription: { model: 'whisper-1', prompt: 'order numbers' },
        noiseReduction: 'far_field',
        turnDetection: {
          type: 'semantic_vad',
          eagerness: 'low',
          createResponse: false,
          interruptResponse: true,
        },
        toolChoice: { type: 'function', name: 'lookup' },
        speed: 0.75,
      },
      { instructions: 'Find orders.', tools, voice: 'ash' },
    )
    expect(session).toStrictEqual({
      type: 'realtime',
      model: 'gpt-realtime',
      instructions: 'Find orders.',
      tools,
      output_modalities: ['text'],
      tool_choice: { type: 'function', name: 'lookup' },
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          transcription: { model: 'whisper-1', prompt: 'order numbers' },
          noise_reduction: { type: 'far_field' },
          turn_detection: {
            type: 'semantic_vad',
            eagerness: 'low',
            create_response: false,
            interrupt_response: true,
          },
        },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'ash', speed: 0.75 },
      },
    })
    expect(checkEvent('client', { type: 'session.update', session })).toBeNull()
  })

  it('leaves out every turn detection option that is not set, and keeps an idle timeout of null', () => {
    expect(toSessionConfig({ turnDetection: { type: 'server_vad' } }, agentParts).audio).toStrictEqual({
      input: { turn_detection: { type: 'server_vad' } },
    })
    expect(toSessionConfig({ turnDetection: { type: 'semantic_vad' } }, agentParts).audio).toStrictEqual({
      input: { turn_detection: { type: 'semantic_vad' } },
    })
    const session = toSessionConfig(
      { turnDetection: { type: 'server_vad', idleTimeoutMs: null, threshold: 0 } },
      agentParts,
    )
    expect(session.audio?.input?.turn_detection).toStrictEqual({
      type: 'server_vad',
      idle_timeout_ms: null,
      threshold: 0,
    })
    expect(checkEvent('client', { type: 'session.update', session })).toBeNull()
  })

  it('sends only the audio direction that has settings', () => {
    expect(toSessionConfig({ voice: 'verse' }, agentParts).audio).toStrictEqual({
      output: { voice: 'verse' },
    })
    expect(toSessionConfig({ speed: 1 }, agentParts).audio).toStrictEqual({ output: { speed: 1 } })
    expect(toSessionConfig({ outputAudioFormat: 'g711_ulaw' }, agentParts).audio).toStrictEqual({
      output: { format: { type: 'audio/pcmu' } },
    })
    expect(toSessionConfig({ noiseReduction: 'near_field' }, agentParts).audio).toStrictEqual({
      input: { noise_reduction: { type: 'near_field' } },
    })
    expect(toSessionConfig({ inputAudioFormat: 'g711_alaw' }, agentParts).audio).toStrictEqual({
      input: { format: { type: 'audio/pcma' } },
    })
    expect(
      toSessionConfig({ inputAudioTranscription: { model: 'whisper-1' } }, agentParts).audio,
    ).toStrictEqual({ input: { transcription: { model: 'whisper-1' } } })
  })
})
