export type { RealtimeSessionOptions } from './engine'
export type { ReconnectOptions } from './reconnect'
export type { RealtimeSessionSnapshot } from './session'
export { engineOf, RealtimeSession } from './session'
