'use client'
import { createContext, useContext } from 'react'
import type { RealtimeClient } from '../client'

export const RealtimeContext = createContext<RealtimeClient | null>(null)

/** The provider's client; throws a sentence that says what to do when there is none. */
export function useRealtimeClient(): RealtimeClient {
  const client = useContext(RealtimeContext)
  if (!client) {
    throw new Error(
      'RealtimeProvider is missing: wrap your app (or this component) in <RealtimeProvider agent={...} auth={...}>.',
    )
  }
  return client
}
