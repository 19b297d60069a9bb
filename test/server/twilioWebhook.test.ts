import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { RealtimeAgent } from '../../src/core'
import {
  attachTwilioMediaStream,
  createTwilioBridge,
  createTwilioWebhook,
  type GuardOptions,
  twilioSignature,
} from '../../src/server'
import { refusalTests } from './refusals'

const TOKEN = ['twilio', 'auth', 'token', 'for', 'tests'].join('-')
const FORM = { CallSid: 'CA1', From: '+15550100', To: '+15550199' }
const body = new URLSearchParams(FORM).toString()
const incoming = (headers: Record<string, string> = {}, url = 'http://localhost:5050/incoming-call') =>
  new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  })

describe('Twilio voice webhook', () => {
  it('answers TwiML that connects the call to /media-stream on the same host, with parameters', async () => {
    const webhook = createTwilioWebhook({ parameters: (form) => ({ caller: form.From! }) })
    const response = await webhook(incoming({ host: 'abc.tunnel.example', 'x-forwarded-proto': 'https' }))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/xml')
    expect(await response.text()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="wss://abc.tunnel.example/media-stream"><Parameter name="caller" value="+15550100"/></Stream></Connect></Response>',
    )
  })

  it('escapes what it writes into the XML', async () => {
    const webhook = createTwilioWebhook({ parameters: () => ({ note: '"/><Hangup/>' }) })
    const twiml = await (await webhook(incoming())).text()
    expect(twiml).toContain('value="&quot;/&gt;&lt;Hangup/&gt;"')
    expect(twiml).not.toContain('<Hangup/>')
  })

  it('with an auth token: a valid X-Twilio-Signature passes, a missing one is 401, a wrong one 403', async () => {
    const webhook = createTwilioWebhook({ authToken: TOKEN })
    const url = 'https://abc.tunnel.example/incoming-call'
    const signed = twilioSignature(TOKEN, url, FORM)
    const headers = { host: 'abc.tunnel.example', 'x-forwarded-proto': 'https' }
    expect((await webhook(incoming({ ...headers, 'x-twilio-signature': signed }))).status).toBe(200)
    expect((await webhook(incoming(headers))).status).toBe(401)
    const forged = twilioSignature('another-token', url, FORM)
    expect((await webhook(incoming({ ...headers, 'x-twilio-signature': forged }))).status).toBe(403)
    // The signature covers the URL: a request replayed to another host fails.
    expect(
      (
        await webhook(
          incoming({ host: 'other.example', 'x-forwarded-proto': 'https', 'x-twilio-signature': signed }),
        )
      ).status,
    ).toBe(403)
  })

  it('the auth token stands in for authorize in production', () => {
    expect(() => createTwilioWebhook({ production: true })).toThrow(/authorize/)
    expect(() => createTwilioWebhook({ production: true, authToken: TOKEN })).not.toThrow()
  })

  refusalTests((guard) => createTwilioWebhook(guard), incoming)
})

describe('Twilio media stream socket: refused before any WebSocket opens', () => {
  let server: Server | null = null
  let close: (() => Promise<void>) | null = null
  afterEach(async () => {
    await close?.()
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    server = null
    close = null
  })

  /** An HTTP server with the stream route (the guard is made at once, so a refusal to start throws here). */
  function streamEndpoint(guard: GuardOptions<{ id: string }> & { authToken?: string }) {
    const bridge = createTwilioBridge({
      agent: new RealtimeAgent({ name: 'Phone' }),
      run: () => ({ apiKey: 'sk-test' }),
      log: () => {},
    })
    const http = createServer()
    server = http
    const attached = attachTwilioMediaStream(http, { bridge, ...guard })
    const listening = attached.then(async (route) => {
      close = async () => {
        bridge.close()
        await route.close()
      }
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
      return (http.address() as AddressInfo).port
    })
    return { port: () => listening }
  }

  /** Opens a socket; resolves with the HTTP refusal (status, headers, body), or 101 once it opened. */
  function upgrade(port: number, headers: Record<string, string>) {
    return new Promise<{ status: number; headers: Record<string, string>; body: string }>(
      (resolve, reject) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/media-stream`, { headers })
        socket.on('unexpected-response', (_, response) => {
          let body = ''
          response.on('data', (chunk) => (body += chunk))
          response.on('end', () => {
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers as Record<string, string>,
              body,
            })
            socket.terminate()
          })
        })
        socket.on('open', () => {
          resolve({ status: 101, headers: {}, body: '' })
          socket.close()
        })
        socket.on('error', (error) => {
          if (!error.message.includes('Unexpected server response')) reject(error)
        })
      },
    )
  }

  refusalTests(
    (guard) => {
      const endpoint = streamEndpoint(guard)
      return async (request) => {
        const result = await upgrade(await endpoint.port(), Object.fromEntries(request.headers))
        // An opened socket stands for the 200 of the HTTP entry points.
        if (result.status === 101) return new Response(null, { status: 200 })
        return new Response(result.body, { status: result.status, headers: result.headers })
      }
    },
    (headers) => new Request('http://stream/media-stream', { headers }),
  )

  it('checks Twilio’s signature of the socket URL', async () => {
    const port = await streamEndpoint({ authToken: TOKEN }).port()
    const url = `ws://127.0.0.1:${port}/media-stream`
    expect((await upgrade(port, {})).status).toBe(401)
    expect((await upgrade(port, { 'x-twilio-signature': twilioSignature('wrong', url) })).status).toBe(403)
    expect((await upgrade(port, { 'x-twilio-signature': twilioSignature(TOKEN, url) })).status).toBe(101)
  })
})
