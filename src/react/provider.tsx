'use client'
import { type ReactNode, useEffect, useState } from 'react'
import { RealtimeClient, type RealtimeClientOptions } from './client'
import { RealtimeContext } from './context'

export interface RealtimeProviderProps extends RealtimeClientOptions {
  children?: ReactNode
  /** An existing client to share (other props are then ignored). */
  client?: RealtimeClient
}

/**
 * Owns one session and one audio graph for the components below it. Nothing connects until
 * `connect()` (from a click: see `TalkButton`), so StrictMode's double effects open no second
 * socket; unmounting closes the session, stops the microphone and closes the AudioContext.
 * Renders on the server without touching browser globals.
 * @example
 * <RealtimeProvider agent={agent} auth={{ getClientSecret }}>
 *   <TalkButton />
 *   <TranscriptView />
 * </RealtimeProvider>
 */
export function RealtimeProvider({ children, client: given, ...options }: RealtimeProviderProps) {
  const [client] = useState(() => given ?? new RealtimeClient(options))
  const { agent } = options
  useEffect(() => {
    if (agent && agent !== client.getSnapshot().currentAgent && !given) void client.updateAgent(agent)
  }, [agent, client, given])
  useEffect(() => () => client.dispose(), [client])
  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>
}
