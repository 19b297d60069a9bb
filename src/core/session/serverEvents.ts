import { bytesToMs, decodeBase64, fromWireFormat } from '../codec'
import { messageOf, RealtimeError } from '../errors'
import { applyToHistory, settleItems, truncateItem } from '../history'
import {
  parseServerEvent,
  type ServerEvent,
  type ServerEventOf,
  type WireItem,
  type WireResponse,
} from '../protocol'
import { addUsage } from '../usage'
import type { SessionEngine } from './engine'

/** One message from the server: parsed once here, then acted on. */
export function receiveServerMessage(engine: SessionEngine, data: unknown): void {
  if (!engine.live) return
  const parsed = parseServerEvent(data)
  if (!parsed.ok) {
    if (parsed.event) engine.hub.emit({ type: 'raw_model_event', data: parsed.event })
    engine.emitError(
      new RealtimeError('invalid_server_event', `Ignored a malformed server event: ${parsed.reason}.`, {
        details: { data: typeof data === 'string' ? data.slice(0, 500) : data },
      }),
    )
    return
  }
  engine.hub.emit({ type: 'raw_model_event', data: parsed.event })
  if (!parsed.known) return
  try {
    handleServerEvent(engine, parsed.event)
  } catch (cause) {
    engine.emitError(
      new RealtimeError(
        'invalid_server_event',
        `Could not apply \`${parsed.event.type}\`: ${messageOf(cause)}`,
        {
          cause,
          details: { data: parsed.event },
        },
      ),
    )
  }
}

/**
 * What the session does on each server event it knows: the one place to extend when the kit
 * learns a new event. Events that change the conversation go on to the history reducer.
 */
export function handleServerEvent(engine: SessionEngine, event: ServerEvent): void {
  const output = engine.output
  switch (event.type) {
    case 'session.created':
    case 'session.updated': {
      const audio = event.session.audio
      const format = audio && 'output' in audio ? audio.output?.format : undefined
      engine.confirmed(format ? fromWireFormat(format) : null)
      return
    }
    case 'error': {
      const { message, code, event_id: clientEventId } = event.error
      engine.emitError(
        new RealtimeError('server_error', message || 'The server reported an error.', {
          serverCode: code ?? null,
          eventId: event.event_id ?? null,
          clientEventId: clientEventId ?? null,
          details: { ...event.error },
        }),
      )
      return
    }
    case 'output_audio_buffer.started':
      output.mediaPlaying = true
      engine.setStatus('speaking')
      return
    case 'output_audio_buffer.stopped':
      output.mediaPlaying = false
      engine.settleStatus()
      return
    case 'output_audio_buffer.cleared':
      output.mediaPlaying = false
      if (output.mediaItem)
        engine.hub.emit({ type: 'audio_interrupted', itemId: output.mediaItem, contentIndex: 0 })
      engine.settleStatus()
      return
    case 'input_audio_buffer.speech_started':
      // Over WebRTC the server cuts its own playback (and reports output_audio_buffer.cleared).
      if (!output.overMedia && engine.settings.turnDetection?.interruptResponse !== false)
        engine.interruptPlayback()
      engine.setStatus('listening')
      return
    case 'input_audio_buffer.speech_stopped':
      engine.stores.latency.turnEnded(engine.clock)
      return
    case 'input_audio_buffer.timeout_triggered':
      engine.hub.emit({
        type: 'input_audio_timeout_triggered',
        itemId: event.item_id,
        audioStartMs: event.audio_start_ms,
        audioEndMs: event.audio_end_ms,
      })
      return
    case 'response.created':
      engine.responses.started(event.response.id ?? '')
      engine.setStatus('thinking')
      return
    case 'response.output_item.added':
      engine.responses.items.push(event.item.id ?? '')
      if (event.item.type === 'message' && event.item.id) output.mediaItem = event.item.id
      break
    case 'response.output_audio.delta':
      return onAudio(engine, event)
    case 'response.output_audio.done':
      output.finished(event.item_id)
      engine.hub.emit({ type: 'audio_end', itemId: event.item_id, contentIndex: event.content_index })
      return
    case 'response.output_text.delta':
      engine.stores.latency.outputStarted(engine.clock)
      break
    case 'response.function_call_arguments.done':
      onToolCall(engine, event.call_id, event.name, event.arguments)
      break
    case 'response.output_item.done':
      if (event.item.type === 'function_call' && event.item.call_id && event.item.status !== 'incomplete')
        onToolCall(engine, event.item.call_id, event.item.name, event.item.arguments ?? '')
      onMcpItem(engine, event.item, true)
      break
    case 'mcp_list_tools.failed':
      return engine.emitError(
        new RealtimeError(
          'mcp_failed',
          'A hosted MCP server could not list its tools: check its URL, headers and authorization.',
          { details: { itemId: event.item_id } },
        ),
      )
    case 'response.mcp_call.in_progress': {
      const call = engine.stores.conversation.get(event.item_id)
      return engine.mcp.use((mcp) => mcp.callStarted(call))
    }
    case 'response.done':
      return onResponseDone(engine, event.response)
    case 'conversation.item.added':
    case 'conversation.item.created':
      engine.unacked.delete(event.item.id ?? '')
      if (event.item.type === 'function_call_output')
        engine.tools.outputSeen(event.item.call_id, event.item.output)
      onMcpItem(engine, event.item, false)
      break
    case 'conversation.item.done':
      onMcpItem(engine, event.item, true)
      break
    case 'conversation.item.truncated': {
      const received = output.receivedMsOf(event.item_id, event.audio_end_ms)
      engine.emitHistory(
        truncateItem(engine.stores.conversation, event.item_id, event.audio_end_ms, received),
      )
      return
    }
  }
  const change = applyToHistory(engine.stores.conversation, event, engine.agent.name)
  engine.emitHistory(change)
  const item = change?.item
  if (item?.type !== 'message' || item.role !== 'assistant') return
  const guardrails = engine.outputGuardrails()
  if (guardrails.length === 0) return
  const { agent, runContext } = engine
  const final = event.type.endsWith('.done')
  engine.monitor.use((monitor) => monitor.check(item.itemId, item.text, final, guardrails, agent, runContext))
}

