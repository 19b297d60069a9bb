import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { connect as netConnect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls'
import {
  RealtimeAgent as OpenAIAgent,
  OpenAIRealtimeWebSocket,
  RealtimeSession as OpenAISession,
  tool as openaiTool,
} from '@openai/agents-realtime'
import OpenAI from 'openai'
import { OpenAIRealtimeWS } from 'openai/realtime/ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { encodeBase64 } from '../../src/core/codec'
import { callTool, type Scenario, type SimulatorServer, say, startSimulatorServer } from '../../src/testing'
import { frames, tone } from '../helpers/audio'
import { compileSchemasFirst } from '../helpers/schemas'
import { REAL_IO_TEST_MS } from '../helpers/session'

/** OpenAI's own clients against the simulator's local server, over real sockets. */

const scenario: Scenario = {
  turns: [
    {
      user: 'What is the weather in Tokyo?',
      replies: [callTool('get_weather', { city: 'Tokyo' }), (ctx) => say(`Here it is: ${ctx.toolOutput}`)],
    },
  ],
}
const weatherTool = {
  type: 'function' as const,
  name: 'get_weather',
  description: 'The weather in a city.',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}

/** Half a second of "speech" then silence: the simulator's VAD ends the turn. */
function speech(): Uint8Array[] {
  return [...frames(tone(200, 0)), ...frames(tone(500, 0.3)), ...frames(tone(800, 0))]
}

/** Resolves when `check` holds, polled on each event the caller reports through `poke`. */
function waitFor(check: () => boolean, what: string) {
  let done: () => void = () => {}
  const promise = new Promise<void>((resolve, reject) => {
    done = () => check() && resolve()
    setTimeout(() => reject(new Error(`${what} did not happen`)), REAL_IO_TEST_MS - 5_000).unref()
  })
  return { promise, poke: () => done() }
}

let server: SimulatorServer
let tls: TlsServer
let tlsPort = 0
let cert = ''
let certDir = ''
const serverProblems: string[] = []

compileSchemasFirst()

beforeAll(async () => {
  server = await startSimulatorServer({
    scenario,
    pace: 5,
    onClientEvent: (event, problem) => {
      if (problem) serverProblems.push(`${(event as { type?: string }).type}: ${problem}`)
    },
  })
  // The official client speaks wss: only: a TLS front with a throwaway self-signed certificate.
  certDir = mkdtempSync(join(tmpdir(), 'rak-tls-'))
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...[
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(certDir, 'key.pem'),
        '-out',
        join(certDir, 'cert.pem'),
      ],
    ],
    { stdio: 'ignore' },
  )
  cert = readFileSync(join(certDir, 'cert.pem'), 'utf8')
  tls = createTlsServer({ key: readFileSync(join(certDir, 'key.pem')), cert }, (socket) => {
    const upstream = netConnect(server.port, '127.0.0.1')
    socket.pipe(upstream).pipe(socket)
    socket.on('error', () => upstream.destroy())
    upstream.on('error', () => socket.destroy())
  })
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve))
  const address = tls.address()
  tlsPort = typeof address === 'object' && address ? address.port : 0
})

afterAll(async () => {
  await new Promise<void>((resolve) => tls.close(() => resolve()))
  await server.close()
  rmSync(certDir, { recursive: true, force: true })
})

