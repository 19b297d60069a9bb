export { RealtimeProvider } from '../../src'
export {
  clientIn,
  frozenClient,
  message,
  Stack,
  StateCatalogue,
  VOICE_STATES,
  withRealtime,
} from './realtime'
