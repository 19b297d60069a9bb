// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { RealtimeAgent, RealtimeProvider, VoiceConsole } from '../../src'

describe('server rendering', () => {
  it('renders the whole console without touching browser globals', () => {
    expect(typeof window).toBe('undefined')
    const html = renderToString(
      <RealtimeProvider
        agent={new RealtimeAgent({ name: 'Server' })}
        auth={{ getClientSecret: async () => 'ek_x' }}
      >
        <VoiceConsole />
      </RealtimeProvider>,
    )
    expect(html).toContain('Not connected')
    expect(html).toContain('Start conversation')
    expect(html).toContain('data-state="idle"')
    expect(html).toContain('Server')
  })
})

describe('React version under test', () => {
  it('is the one the project pins (dom: 19, dom-react18: 18)', async () => {
    const [{ version }, { version: domVersion }] = await Promise.all([import('react'), import('react-dom')])
    expect(version.split('.')[0]).toBe(process.env.EXPECTED_REACT_MAJOR)
    expect(domVersion).toBe(version)
  })
})
