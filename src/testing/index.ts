// Core types that the simulator's API takes and returns, so test authors can name them from here.
export type {
  ClientEvent,
  Clock,
  RawServerEvent,
  RealtimeError,
  RealtimeErrorCode,
  RealtimeErrorOptions,
  RealtimeTransport,
  RecordedEntry,
  Recording,
  TimerHandle,
  TransportAuth,
  TransportConnectOptions,
  TransportHandlers,
  WireSessionConfig,
  wire,
} from '../core'
export type { CallAttachment, SimulatedCallState } from './calls'
export { SimulatedCall, SimulatedCalls } from './calls'
export type { CallsHandlerOptions } from './callsMsw'
export { createCallsHandlers } from './callsMsw'
export type { ConnectionOptions, SimulatedConnection } from './connection'
export { credentialOf } from './connection'
export type { ManualClockOptions } from './manualClock'
export { DEFAULT_MICROTASK_TURNS, flushMicrotasks, ManualClock } from './manualClock'
export type { McpCallRequest, SimulatedMcpServer } from './mcpServers'
export type { SimulatorHandlerOptions } from './msw'
export { createSimulatorHandlers, REALTIME_WS_URL } from './msw'
export type { SimulatorOptions } from './options'
export { createReplayHandlers } from './replay'
export type { ReplyContext, Scenario, ScenarioTurn, ScriptedReply } from './scenario'
export { callMcp, callTool, defaultReply, say } from './scenario'
export type { SimulatorServer } from './server'
export { startSimulatorServer } from './server'
export { RealtimeSimulator } from './simulator'
export type { SimulatorTransportOptions } from './simulatorTransport'
export { createSimulatorTransport, SimulatorTransport } from './simulatorTransport'
export type { TwilioOutgoing } from './twilioPhone'
export { TWILIO_FRAME_MS, TwilioPhone } from './twilioPhone'
export type { EventProblem, ValidationMode } from './validation'
export { checkEvent, eventProblem } from './validation'
