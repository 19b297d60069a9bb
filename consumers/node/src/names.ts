// Types an app names in its own code, each imported from the entry where the app meets it. Only
// type-checked: if an entry stops exporting one of them, the consumer type check fails.
import type {
  RealtimeStatus,
  TalkButtonProps,
  ToolCallState,
  TranscriptViewProps,
  UseRealtimeSessionResult,
  UseToolCallsResult,
} from 'realtime-agent-kit'
import type { AudioDeviceList, AudioGraph, AudioGraphSnapshot } from 'realtime-agent-kit/audio'
import type { RealtimeClient, RealtimeClientSnapshot } from 'realtime-agent-kit/client'
import type {
  AnyRealtimeAgent,
  Clock,
  RealtimeErrorCode,
  RealtimeSessionEvent,
  RealtimeTransport,
  ServerEventOf,
  Store,
  ToolEndEvent,
  wire,
} from 'realtime-agent-kit/core'
import type { RealtimeRunner, RealtimeSession } from 'realtime-agent-kit/server'
import type { SimulatorServer, RealtimeTransport as TestingTransport } from 'realtime-agent-kit/testing'

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const same = <A, B>(_proof: Equal<A, B>) => {}

// A session event: the narrowed member of the union is the exported interface.
same<Extract<RealtimeSessionEvent, { type: 'tool_end' }>, ToolEndEvent>(true)
export const toolLine = (event: ToolEndEvent): string =>
  `${event.agent.name} ran ${event.name}: ${event.error ? event.error.code : event.output}`

// A wire event by its generated name, as `raw_model_event` and transports carry it.
same<ServerEventOf<'response.done'>, wire.ResponseDoneEvent>(true)
export const tokensOf = (event: wire.ResponseDoneEvent): number => event.response.usage?.total_tokens ?? 0
export const sendUpdate = (transport: RealtimeTransport, session: wire.SessionUpdateEvent['session']) =>
  transport.send({ type: 'session.update', session })

// The error code union, closed: a code the kit does not have is refused.
export const retryable: ReadonlySet<RealtimeErrorCode> = new Set(['connection_failed', 'connection_closed'])
// @ts-expect-error not one of the kit's error codes
export const unknownCode: RealtimeErrorCode = 'no_such_code'

// Hook return types and component props, from the React entry.
export const statusOf = (session: UseRealtimeSessionResult): RealtimeStatus => session.status
export const waiting = (calls: UseToolCallsResult): readonly ToolCallState[] => calls.pending
export const talk: TalkButtonProps = { mode: 'push', 'aria-label': 'Hold to talk' }
export const transcript: TranscriptViewProps = { className: 'transcript' }

// Stores, clock, agents, the client and the audio graph, each from its own entry.
export const snapshotOf = <S>(store: Store<S>): S => store.getSnapshot()
export const clientStatus = (client: RealtimeClient): RealtimeClientSnapshot['status'] =>
  snapshotOf(client).status
export const later = (clock: Clock, run: () => void) => clock.setTimeout(run, 1000)
export const agentName = (agent: AnyRealtimeAgent): string => agent.name
export const inputs = (graph: AudioGraph): AudioDeviceList['inputs'] =>
  (graph.getSnapshot() satisfies AudioGraphSnapshot).devices.inputs
export const started = (runner: RealtimeRunner<unknown>): Promise<RealtimeSession<unknown>> => runner.run()
export const simulatorUrl = (server: SimulatorServer): string => server.url
same<TestingTransport, RealtimeTransport>(true)
