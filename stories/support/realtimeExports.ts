export { RealtimeProvider } from '../../src'
export { ALL_STATUSES, frozenClient, message, Stack, StateCatalogue, withRealtime } from './realtime'
