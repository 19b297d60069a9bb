'use client'
import { type ReactNode, useEffect, useRef } from 'react'
import { RealtimeClient, type RealtimeClientOptions } from '../client'
import { RealtimeContext } from './context'

/**
 * Either the options of a client the provider creates and owns, or a client of yours it only
 * shares (with an optional `agent`: a changed one is applied to your client too).
 */
export type RealtimeProviderProps = { children?: ReactNode } & (
  | (RealtimeClientOptions & { client?: undefined })
  | { client: RealtimeClient; agent?: RealtimeClientOptions['agent'] }
)

/**
 * Puts a `RealtimeClient` (one session at a time, one audio graph) in context for the components
 * below it. Given `client`, it shares yours and never disposes it; otherwise it creates one from
 * the options and disposes it on unmount. A changed `agent` prop switches the session's agent.
 * Nothing connects until `connect()` (from a click: see `TalkButton`), so StrictMode's double
 * effects open no second socket. Renders on the server without touching browser globals.
 * @example
 * <RealtimeProvider agent={agent} auth={{ getClientSecret }}>
 *   <TalkButton />
 *   <TranscriptView />
 * </RealtimeProvider>
 */
export function RealtimeProvider(props: RealtimeProviderProps) {
  const owned = useOwnedClient(props.client ? null : props)
  const client = props.client ?? owned!
  useAgent(client, props.agent)
  return <RealtimeContext.Provider value={client}>{props.children}</RealtimeContext.Provider>
}

/** The client the provider creates when none is given: created once, disposed on unmount. */
function useOwnedClient(options: RealtimeClientOptions | null): RealtimeClient | null {
  // Created on first need and kept: a client given later and taken away again finds the same one.
  // (A construction discarded by a double render holds no resources: audio starts on connect.)
  const created = useRef<RealtimeClient | null>(null)
  if (!created.current && options) created.current = new RealtimeClient(options)
  const owned = options ? created.current : null
  // StrictMode runs this twice on mount: dispose leaves the client ready to connect again.
  useEffect(() => (owned ? () => owned.dispose() : undefined), [owned])
  return owned
}

/** Applies an `agent` prop that changed since the last render to the client (and its session). */
function useAgent(client: RealtimeClient, agent: RealtimeClientOptions['agent'] | undefined): void {
  const applied = useRef(agent)
  useEffect(() => {
    if (!agent || applied.current === agent) return
    applied.current = agent
    void client.updateAgent(agent)
  }, [client, agent])
}