describe("the openai package's realtime WebSocket client", { timeout: REAL_IO_TEST_MS }, () => {
  async function converse(modality: 'text' | 'audio') {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `https://127.0.0.1:${tlsPort}/v1` })
    const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime', options: { ca: cert } }, client)
    const errors: string[] = []
    const types: string[] = []
    let answer = ''
    let audioDeltas = 0
    const finished = waitFor(() => answer.startsWith('Here it is'), 'the answer')
    rt.on('error', (e) => errors.push(e.message))
    rt.on('event', (event) => {
      types.push(event.type)
      if (event.type === 'response.output_audio.delta') audioDeltas++
      if (event.type === 'response.output_text.done') answer = event.text
      if (event.type === 'response.output_audio_transcript.done') answer = event.transcript
      if (event.type === 'response.done') {
        for (const item of event.response.output ?? []) {
          if (item.type !== 'function_call') continue
          const { city } = JSON.parse(item.arguments ?? '{}')
          rt.send({
            type: 'conversation.item.create',
            item: { type: 'function_call_output', call_id: item.call_id!, output: `Sunny in ${city}` },
          })
          rt.send({ type: 'response.create' })
        }
      }
      finished.poke()
    })
    await new Promise<void>((resolve) => rt.socket.once('open', () => resolve()))
    rt.send({
      type: 'session.update',
      session: { type: 'realtime', output_modalities: [modality], tools: [weatherTool] },
    })
    if (modality === 'text') {
      rt.send({
        type: 'conversation.item.create',
        item: {
          type: 'message',
          role: 'user',
          content: [{ type: 'input_text', text: 'What is the weather in Tokyo?' }],
        },
      })
      rt.send({ type: 'response.create' })
    } else {
      for (const frame of speech()) rt.send({ type: 'input_audio_buffer.append', audio: encodeBase64(frame) })
    }
    await finished.promise
    rt.close()
    return { errors, types, answer, audioDeltas }
  }

  it('holds a text conversation with a function tool, with no error', async () => {
    const { errors, types, answer } = await converse('text')
    expect(errors).toEqual([])
    expect(types).not.toContain('error')
    expect(types).toContain('response.output_text.delta')
    expect(answer).toBe('Here it is: Sunny in Tokyo')
    expect(serverProblems).toEqual([])
  })

  it('holds a spoken conversation with a function tool, with no error', async () => {
    const { errors, types, answer, audioDeltas } = await converse('audio')
    expect(errors).toEqual([])
    expect(types).not.toContain('error')
    expect(types).toContain('input_audio_buffer.speech_started')
    expect(audioDeltas).toBeGreaterThan(0)
    expect(answer).toBe('Here it is: Sunny in Tokyo')
    expect(serverProblems).toEqual([])
  })
})

describe("@openai/agents-realtime's session", { timeout: REAL_IO_TEST_MS }, () => {
  async function converse(modality: 'text' | 'audio') {
    const getWeather = openaiTool({
      name: 'get_weather',
      description: 'The weather in a city.',
      parameters: z.object({ city: z.string() }),
      execute: async ({ city }) => `Sunny in ${city}`,
    })
    const agent = new OpenAIAgent({
      name: 'Weather',
      instructions: 'Answer with the weather.',
      tools: [getWeather],
    })
    const session = new OpenAISession(agent, {
      transport: new OpenAIRealtimeWebSocket({ url: server.url, useInsecureApiKey: true }),
      model: 'gpt-realtime',
      config: { outputModalities: [modality] },
    })
    const errors: string[] = []
    const toolOutputs: string[] = []
    let audio = 0
    const answered = () =>
      session.history.some(
        (i) =>
          i.type === 'message' &&
          i.role === 'assistant' &&
          JSON.stringify(i.content).includes('Sunny in Tokyo'),
      )
    const finished = waitFor(answered, 'the answer')
    session.on('error', (e) => errors.push(String((e.error as { message?: string })?.message ?? e.error)))
    session.on('agent_tool_end', (_ctx, _agent, _tool, output) => toolOutputs.push(output))
    session.on('audio', () => audio++)
    session.on('history_updated', () => finished.poke())
    session.on('transport_event', () => finished.poke())
    await session.connect({ apiKey: 'sk-test' })
    if (modality === 'text') session.sendMessage('What is the weather in Tokyo?')
    else for (const frame of speech()) session.sendAudio(frame.slice().buffer)
    await finished.promise
    session.close()
    return { errors, toolOutputs, audio }
  }

  it('holds a text conversation with a function tool, with no error', async () => {
    const { errors, toolOutputs } = await converse('text')
    expect(errors).toEqual([])
    expect(toolOutputs).toEqual(['Sunny in Tokyo'])
    expect(serverProblems).toEqual([])
  })

  it('holds a spoken conversation with a function tool, with no error', async () => {
    const { errors, toolOutputs, audio } = await converse('audio')
    expect(errors).toEqual([])
    expect(toolOutputs).toEqual(['Sunny in Tokyo'])
    expect(audio).toBeGreaterThan(0)
    expect(serverProblems).toEqual([])
  })
})
