'use client'
import { forwardRef, type HTMLAttributes } from 'react'
import { useLatency, useRealtimeSession, useUsage } from '../react'
import { AgentIndicator } from './AgentIndicator'
import { AudioVisualizer } from './AudioVisualizer'
import { ConnectionStatus } from './ConnectionStatus'
import { DeviceSelect } from './DeviceSelect'
import { EventLog } from './EventLog'
import { MessageInput } from './MessageInput'
import { cx } from './props'
import { TalkButton } from './TalkButton'
import { ToolCallList } from './ToolCallList'
import { TranscriptView } from './TranscriptView'

/** Everything at once: status, agent, talk button, visualizers, transcript, message box, tool calls, devices, metrics and events. */
export const VoiceConsole = forwardRef<
  HTMLDivElement,
  HTMLAttributes<HTMLDivElement> & { showEvents?: boolean }
>(function VoiceConsole({ className, showEvents = true, ...props }, ref) {
  const { status, disconnect, interrupt } = useRealtimeSession()
  const usage = useUsage()
  const latency = useLatency()
  const live = status !== 'idle' && status !== 'error'
  return (
    <div ref={ref} className={cx('rak-console', className)} data-state={status} {...props}>
      <header className="rak-console__header">
        <ConnectionStatus />
        <AgentIndicator />
      </header>
      <div className="rak-console__controls">
        <TalkButton />
        <button type="button" onClick={interrupt} disabled={status !== 'speaking'}>
          Interrupt
        </button>
        <button type="button" onClick={disconnect} disabled={!live}>
          End
        </button>
        <AudioVisualizer source="input" variant="orb" width={64} height={64} />
        <AudioVisualizer source="output" variant="bars" />
      </div>
      <TranscriptView className="rak-console__transcript" />
      <MessageInput />
      <div className="rak-console__side">
        <ToolCallList />
        <DeviceSelect />
        <dl className="rak-console__metrics">
          <dt>Latency (last)</dt>
          <dd>{latency.last === null ? '–' : `${Math.round(latency.last)} ms`}</dd>
          <dt>Tokens</dt>
          <dd>{usage.totalTokens}</dd>
        </dl>
      </div>
      {showEvents && <EventLog className="rak-console__events" limit={200} />}
    </div>
  )
})
