'use client'
import { forwardRef, type HTMLAttributes, useEffect, useRef, useState } from 'react'
import { useLatency, useRealtimeSession, useToolCalls, useUsage } from '../react'
import { AgentIndicator } from './AgentIndicator'
import { AudioUnlockButton } from './AudioUnlock'
import { AudioVisualizer } from './AudioVisualizer'
import { ConnectionStatus } from './ConnectionStatus'
import { DeviceSelect } from './DeviceSelect'
import { EventLog } from './EventLog'
import { EndIcon, StopIcon } from './icons'
import { MessageInput } from './MessageInput'
import { cx } from './props'
import { Tabs } from './Tabs'
import { TalkButton } from './TalkButton'
import { ToolCallList } from './ToolCallList'
import { TranscriptView } from './TranscriptView'

type Panel = 'tools' | 'session' | 'events'

/** The tool panel comes forward when a new approval is waiting, wherever the user was. */
function usePanel(): [Panel, (panel: Panel) => void, number] {
  const { pending } = useToolCalls()
  const [panel, setPanel] = useState<Panel>('tools')
  const seen = useRef(0)
  useEffect(() => {
    if (pending.length > seen.current) setPanel('tools')
    seen.current = pending.length
  }, [pending.length])
  return [panel, setPanel, pending.length]
}

function Metrics() {
  const usage = useUsage()
  const latency = useLatency()
  return (
    <dl className="rak-console__metrics">
      <dt>Latency (last)</dt>
      <dd>{latency.last === null ? '–' : `${Math.round(latency.last)} ms`}</dd>
      <dt>Tokens</dt>
      <dd>{usage.totalTokens}</dd>
    </dl>
  )
}

/**
 * Everything at once, for phones to desktops: status and agent, the agent-state visualizer, the
 * transcript, the message box, one row of controls, and tool calls, settings and events as tabs
 * (the event log starts out of view). Secondary buttons stay focusable when they do not apply.
 */
export const VoiceConsole = forwardRef<
  HTMLDivElement,
  HTMLAttributes<HTMLDivElement> & { showEvents?: boolean }
>(function VoiceConsole({ className, showEvents = true, ...props }, ref) {
  const { status, disconnect, interrupt } = useRealtimeSession()
  const [panel, setPanel, pendingCount] = usePanel()
  const talkButton = useRef<HTMLButtonElement>(null)
  const live = status !== 'idle' && status !== 'error'
  const speaking = status === 'speaking'
  const tabs = [
    {
      id: 'tools',
      label: (
        <>
          Tools
          {pendingCount > 0 && (
            <span className="rak-tabs__badge">
              {pendingCount}
              <span className="rak-visually-hidden"> waiting for approval</span>
            </span>
          )}
        </>
      ),
      panel: <ToolCallList />,
    },
    {
      id: 'session',
      label: 'Settings',
      panel: (
        <div className="rak-console__settings">
          <DeviceSelect />
          <Metrics />
        </div>
      ),
    },
    ...(showEvents ? [{ id: 'events', label: 'Events', panel: <EventLog limit={200} /> }] : []),
  ]
  return (
    <div ref={ref} className={cx('rak-console', className)} data-state={status} {...props}>
      <div className="rak-console__main">
        <header className="rak-console__header">
          <ConnectionStatus />
          <AgentIndicator />
        </header>
        <div className="rak-console__stage">
          <AudioVisualizer source="output" variant="bars" width={160} height={56} />
        </div>
        <TranscriptView className="rak-console__transcript" />
        <MessageInput />
        <AudioUnlockButton focusAfter={talkButton} />
        <div className="rak-console__controls">
          <TalkButton ref={talkButton} className="rak-console__talk" />
          <AudioVisualizer
            source="input"
            variant="orb"
            width={36}
            height={36}
            className="rak-console__mic-level"
          />
          <button
            type="button"
            className="rak-button rak-console__interrupt"
            aria-disabled={!speaking || undefined}
            onClick={() => speaking && interrupt()}
          >
            <StopIcon />
            <span className="rak-button__label">Interrupt</span>
          </button>
          <button
            type="button"
            className="rak-button rak-button--danger rak-console__end"
            aria-disabled={!live || undefined}
            onClick={() => live && disconnect()}
          >
            <EndIcon />
            <span className="rak-button__label">End</span>
          </button>
        </div>
      </div>
      <aside className="rak-console__side" aria-label="Details">
        <Tabs label="Details" tabs={tabs} selected={panel} onSelect={(id) => setPanel(id as Panel)} />
      </aside>
    </div>
  )
})
