export type { RealtimeAuth, RealtimeClientOptions } from './client'
export { RealtimeClient } from './client'
export type { RealtimeClientSnapshot, RealtimeStatus } from './snapshot'
export type { TransportChoice } from './transports'
