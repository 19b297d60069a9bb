export { RealtimeProvider } from '../../src'
export { frozenClient, message, Stack, withRealtime } from './realtime'
