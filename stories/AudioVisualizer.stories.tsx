import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'
import { AudioVisualizer } from '../src'
import { StateCatalogue, VOICE_STATES, withRealtime } from './support/realtimeExports'

const meta = {
  title: 'Components/AudioVisualizer',
  component: AudioVisualizer,
  decorators: [withRealtime],
  args: { source: 'output', variant: 'bars' },
} satisfies Meta<typeof AudioVisualizer>
export default meta
type Story = StoryObj<typeof meta>

/** The agent-state bars: each state animates its own way (still under `prefers-reduced-motion`). */
export const Bars: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement).getByRole('img', { name: 'Agent voice level' })
    await expect(canvas).toHaveAttribute('data-variant', 'bars')
    await expect(canvas).toHaveAttribute('data-state', 'idle')
  },
}

/** Every variant in every voice state, each a canvas sized for the device pixel ratio. */
export const AllStates: Story = {
  render: () => (
    <StateCatalogue>
      {(state) => (
        <span style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <code style={{ width: 100 }}>{state}</code>
          <AudioVisualizer source="output" variant="bars" width={120} height={40} />
          <AudioVisualizer source="output" variant="orb" width={40} height={40} />
          <AudioVisualizer source="output" variant="waveform" width={120} height={40} />
          <AudioVisualizer source="input" variant="orb" width={40} height={40} />
        </span>
      )}
    </StateCatalogue>
  ),
  play: async ({ canvasElement }) => {
    const outputs = within(canvasElement).getAllByRole('img', { name: 'Agent voice level' })
    await expect(outputs.map((c) => c.getAttribute('data-variant'))).toEqual(
      VOICE_STATES.flatMap(() => ['bars', 'orb', 'waveform']),
    )
    await expect(outputs.filter((_, i) => i % 3 === 0).map((c) => c.getAttribute('data-state'))).toEqual(
      VOICE_STATES.map((s) => s.patch.status),
    )
    const ratio = window.devicePixelRatio
    for (const canvas of outputs as HTMLCanvasElement[]) {
      await expect(canvas.width).toBe(Math.round(canvas.clientWidth * ratio))
    }
    await expect(within(canvasElement).getAllByRole('img', { name: 'Microphone level' })).toHaveLength(
      VOICE_STATES.length,
    )
  },
}
