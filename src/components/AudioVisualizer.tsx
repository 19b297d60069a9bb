'use client'
import {
  type CanvasHTMLAttributes,
  forwardRef,
  type RefObject,
  useEffect,
  useImperativeHandle,
  useRef,
} from 'react'
import { type RealtimeStatus, useAudioLevels, useRealtimeSession } from '../react'
import { cx } from './props'
import { drawBars, drawOrb, drawWaveform, type Frame, type LevelSource } from './visualizerDraw'

/** What the visualizer draws: which side's audio, as bars or a wave, how many bars. */
export interface VisualizerOptions {
  /** Whose audio: the user's microphone or the agent's voice. Default `output`. */
  source?: 'input' | 'output'
  /** `bars` (animated per agent state), `orb` or `waveform`. Default `bars`. */
  variant?: 'bars' | 'orb' | 'waveform'
  /** Number of bars. Default 5 for `bars`. */
  bars?: number
}

/**
 * Draws levels into a canvas on requestAnimationFrame, scaled for the device pixel ratio: no React
 * update per frame. The session state is read from a ref, so a change of state re-renders once and
 * the animation follows. Colours come from the canvas's CSS (`color`); `prefers-reduced-motion`
 * keeps the levels but drops the idle animations.
 * @example
 * const ref = useRef<HTMLCanvasElement>(null)
 * useAudioVisualizer(ref, { source: 'input', variant: 'orb' })
 */
export function useAudioVisualizer(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  { source = 'output', variant = 'bars', bars = 5 }: VisualizerOptions = {},
) {
  const levels = useAudioLevels()
  const { status } = useRealtimeSession()
  const statusRef = useRef<RealtimeStatus>(status)
  statusRef.current = status
  useEffect(() => {
    const canvas = canvasRef.current
    const context = canvas?.getContext?.('2d')
    if (!canvas || !context || typeof requestAnimationFrame === 'undefined') return
    const reduced = matchMedia?.('(prefers-reduced-motion: reduce)')
    const bins = new Uint8Array(256)
    const read: LevelSource = {
      level: () => (source === 'input' ? levels.getInputLevel() : levels.getOutputLevel()),
      spectrum: () => {
        if (source === 'input') levels.getInputFrequencyData(bins)
        else levels.getOutputFrequencyData(bins)
        return bins
      },
    }
    const history = new Float32Array(64)
    let cssWidth = canvas.clientWidth || canvas.width
    let cssHeight = canvas.clientHeight || canvas.height
    const resize = () => {
      const dpr = globalThis.devicePixelRatio || 1
      cssWidth = canvas.clientWidth || cssWidth
      cssHeight = canvas.clientHeight || cssHeight
      const width = Math.round(cssWidth * dpr)
      if (canvas.width === width && canvas.height === Math.round(cssHeight * dpr)) return
      canvas.width = Math.round(cssWidth * dpr)
      canvas.height = Math.round(cssHeight * dpr)
      context.setTransform(dpr, 0, 0, dpr, 0, 0)
    }
    resize()
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize)
    observer?.observe(canvas)
    let handle = 0
    const draw = (time: number) => {
      handle = requestAnimationFrame(draw)
      const frame: Frame = {
        context,
        width: cssWidth,
        height: cssHeight,
        time,
        status: statusRef.current,
        color: getComputedStyle(canvas).color,
        reducedMotion: reduced?.matches ?? false,
      }
      context.clearRect(0, 0, cssWidth, cssHeight)
      if (variant === 'orb') drawOrb(frame, read)
      else if (variant === 'waveform') drawWaveform(frame, read, history)
      else drawBars(frame, read, bars, source)
    }
    handle = requestAnimationFrame(draw)
    return () => {
      cancelAnimationFrame(handle)
      observer?.disconnect()
    }
  }, [canvasRef, levels, source, variant, bars])
}

/** Props of `AudioVisualizer`: a canvas's attributes plus the visualizer options. */
export interface AudioVisualizerProps extends CanvasHTMLAttributes<HTMLCanvasElement>, VisualizerOptions {}

/** Bars that show what the agent is doing, an orb, or a waveform, following the microphone or the agent's voice. */
export const AudioVisualizer = forwardRef<HTMLCanvasElement, AudioVisualizerProps>(function AudioVisualizer(
  { source = 'output', variant = 'bars', bars, className, width = 240, height = 64, style, ...props },
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
      style={{ width, height, ...style }}
      className={cx('rak-visualizer', className)}
      {...props}
    />
  )
})
