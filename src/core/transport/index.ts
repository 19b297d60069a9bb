export type {
  RealtimeTransport,
  TransportAuth,
  TransportConnectOptions,
  TransportHandlers,
} from './transport'
export type { DomMediaStream, WebRTCTransportOptions } from './webrtc'
export { REALTIME_CALLS_URL, WebRTCTransport } from './webrtc'
export type { WebSocketConstructor, WebSocketTransportOptions } from './websocket'
export { WebSocketTransport } from './websocket'
