'use client'
import {
  type CanvasHTMLAttributes,
  forwardRef,
  type RefObject,
  useEffect,
  useImperativeHandle,
  useRef,
} from 'react'
import { useAudioLevels, useRealtimeSession } from '../react'
import { cx } from './props'

/** What the visualizer draws: which side's audio, as bars or a wave, how many bars. */
export interface VisualizerOptions {
  /** Whose audio: the user's microphone or the agent's voice. Default `output`. */
  source?: 'input' | 'output'
  variant?: 'bars' | 'orb'
  bars?: number
}

/**
 * Draws levels into a canvas on requestAnimationFrame: no React update per frame. Colours come from
 * the canvas's CSS (`color` for bars and orb).
 * @example
 * const ref = useRef<HTMLCanvasElement>(null)
 * useAudioVisualizer(ref, { source: 'input', variant: 'orb' })
 */
export function useAudioVisualizer(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  { source = 'output', variant = 'bars', bars = 24 }: VisualizerOptions = {},
) {
  const levels = useAudioLevels()
  useEffect(() => {
    const canvas = canvasRef.current
    const context = canvas?.getContext?.('2d')
    if (!canvas || !context || typeof requestAnimationFrame === 'undefined') return
    const bins = new Uint8Array(256)
    let frame = 0
    const draw = () => {
      frame = requestAnimationFrame(draw)
      const { width, height } = canvas
      context.clearRect(0, 0, width, height)
      context.fillStyle = getComputedStyle(canvas).color
      if (variant === 'orb') {
        const level = source === 'input' ? levels.getInputLevel() : levels.getOutputLevel()
        const radius = (Math.min(width, height) / 2) * (0.35 + Math.min(1, level * 4) * 0.6)
        context.beginPath()
        context.arc(width / 2, height / 2, radius, 0, Math.PI * 2)
        context.fill()
        return
      }
      if (source === 'input') levels.getInputFrequencyData(bins)
      else levels.getOutputFrequencyData(bins)
      const barWidth = width / bars
      // Speech lives in the lower bins: spread the first half of the spectrum over the bars.
      const span = Math.floor(bins.length / 2 / bars)
      for (let i = 0; i < bars; i++) {
        let sum = 0
        for (let j = 0; j < span; j++) sum += bins[i * span + j] ?? 0
        const h = Math.max(2, (sum / span / 255) * height)
        context.fillRect(i * barWidth + 1, (height - h) / 2, Math.max(1, barWidth - 2), h)
      }
    }
    draw()
    return () => cancelAnimationFrame(frame)
  }, [canvasRef, levels, source, variant, bars])
}

/** Props of `AudioVisualizer`: a canvas's attributes plus the visualizer options. */
export interface AudioVisualizerProps extends CanvasHTMLAttributes<HTMLCanvasElement>, VisualizerOptions {}

/** Bars or an orb that follow the microphone or the agent's voice. */
export const AudioVisualizer = forwardRef<HTMLCanvasElement, AudioVisualizerProps>(function AudioVisualizer(
  { source = 'output', variant = 'bars', bars, className, width = 240, height = 64, ...props },
  ref,
) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  useImperativeHandle(ref, () => canvasRef.current as HTMLCanvasElement)
  useAudioVisualizer(canvasRef, { source, variant, ...(bars ? { bars } : {}) })
  const { status } = useRealtimeSession()
  return (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={source === 'input' ? 'Microphone level' : 'Agent voice level'}
      data-state={status}
      data-variant={variant}
      data-source={source}
      width={width}
      height={height}
      className={cx('rak-visualizer', className)}
      {...props}
    />
  )
})
