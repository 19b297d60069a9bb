export type {
  ClientEvent,
  ClientEventOf,
  ClientEventType,
  ServerEvent,
  ServerEventOf,
  ServerEventType,
} from './wire.generated'
export { CLIENT_EVENT_TYPES, SERVER_EVENT_TYPES } from './wire.generated'

/** A server event as received: a `type` and whatever else the server sent (new or unknown types too). */
export interface RawServerEvent {
  type: string
  event_id?: string
  [key: string]: unknown
}
