export type {
  RealtimeTransport,
  TransportAuth,
  TransportConnectOptions,
  TransportHandlers,
} from './transport'
export type { WebSocketConstructor, WebSocketTransportOptions } from './websocket'
export { WebSocketTransport } from './websocket'
