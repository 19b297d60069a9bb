import type { RealtimeStatus } from '../react'

/** What one animation frame draws with; sizes are CSS pixels (the context is already DPR-scaled). */
export interface Frame {
  context: CanvasRenderingContext2D
  width: number
  height: number
  /** requestAnimationFrame's timestamp, ms. */
  time: number
  status: RealtimeStatus
  color: string
  reducedMotion: boolean
}

export interface LevelSource {
  /** 0..1 loudness now. */
  level(): number
  /** Frequency bins, 0..255. */
  spectrum(): Uint8Array
}

function roundedBar(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
  const r = Math.min(w / 2, h / 2)
  ctx.beginPath()
  ctx.roundRect(x, y, w, h, r)
  ctx.fill()
}

/**
 * The agent-state bar visualizer: speaking follows the voice's spectrum, listening breathes with
 * the microphone, thinking sweeps a highlight across the bars, idle rests as dots.
 */
export function drawBars(frame: Frame, read: LevelSource, count: number, source: 'input' | 'output') {
  const { context: ctx, width, height, time, status, color, reducedMotion } = frame
  const gap = Math.max(2, width / count / 4)
  const barWidth = Math.min((width - gap * (count - 1)) / count, height / 2)
  const total = barWidth * count + gap * (count - 1)
  const left = (width - total) / 2
  const min = barWidth
  const bins = source === 'output' && status === 'speaking' ? read.spectrum() : null
  const span = Math.max(1, Math.floor(128 / count))
  ctx.fillStyle = color
  for (let i = 0; i < count; i++) {
    let amount = 0
    let alpha = 1
    if (bins) {
      let sum = 0
      for (let j = 0; j < span; j++) sum += bins[i * span + j] ?? 0
      amount = sum / span / 255
    } else if (status === 'listening') {
      const level = Math.min(1, read.level() * 4)
      const breathe = reducedMotion ? 0 : 0.08 * (1 + Math.sin(time / 500 + i * 0.6))
      amount = breathe + level * (1 - Math.abs(i - (count - 1) / 2) / count)
    } else if (status === 'thinking' || status === 'connecting' || status === 'reconnecting') {
      const head = reducedMotion ? -1 : ((time / 180) % (count + 2)) - 1
      alpha = Math.abs(i - head) < 1 ? 1 : 0.35
      amount = 0.15
    } else if (status === 'speaking') {
      amount = Math.min(1, read.level() * 4)
    } else {
      alpha = 0.35
    }
    const h = Math.max(min, amount * height)
    ctx.globalAlpha = alpha
    roundedBar(ctx, left + i * (barWidth + gap), (height - h) / 2, barWidth, h)
  }
  ctx.globalAlpha = 1
}

/** A disc whose size follows the level, with a soft halo; it breathes while listening. */
export function drawOrb(frame: Frame, read: LevelSource) {
  const { context: ctx, width, height, time, status, color, reducedMotion } = frame
  const level = Math.min(1, read.level() * 4)
  const idle = status === 'idle' || status === 'error'
  const breathe = reducedMotion || idle ? 0 : 0.04 * Math.sin(time / 600)
  const base = Math.min(width, height) / 2
  const radius = base * (0.5 + level * 0.35 + breathe)
  ctx.fillStyle = color
  ctx.globalAlpha = 0.2
  ctx.beginPath()
  ctx.arc(width / 2, height / 2, Math.min(base, radius * 1.25), 0, Math.PI * 2)
  ctx.fill()
  ctx.globalAlpha = idle ? 0.45 : 1
  ctx.beginPath()
  ctx.arc(width / 2, height / 2, radius, 0, Math.PI * 2)
  ctx.fill()
  ctx.globalAlpha = 1
}

/** A scrolling envelope of the level: the newest sample on the right. */
export function drawWaveform(frame: Frame, read: LevelSource, history: Float32Array) {
  const { context: ctx, width, height, color } = frame
  history.copyWithin(0, 1)
  history[history.length - 1] = Math.min(1, read.level() * 4)
  const step = width / (history.length - 1)
  ctx.strokeStyle = color
  ctx.lineWidth = 2
  ctx.lineJoin = 'round'
  ctx.beginPath()
  for (let i = 0; i < history.length; i++) {
    const amplitude = Math.max(0.02, history[i] ?? 0) * (height / 2 - 2)
    const x = i * step
    const y = height / 2 - amplitude * (i % 2 === 0 ? 1 : -1)
    if (i === 0) ctx.moveTo(x, y)
    else ctx.lineTo(x, y)
  }
  ctx.stroke()
}