function onAudio(engine: SessionEngine, event: ServerEventOf<'response.output_audio.delta'>): void {
  const data = decodeBase64(event.delta)
  const ms = bytesToMs(data.byteLength, engine.outputFormat)
  if (!engine.output.received(event.item_id, event.content_index, ms)) return
  engine.stores.latency.outputStarted(engine.clock)
  engine.setStatus('speaking')
  engine.hub.emit({
    type: 'audio',
    itemId: event.item_id,
    contentIndex: event.content_index,
    responseId: event.response_id,
    data,
  })
}

function onResponseDone(engine: SessionEngine, response: WireResponse): void {
  engine.stores.usage.update((usage) => addUsage(usage, response.usage))
  const failed =
    response.status === 'cancelled' || response.status === 'failed' || response.status === 'incomplete'
  const { items, askAgain } = engine.responses.ended(engine.tools.inFlight)
  for (const change of settleItems(engine.stores.conversation, items, failed ? 'incomplete' : 'completed'))
    engine.emitHistory(change)
  if (engine.monitor.requested)
    engine.monitor.use((monitor) => {
      for (const id of items) monitor.forget(id)
    })
  if (response.status === 'failed') {
    const error = response.status_details?.error
    // The live API adds a message the schema does not list.
    const message: unknown = error ? Reflect.get(error, 'message') : null
    engine.emitError(
      new RealtimeError('server_error', typeof message === 'string' ? message : 'The response failed.', {
        serverCode: error?.code ?? null,
      }),
    )
  }
  if (askAgain) return engine.requestResponse()
  engine.settleStatus()
}

/** Hosted MCP items (a server's tool list, an approval request, a call) go to the MCP part. */
function onMcpItem(engine: SessionEngine, item: WireItem, done: boolean): void {
  if (item.type.startsWith('mcp_')) engine.mcp.use((mcp) => mcp.itemSeen(item, done))
}

function onToolCall(engine: SessionEngine, callId: string, name: string, args: string): void {
  const run = engine.tools.handle({ callId, name, arguments: args })
  if (!run) return
  engine.setStatus('thinking')
  void run.then(() => {
    if (engine.tools.inFlight === 0 && engine.live) engine.requestResponse()
  })
}
